package testgroups

import (
	"os"
	"testing"
)

func TestTopLevelWriter(t *testing.T) {
	t.Parallel()
	os.Setenv("GROUPS_API_TOKEN", "x") // want `^os\.Setenv\("GROUPS_API_TOKEN"\) reachable from parallel test TestTopLevelWriter`
}

func TestSerialTree(t *testing.T) {
	t.Run("child", func(t *testing.T) {
		t.Parallel()
		t.Run("grandchild", func(t *testing.T) {
			t.Parallel()
			_ = os.Getenv("GROUPS_API_TOKEN") // not reported: TestSerialTree's subtests all finish before top-level parallel tests start, and none of them writes
		})
	})
}

func TestParallelTree(t *testing.T) {
	t.Parallel()
	t.Run("child", func(t *testing.T) {
		t.Parallel()
		_ = os.Getenv("GROUPS_API_TOKEN") // want `^os\.Getenv\("GROUPS_API_TOKEN"\) reads a credential reachable from parallel subtest of TestParallelTree \(race: may see another test's value: races with os\.Setenv\("GROUPS_API_TOKEN"\) in TestTopLevelWriter\)$`
	})
}
