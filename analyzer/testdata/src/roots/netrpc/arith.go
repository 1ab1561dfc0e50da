// Package netrpc publishes a receiver with net/rpc: its exported methods
// of the RPC shape are roots.
package netrpc

import (
	"net/rpc"
	"os"
)

type Args struct{ A, B int }

type Arith struct{}

func (t *Arith) Multiply(args *Args, reply *int) error {
	_ = os.Getenv("RPC_API_KEY") // want `^os\.Getenv\("RPC_API_KEY"\) reads a credential reachable from net/rpc method \(\*Arith\)\.Multiply `
	return nil
}

// Reset has no RPC shape: net/rpc does not publish it.
func (t *Arith) Reset(key string) {
	os.Setenv("RPC_RESET_TOKEN", key) // not reported: not an RPC method, called once from Serve
}

type Keys struct{}

func (k Keys) Rotate(name string, reply *string) error {
	os.Setenv("RPC_ROTATE_TOKEN", name) // want `^os\.Setenv\("RPC_ROTATE_TOKEN"\) reachable from net/rpc method \(Keys\)\.Rotate`
	return nil
}

func Serve() {
	a := new(Arith)
	a.Reset("x")
	rpc.Register(a)
	s := rpc.NewServer()
	s.RegisterName("Keys", Keys{})
}
