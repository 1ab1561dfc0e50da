// Package profileenv stands for the runtime shim: its default path reads the
// process environment, but the pass summarises nothing here.
package profileenv

import (
	"context"
	"os"
)

func Getenv(ctx context.Context, key string) string { return os.Getenv(key) } // no fact: the shim is the fix
