package analyzer

// Rule IDs, used as Diagnostic.Category. Each has a section in
// docs/rules.md whose heading id is the ID. Never reuse a retired ID.
const (
	// RuleEnvWrite: os.Setenv, os.Unsetenv or os.Clearenv (or a syscall
	// twin, or a library function that calls one) reachable from a
	// concurrent root.
	RuleEnvWrite = "env-write-concurrent"
	// RuleCredRead: a credential key, or the whole environment, read on a
	// concurrent path.
	RuleCredRead = "cred-read-concurrent"
	// RuleDynamicRead: a read whose variable name is computed at run time,
	// in the analysed code, on a concurrent path.
	RuleDynamicRead = "env-read-dynamic-concurrent"
	// RuleExecInherit: a child process started with a nil Env on a
	// concurrent path while a concurrent path writes the environment.
	RuleExecInherit = "exec-inherits-env"
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

// rules lists every rule ID, for directive validation and docs tests.
var rules = []string{
	RuleEnvWrite, RuleCredRead, RuleDynamicRead, RuleExecInherit,
	RuleTestSetenvParallel, RuleWriteBeforeSubtests, RuleContextRead, RuleIgnoreDirective,
}

// Rules returns every rule ID in a stable order.
func Rules() []string { return append([]string(nil), rules...) }
