package varfuncs // want package:"touchesEnv"

// This package holds function values in package-level variables and
// template function maps (issue 13, section 4).

import (
	htmltemplate "html/template"
	"io"
	"os"
	"text/template"
)

func setEnvFunc(k, v string) string { os.Setenv(k, v); return "" } // want setEnvFunc:`envWrite\(\$0\)`

var sharedFuncs = template.FuncMap{"setEnv": setEnvFunc, "env": os.Getenv}

// usesMap takes every value sharedFuncs holds, with unknown arguments.
func usesMap(name, text string) (*template.Template, error) { // want usesMap:`envRead\(\?\) envWrite\(\?\)`
	return template.New(name).Funcs(sharedFuncs).Parse(text)
}

func noUse() string { return "" } // not summarised: sharedFuncs is not used

// A variable whose initializer uses another holds its values too.
var allFuncs = []template.FuncMap{sharedFuncs}

func usesNested() int { return len(allFuncs) } // want usesNested:`envRead\(\?\) envWrite\(\?\)`

// A literal in an initializer is summarised on its own and reached from
// each use.
var hooks = map[string]func(){
	"region": func() { os.Unsetenv("REGION") },
}

func runHook(name string) { hooks[name]() } // want runHook:`envWrite\(REGION\)`

// A call in an initializer runs at init, before main: not a value.
func initRegion() string { return os.Getenv("REGION") } // want initRegion:`envRead\(REGION\)`

var region = initRegion()

func usesRegion() string { return region } // not summarised: initRegion ran at init

// A template built with a local map in one function and executed in
// another runs the map's functions where it is executed.
var page *htmltemplate.Template

func unsetFunc(k string) string { os.Unsetenv(k); return "" } // want unsetFunc:`envWrite\(\$0\)`

func build() { // want build:`envWrite\(\?\)`
	funcs := htmltemplate.FuncMap{"unset": unsetFunc}
	page = htmltemplate.Must(htmltemplate.New("p").Funcs(funcs).Parse(""))
}

// Execute reaches the functions of every Funcs call in the package, not
// only those of the template executed (sharedFuncs' os.Getenv too).
func render(w io.Writer) error { // want render:`envRead\(\?\) envWrite\(\?\)`
	return page.Execute(w, nil)
}
