// Package joinedbyrecv reproduces false-finding kind K11 of
// docs/precision.md (strict standard, third set), in the shape of
// cloud-sql-proxy's cmd tests: serial subtests set variables after
// cmp.Equal, which starts a goroutine and receives its result before it
// returns. Nothing is left running.
package joinedbyrecv

import (
	"os"
	"testing"

	"github.com/credlint/credlint/bench/precision/repro/joinedbyrecv/cmp"
)

func TestEnv(t *testing.T) {
	for _, v := range []string{"a", "b"} {
		t.Run(v, func(t *testing.T) {
			os.Setenv("CMP_LAX", v)      // ok: the previous iteration's cmp.Equal left nothing running (K11, fixed: a join by a receive)
			defer os.Unsetenv("CMP_LAX") // ok: as above (K11, fixed)
			if !cmp.Equal(v, os.Getenv("CMP_LAX")) {
				t.Fatal("not equal")
			}
		})
	}
}
