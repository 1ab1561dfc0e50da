// Package app is the fixture of TestWitness: each finding's related
// information renders the witness path, root first.
package app

import (
	"net/http"
	"os"
	"sync"

	"witness/lib"
)

type server struct{}

// ServeHTTP reaches a write through two helpers of this package, and a read
// through lib.
//
//	ServeHTTP ─► loadConfig ─► applyProfile ─► os.Setenv
//	ServeHTTP ─► lib.Token ─► lib.read ─► os.Getenv
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	loadConfig()
	_ = lib.Token()          // want `^os\.Getenv\("API_TOKEN"\) reads a credential reachable from HTTP handler \(\*server\)\.ServeHTTP \(race: may see another request's value: races with os\.Setenv\("API_TOKEN"\) in applyProfile\): ServeHTTP calls lib\.Token, which eventually calls os\.Getenv$`
	os.Unsetenv("API_TOKEN") // want `^os\.Unsetenv\("API_TOKEN"\) reachable from HTTP handler \(\*server\)\.ServeHTTP \(race: may race with os\.Getenv\("API_TOKEN"\) in lib\.read\)$`
}

func loadConfig() { applyProfile("API_TOKEN") }

func applyProfile(k string) {
	os.Setenv(k, "x") // want `^os\.Setenv\("API_TOKEN"\) reachable from HTTP handler \(\*server\)\.ServeHTTP \(race: may race with os\.Getenv\("API_TOKEN"\) in lib\.read\): ServeHTTP calls loadConfig, which eventually calls os\.Setenv$`
}

// Serve starts a goroutine whose path is longer than envaccess.MaxHops, so
// the witness is elided: it keeps the calls up to d10 and the access.
func Serve() {
	http.Handle("/", &server{})
	var wg sync.WaitGroup
	wg.Go(func() {
		d1()
	})
	wg.Wait()
}

func d1()  { d2() }
func d2()  { d3() }
func d3()  { d4() }
func d4()  { d5() }
func d5()  { d6() }
func d6()  { d7() }
func d7()  { d8() }
func d8()  { d9() } // want `^os\.Clearenv\(\) reachable from goroutine in Serve \(race: may race with concurrent reads and writes of the environment\): the goroutine calls d1, which eventually calls os\.Clearenv$`
func d9()  { d10() }
func d10() { d11() }
func d11() {
	os.Clearenv() // not reported here: the path to it is elided (longer than envaccess.MaxHops), so placement stops at the last call whose caller it knows, d8 calling d9
}

// Spin starts a body of package lib: the whole path is in lib, so the
// finding is at the go statement and the hops point at lib.Reset.
func Spin() {
	go lib.Reset() // want `^os\.Unsetenv\("API_TOKEN"\) reachable from goroutine lib\.Reset \(race: may race with os\.Getenv\("API_TOKEN"\) in lib\.read\)$`
}

type setter interface{ set() }

type impl struct{}

func (impl) set() {
	os.Setenv("POLICY_TOKEN", "x") // want `^os\.Setenv\("POLICY_TOKEN"\) reachable from goroutine in Policy \(race: may race with concurrent reads and writes of the environment\): the goroutine calls viaStatic, which eventually calls os\.Setenv$`
}

func viaIface(s setter) { s.set() }

func viaStatic() { impl{}.set() }

func viaLonger() { viaStatic() }

// Policy reaches one os.Setenv three ways; the witness is the shortest
// path, then the one with the fewest dynamic calls, then the first in
// source order:
//
//	goroutine ─► viaLonger ─► viaStatic ─► (impl).set ─► os.Setenv   longer
//	goroutine ─► viaIface ··► (impl).set ─► os.Setenv                 dynamic call
//	goroutine ─► viaStatic ─► (impl).set ─► os.Setenv                 chosen
func Policy() {
	go func() {
		viaLonger()
		viaIface(impl{})
		viaStatic()
	}()
}
