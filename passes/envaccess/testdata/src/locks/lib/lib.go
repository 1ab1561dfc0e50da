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

func (s *Store) Read() string { // want Read:`envRead\(ZONE\)\[\(locks/lib.Store\).mu\]`
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
