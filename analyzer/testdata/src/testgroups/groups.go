// Package testgroups checks which tests may run at the same time.
package testgroups
