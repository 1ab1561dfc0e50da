// Package ext stands in for github.com/traefik/traefik/dynamic/ext, a module
// of its own in Traefik's repository (pkg/config/dynamic/ext) that Traefik's
// go.mod replaces with that directory: it is neither in Traefik's module zip
// nor on the module proxy. Traefik v3.7.13 only embeds its two types in
// dynamic.HTTPConfiguration and dynamic.Router, without using any of their
// fields, so empty types type-check it. It reads no environment variable.
package ext

// HTTP is embedded in dynamic.HTTPConfiguration.
type HTTP struct{}

// Router is embedded in dynamic.Router.
type Router struct{}
