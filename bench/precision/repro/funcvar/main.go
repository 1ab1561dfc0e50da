// Package main reproduces false-finding kind K14 of docs/precision.md
// (strict standard, third set), in the shape of golang.org/x/oauth2's
// google/externalaccount (aws.go): the package reads the environment
// through a package-level variable holding os.Getenv (a seam its tests
// replace), always with a constant name. The read is reported twice: with
// its name, and as a read of a name chosen at run time.
package main

import (
	"fmt"
	"os"
)

var getenv = os.Getenv

const awsRegion = "AWS_REGION"

func region() string {
	return getenv(awsRegion) // ok: a read of AWS_REGION only, nothing writes it (K14, fixed)
}

func main() {
	done := make(chan string)
	go func() { done <- region() }()
	fmt.Println(<-done)
}
