// Package grpc is a minimal stub of google.golang.org/grpc: what generated
// RegisterXServer functions use.
package grpc

import "net"

// ServiceDesc describes a service.
type ServiceDesc struct{ ServiceName string }

// ServiceRegistrar registers services.
type ServiceRegistrar interface {
	RegisterService(desc *ServiceDesc, impl any)
}

// Server is a gRPC server.
type Server struct{}

// NewServer returns a server.
func NewServer() *Server { return &Server{} }

// RegisterService registers a service implementation.
func (s *Server) RegisterService(desc *ServiceDesc, impl any) {}

// Serve accepts connections on l.
func (s *Server) Serve(l net.Listener) error { return nil }
