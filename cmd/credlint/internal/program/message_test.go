package program

import (
	"slices"
	"testing"
)

func TestSubject(t *testing.T) {
	for _, tc := range []struct {
		msg, subject string
		keys         []string
	}{
		{`os.Setenv("API_TOKEN") reachable from goroutine g (may race)`, `os.Setenv("API_TOKEN")`, []string{"API_TOKEN"}},
		{`os.Getenv of "A", "B" and "C" reads a credential reachable from x`, `os.Getenv of "A", "B" and "C"`, []string{"A", "B", "C"}},
		{`os.Getenv of "A", "B", "C" and 47 more reads a credential`, `os.Getenv of "A", "B", "C" and 47 more`, []string{"A", "B", "C", "+47"}},
		{`os.LookupEnv(<dynamic name>) reads a variable named at run time, reachable from x`, `os.LookupEnv(<dynamic name>)`, []string{"?"}},
		{`os.Environ() copies the whole environment, credentials included`, `os.Environ()`, []string{"*"}},
		{`(*exec.Cmd).Run starts a child process that inherits`, `(*exec.Cmd).Run`, []string{"*"}},
		{`(*testing.T).Setenv("K") in parallel test TestX panics`, `(*testing.T).Setenv("K")`, []string{"K"}},
		{`no subject here`, ``, nil},
	} {
		subject, rest := splitSubject(tc.msg)
		if subject != tc.subject || subject+rest != tc.msg {
			t.Errorf("splitSubject(%q) = %q, %q", tc.msg, subject, rest)
		}
		if tc.keys != nil && !slices.Equal(subjectKeys(subject), tc.keys) {
			t.Errorf("subjectKeys(%q) = %v, want %v", subject, subjectKeys(subject), tc.keys)
		}
	}
}

func TestConstSubject(t *testing.T) {
	for _, tc := range []struct {
		op   string
		keys []string
		want string
	}{
		{"os.Getenv", []string{"A"}, `os.Getenv("A")`},
		{"os.ExpandEnv", []string{"A"}, `os.ExpandEnv of "A"`},
		{"os.Getenv", []string{"A", "B"}, `os.Getenv of "A" and "B"`},
		{"os.Getenv", []string{"A", "B", "C", "D", "E"}, `os.Getenv of "A", "B", "C" and 2 more`},
		{"os.Getenv", []string{"A", "?"}, ""},
		{"os.Getenv", []string{"$0"}, ""},
		{"os.Getenv", []string{"APP_*"}, ""},
		{"os.Getenv", []string{"*_region"}, ""},
		{"os.Getenv", nil, ""},
	} {
		got, ok := constSubject(tc.op, tc.keys)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("constSubject(%s, %v) = %q, %v; want %q", tc.op, tc.keys, got, ok, tc.want)
		}
	}
}

func TestOthers(t *testing.T) {
	const desc = "HTTP handler (*server).handle"
	for _, tc := range []struct {
		msg  string
		n    int
		want string
	}{
		{"x reachable from " + desc + " (may race)", 0, "x reachable from " + desc + " (may race)"},
		{"x reachable from " + desc + " (may race)", 1, "x reachable from " + desc + " and 1 other root (may race)"},
		{"x reachable from " + desc + " and 1 other root: s", 3, "x reachable from " + desc + " and 3 other roots: s"},
		{"x reachable from " + desc + " and 2 other roots", 0, "x reachable from " + desc},
		{"x reachable from somebody else", 2, "x reachable from somebody else"},
	} {
		if got := setOthers(tc.msg, desc, tc.n); got != tc.want {
			t.Errorf("setOthers(%q, %d) = %q, want %q", tc.msg, tc.n, got, tc.want)
		}
		if got := countOthers(setOthers(tc.msg, desc, tc.n), desc); got != tc.n && tc.msg != "x reachable from somebody else" {
			t.Errorf("countOthers after setOthers(%d) = %d", tc.n, got)
		}
	}
}

func TestQualify(t *testing.T) {
	for in, want := range map[string]string{
		"lookup":              "main.lookup",
		"(*server).handle":    "(*main.server).handle",
		"(server).handle":     "(main.server).handle",
		"providers.Status":    "providers.Status",
		"(*exec.Cmd).Run":     "(*exec.Cmd).Run",
		"(config.configs).Fn": "(config.configs).Fn",
	} {
		if got := qualify(in, "main"); got != want {
			t.Errorf("qualify(%q) = %q, want %q", in, got, want)
		}
	}
}
