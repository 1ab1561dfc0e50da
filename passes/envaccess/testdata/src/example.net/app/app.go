package app // want package:"touchesEnv" package:`converted\(example\.net/app\.local\.Token\)`

import (
	"os"

	_ "example.org/mid"
)

type Tokener interface{ Token() string }

type local struct{}

func (local) Token() string { return os.Getenv("LOCAL_TOKEN") } // want Token:`envRead\(LOCAL_TOKEN\)`

// Call reaches the implementations of this repository and of those it
// imports directly, not far.T, which only mid (an import) uses.
func Call(t Tokener) string { return t.Token() } // want Call:`envRead\(LOCAL_TOKEN\)$`

// Default converts local to Tokener, which makes it a callee of Call.
func Default() Tokener { return local{} }
