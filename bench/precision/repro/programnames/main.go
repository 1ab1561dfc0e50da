// Package main reproduces false-finding kind K13 of docs/precision.md
// (strict standard, third set), in the shape of cloud-sql-proxy's
// instanceFromEnv and cobra's getEnvConfig: variable names built by the
// program from its own constants (a fixed prefix and a counter, the
// program's command name and a fixed suffix) are read on a goroutine, and
// nothing writes the environment. No request, template or configuration
// text chooses the name, so no caller can make the program read another
// secret.
package main

import (
	"fmt"
	"os"
	"strings"
)

const envPrefix = "CSQL_PROXY"

// instances reads CSQL_PROXY_INSTANCE_CONNECTION_NAME_0, _1, ... until one is unset.
func instances() []string {
	var out []string
	for i := 0; ; i++ {
		v := os.Getenv(fmt.Sprintf("%s_INSTANCE_CONNECTION_NAME_%d", envPrefix, i)) // ok: prefix and counter are the program's (K13, fixed in session 15)
		if v == "" {
			return out
		}
		out = append(out, v)
	}
}

// envConfig reads <PROGRAM>_<SUFFIX>, the program's own name upper-cased.
func envConfig(program, suffix string) string {
	return os.Getenv(strings.ToUpper(program + "_" + suffix)) // ok: the program passes its own name (K13, fixed in session 15)
}

func main() {
	done := make(chan bool)
	go func() {
		fmt.Println(instances(), envConfig("cloud-sql-proxy", "ACTIVE_HELP"))
		done <- true
	}()
	<-done
}
