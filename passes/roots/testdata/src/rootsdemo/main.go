// Command rootsdemo has one root of every kind the pass finds.
package main

import (
	"net/http"
	"os"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"spawners"
)

type server struct{}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

func (s *server) status(w http.ResponseWriter, r *http.Request) {}

func index(w http.ResponseWriter, r *http.Request) {}

func about(w http.ResponseWriter, r *http.Request) {}

// wrap returns a handler literal: a root wherever it ends up.
func wrap(name string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {}
}

func worker() {}

func job() error { return nil }

func helper() {} // called, never started: not a root

// submit is a spawner learned in this package.
func submit(f func()) { go f() } // want submit:"spawner\\(0\\)"

func main() {
	s := &server{}
	mux := http.NewServeMux()
	mux.Handle("/", s)
	http.HandleFunc("/index", index)
	mux.Handle("/about", http.HandlerFunc(about))
	mux.HandleFunc("/status", s.status)
	mux.Handle("/wrap", wrap("x"))
	helper()
	os.Setenv("BEFORE", "1")
	go func() {}()
	go worker()
	var g errgroup.Group
	g.Go(func() error { return nil })
	g.Go(job)
	var wg sync.WaitGroup
	wg.Go(worker)
	time.AfterFunc(time.Second, func() {})
	submit(func() {})
	spawners.Submit(worker)
	os.Setenv("DURING", "1")
	wg.Wait()
	os.Setenv("AFTER", "1")
}
