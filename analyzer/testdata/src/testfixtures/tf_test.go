package testfixtures

import (
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
)

// A goroutine and an httptest handler of a test run alongside the parallel
// tests, so they race with TestWriter's write.
func TestGo(t *testing.T) {
	t.Parallel()
	done := make(chan bool)
	go func() {
		_ = Token() // want `reads a credential reachable from goroutine in TestGo \(race: may see another request's value: races with os\.Setenv\("TF_API_TOKEN"\) in TestWriter\)`
		done <- true
	}()
	<-done
}

func TestServer(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(Token())) // want `reads a credential reachable from HTTP handler in TestServer`
	}))
	defer srv.Close()
	http.Get(srv.URL)
}

func TestWriter(t *testing.T) {
	t.Parallel()
	os.Setenv("TF_API_TOKEN", "x") // want `os\.Setenv\("TF_API_TOKEN"\) in parallel test TestWriter|os\.Setenv\("TF_API_TOKEN"\) reachable from parallel test TestWriter`
}
