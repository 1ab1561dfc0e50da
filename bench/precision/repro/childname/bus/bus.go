// Package bus stands in for godbus' session-bus address lookup
// (conn.go getSessionBusAddress, conn_other.go getSessionBusPlatformAddress):
// when DBUS_SESSION_BUS_ADDRESS is unset it runs dbus-launch, whose first
// output line is "DBUS_SESSION_BUS_ADDRESS=...", and sets the variable that
// line names.
package bus

import (
	"bytes"
	"os"
	"os/exec"
)

// Address returns the session bus address, launching a bus if none is set.
func Address() string {
	if addr := os.Getenv("DBUS_SESSION_BUS_ADDRESS"); addr != "" {
		return addr
	}
	out, err := exec.Command("dbus-launch").Output() // still reported here (K15), not in gh: "races" with the write below, in the same goroutine
	if err != nil {
		return ""
	}
	i, j := bytes.IndexByte(out, '='), bytes.IndexByte(out, '\n')
	if i < 0 || j < i {
		return ""
	}
	name, addr := string(out[:i]), string(out[i+1:j])
	os.Setenv(name, addr) // still reported here (K15), not in gh: the name is dbus-launch's, always DBUS_SESSION_BUS_ADDRESS, read by nothing beside it
	return addr
}
