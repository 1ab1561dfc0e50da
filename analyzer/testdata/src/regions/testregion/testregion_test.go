package testregion

import (
	"os"
	"sync"
	"testing"
)

// A go statement in the test starts the region; wg.Wait ends it.
func TestGoStatement(t *testing.T) {
	t.Setenv("APP_MODE", "a") // not reported: before the goroutine starts
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-done
		_ = os.Getenv("APP_MODE") // not reported: not a credential, and a read
	}()
	os.Setenv("APP_MODE", "b") // want `^os\.Setenv\("APP_MODE"\) reachable from TestGoStatement after its goroutines start`
	close(done)
	wg.Wait()
	t.Setenv("APP_MODE", "c") // not reported: after wg.Wait every goroutine has exited
}

// Watch, a callee, starts the region in a sequential subtest.
func TestSubtest(t *testing.T) {
	t.Run("watch", func(t *testing.T) {
		t.Setenv("APP_MODE", "a") // not reported: before Watch starts its goroutine
		done := make(chan struct{})
		defer close(done)
		Watch(done)
		t.Setenv("APP_MODE", "b") // want `^t\.Setenv\("APP_MODE"\) reachable from subtest of TestSubtest after its goroutines start`
	})
}

// Mode starts no goroutine: no region.
func TestNoStart(t *testing.T) {
	t.Run("mode", func(t *testing.T) {
		t.Setenv("APP_MODE", "c") // not reported: Mode starts no goroutine
		_ = Mode()
		t.Setenv("APP_MODE", "d") // not reported: still no goroutine
	})
}

// ask's goroutine sends one result: receiving it joins the goroutine.
func TestReceiveJoins(t *testing.T) {
	ask := func() <-chan string {
		ch := make(chan string, 1)
		go func() { ch <- os.Getenv("APP_MODE") }()
		return ch
	}
	t.Setenv("APP_MODE", "a") // not reported: defining ask starts nothing
	done := ask()
	t.Setenv("APP_MODE", "b") // want `^t\.Setenv\("APP_MODE"\) reachable from TestReceiveJoins after its goroutines start`
	<-done
	t.Setenv("APP_MODE", "c") // not reported: the goroutine ask started has sent its result
}

// The goroutine's last action sends on c: receiving from c joins it, and
// the statements before the receive run alongside it.
func TestGoReceive(t *testing.T) {
	c := make(chan string)
	go func() { c <- os.Getenv("APP_MODE") }()
	t.Setenv("APP_MODE", "b") // want `^t\.Setenv\("APP_MODE"\) reachable from TestGoReceive after its goroutines start`
	<-c
	t.Setenv("APP_MODE", "c") // not reported: the goroutine has sent its result and ended
}

// A receive in one branch joins nothing.
func TestGoReceiveIf(t *testing.T) {
	wait := len(os.Args) > 1
	c := make(chan string)
	go func() { c <- os.Getenv("APP_MODE") }()
	if wait {
		<-c
	}
	t.Setenv("APP_MODE", "c") // want `^t\.Setenv\("APP_MODE"\) reachable from TestGoReceiveIf after its goroutines start`
}
