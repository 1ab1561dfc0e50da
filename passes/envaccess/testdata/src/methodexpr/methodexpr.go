package methodexpr // want package:"touchesEnv"

import "os"

// getter reads the variable its method's parameter names.
type getter string

func (getter) get(name string) string { // want get:`envRead\(\$0\)`
	return os.Getenv(name)
}

func (g getter) switched(unset bool) { // want switched:`envWrite\(SWITCHED\)<if \$0>`
	if unset {
		os.Unsetenv("SWITCHED")
	}
}

// Method expressions take the receiver as their first argument: the name
// is the second.
func methodExpr() string { // want methodExpr:`^envRead\(REAL_TOKEN\)$`
	return getter.get("RECEIVER", "REAL_TOKEN")
}

func methodExprSwitchOff() { getter.switched("x", false) } // not reported: unset is false

func methodExprSwitchOn() { getter.switched("", true) } // want methodExprSwitchOn:`^envWrite\(SWITCHED\)<if>$`
