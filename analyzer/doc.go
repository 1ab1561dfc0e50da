// Package analyzer defines credlint, a go/analysis analyzer that reports
// racy use of the process environment on concurrent paths.
//
// # Analyzer credlint
//
// credlint: report racy environment use on concurrent paths
//
// credlint walks from each concurrent root of a package (HTTP handlers,
// goroutines, functions handed to errgroup, sync.WaitGroup.Go, time.AfterFunc
// or a learned worker pool, and parallel tests) over per-function summaries
// of environment accesses, which cross package boundaries as facts. It
// reports:
//
//   - env-write-concurrent: os.Setenv, os.Unsetenv or os.Clearenv (or a
//     library call that makes one) reachable from a root;
//   - cred-read-concurrent: a credential variable (API keys, tokens,
//     secrets, passwords, DSNs, cloud credentials and credential-file
//     locators) or the whole environment read on a concurrent path, with
//     the write it may race with when one is in view;
//   - env-read-dynamic-concurrent: a read in the analysed code whose name
//     data chooses (request data, template or configuration text, decoded
//     input); a name the program builds from its own values races only
//     with a write known to touch it, under cred-read-concurrent;
//   - exec-inherits-env: a child process started with a nil Env while a
//     concurrent path writes the environment;
//   - tsetenv-in-parallel-test: t.Setenv in a parallel test, which panics;
//   - env-write-before-parallel-subtests: os.Setenv or os.Unsetenv in a
//     serial test whose parallel subtests run after it returns;
//   - ignore-directive: a //credlint:ignore directive without a reason, with
//     an unknown rule, or matching nothing.
//
// Each finding is reported once, in the package holding the root, with the
// witness call path in the message and as related information. Suppress one
// with //credlint:ignore <rule> <reason> on the line or in the doc comment of
// the enclosing function. See docs/rules.md for each rule.
package analyzer
