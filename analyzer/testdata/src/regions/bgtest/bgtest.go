// Package bgtest is tested below with the starters of package bglib.
package bgtest
