package fakeprovider

import (
	"testing"

	"github.com/credlint/credlint/bench/precision/repro/fakeprovider/store"
)

func TestToken(t *testing.T) {
	store.MockInit()
	for _, host := range []string{"github.com", "ghe.example.com"} {
		t.Run(host, func(t *testing.T) {
			t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/dev/null") // still reported (K16): the store is the fake, which reads nothing
			_ = Token(host)
		})
	}
}
