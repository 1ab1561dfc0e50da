package adapt_test

import (
	"testing"

	"github.com/credlint/credlint/profileenv"
	"github.com/credlint/credlint/profileenv/internal/adapt"
)

func TestDecide(t *testing.T) {
	t.Setenv("ADAPT_API_KEY", "from-process")
	t.Setenv("ADAPT_PORT", "from-process")
	t.Setenv("ADAPT_EMPTY", "")
	env, err := profileenv.New(map[string]string{"ADAPT_SET": "v", "ADAPT_BLANK": ""},
		profileenv.Fallback("ADAPT_FALLBACK"))
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("ADAPT_FALLBACK", "from-process")
	t.Setenv("ADAPT_BLANK", "from-process")
	vars := env.Vars()
	for _, c := range []struct {
		key  string
		v    string
		want adapt.Action
	}{
		{"ADAPT_SET", "v", adapt.Set},      // the profile's own value is passed
		{"ADAPT_BLANK", "", adapt.Reset},   // "" in the profile hides the process's value
		{"ADAPT_FALLBACK", "", adapt.Keep}, // falls back: the SDK's own read sees the same value
		{"ADAPT_API_KEY", "", adapt.Reset}, // a credential key the profile does not set: hidden
		{"ADAPT_PORT", "", adapt.Keep},     // not a credential key: falls back by default
		{"ADAPT_EMPTY", "", adapt.Keep},    // the process has nothing to hide
		{"ADAPT_NOWHERE", "", adapt.Keep},
	} {
		v, a := adapt.Decide(env, vars, c.key)
		if v != c.v || a != c.want {
			t.Errorf("Decide(%s) = %q, %v; want %q, %v", c.key, v, a, c.v, c.want)
		}
	}
}
