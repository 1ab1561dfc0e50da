// Package stdlib stands in for github.com/traefik/yaegi/stdlib: the symbols
// of the standard library an interpreted plugin may use, as reflect values
// registered in init.
package stdlib

import (
	"net/http/cgi"
	"reflect"
)

// Symbols maps an import path to its exported symbols.
var Symbols = map[string]map[string]reflect.Value{}

func init() {
	Symbols["net/http/cgi/cgi"] = map[string]reflect.Value{
		"Serve":   reflect.ValueOf(cgi.Serve),
		"Handler": reflect.ValueOf((*cgi.Handler)(nil)),
	}
}
