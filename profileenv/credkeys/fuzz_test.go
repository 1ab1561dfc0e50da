package credkeys

import (
	"strings"
	"testing"
)

// FuzzClassify checks that Classify never panics, is deterministic, agrees
// with Explain, and that an exclude entry for the exact name always wins.
func FuzzClassify(f *testing.F) {
	for _, tc := range realNames {
		f.Add(tc.key)
	}
	for _, s := range []string{"", "_", "__AUTH__", "a", "KEY", "0_KEY", "É", "\x00", "A=B", "xKEYy", "URL", "_URL", "ROLE_ARN", "S3Key9"} {
		f.Add(s)
	}
	excluded := func(key string) *Rules {
		r, err := Default().With([]string{key}, []string{key})
		if err != nil {
			return nil
		}
		return r
	}
	f.Fuzz(func(t *testing.T, key string) {
		c := Default().Classify(key)
		if c != NotCredential && c != Credential {
			t.Fatalf("Classify(%q) = %v", key, c)
		}
		if c2, why := Default().Explain(key); c2 != c || why == "" {
			t.Fatalf("Explain(%q) = %v, %q; Classify = %v", key, c2, why, c)
		}
		if strings.ContainsAny(key, `*?[\`) {
			return // a pattern, not an exact name
		}
		if r := excluded(key); r != nil && r.Classify(key) != NotCredential {
			t.Fatalf("excluding %q does not exclude it", key)
		}
	})
}
