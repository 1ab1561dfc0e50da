// Package notify sends a state to the service manager (go-systemd's
// daemon.SdNotify shape): it unsets NOTIFY_SOCKET only when its caller
// asks, by a boolean parameter or an option field. It has no roots: its
// accesses are reported where importers reach them.
package notify

import "os"

// Send reads NOTIFY_SOCKET, and unsets it when unsetEnvironment is true.
func Send(unsetEnvironment bool, state string) string {
	addr := os.Getenv("NOTIFY_SOCKET")
	if unsetEnvironment {
		os.Unsetenv("NOTIFY_SOCKET") // not reported here: reported where a root passes something other than false
	}
	return addr + state
}

// Options are what a caller passes explicitly.
type Options struct {
	State string
	Unset bool
}

// SendOpts unsets NOTIFY_SOCKET unless opts.Unset is false.
func SendOpts(opts Options) string {
	if !opts.Unset {
		return opts.State
	}
	os.Unsetenv("NOTIFY_SOCKET") // not reported here: reported where a root sets opts.Unset
	return opts.State
}
