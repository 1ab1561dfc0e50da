package starters

import "time"

// Equal runs the comparison in a goroutine and receives its result before
// it returns (go-cmp's shape): the goroutine's last action is its one
// send, so nothing is left running.
func Equal(x, y string) bool {
	c := make(chan bool)
	go detect(c, x, y)
	got := <-c
	return got
}

func detect(c chan<- bool, x, y string) {
	var ok bool
	defer func() {
		recover()
		c <- ok
	}()
	ok = x == y
}

// EqualLit does the same with a literal that captures the channel.
func EqualLit(x, y string) bool {
	c := make(chan bool, 1)
	go func() { c <- x == y }()
	return <-c
}

// Collect drains a channel its goroutine closes last.
func Collect(xs []string) (n int) {
	c := make(chan string)
	go func() {
		for _, x := range xs {
			c <- x
		}
		close(c)
	}()
	for range c {
		n++
	}
	return n
}

// SelectOne waits in a select with the receive as its only case.
func SelectOne() {
	done := make(chan struct{})
	go func() { defer close(done) }()
	select {
	case <-done:
	}
}

// EqualIf receives in one branch only: the other returns with the
// goroutine running.
func EqualIf(x, y string, wait bool) { // want EqualIf:"^starts$"
	c := make(chan bool)
	go detect(c, x, y)
	if wait {
		<-c
	}
}

// EqualTimeout gives up after a while: a select with another case.
func EqualTimeout(x, y string) bool { // want EqualTimeout:"^starts$"
	c := make(chan bool)
	go detect(c, x, y)
	select {
	case ok := <-c:
		return ok
	case <-time.After(time.Second):
		return false
	}
}

// EqualEarly may return before it receives.
func EqualEarly(x, y string) bool { // want EqualEarly:"^starts$"
	c := make(chan bool)
	go detect(c, x, y)
	if x == "" {
		return false
	}
	return <-c
}

// Progress receives the first of two sends: the goroutine goes on.
func Progress() int { // want Progress:"^starts$"
	c := make(chan int)
	go func() {
		c <- 1
		c <- 2
	}()
	return <-c
}

// Ack receives a send that is not the goroutine's last action.
func Ack() { // want Ack:"^starts$"
	c := make(chan struct{})
	go func() {
		c <- struct{}{}
		time.Sleep(time.Second)
	}()
	<-c
}

// EqualOf does the same through a generic function.
func EqualOf[T comparable](x, y T) bool {
	c := make(chan bool)
	go detectOf(c, x, y)
	return <-c
}

func detectOf[T comparable](c chan<- bool, x, y T) { c <- x == y }
