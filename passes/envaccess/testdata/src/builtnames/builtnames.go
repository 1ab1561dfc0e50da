package builtnames // want package:"touchesEnv"

// builtnames builds variable names at run time from known parts: the
// literal prefix and suffix are kept, so that a write races only with
// reads of names that can match.

import (
	"fmt"
	"os"
)

type provider struct{ prefix string }

func (p provider) region() string { // want region:`envRead\(\*_region\)`
	return os.Getenv(fmt.Sprintf("%s_%s", p.prefix, "region"))
}

func appVar(name string) string { // want appVar:`envRead\(APP_\*\)`
	return os.Getenv("APP_" + name)
}

func both(name string) string { // want both:`envRead\(OCI_\*_KEY\)`
	n := "OCI_" + name
	return os.Getenv(n + "_KEY")
}

func sprintfKnown() string { // want sprintfKnown:`envRead\(SVC_TOKEN\)`
	return os.Getenv(fmt.Sprintf("%s_%s", "SVC", "TOKEN"))
}

func width(n int) string { // want width:`envRead\(PORT_\*\)`
	return os.Getenv(fmt.Sprintf("PORT_%03d", n))
}

func indexed(a, b string) string { // want indexed:`envRead\(\?\)`
	return os.Getenv(fmt.Sprintf("%[2]s_%[1]s", a, b))
}

func nothingKnown(a, b string) string { // want nothingKnown:`envRead\(\?\)`
	return os.Getenv(a + b)
}

func param(name string) string { // want param:`envRead\(\$0\)`
	return os.Getenv(name)
}
