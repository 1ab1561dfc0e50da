package lib // want package:"touchesEnv"

// lib holds its own mutex around environment accesses; the locks travel
// to importers in the Summary facts.

import (
	"os"
	"sync"
)

var Mu sync.Mutex

type Store struct{ mu sync.Mutex }

func Swap(v string) { // want Swap:`envRead\(REGION\)\[locks/lib.Mu\] envWrite\(REGION\)\[locks/lib.Mu\]`
	Mu.Lock()
	defer Mu.Unlock()
	old := os.Getenv("REGION")
	os.Setenv("REGION", v)
	os.Setenv("REGION", old)
}

var Shared Store

// A receiver's mutex is per value: not tracked.
func (s *Store) Read() string { // want Read:`envRead\(ZONE\)$`
	s.mu.Lock()
	v := os.Getenv("ZONE")
	s.mu.Unlock()
	return v
}

// Mixed reads ZONE under Mu on one path and without it on another: the
// summary keeps only what every path holds.
func Mixed(b bool) string { // want Mixed:`envRead\(ZONE\)$`
	if b {
		Mu.Lock()
		defer Mu.Unlock()
		return os.Getenv("ZONE")
	}
	return os.Getenv("ZONE")
}

// A field of a package-level variable is one lock.
func ReadShared() string { // want ReadShared:`envRead\(ZONE\)\[locks/lib.Shared.mu\]`
	Shared.mu.Lock()
	defer Shared.mu.Unlock()
	return os.Getenv("ZONE")
}
