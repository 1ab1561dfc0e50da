package analyzer

// Rule IDs, used as Diagnostic.Category. Each has a section in
// docs/rules.md whose heading id is the ID. Never reuse a retired ID.
const (
	// RuleEnvWrite: os.Setenv, os.Unsetenv or os.Clearenv (or a syscall
	// twin, or a library function that calls one) reachable from a
	// concurrent root.
	RuleEnvWrite = "env-write-concurrent"
	// RuleCredRead: a credential key, or the whole environment, read on a
	// concurrent path while a write of the same variable (or of a computed
	// name, or of everything) can run at the same time.
	RuleCredRead = "cred-read-concurrent"
	// RuleRequestRead: a credential read with no write in view, reached
	// from a request root (an HTTP handler, a gRPC or net/rpc method).
	RuleRequestRead = "cred-read-in-request"
	// RuleSharedRead: a credential read with no write in view, reached from
	// any other root (goroutines, pools, jobs, parallel tests, main's
	// concurrent region). Advice, off by default.
	RuleSharedRead = "cred-read-shared"
	// RuleDynamicRead: a read whose variable name is computed at run time,
	// in the analysed code, on a concurrent path.
	RuleDynamicRead = "env-read-dynamic-concurrent"
	// RuleExecInherit: a child process started with a nil Env on a
	// concurrent path while a concurrent path writes the environment.
	RuleExecInherit = "exec-inherits-env"
	// RuleExecExposes: a child process started on a concurrent path with
	// the whole environment, in a package that reads credentials from it.
	// Advice, off by default.
	RuleExecExposes = "exec-env-exposes-credentials"
	// RuleTestSetenvParallel: t.Setenv in a parallel test or subtest, which
	// panics at run time.
	RuleTestSetenvParallel = "tsetenv-in-parallel-test"
	// RuleWriteBeforeSubtests: os.Setenv or os.Unsetenv in a serial test
	// whose parallel subtests run after the test function returns.
	RuleWriteBeforeSubtests = "env-write-before-parallel-subtests"
	// RuleContextRead: under -context-reads, a credential read from the
	// process environment where a context.Context is at hand, on any path.
	RuleContextRead = "cred-read-ignores-context"
	// RuleIgnoreDirective: a //credlint:ignore directive without a reason,
	// naming an unknown rule, or matching nothing.
	RuleIgnoreDirective = "ignore-directive"
)

// rules lists every rule ID, for directive validation and docs tests, in
// the order of config.Catalogue (which holds each rule's tier and default;
// a test keeps the two equal).
var rules = []string{
	RuleEnvWrite, RuleCredRead, RuleExecInherit, RuleTestSetenvParallel, RuleWriteBeforeSubtests,
	RuleRequestRead, RuleDynamicRead,
	RuleSharedRead, RuleExecExposes, RuleContextRead,
	RuleIgnoreDirective,
}

// Rules returns every rule ID in a stable order.
func Rules() []string { return append([]string(nil), rules...) }
