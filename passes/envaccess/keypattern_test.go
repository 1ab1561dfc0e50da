package envaccess

import "testing"

// TestMayOverlapAffixes: names known by a prefix, a suffix or both
// overlap a constant name or another pattern only when some name can have
// both.
func TestMayOverlapAffixes(t *testing.T) {
	konst := func(k string) *Access { return &Access{From: KeyConst, Key: k} }
	affix := func(pre, suf string) *Access { return &Access{From: KeyPrefix, Key: affixKey(pre, suf)} }
	for _, c := range []struct {
		name string
		a, b *Access
		want bool
	}{
		{"suffix against a name with it", affix("", "_region"), konst("OCI_region"), true},
		{"suffix against other names", affix("", "_region"), konst("AWS_ACCESS_KEY_ID"), false},
		{"suffix is case-sensitive", affix("", "_region"), konst("OCI_RESOURCE_PRINCIPAL_REGION"), false},
		{"prefix and suffix cannot overlap in a short name", affix("AB", "BC"), konst("ABC"), false},
		{"prefix and suffix", affix("OCI_", "_KEY"), konst("OCI_API_KEY"), true},
		{"prefix only", affix("APP_", ""), konst("APP_TOKEN"), true},
		{"prefix only, other name", affix("APP_", ""), konst("DB_PASSWORD"), false},
		{"two prefixes, one extends the other", affix("APP_", ""), affix("APP_DB_", ""), true},
		{"two prefixes that differ", affix("APP_", ""), affix("DB_", ""), false},
		{"prefix against suffix", affix("APP_", ""), affix("", "_KEY"), true},
		{"suffixes that differ", affix("", "_KEY"), affix("", "_region"), false},
		{"a computed name overlaps everything", &Access{From: KeyDynamic}, affix("", "_region"), true},
	} {
		if got := MayOverlap(c.a, c.b); got != c.want {
			t.Errorf("%s: MayOverlap(%s, %s) = %v, want %v", c.name, c.a.KeyString(), c.b.KeyString(), got, c.want)
		}
		if got := MayOverlap(c.b, c.a); got != c.want {
			t.Errorf("%s, swapped: MayOverlap = %v, want %v", c.name, got, c.want)
		}
	}
}
