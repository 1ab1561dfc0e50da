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

// handlerConversions are named function types whose conversion marks the
// operand as an HTTP handler root, keyed by the type's qualified name.
var handlerConversions = map[string]bool{
	"net/http.HandlerFunc": true,
}

// joinCalls wait for the goroutines a function started; in main they end
// the concurrent region.
var joinCalls = map[string]bool{
	"(*sync.WaitGroup).Wait":                   true,
	"(*golang.org/x/sync/errgroup.Group).Wait": true,
	"(*net/http.Server).Shutdown":              true,
}
