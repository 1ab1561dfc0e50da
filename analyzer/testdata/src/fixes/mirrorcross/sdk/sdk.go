// Package sdk stands for a library after credlint -context-reads -fix:
// it reads its key, and starts its child, through the context's profile.
package sdk

import (
	"context"
	"os"
	"os/exec"

	"github.com/credlint/credlint/profileenv"
)

// Probe reads its key through the context.
func Probe(ctx context.Context) bool { return profileenv.Getenv(ctx, "OPENAI_API_KEY") != "" }

// Plugin starts a child whose environment comes from the context.
func Plugin(ctx context.Context) error {
	return profileenv.SetCmdEnv(ctx, exec.CommandContext(ctx, "plugin")).Run()
}

// Legacy still reads the process environment.
func Legacy(ctx context.Context) bool { return os.Getenv("OPENAI_API_KEY") != "" }
