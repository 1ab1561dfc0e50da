package srv_test

import (
	"os"
	"testing"

	"example.com/killrun/srv"
)

func TestSet(t *testing.T) {
	t.Parallel()
	os.Setenv("API_TOKEN", "y")
	srv.Run()
}
