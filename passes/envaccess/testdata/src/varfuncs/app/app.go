package app // want package:"touchesEnv"

import (
	"text/template"

	"varfuncs/lib"
)

func build(text string) (*template.Template, error) { // want build:`envRead\(\?\) envWrite\(\?\)`
	return template.New("x").Funcs(lib.Funcs).Parse(text)
}

func names() int { return len(lib.Names) } // no fact: lib.Names holds no function
