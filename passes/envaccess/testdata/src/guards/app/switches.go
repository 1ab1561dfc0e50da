package app

// Calls of lib's switch-guarded accesses: the constant false (or a literal
// leaving the field out) discharges the access; anything else keeps it.

import "guards/lib"

func notifyFalse() string { return lib.Notify(false, "READY=1") } // want notifyFalse:`^envRead\(NOTIFY_SOCKET\)$`

func notifyTrue() string { return lib.Notify(true, "READY=1") } // want notifyTrue:`^envRead\(NOTIFY_SOCKET\) envWrite\(NOTIFY_SOCKET\)<if>$`

func notifyParam(unset bool) string { return lib.Notify(unset, "READY=1") } // want notifyParam:`^envRead\(NOTIFY_SOCKET\) envWrite\(NOTIFY_SOCKET\)<if \$0>$`

func notifyParamFalse() string { return notifyParam(false) } // want notifyParamFalse:`^envRead\(NOTIFY_SOCKET\)$`

func notifyUnknown(f func() bool) string { return lib.Notify(f(), "READY=1") } // want notifyUnknown:`^envRead\(NOTIFY_SOCKET\) envWrite\(NOTIFY_SOCKET\)<if>$`

func notifyLocal() string { // want notifyLocal:`^envRead\(NOTIFY_SOCKET\)$`
	unset := false
	return lib.Notify(unset, "READY=1")
}

func applyEmpty() { lib.Apply(lib.SwitchOptions{Name: "x"}) } // no fact: Export left out

func applyFalse() { lib.Apply(lib.SwitchOptions{Export: false}) } // no fact: Export is false

func applyTrue() { lib.Apply(lib.SwitchOptions{Export: true}) } // want applyTrue:`^envWrite\(LIB_EXPORTED\)<if>$`

func debugOff() string { return lib.Debug(false) } // no fact: verbose is false

func notifierZero() { (&lib.Notifier{}).Send() } // no fact: the field is left out

func notifierGiven(n *lib.Notifier) { n.Send() } // want notifierGiven:`^envWrite\(NOTIFY_SOCKET\)<if \$0.unset>$`

func otherwise() { lib.Otherwise(false) } // want otherwise:`^envWrite\(LIB_OTHERWISE\)$`

func flipped() { lib.Flipped(false) } // want flipped:`^envWrite\(LIB_FLIPPED\)$`

func quietOn() string { return lib.Quiet(true) } // no fact: true discharges the fallback

func quietOff() string { return lib.Quiet(false) } // want quietOff:`^envRead\(LIB_VERBOSE\)<fallback>$`

func looped() { lib.Looped(false) } // want looped:`^envWrite\(LIB_LOOPED\)$`

func pointed() { lib.Pointed(false) } // want pointed:`^envWrite\(LIB_POINTED\)$`
