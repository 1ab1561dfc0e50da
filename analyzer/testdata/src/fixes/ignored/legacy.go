//go:build legacy

package ignored

// A build with -tags legacy compiles this call: the fix must not change
// lookup's signature.
func legacyLookup() string { return lookup("OPENAI_API_KEY") }
