// Package profileenv is the test stub of the runtime shim: the exported API
// the analyzer's fixes call, kept in sync with the real package by
// TestShimStubInSync.
package profileenv

import (
	"context"
	"os"
	"os/exec"
)

func Getenv(ctx context.Context, key string) string            { return os.Getenv(key) }
func LookupEnv(ctx context.Context, key string) (string, bool) { return os.LookupEnv(key) }
func Environ(ctx context.Context) []string                     { return os.Environ() }
func ExpandEnv(ctx context.Context, s string) string           { return os.ExpandEnv(s) }
func SetCmdEnv(ctx context.Context, cmd *exec.Cmd) *exec.Cmd   { return cmd }
