package lib // want package:"touchesEnv"

import (
	"os"
	"text/template"
)

func setEnv(k, v string) string { os.Setenv(k, v); return "" } // want setEnv:`envWrite\(\$0\)`

// Funcs is used by other packages: its Summary is what its values do.
var Funcs = template.FuncMap{"setEnv": setEnv, "env": os.Getenv} // want Funcs:`envRead\(\?\) envWrite\(\?\)`

// Names holds no function: no fact.
var Names = []string{"a"}
