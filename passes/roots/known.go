package roots

// knownSpawners lists library functions that run a function argument in a
// new goroutine, keyed by (*types.Func).FullName, with the argument index
// (receiver not counted). Adding a spawner is one row here plus a testdata
// case.
var knownSpawners = map[string]knownSpawner{
	"(*golang.org/x/sync/errgroup.Group).Go":    {arg: 0, via: "errgroup.Group.Go"},
	"(*golang.org/x/sync/errgroup.Group).TryGo": {arg: 0, via: "errgroup.Group.TryGo"},
	"(*sync.WaitGroup).Go":                      {arg: 0, via: "sync.WaitGroup.Go"},
	"time.AfterFunc":                            {arg: 1, via: "time.AfterFunc"},
	"context.AfterFunc":                         {arg: 1, via: "context.AfterFunc"},
}

type knownSpawner struct {
	arg int    // index of the function argument
	via string // short display name used in messages
}

// Frameworks lists the handler function types of HTTP routers, one row per
// framework. A function or literal whose signature is Sig, used as a value
// (registered, converted, assigned, stored), is an HTTP handler root; a
// variable of type Request in scope gives the suggested fixes a context.
// Adding a router is one row here plus a stub and cases under testdata.
//
// Routers that register net/http handlers (chi, gorilla/mux, http.ServeMux
// patterns with methods) need no row: the net/http row covers them.
var Frameworks = []Framework{
	{Name: "", Type: "net/http.HandlerFunc", Sig: "func(net/http.ResponseWriter, *net/http.Request)",
		Request: "*net/http.Request", Context: "%s.Context()"},
	{Name: "gin", Type: "github.com/gin-gonic/gin.HandlerFunc", Sig: "func(*github.com/gin-gonic/gin.Context)",
		Request: "*github.com/gin-gonic/gin.Context", Context: "%s.Request.Context()"},
	{Name: "echo", Type: "github.com/labstack/echo/v4.HandlerFunc", Sig: "func(github.com/labstack/echo/v4.Context) error",
		Request: "github.com/labstack/echo/v4.Context", Context: "%s.Request().Context()"},
	{Name: "fiber", Type: "github.com/gofiber/fiber/v2.Handler", Sig: "func(*github.com/gofiber/fiber/v2.Ctx) error",
		Request: "*github.com/gofiber/fiber/v2.Ctx", Context: "%s.UserContext()"},
	// echo v5.4.4 and fiber v3.1.0: the context became a struct (echo) and
	// an interface (fiber), with Context() replacing UserContext().
	{Name: "echo", Type: "github.com/labstack/echo/v5.HandlerFunc", Sig: "func(*github.com/labstack/echo/v5.Context) error",
		Request: "*github.com/labstack/echo/v5.Context", Context: "%s.Request().Context()"},
	{Name: "fiber", Type: "github.com/gofiber/fiber/v3.Handler", Sig: "func(github.com/gofiber/fiber/v3.Ctx) error",
		Request: "github.com/gofiber/fiber/v3.Ctx", Context: "%s.Context()"},
}

// Framework is one row of Frameworks. Types are written with full package
// paths, as types.TypeString prints them with a nil qualifier.
type Framework struct {
	Name    string // display name: "gin" renders roots as "gin handler f"; "" for net/http
	Type    string // qualified name of the handler type; converting to it marks a handler
	Sig     string // the handler type's underlying signature
	Request string // type of the handler's request parameter
	Context string // the request's context.Context, with %s for the parameter's name
}

// knownJobs lists scheduler methods that run an argument later, on their
// own goroutine, keyed by (*types.Func).FullName. The argument is either a
// function (method "") or a value whose method Method runs.
var knownJobs = map[string]knownJob{
	"(*github.com/robfig/cron/v3.Cron).AddFunc": {arg: 1, via: "cron.AddFunc", framework: "cron"},
	"(*github.com/robfig/cron/v3.Cron).AddJob":  {arg: 1, via: "cron.AddJob", framework: "cron", method: "Run"},
}

type knownJob struct {
	arg       int    // index of the job argument
	via       string // short display name used in messages
	framework string // scheduler name for messages: "cron job f"
	method    string // the method run on the argument's dynamic type, or "" for a function
}

// rpcRegistrars are the net/rpc functions that publish a receiver's methods,
// with the index of the receiver argument.
var rpcRegistrars = map[string]int{
	"net/rpc.Register":               0,
	"net/rpc.RegisterName":           1,
	"(*net/rpc.Server).Register":     0,
	"(*net/rpc.Server).RegisterName": 1,
}

// grpcRegistrarTypes are the types of the first parameter of a generated
// RegisterXServer(s, impl) function.
var grpcRegistrarTypes = map[string]bool{
	"*google.golang.org/grpc.Server":          true,
	"google.golang.org/grpc.ServiceRegistrar": true,
}

// joinCalls wait for the goroutines a function started; they end a
// concurrent region (regions.go), whatever started it.
var joinCalls = map[string]bool{
	"(*sync.WaitGroup).Wait":                   true,
	"(*golang.org/x/sync/errgroup.Group).Wait": true,
	"(*net/http.Server).Shutdown":              true,
}

// joinMethods are the method names that join what a method of the same
// receiver started (srv.Start() ... srv.Stop()), or what the call whose
// result the receiver holds started (n := node.New(); n.Close()).
var joinMethods = map[string]bool{"Wait": true, "Stop": true, "Shutdown": true, "Close": true}

// servingCalls block serving requests until the server stops: the
// statements after one run only then, not alongside the handlers (unless
// the server was started in a goroutine: go srv.ListenAndServe()). A
// function that ends by calling one serves too (starters.go), so a
// router's Run that wraps ListenAndServe needs no row.
var servingCalls = map[string]bool{
	"net/http.ListenAndServe":              true,
	"net/http.ListenAndServeTLS":           true,
	"net/http.Serve":                       true,
	"net/http.ServeTLS":                    true,
	"(*net/http.Server).ListenAndServe":    true,
	"(*net/http.Server).ListenAndServeTLS": true,
	"(*net/http.Server).Serve":             true,
	"(*net/http.Server).ServeTLS":          true,
}

// goroutineStarters start goroutines that run jobs registered earlier; they
// begin a concurrent region like a go statement.
var goroutineStarters = map[string]bool{
	"(*github.com/robfig/cron/v3.Cron).Start": true,
}
