// Package notify sends a state to the service manager (go-systemd's
// daemon.SdNotify shape): it unsets NOTIFY_SOCKET only when asked to.
package notify

import (
	"net"
	"os"
)

// Send sends state to $NOTIFY_SOCKET, and unsets the variable when
// unsetEnvironment is true.
func Send(unsetEnvironment bool, state string) error {
	addr := os.Getenv("NOTIFY_SOCKET")
	if addr == "" {
		return nil
	}
	if unsetEnvironment {
		if err := os.Unsetenv("NOTIFY_SOCKET"); err != nil { // ok: only when unsetEnvironment is true, and every caller passes false (K10, fixed: switch guards)
			return err
		}
	}
	conn, err := net.Dial("unixgram", addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.Write([]byte(state))
	return err
}
