package wiring // want package:`converted\(dispatch/impl\.EnvSource\.Token\)`

import (
	"dispatch/api"
	"dispatch/impl"
)

// Default converts impl.EnvSource to api.Source.
func Default() api.Source { return impl.EnvSource{} }
