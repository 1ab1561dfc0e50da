// Package fakeprovider reproduces false-finding kind K16 of docs/precision.md
// (fourth set), in the shape of the GitHub CLI's tests: the code under test
// calls a secret store (go-keyring, through a package-level provider) or an
// HTTP client in a goroutine, and each test first installs a fake
// (keyring.MockInit(); an http.Client whose Transport is an httpmock
// registry). The finding pairs a test's t.Setenv with the real
// implementation's environment reads (the session bus address; go-gh's
// `gh auth token` child behind gh's authenticating transport), which the
// fake never makes.
package fakeprovider

import (
	"time"

	"github.com/credlint/credlint/bench/precision/repro/fakeprovider/store"
)

// Token reads the stored token in a goroutine, giving up after a minute.
func Token(host string) string {
	ch := make(chan string, 1)
	go func() {
		tok, _ := store.Get("gh:"+host, "")
		ch <- tok
	}()
	select {
	case tok := <-ch:
		return tok
	case <-time.After(time.Minute):
		return ""
	}
}
