package envaccess

// SetSharedMin sets the component size from which summaries are shared
// (shared.go) and returns a function that restores it.
func SetSharedMin(n int) (restore func()) {
	old := sharedMin
	sharedMin = n
	return func() { sharedMin = old }
}
