package analyzer

import (
	"fmt"
	"go/types"
	"strconv"
	"strings"

	"github.com/credlint/credlint/internal/names"
	"github.com/credlint/credlint/passes/config"
	"github.com/credlint/credlint/passes/envaccess"
	"github.com/credlint/credlint/passes/roots"
)

// maxKeysShown caps how many variable names a message lists.
const maxKeysShown = 3

// message renders a finding's one-line message: subject, predicate, hedge
// and the compact witness. It never includes a variable's value or the
// value argument of a write.
func message(f *finding, pkg *types.Package) string {
	var b strings.Builder
	b.WriteString(subject(f))
	from := reach(f)
	tier := "(" + string(config.RuleTier(f.rule)) + ": "
	switch f.rule {
	case RuleEnvWrite:
		if rd, ok := strings.CutPrefix(f.writer, readerMark); ok {
			fmt.Fprintf(&b, " reachable from %s %smay race with %s)", from, tier, rd)
		} else if f.writer != "" { // under a lock that some access does not hold
			fmt.Fprintf(&b, " reachable from %s %s%s, so it may race with it)", from, tier, f.writer)
		} else {
			fmt.Fprintf(&b, " reachable from %s %smay race with concurrent reads and writes of the environment)", from, tier)
		}
	case RuleCredRead, RuleRequestRead, RuleSharedRead:
		switch {
		case f.access.From == envaccess.KeyAll:
			fmt.Fprintf(&b, " copies the whole environment, credentials included, reachable from %s", from)
		case isComputed(f.access): // a family the program builds, racing with a write of it
			fmt.Fprintf(&b, " reads a variable named at run time, reachable from %s", from)
		default:
			fmt.Fprintf(&b, " reads a credential reachable from %s", from)
		}
		b.WriteString(readHedge(f, tier))
	case RuleDynamicRead:
		fmt.Fprintf(&b, " reads a variable named at run time, reachable from %s", from)
		b.WriteString(readHedge(f, tier))
	case RuleExecInherit:
		fmt.Fprintf(&b, " starts a child process that inherits the whole environment, reachable from %s %smay copy a value set by %s)", from, tier, f.writer)
	case RuleExecExposes:
		fmt.Fprintf(&b, " starts a child process that inherits the whole environment, reachable from %s %shands it the credentials this program reads, such as %s)", from, tier, strconv.Quote(f.writer))
	case RuleTestSetenvParallel:
		fmt.Fprintf(&b, " in %s panics at run time %scannot set environment variables in parallel tests)", from, tier)
	case RuleContextRead:
		fmt.Fprintf(&b, " reads a credential from the process environment in %s although a context is at hand %sa profile attached to the context is ignored)", f.root.Name, tier)
		return b.String()
	case RuleWriteBeforeSubtests:
		fmt.Fprintf(&b, " in serial test %s runs before its parallel subtests, which start after it returns %suse t.Setenv)", f.root.Name, tier)
	}
	b.WriteString(fallbackNote(f.access))
	b.WriteString(f.note) // what an SDK's row offers (sdkfix.go)
	if s := WitnessSentence(f.root, f.access, pkg); s != "" {
		b.WriteString(": ")
		b.WriteString(s)
	}
	return b.String()
}

// reach names the root of the witness and counts the other roots that
// reach the same site: "HTTP handler a and 2 other roots".
func reach(f *finding) string {
	s := RootDesc(f.root)
	switch n := len(f.others); {
	case n == 1:
		s += " and 1 other root"
	case n > 1:
		s += fmt.Sprintf(" and %d other roots", n)
	}
	return s
}

// readHedge says what a read may see, after its tier: tier is "(race: ".
func readHedge(f *finding, tier string) string {
	if w, ok := strings.CutPrefix(f.writer, guardedMark); ok {
		return " " + tier + "the writes in view, such as " + w + ", hold a lock it holds too; low risk while every writer takes it)"
	}
	if f.writer != "" && f.root.Group != "" {
		return " " + tier + "may see another test's value: races with " + f.writer + ")"
	}
	if f.writer != "" {
		return " " + tier + "may see another request's value: races with " + f.writer + ")"
	}
	switch f.rule {
	case RuleRequestRead:
		return " " + tier + "nothing in view writes it, but each caller may need its own value)"
	case RuleDynamicRead:
		return " " + tier + "nothing in view writes it, but the name decides which secret is read)"
	}
	return " " + tier + "nothing in view writes it; one value for the whole process)"
}

// fallbackNote says that an access only runs when an explicit value is
// missing, and names the guard: " (fallback: only when opts.Token == \"\")",
// or that it runs only when a boolean its callers pass is true:
// " (only when opts.Unset is true)".
func fallbackNote(a envaccess.Access) string {
	switch {
	case a.Guard.Text == "":
		return ""
	case a.Guard.Set:
		return " (only when " + a.Guard.Text + " is true)"
	}
	return " (fallback: only when " + a.Guard.Text + ")"
}

// subject renders the access: os.Setenv("API_TOKEN"), os.Getenv of "A",
// "B" and 3 more, os.Environ(), os.Getenv(<dynamic name>).
func subject(f *finding) string {
	a := f.access
	op := a.Op
	switch a.From {
	case envaccess.KeyAll:
		if a.Kind == envaccess.Inherit {
			return op
		}
		return op + "()"
	case envaccess.KeyConst:
		keys := f.keys
		if len(keys) == 1 && envaccess.KeyIsArg(op) {
			return op + "(" + strconv.Quote(keys[0]) + ")"
		}
		return op + " of " + keyList(keys)
	case envaccess.KeyPrefix:
		return op + prefixName(a.Affixes())
	}
	return op + "(<dynamic name>)"
}

// prefixName renders a name known by its prefix, its suffix or both:
// (<name starting "APP_">), (<name ending "_region">), (<name starting
// "OCI_" and ending "_region">).
func prefixName(prefix, suffix string) string {
	switch {
	case suffix == "":
		return "(<name starting " + strconv.Quote(prefix) + ">)"
	case prefix == "":
		return "(<name ending " + strconv.Quote(suffix) + ">)"
	}
	return "(<name starting " + strconv.Quote(prefix) + " and ending " + strconv.Quote(suffix) + ">)"
}

func keyList(keys []string) string {
	quoted := make([]string, 0, maxKeysShown)
	for i, k := range keys {
		if i == maxKeysShown {
			break
		}
		quoted = append(quoted, strconv.Quote(k))
	}
	switch rest := len(keys) - len(quoted); {
	case rest > 0:
		return strings.Join(quoted, ", ") + " and " + strconv.Itoa(rest) + " more"
	case len(quoted) > 1:
		return strings.Join(quoted[:len(quoted)-1], ", ") + " and " + quoted[len(quoted)-1]
	}
	return strings.Join(quoted, "")
}

// RootDesc renders a root for messages: "HTTP handler (*server).ServeHTTP",
// "goroutine in main", "parallel test TestX", "gin handler listUsers",
// "gRPC method (*server).GetUser", "cron job rotate".
func RootDesc(r *roots.Root) string {
	if r.Kind == roots.MainAfterGo {
		return r.Name + " after its goroutines start"
	}
	if r.Lit != nil {
		where := strings.TrimPrefix(r.Name, "func literal ")
		if r.Kind == roots.ParallelTest {
			return "parallel " + r.Name
		}
		return r.Label() + " " + where
	}
	return r.Label() + " " + r.Name
}

// RootShort names the root as the subject of the witness sentence.
func RootShort(r *roots.Root) string {
	if r.Lit == nil {
		return names.Short(r.Name)
	}
	if r.Kind == roots.MainAfterGo {
		return "main"
	}
	switch r.Kind {
	case roots.HTTPHandler:
		return "the handler"
	case roots.ParallelTest:
		return "the subtest"
	case roots.Scheduled:
		return "the job"
	case roots.RPCMethod:
		return "the method" // RPC methods are declared; kept for completeness
	}
	return "the goroutine"
}

// describeAccess renders an access for a message: os.Setenv("KEY") in
// withProfileEnv.
func describeAccess(w rootAccess, pkg *types.Package) string {
	a := w.access
	s := a.Op + "()"
	switch a.From {
	case envaccess.KeyConst:
		s = a.Op + "(" + strconv.Quote(a.Key) + ")"
	case envaccess.KeyDynamic, envaccess.KeyParam, envaccess.KeyParamElem:
		s = a.Op + "(<dynamic name>)"
	case envaccess.KeyPrefix:
		s = a.Op + prefixName(a.Affixes())
	}
	holder := RootShort(w.root)
	if n := len(a.Path); n >= 2 {
		holder = LocalName(a.Path[n-2].Callee, pkg)
	}
	return s + " in " + holder
}

// LocalName drops the package qualifier of the analysed package:
// "main.lookup" becomes "lookup", "providers.Status" stays.
func LocalName(display string, pkg *types.Package) string {
	if pkg != nil {
		if rest, ok := strings.CutPrefix(display, pkg.Name()+"."); ok {
			return rest
		}
		if rest, ok := strings.CutPrefix(display, "(*"+pkg.Name()+"."); ok {
			return "(*" + rest
		}
		if rest, ok := strings.CutPrefix(display, "("+pkg.Name()+"."); ok {
			return "(" + rest
		}
	}
	return display
}

// ElidedHops is the related entry that stands for the n calls a witness
// path longer than envaccess.MaxHops drops before its access, so that the
// listing never claims that the last call shown makes the access. Every
// output format shows it as one hop; a driver recognises it with
// ParseElidedHops.
func ElidedHops(n int) string {
	if n == 1 {
		return "... 1 call elided ..."
	}
	return "... " + strconv.Itoa(n) + " calls elided ..."
}

// ParseElidedHops returns n when msg is ElidedHops(n).
func ParseElidedHops(msg string) (int, bool) {
	s, ok := strings.CutPrefix(msg, "... ")
	if !ok {
		return 0, false
	}
	s, _, ok = strings.Cut(s, " ")
	n, err := strconv.Atoi(s)
	if !ok || err != nil || n < 1 || msg != ElidedHops(n) {
		return 0, false
	}
	return n, true
}

// witnessSentence renders the compact path: "ServeHTTP calls lookup, which
// calls os.Getenv". It shows the first call, the first call into another
// package (the SDK function), and the access; "eventually" marks hops left
// out. A path of one hop (the access is in the root) has no sentence.
//
// WitnessSentence is exported for drivers that merge findings across
// packages and rebuild a message's sentence for another root.
func WitnessSentence(root *roots.Root, a envaccess.Access, pkg *types.Package) string {
	path := a.Path
	if len(path) < 2 {
		return ""
	}
	show := []int{0}
	// Name the function the path enters another package through (the SDK
	// function): hop i is a call of this package whose callee is outside.
	for i := 0; i+1 < len(path)-1; i++ {
		if path[i].Pos().IsValid() && !path[i+1].Pos().IsValid() {
			if i > 0 {
				show = append(show, i)
			}
			break
		}
	}
	show = append(show, len(path)-1)
	var b strings.Builder
	b.WriteString(RootShort(root))
	b.WriteString(" calls ")
	b.WriteString(LocalName(path[0].Callee, pkg))
	prev := 0
	for _, i := range show[1:] {
		if i == prev {
			continue
		}
		b.WriteString(", which ")
		if i > prev+1 || (a.Elided > 0 && i == len(path)-1) {
			b.WriteString("eventually ")
		}
		b.WriteString("calls ")
		b.WriteString(LocalName(path[i].Callee, pkg))
		prev = i
	}
	return b.String()
}
