// Package release holds the test that docs/release.md runs before tagging
// a release (TestInstallByVersion, issue 15): it publishes the working
// tree's released modules (workspace.Released) at one version to a module
// proxy on disk, and installs and uses them from there the way users do,
// with nothing else reachable. The package has no code of its own.
package release
