// Package ignore exercises //credlint:ignore directives: a valid one
// suppresses the finding it covers; one without a reason, naming an unknown
// rule or matching nothing is itself reported.
package ignore

import (
	"net/http"
	"os"
)

func handler(w http.ResponseWriter, r *http.Request) {
	os.Setenv("A_TOKEN", "x")  //credlint:ignore env-write-concurrent fixture for the suppression test; not reported
	os.Setenv("A2_TOKEN", "x") // reported: a trailing directive covers only its own line // want `^os\.Setenv\("A2_TOKEN"\) reachable from HTTP handler handler`

	//credlint:ignore env-write-concurrent a directive on its own line covers the next line
	os.Setenv("B_TOKEN", "x") // not reported: covered by the directive above

	// want +1 `^credlint:ignore directive for env-write-concurrent needs a reason after the rule$` `^os\.Setenv\("C_TOKEN"\) reachable from HTTP handler handler`
	os.Setenv("C_TOKEN", "x") //credlint:ignore env-write-concurrent

	// want +1 `^credlint:ignore directive names unknown rule "env-write" \(rules: env-write-concurrent, cred-read-concurrent, .*ignore-directive\)$` `^os\.Setenv\("D_TOKEN"\) reachable from HTTP handler handler`
	os.Setenv("D_TOKEN", "x") //credlint:ignore env-write not a rule ID, so nothing is suppressed

	// want +1 `^credlint:ignore directive for cred-read-concurrent matches no finding \(remove it\)$` `^os\.Setenv\("E_TOKEN"\) reachable from HTTP handler handler`
	os.Setenv("E_TOKEN", "x") //credlint:ignore cred-read-concurrent the rule does not match this write

	// want +1 `^credlint:ignore directive needs a rule and a reason: //credlint:ignore <rule> <reason>$`
	//credlint:ignore
}

// unused has no finding at all: its directive matches nothing.
func unused() {
	// want +1 `^credlint:ignore directive for env-write-concurrent matches no finding \(remove it\)$`
	//credlint:ignore env-write-concurrent nothing here is reachable from a root
	os.Setenv("F_TOKEN", "x") // not reported: no root reaches unused
}

var _ = unused

// docHandler's directive is in its doc comment, so it covers the whole
// function.
//
//credlint:ignore env-write-concurrent the fixture covers every write below
func docHandler(w http.ResponseWriter, r *http.Request) {
	os.Setenv("G_TOKEN", "x")  // not reported: covered by the doc comment directive
	os.Unsetenv("G_TOKEN")     // not reported: same
	_ = os.Getenv("H_API_KEY") // want `^os\.Getenv\("H_API_KEY"\) reads a credential reachable from HTTP handler docHandler`
}

// twiceHandler's doc comment names the rule twice: both directives cover
// the function, so neither matches nothing.
//
//credlint:ignore env-write-concurrent the first reason
//credlint:ignore env-write-concurrent the second reason
func twiceHandler(w http.ResponseWriter, r *http.Request) {
	os.Setenv("I_TOKEN", "x") // not reported: covered by both directives above
}

// afterDoc follows a function with a doc directive: that directive ends
// with the function above.
func afterDoc(w http.ResponseWriter, r *http.Request) {
	os.Setenv("J_TOKEN", "x") // want `^os\.Setenv\("J_TOKEN"\) reachable from HTTP handler afterDoc`
	/* a block comment */ os.Setenv("K_TOKEN", "x") //credlint:ignore env-write-concurrent trails code after a block comment; not reported
	//credlint:ignore env-write-concurrent stands alone although a statement spans the next line; covers it
	os.Setenv("L_TOKEN",
		"x") // not reported: the call starts on the covered line
}

func init() {
	http.HandleFunc("/", handler)
	http.HandleFunc("/doc", docHandler)
	http.HandleFunc("/twice", twiceHandler)
	http.HandleFunc("/after", afterDoc)
}
