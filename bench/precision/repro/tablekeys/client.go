// Package tablekeys reproduces false-finding kind K18 of docs/precision.md
// (fourth set), in the shape of external-dns' CoreDNS provider test
// (TestNewProvider with testutils.TestHelperEnvSetter) and the GitHub CLI's
// TestSwitchRun: each serial subtest sets the variables of its table row
// through a helper that ranges over a map, `for k, v := range envs {
// t.Setenv(k, v) }`. Every key is a constant of the table (here
// ETCD_URLS), but the write is taken as one of a dynamic name, so it "races"
// with every read of the goroutines the previous subtest left running (the
// etcd client's, which read only HTTPS_PROXY).
package tablekeys

import (
	"os"
	"time"
)

// Client is an etcd client whose background goroutine keeps running.
type Client struct{ urls string }

// Connect reads the endpoints and starts the client's keep-alive loop.
func Connect() *Client {
	c := &Client{urls: os.Getenv("ETCD_URLS")}
	go c.keepAlive()
	return c
}

func (c *Client) keepAlive() {
	for {
		_ = os.Getenv("HTTPS_PROXY")
		time.Sleep(time.Second)
	}
}
