package program

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/credlint/credlint/passes/envaccess"
)

// This file adjusts the analyzer's messages when the whole-program view
// merges the findings of several packages into one: the subject lists the
// variable names of all of them, and the count of other roots covers all
// of them. The wording is the analyzer's (analyzer/message.go); a test
// runs the real analyzer so that the two cannot drift apart silently.

// maxKeysShown is the analyzer's cap on names in a subject.
const maxKeysShown = 3

// subjectEnds are the words that follow the subject in each rule's message.
var subjectEnds = []string{" reachable from ", " reads a ", " copies the whole", " starts a child", " in "}

// splitSubject returns the subject of msg (the access, such as
// os.Getenv of "A" and "B") and the rest.
func splitSubject(msg string) (subject, rest string) {
	end := -1
	for _, s := range subjectEnds {
		if i := strings.Index(msg, s); i >= 0 && (end < 0 || i < end) {
			end = i
		}
	}
	if end < 0 {
		return "", msg
	}
	return msg[:end], msg[end:]
}

var (
	quoted   = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
	moreKeys = regexp.MustCompile(` and (\d+) more$`)
)

// subjectKeys returns the keys a subject shows, as envaccess renders keys:
// names, "?" for a dynamic name (or one known by its prefix), "*" for the
// whole environment; "+N" stands
// for N names the subject left out.
func subjectKeys(subject string) []string {
	if strings.HasSuffix(subject, ">)") { // (<dynamic name>), (<name starting "APP_">)
		return []string{"?"}
	}
	var keys []string
	for _, q := range quoted.FindAllString(subject, -1) {
		if k, err := strconv.Unquote(q); err == nil {
			keys = append(keys, k)
		}
	}
	if m := moreKeys.FindStringSubmatch(subject); m != nil {
		keys = append(keys, "+"+m[1])
	}
	if len(keys) == 0 {
		return []string{"*"}
	}
	return keys
}

// constSubject renders the subject of a read or write of constant keys, as
// the analyzer does; ok is false when some key is not a constant name.
func constSubject(op string, keys []string) (string, bool) {
	if len(keys) == 0 {
		return "", false
	}
	for _, k := range keys {
		// "*" is the whole environment, and inside a key a name known
		// by its prefix or suffix (APP_*, *_region): not a constant.
		if k == "" || k == "?" || strings.Contains(k, "*") || strings.HasPrefix(k, "$") || strings.HasPrefix(k, "+") {
			return "", false
		}
	}
	if len(keys) == 1 && envaccess.KeyIsArg(op) {
		return op + "(" + strconv.Quote(keys[0]) + ")", true
	}
	var q []string
	for i, k := range keys {
		if i == maxKeysShown {
			break
		}
		q = append(q, strconv.Quote(k))
	}
	switch rest := len(keys) - len(q); {
	case rest > 0:
		return op + " of " + strings.Join(q, ", ") + " and " + strconv.Itoa(rest) + " more", true
	case len(q) > 1:
		return op + " of " + strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1], true
	}
	return op + " of " + q[0], true
}

var otherRoots = regexp.MustCompile(`^ and (\d+) other roots?`)

// countOthers returns the number of other roots a message mentions after
// the description of its root.
func countOthers(msg, desc string) int {
	i := strings.Index(msg, desc)
	if desc == "" || i < 0 {
		return 0
	}
	m := otherRoots.FindStringSubmatch(msg[i+len(desc):])
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// setOthers rewrites the count of other roots after desc in msg to n.
func setOthers(msg, desc string, n int) string {
	i := strings.Index(msg, desc)
	if desc == "" || i < 0 {
		return msg
	}
	head, tail := msg[:i+len(desc)], msg[i+len(desc):]
	if m := otherRoots.FindString(tail); m != "" {
		tail = tail[len(m):]
	}
	switch {
	case n == 1:
		head += " and 1 other root"
	case n > 1:
		head += " and " + strconv.Itoa(n) + " other roots"
	}
	return head + tail
}

// setSentence replaces the witness sentence at the end of msg, which
// follows ": " and starts with the root's short name short.
func setSentence(msg, short, s string) string {
	i := strings.LastIndex(msg, ": "+short+" calls ")
	if i < 0 || s == "" {
		return msg
	}
	return msg[:i+2] + s
}
