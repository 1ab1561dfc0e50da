// Package envaccess defines the credlint_envaccess helper pass: a summary of
// what each function does to the process environment, directly or through
// its callees, exported as a Summary fact so that it crosses packages (user
// packages, third-party modules and the standard library alike).
//
// # Accesses
//
// The sinks are listed in known.go: reads (os.Getenv, os.LookupEnv,
// os.Environ, os.ExpandEnv, os.Expand with os.Getenv as the mapping,
// syscall.Getenv, syscall.Environ), writes (os.Setenv, os.Unsetenv,
// os.Clearenv and the syscall twins), inheriting child processes (the Run,
// Start, Output and CombinedOutput methods of an *exec.Cmd whose Env is
// never assigned in the enclosing function), t.Setenv, and the per-user
// directory lookups (os.UserHomeDir, os.UserConfigDir, os.UserCacheDir),
// which read fixed names. A sink used as a value
// (template.FuncMap{"env": os.Getenv}) is an access with an unknown key. A
// sink's own body is never summarised.
//
// # Struct-tag loaders
//
// Library functions that fill a struct from variables named by its tags
// (envconfig.Process, caarlos0/env's Parse) are summarised like any other
// function, which gives a dynamic-name read. A call of one listed in
// tagLoaders (known.go) whose struct type and prefix are known at the call
// site reads the names the tags give instead (tags.go), with the summary's
// witness. When the struct is a parameter of the enclosing function (of an
// interface type) and the prefix a constant, the read is
// envRead($0{loader|prefix}) and the names are resolved at its call sites,
// across packages, like any parameter key.
//
// # Keys
//
// A key is a constant (named constants and constant concatenations
// included), a local variable whose every definition is a constant, a range
// variable over a literal or a package variable initialised with one
// (for _, k := range credKeys), a parameter of the enclosing function
// (envRead($0)), the elements of a slice parameter (envRead($0[])), a
// template parameter of os.ExpandEnv (envRead(${0})), the whole
// environment (*), or dynamic (?). Parameter keys are resolved at every call
// site, across packages: lookup("API_KEY") turns envRead($0) into
// envRead(API_KEY). A computed name (? or a prefix and suffix) carries
// where its unknown part comes from (Access.Origin, nameorigin.go): data,
// the program's own values, values of unknown origin, or parameters
// resolved at call sites like parameter keys.
//
// A key held in a variable that the enclosing condition constrains has
// the names the condition allows (if k == "X", switch k { case "A", "B" },
// if k != "X" { return }), or a prefix (strings.HasPrefix(k, "APP_"):
// envWrite(APP_*)); see guards.go.
//
// # Guards and value-preserving writes
//
// An access that only runs when a parameter, the receiver, or a field of
// one is the zero value or nil is a fallback: envRead(X_TOKEN)<$0.Token>.
// A call that passes a value there (a non-zero constant, a composite
// literal, a function) discharges it; one that passes its own parameter
// moves the guard there; any other value leaves envRead(X_TOKEN)<fallback>,
// which messages report as a fallback (guards.go, guardcall.go). The
// opposite polarity, an access that only runs when a boolean parameter or
// field is true, is a switch: envWrite(NOTIFY_SOCKET)<if $0>, discharged
// by a call that passes false (or a literal leaving the field out), kept
// as envWrite(NOTIFY_SOCKET)<if> with any other value. A write
// of the value just read from the same variable (os.Setenv(k,
// os.Getenv(k))) is not an access (preserve.go).
//
// # Calls followed (resolution policy)
//
//   - Static calls of functions and methods; generic functions through
//     their origin, which holds the fact.
//   - Function literals belong to the function that encloses them, unless
//     they are concurrent roots (go statements, spawner arguments,
//     handlers; see package roots), which are summarised on their own.
//   - A function used as a value counts as called where the value is taken
//     (with unknown arguments): passing it to a callback, storing it.
//   - An interface method call reaches the methods of that name on the
//     concrete types whose values can reach it (dispatch by the types that
//     flow). When the receiver is a local variable every definition of
//     which the function shows with a concrete type
//     (var s Source = StaticSource(tok); s := Source(&Vault{})), only
//     those types' methods (origin.go). Otherwise every method of that
//     name on a concrete type that implements the receiver's interface
//     type, declared in this package or imported with a Summary fact
//     (from this repository or one it imports directly, see resolve.go),
//     and converted to an interface with a method of that name, or to one
//     without methods (from which a type assertion can reach any), in
//     this package or in a package it depends on (conversions.go: an
//     explicit conversion, an assignment or declaration, an argument, a
//     return value, a composite literal's element, a send; var _ I = T{}
//     counts; a conversion into a local variable used only as a method
//     call's receiver does not, its origin being visible). A type never
//     converted there is never a callee. The conversions cross packages
//     as a Conversions package fact. A method of a generic type S[T]
//     counts when S[T] implements the interface for every T, or when an
//     instantiation the package writes (S[string]) does. A conversion
//     to an exported method of an exported interface outside the
//     standard library is also carried by value, with the method's
//     accesses, in the Conversions fact of the converting package and of
//     the packages that import it blank (import _), so that a unit that
//     cannot see the converting package (go vet shows a unit the package
//     facts of its direct imports only) still reaches it (carried.go:
//     providers registered in init, reached through a register package).
//     Not seen: a
//     conversion made only by a dependent package (a library's interface
//     call on a value its caller converted: the caller's own interface
//     calls see it), and the origin of a parameter (client.New(Static(tok))
//     still reaches every converted implementation inside New).
//   - A function value taken in a package-level initializer
//     (var funcs = template.FuncMap{"env": os.Getenv, "set": setEnv}),
//     directly or through another package variable the initializer uses,
//     counts as taken (called with unknown arguments) by every function
//     that uses the variable; a literal there is summarised on its own
//     and reached the same way. A call in an initializer runs at init and
//     is no one's. An exported variable holding function values gets a
//     Summary fact of what they do, so that another package's use
//     (Funcs(lib.Funcs)) takes them too (varfuncs.go).
//   - A call of (*text/template.Template).Execute or ExecuteTemplate (and
//     html/template's) reaches, with unknown arguments, every function
//     this package hands to a template's Funcs (a map literal, a local
//     defined by one, a package variable): the template text calls them.
//     Which template was given which map is not tracked.
//   - A call through a function-typed variable, field or element (not a
//     parameter, which is counted where the caller passes the value)
//     reaches every function of this package whose value is taken in the
//     package and whose signature is identical, sinks included.
//   - The function argument of sync.Once.Do, sync.OnceFunc, sync.OnceValue
//     and sync.OnceValues runs once: its reads are dropped, writes kept,
//     whether it is a literal, a named function or a method value. A call
//     of a package-level variable made by one of them
//     (var lazyEnv = sync.OnceValue(collectEnv)) reaches that function
//     the same way; a call of any other function-typed variable, field or
//     element reaches the functions handed to run-once calls whose
//     signature it has as run-once too (s.env = sync.OnceValue(s.load);
//     s.env()), and a function whose value is only ever handed to
//     run-once calls is not address-taken (once.go).
//   - Not followed: reflection, function values sent on channels and run by
//     another package's worker, cgo, assembly.
//
// Recursion is handled by iterating to a fixed point over the package's
// call graph, one strongly connected component at a time, callees'
// components first (scc.go): a function whose summary grows puts its
// callers in the component back on the work list. Summaries only grow and
// witnesses only improve, so the iteration ends. In a component of 32
// functions or more whose inner calls hold no lock, are not run-once and
// are not under a fallback guard, every member reaches every access that
// no call can change (a name that is not a parameter, no guard) in the
// same form: such accesses are kept once for the component, with the
// witness from each member where they enter it, and a member's summary
// adds them with the shortest chain of inner calls only when it is needed
// (a caller outside the component, a fact, a question to the Result).
// Without it, n mutually recursive functions hold n copies of n
// witnesses (shared.go; bench/grow -shape recursive).
//
// # Facts
//
// (Besides Summary and TouchesEnv, the Conversions package fact lists the
// conversions a package makes of types with environment-reaching methods,
// as "pkg.T.M" strings, sorted, and the carried dispatches, see
// conversions.go and carried.go. A function that leaves
// goroutines running gets a Background fact with what those goroutines
// access, when they reach the environment; see background.go.)
//
// A Summary fact is exported only for a function that reaches the
// environment (and, in a big component, only for a member another package
// can call or one called from outside the component); its accesses are deduplicated by kind, operation and key,
// keeping the best witness (shortest path, then fewest dynamic calls, then
// source order), capped at MaxHops hops, and sorted, so the encoding is the
// same on every run. Hops store a display name and an "import/path/file.go:
// line" string, never a token.Pos. A TouchesEnv package fact marks packages
// with at least one Summary, so that packages which use nothing from os,
// syscall, os/exec, testing or a TouchesEnv package skip the pass early.
//
// Inside the analysed package, summaries keep one access per place where
// the path leaves the package's own code, so that every such call can be
// reported; facts keep one per key.
//
// Helper passes never report; the credlint analyzer does.
package envaccess
