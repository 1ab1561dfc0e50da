// Package cycles holds recursive shapes for TestSharedSummaryMatchesFixedPoint,
// which analyses it with and without shared component summaries (shared.go)
// and requires the same accesses; it has no // want lines of its own.
package cycles

import (
	"os"
	"strings"
	"sync"
)

var mu sync.Mutex

// A ring of four, each reading its own key, one dynamic name and one
// snapshot of the whole environment.
func ringA(n int) string { return os.Getenv("RING_A_TOKEN") + ringB(n-1) }

// ringB reaches shared() under the lock, ringC without it: the read holds
// no lock from any member. onlyLocked is reached under the lock only.
func ringB(n int) string {
	mu.Lock()
	v := shared() + onlyLocked()
	mu.Unlock()
	return v + os.Getenv("RING_B_TOKEN") + ringC(n)
}

func shared() string     { return os.Getenv("SHARED_TOKEN") }
func onlyLocked() string { return os.Getenv("LOCKED_TOKEN") }

func ringC(n int) string {
	name := strings.ToUpper("ring_c_" + string(rune('a'+n)))
	return os.Getenv(name) + shared() + ringD(n)
}

func ringD(n int) string {
	_ = os.Environ()
	if n > 2 {
		return ringA(n - 3)
	}
	return helper("RING_D_KEY")
}

// helper is outside the ring: its read enters at ringD, named there.
func helper(k string) string { return os.Getenv(k) }

// Entry calls into the ring twice, once under a lock.
func Entry() string {
	mu.Lock()
	v := ringB(1)
	mu.Unlock()
	return v + ringA(2)
}

// A cycle whose inner call holds a lock: not plain, never shared.
func lockedX(n int) string {
	mu.Lock()
	defer mu.Unlock()
	return os.Getenv("LOCKED_X") + lockedY(n)
}

func lockedY(n int) string {
	if n == 0 {
		return ""
	}
	return lockedX(n - 1)
}

// A cycle with writes and a name passed around it.
func setA(k, v string, n int) {
	os.Setenv(k, v)
	if n > 0 {
		setB(n - 1)
	}
}

func setB(n int) {
	os.Setenv("SET_B_FLAG", "1")
	setA("SET_A_NAME", "x", n)
}

// A self-loop.
func self(n int) string {
	if n == 0 {
		return ""
	}
	return os.Getenv("SELF_TOKEN") + self(n-1)
}

// The same read entering a cycle at two members, by paths of different
// lengths.
func twoA(n int) string { return leaf() + twoB(n) }

func twoB(n int) string {
	if n > 0 {
		return twoC(n)
	}
	return ""
}

func twoC(n int) string { return mid() + twoA(n-1) }

func mid() string  { return leaf() }
func leaf() string { return os.Getenv("TWO_TOKEN") }

// A long ring, so that witnesses are elided.
func l0(n int) string  { return os.Getenv("LONG_0") + l1(n) }
func l1(n int) string  { return l2(n) }
func l2(n int) string  { return l3(n) }
func l3(n int) string  { return l4(n) }
func l4(n int) string  { return l5(n) }
func l5(n int) string  { return l6(n) }
func l6(n int) string  { return l7(n) }
func l7(n int) string  { return l8(n) }
func l8(n int) string  { return l9(n) }
func l9(n int) string  { return l10(n) }
func l10(n int) string { return l11(n) }
func l11(n int) string { return os.Getenv("LONG_11") + l0(n-1) }
