package once // want package:"touchesEnv"

import (
	"os"
	"sync"
)

var once sync.Once

func onceRead() string {
	var t string
	once.Do(func() { t = os.Getenv("TOKEN") }) // read once: not summarised
	return t
}

var secret = sync.OnceValue(func() string { return os.Getenv("CLIENT_SECRET") })

func onceWrite() { // want onceWrite:`envWrite\(X\)`
	once.Do(func() { os.Setenv("X", "1") }) // writes still count
}
