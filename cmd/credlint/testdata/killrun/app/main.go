package main

import (
	"example.com/killrun/leaf"
	"example.com/killrun/lib"
)

func main() {
	lib.Start("x")
	go func() { _ = leaf.Key() }()
}
