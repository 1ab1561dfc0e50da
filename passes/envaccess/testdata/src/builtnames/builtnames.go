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

// stringer formats as "OTHER" under %s and %v, whatever its value.
type stringer string

func (stringer) String() string { return "OTHER" }

// plainName is a named string type without methods: formatted as its value.
type plainName string

func viaStringer() string { // want viaStringer:`envRead\(\*_tail\)`
	const k stringer = "A"
	return os.Getenv(fmt.Sprintf("%s_tail", k))
}

func viaPlainName() string { // want viaPlainName:`envRead\(A_tail\)`
	const k plainName = "A"
	return os.Getenv(fmt.Sprintf("%s_tail", k))
}

func starWidth(p string) string { // want starWidth:`envRead\(\*_x\)`
	return os.Getenv(fmt.Sprintf("%*s%s_x", 3, "B", p))
}

func starPrecision(p string) string { // want starPrecision:`envRead\(\*_x\)`
	return os.Getenv(fmt.Sprintf("%.*s%s_x", 3, "B", p))
}

func extraArgs(p string) string { // want extraArgs:`envRead\(A\*\)`
	return os.Getenv(fmt.Sprintf("A%s", p, "B"))
}

func extraArgsKnown() string { // want extraArgsKnown:`envRead\(AB\*\)`
	return os.Getenv(fmt.Sprintf("A%s", "B", "C"))
}

func intConstant() string { // want intConstant:`envRead\(\*_x\)`
	return os.Getenv(fmt.Sprintf("%s_x", 5))
}

func percentLiteral(p string) string { // want percentLiteral:`envRead\(A%\*\)`
	return os.Getenv(fmt.Sprintf("A%%%s", p))
}

func trailingPercent(p string) string { // want trailingPercent:`envRead\(\?\)`
	return os.Getenv(fmt.Sprintf("A%s%", p))
}

func nulInLiteral(p string) string { // want nulInLiteral:`envRead\(\?\)`
	return os.Getenv("A\x00" + p)
}

func convParam(name plainName) string { // want convParam:`^envRead\(\$0\)$`
	return os.Getenv(string(name))
}

func convGeneric[T ~string](name T) string { // want convGeneric:`^envRead\(\$0\)$`
	return os.Getenv(string(name))
}

func convKnown() string { // want convKnown:`^envRead\(APP_TOKEN\)$`
	return convGeneric(plainName("APP_TOKEN"))
}
