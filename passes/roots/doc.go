// Package roots defines the credlint_roots helper pass: it finds the
// concurrent roots of a package and learns which functions are spawners.
//
// A concurrent root is a function body that can run at the same time as
// other roots:
//
//   - HTTP handlers: every ServeHTTP method with the http.Handler signature,
//     and every function value of a router's handler type (see Frameworks
//     in known.go: net/http, gin, echo, fiber) that is passed as an
//     argument (http.HandleFunc, routers built on net/http such as chi and
//     gorilla/mux, r.GET), converted, stored, or written as a literal;
//   - RPC methods: the service methods of an implementation passed to a
//     generated RegisterXServer(s, impl), and the RPC-shaped methods of a
//     receiver published with net/rpc;
//   - scheduled jobs: robfig/cron's AddFunc functions and AddJob Run methods;
//   - the target of every go statement;
//   - function arguments of known spawners (errgroup.Group.Go and TryGo,
//     sync.WaitGroup.Go, time.AfterFunc, context.AfterFunc; see known.go) and
//     of learned spawners;
//   - parallel tests: a Test function or a t.Run subtest body that calls
//     t.Parallel;
//   - methods that goroutines of an imported package call through one of
//     its exported interfaces (a ConcurrentCalls package fact), of the
//     types the package converts to it (ifacecalls.go);
//   - concurrent regions: the statements of main, of a test, or of any
//     function that is not a root, after it starts a goroutine (a go
//     statement, a spawner call, a call of a function that leaves one
//     running) and before the join (regions.go).
//
// docs/roots.md lists the roots and shows how to add a framework: one row
// in known.go plus testdata.
//
// A learned spawner is a function that runs one of its function parameters
// in a new goroutine, directly (go fn()), from a goroutine body
// (go func() { fn() }(), or go func() { try(fn) }() which hands it on
// there), by passing it to another spawner, by sending it on a channel
// whose received functions the package calls (a worker goroutine's
// for fn := range tasks { fn() }), or by passing it to an interface method
// that some implementation in the package spawns (handoff.go). The pass
// exports a Spawner fact for it, so that pool.Submit(func() { ... }) in an
// importing package makes the literal a root; this is how the real ants
// (v2.12.1) Submit and conc (v0.3) pool.Go and WaitGroup.Go are learned.
// Functions stored in fields and run later by a worker
// (ants.NewPoolWithFunc's pool function) are not followed (a documented
// limit).
//
// A function that may return while a goroutine it started still runs
// (srv.Start(), go c.loop() then return) gets the Starts bit of the Spawner
// fact, so that its call starts a region in an importing package too
// (starters.go). Blocking servers (http.ListenAndServe and the functions
// that end by calling it, accept loops) and the standard library's own
// goroutines do not start one. A region keeps its starts, in order, so
// that the checker knows what runs at each of its statements. An
// interface method whose every implementation in view spawns a parameter
// is a spawner (ifacespawn.go).
//
// Helper passes never report; the credlint analyzer does.
package roots
