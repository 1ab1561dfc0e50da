// Package grpcsvc implements a gRPC service: every method of the
// implementation passed to RegisterUserServiceServer is a root.
package grpcsvc

import (
	"context"
	"os"

	"google.golang.org/grpc"

	"roots/grpcsvc/userpb"
)

type server struct {
	userpb.UnimplementedUserServiceServer
}

func (s *server) GetUser(ctx context.Context, req *userpb.GetUserRequest) (*userpb.User, error) {
	os.Setenv("GRPC_TENANT_TOKEN", req.Id) // want `^os\.Setenv\("GRPC_TENANT_TOKEN"\) reachable from gRPC method \(\*server\)\.GetUser \(race: may race`
	return &userpb.User{}, nil
}

// audit is a method of the implementation that is not an RPC.
func (s *server) audit(id string) {
	os.Setenv("GRPC_AUDIT_TOKEN", id) // not reported: not a method of the service interface, called once from Serve
}

// local is not registered: its methods are not roots.
type local struct{}

func (local) GetUser(ctx context.Context, req *userpb.GetUserRequest) (*userpb.User, error) {
	os.Setenv("LOCAL_TOKEN", req.Id) // not reported: local is never registered
	return nil, nil
}

func Serve() {
	s := grpc.NewServer()
	srv := &server{}
	srv.audit("boot")
	userpb.RegisterUserServiceServer(s, srv)
	s.Serve(nil)
}
