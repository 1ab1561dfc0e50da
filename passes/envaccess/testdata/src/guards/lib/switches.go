package lib

import "os"

// Switches: accesses that only run when a boolean the caller passes is
// true (the opposite polarity of a fallback). Package app calls them.

// SwitchOptions carries booleans a caller may set.
type SwitchOptions struct {
	Export bool
	Name   string
}

// Notify unsets NOTIFY_SOCKET only when asked to (go-systemd's SdNotify
// shape); the read runs whatever the caller passes.
func Notify(unset bool, state string) string { // want Notify:`^envRead\(NOTIFY_SOCKET\) envWrite\(NOTIFY_SOCKET\)<if \$0>$`
	addr := os.Getenv("NOTIFY_SOCKET")
	if unset {
		os.Unsetenv("NOTIFY_SOCKET")
	}
	return addr + state
}

// Apply returns early unless the field is set.
func Apply(opts SwitchOptions) { // want Apply:`^envWrite\(LIB_EXPORTED\)<if \$0.Export>$`
	if !opts.Export {
		return
	}
	os.Setenv("LIB_EXPORTED", opts.Name)
}

// Debug reads under a comparison with true.
func Debug(verbose bool) string { // want Debug:`^envRead\(LIB_DEBUG\)<if \$0>$`
	if verbose == true {
		return os.Getenv("LIB_DEBUG")
	}
	return ""
}

// Notifier keeps its switch in a field.
type Notifier struct{ unset bool }

// Send unsets only when the receiver's field is true.
func (n *Notifier) Send() { // want Send:`^envWrite\(NOTIFY_SOCKET\)<if \$r.unset>$`
	if n.unset {
		os.Unsetenv("NOTIFY_SOCKET")
	}
}

// Otherwise writes when its boolean is false: no switch guard.
func Otherwise(keep bool) { // want Otherwise:`^envWrite\(LIB_OTHERWISE\)$`
	if keep {
		return
	}
	os.Unsetenv("LIB_OTHERWISE")
}

// Flipped tests a parameter it assigned itself: no guard.
func Flipped(unset bool) { // want Flipped:`^envWrite\(LIB_FLIPPED\)$`
	unset = !unset
	if unset {
		os.Unsetenv("LIB_FLIPPED")
	}
}

// Quiet reads when its boolean is false, by comparison: a fallback on it.
func Quiet(quiet bool) string { // want Quiet:`^envRead\(LIB_VERBOSE\)<\$0>$`
	if quiet == false {
		return os.Getenv("LIB_VERBOSE")
	}
	return ""
}

// Looped sets its boolean after the test, in a loop: the second pass
// unsets whatever the caller passed, so no guard.
func Looped(unset bool) { // want Looped:`^envWrite\(LIB_LOOPED\)$`
	for i := 0; i < 2; i++ {
		if unset {
			os.Unsetenv("LIB_LOOPED")
		}
		unset = true
	}
}

// Pointed hands its boolean's address to a function that may set it: no
// guard.
func Pointed(unset bool) { // want Pointed:`^envWrite\(LIB_POINTED\)$`
	setTrue(&unset)
	if unset {
		os.Unsetenv("LIB_POINTED")
	}
}

func setTrue(b *bool) { *b = true }
