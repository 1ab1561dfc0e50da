package profileenv

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// helperVar marks the test binary, started again as a child, as the helper
// that prints the variables it sees.
const helperVar = "PROFILEENV_TEST_HELPER"

// TestHelperProcess is not a test: it is the child for TestCommand.
func TestHelperProcess(t *testing.T) {
	if os.Getenv(helperVar) != "1" {
		t.Skip("child process for TestCommand")
	}
	for _, k := range []string{"OPENAI_API_KEY", "AWS_REGION", "LOG_LEVEL"} {
		v, ok := os.LookupEnv(k)
		fmt.Printf("%s=%s,%v\n", k, v, ok)
	}
	os.Exit(0)
}

func helper(ctx context.Context) *exec.Cmd {
	return Command(ctx, os.Args[0], "-test.run=^TestHelperProcess$")
}

func TestCommand(t *testing.T) {
	setProcessEnv(t)
	run := func(cmd *exec.Cmd) string {
		t.Helper()
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%v: %v", cmd, err)
		}
		return strings.TrimSpace(string(out))
	}

	t.Run("no profile inherits", func(t *testing.T) {
		t.Setenv(helperVar, "1")
		cmd := helper(context.Background())
		if cmd.Env != nil {
			t.Fatalf("Command without a profile set Env to %q", cmd.Env)
		}
		want := "OPENAI_API_KEY=sk-default,true\nAWS_REGION=eu-west-1,true\nLOG_LEVEL=info,true"
		if got := run(cmd); got != want {
			t.Errorf("child saw\n%s\nwant\n%s", got, want)
		}
	})

	t.Run("profile", func(t *testing.T) {
		env := mustNew(t, map[string]string{helperVar: "1", "OPENAI_API_KEY": "sk-alice"})
		got := run(helper(WithEnv(context.Background(), env)))
		want := "OPENAI_API_KEY=sk-alice,true\nAWS_REGION=,false\nLOG_LEVEL=info,true"
		if got != want {
			t.Errorf("child saw\n%s\nwant\n%s", got, want)
		}
	})

	t.Run("profile without the credential", func(t *testing.T) {
		env := mustNew(t, map[string]string{helperVar: "1"}, Fallback("AWS_REGION"))
		got := run(helper(WithEnv(context.Background(), env)))
		want := "OPENAI_API_KEY=,false\nAWS_REGION=eu-west-1,true\nLOG_LEVEL=info,true"
		if got != want {
			t.Errorf("child saw\n%s\nwant\n%s", got, want)
		}
	})
}

func TestSetCmdEnv(t *testing.T) {
	setProcessEnv(t)
	explicit := []string{"LOG_LEVEL=warn", "OPENAI_API_KEY=sk-default", "X=1"}

	cmd := exec.Command("true")
	SetCmdEnv(context.Background(), cmd)
	if cmd.Env != nil {
		t.Errorf("no profile: Env = %q, want nil", cmd.Env)
	}
	cmd.Env = slices.Clone(explicit)
	SetCmdEnv(context.Background(), cmd)
	if !slices.Equal(cmd.Env, explicit) {
		t.Errorf("no profile: explicit Env became %q", cmd.Env)
	}

	ctx := WithEnv(context.Background(), mustNew(t, map[string]string{"OPENAI_API_KEY": "sk-alice"}))
	cmd = exec.Command("true")
	SetCmdEnv(ctx, cmd)
	if !slices.Equal(cmd.Env, Environ(ctx)) {
		t.Errorf("profile: Env = %q, want Environ(ctx)", cmd.Env)
	}
	cmd.Env = slices.Clone(explicit)
	SetCmdEnv(ctx, cmd)
	if want := []string{"LOG_LEVEL=warn", "X=1", "OPENAI_API_KEY=sk-alice"}; !slices.Equal(cmd.Env, want) {
		t.Errorf("profile over explicit Env: %q, want %q", cmd.Env, want)
	}

	ctx = WithEnv(context.Background(), Env{})
	cmd.Env = slices.Clone(explicit)
	SetCmdEnv(ctx, cmd)
	if want := []string{"LOG_LEVEL=warn", "X=1"}; !slices.Equal(cmd.Env, want) {
		t.Errorf("empty profile over explicit Env: %q, want %q", cmd.Env, want)
	}
}
