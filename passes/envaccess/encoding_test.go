package envaccess

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"reflect"
	"testing"
)

// loaderSummary is a Summary like that of an SDK loader: many keys read
// through one long path.
func loaderSummary(keys int) *Summary {
	path := []Hop{
		{Callee: "config.LoadDefaultConfig", At: "github.com/aws/aws-sdk-go-v2/config/config.go:212"},
		{Callee: "config.loadEnvConfig", At: "github.com/aws/aws-sdk-go-v2/config/env_config.go:340", Dynamic: true},
		{Callee: "config.NewEnvConfig", At: "github.com/aws/aws-sdk-go-v2/config/env_config.go:355", Names: true},
		{Callee: "os.Getenv", At: "github.com/aws/aws-sdk-go-v2/config/env_config.go:759"},
	}
	s := &Summary{}
	for i := range keys {
		s.Accesses = append(s.Accesses, Access{Kind: Read, Op: "os.Getenv", From: KeyConst,
			Key: fmt.Sprintf("AWS_KEY_%d", i), Path: path, Locks: []string{"example.com/p.mu"}})
	}
	s.Accesses = append(s.Accesses, Access{Kind: Write, Op: "os.Setenv", From: KeyParam, Param: 1, Elided: 3, Path: path[:1]})
	// Fallbacks: one a caller can discharge, one it cannot; switches: one
	// pending on a parameter, one no call can discharge.
	s.Accesses = append(s.Accesses,
		Access{Kind: Read, Op: "os.Getenv", From: KeyConst, Key: "X_TOKEN", Path: path[:1],
			Guard: Guard{Slot: 2, Field: "Opts.Token", Text: `opts.Opts.Token == ""`}},
		Access{Kind: Read, Op: "os.Getenv", From: KeyPrefix, Key: "APP_", Path: path[:1],
			Guard: Guard{Text: "g.Get(...) finds nothing"}},
		Access{Kind: Write, Op: "os.Unsetenv", From: KeyConst, Key: "NOTIFY_SOCKET", Path: path[:1],
			Guard: Guard{Slot: 2, Text: "unsetEnvironment", Set: true}},
		Access{Kind: Write, Op: "os.Setenv", From: KeyConst, Key: "LIB_EXPORTED", Path: path[:1],
			Guard: Guard{Text: "opts.Export", Set: true}})
	// Accesses through profileenv: a caller in another package tells them
	// from plain process accesses (issue 16).
	s.Accesses = append(s.Accesses,
		Access{Kind: Read, Op: "profileenv.Getenv", From: KeyConst, Key: "SHIM_TOKEN", Path: path[:1], Shim: true},
		Access{Kind: Inherit, Op: "(*exec.Cmd).Run", From: KeyAll, Path: path[:1], Shim: true})
	return s
}

func TestSummaryRoundTrip(t *testing.T) {
	for _, s := range []*Summary{{}, loaderSummary(1), loaderSummary(50)} {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(s); err != nil {
			t.Fatal(err)
		}
		var got Summary
		if err := gob.NewDecoder(&buf).Decode(&got); err != nil {
			t.Fatal(err)
		}
		if len(s.Accesses) == 0 && len(got.Accesses) == 0 {
			continue
		}
		if !reflect.DeepEqual(&got, s) {
			t.Errorf("round trip changed the summary:\n got %+v\nwant %+v", got, *s)
		}
	}
}

// TestSummaryEncodingSize checks that a path shared by many accesses is
// stored once: the encoding of 50 keys is far below 50 times the paths.
func TestSummaryEncodingSize(t *testing.T) {
	var plain, compact bytes.Buffer
	s := loaderSummary(50)
	if err := gob.NewEncoder(&plain).Encode(s.Accesses); err != nil { // the encoding without GobEncode
		t.Fatal(err)
	}
	if err := gob.NewEncoder(&compact).Encode(s); err != nil {
		t.Fatal(err)
	}
	if compact.Len()*4 > plain.Len() {
		t.Errorf("compact encoding is %d bytes, plain %d: want at most a quarter", compact.Len(), plain.Len())
	}
	t.Logf("50 keys through one path: plain %d bytes, compact %d bytes", plain.Len(), compact.Len())
}

func TestSummaryDecodeMalformed(t *testing.T) {
	good, err := loaderSummary(3).GobEncode()
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string][]byte{
		"empty":        nil,
		"version":      {9},
		"truncated":    good[:len(good)/2],
		"trailing":     append(append([]byte(nil), good...), 0),
		"huge count":   {encodingVersion, 0xff, 0xff, 0xff, 0xff, 0x0f},
		"string index": {encodingVersion, 1, 1, 'x', 1, 1, 1, 0, 0, 7, 0, 0, 0},
	}
	for name, data := range cases {
		var s Summary
		if err := s.GobDecode(data); err == nil {
			t.Errorf("%s: GobDecode accepted %v", name, data)
		}
	}
}
