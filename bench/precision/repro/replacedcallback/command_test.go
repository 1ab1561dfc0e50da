package replacedcallback

import (
	"os"
	"testing"
)

// parse runs the command's flag parsing only (cloud-sql-proxy's
// invokeProxyCommand): RunE is replaced before Execute.
func parse() error {
	c := NewCommand()
	c.RunE = func() error { return nil }
	return c.Execute()
}

func TestParse(t *testing.T) {
	done := make(chan string)
	go func() { done <- os.Getenv("APP_MODE") }()
	if err := parse(); err != nil {
		t.Fatal(err)
	}
	<-done
}
