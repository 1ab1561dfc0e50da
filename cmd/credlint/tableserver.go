package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"sync"

	"github.com/credlint/credlint/cmd/credlint/internal/program"
)

// This file hands the program.Table from standalone credlint's driver to
// the units that go vet runs (vetengine.go, unitparts.go). The driver
// listens on a Unix socket; a unit connects when it needs the table, which
// the driver computes with go list on the first request. Units of a rerun
// that go vet serves from its cache never run, so such a rerun costs no go
// list.

// tableEnv names the environment variable that holds the path of the
// driver's socket.
const tableEnv = "CREDLINT_TABLE"

// A tableServer serves one table on a Unix socket.
type tableServer struct {
	path string
	ln   net.Listener
	once sync.Once
	list func() (*program.Table, error)
	resp tableResponse
	data []byte // resp, encoded
	done sync.WaitGroup
}

// tableResponse is what a unit reads from the socket: the table, or why
// there is none.
type tableResponse struct {
	Table *program.Table
	Error string
}

// serveTable starts serving, at the socket path, the table that list
// computes on the first request.
func serveTable(path string, list func() (*program.Table, error)) (*tableServer, error) {
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, err
	}
	s := &tableServer{path: path, ln: ln, list: list}
	s.done.Add(1)
	go s.accept()
	return s, nil
}

func (s *tableServer) accept() {
	defer s.done.Done()
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			return // closed
		}
		s.done.Add(1)
		go func() {
			defer s.done.Done()
			defer conn.Close()
			conn.Write(s.response())
		}()
	}
}

// response computes the table on the first call and returns it encoded.
func (s *tableServer) response() []byte {
	s.once.Do(func() {
		t, err := s.list()
		s.resp.Table = t
		if err != nil {
			s.resp = tableResponse{Error: err.Error()}
		}
		s.data, err = json.Marshal(s.resp)
		if err != nil {
			s.resp = tableResponse{Error: err.Error()}
			s.data, _ = json.Marshal(s.resp)
		}
	})
	return s.data
}

// close stops serving and returns the table, nil if no unit asked for it,
// or the error of computing it.
func (s *tableServer) close() (*program.Table, error) {
	s.ln.Close()
	s.done.Wait()
	if s.resp.Error != "" {
		return nil, errors.New(s.resp.Error)
	}
	return s.resp.Table, nil
}

// readTable reads the table from the driver whose socket tableEnv names.
func readTable() (*program.Table, error) {
	path := os.Getenv(tableEnv)
	if path == "" {
		return nil, errors.New("-" + partsFlag + " is for standalone credlint, which sets " + tableEnv)
	}
	conn, err := net.Dial("unix", path)
	if err != nil {
		return nil, fmt.Errorf("standalone credlint's table: %v", err)
	}
	defer conn.Close()
	var resp tableResponse
	if err := json.NewDecoder(conn).Decode(&resp); err != nil {
		return nil, fmt.Errorf("standalone credlint's table: %v", err)
	}
	if resp.Error != "" {
		return nil, fmt.Errorf("standalone credlint has no table of the packages: %s", resp.Error)
	}
	return resp.Table, nil
}
