// Package rpcsvc publishes a net/rpc service whose method reads a
// variable named by its request: a request root's own parameters are
// data (issue 13, K13).
package rpcsvc

import (
	"net/rpc"
	"os"

	"names/lib"
)

// Args is the request message.
type Args struct{ Name string }

// Settings reads settings by name.
type Settings struct{}

// Get reads APP_<args.Name>: the caller names the variable.
func (Settings) Get(args *Args, reply *string) error {
	*reply = os.Getenv("APP_" + args.Name) // want `^os\.Getenv\(<name starting "APP_">\) reads a variable named at run time, reachable from net/rpc method \(Settings\)\.Get \(name chosen by data:`
	return nil
}

// Count reads APP_INSTANCE_<n>: a number the caller sends, among the
// program's own numbered names.
func (Settings) Count(n int, reply *string) error {
	*reply = lib.Instance(n) // not reported: the library's constants and a number
	return nil
}

// Serve publishes Settings.
func Serve() { rpc.Register(Settings{}) }
