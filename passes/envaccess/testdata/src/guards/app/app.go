package app // want package:"touchesEnv"

// Package app calls lib's guarded functions: a value passed where lib
// falls back to the environment discharges the read.

import "guards/lib"

type staticCred struct{ tok string }

func (s *staticCred) Get() string { return s.tok }

func constToken() string { return lib.New(lib.Options{Token: "constant"}) } // no fact: the read is discharged

func ptrToken() string { return lib.NewPtr(&lib.Options{Token: "constant"}) } // no fact: discharged through &T{...}

func localOpts() string { // no fact: the local holds a literal with the field set
	opts := lib.Options{Token: "constant"}
	return lib.New(opts)
}

func emptyOpts() string { // want emptyOpts:`envRead\(X_TOKEN\)<fallback>`
	return lib.New(lib.Options{})
}

func fromCaller(tok string) string { // want fromCaller:`envRead\(X_TOKEN\)<\$0>`
	return lib.New(lib.Options{Token: tok})
}

func twoHops() string { return fromCaller("constant") } // no fact: discharged two calls away

func twoHopsEmpty() string { // want twoHopsEmpty:`envRead\(X_TOKEN\)<fallback>`
	return fromCaller("")
}

func passOpts(o lib.Options) string { // want passOpts:`envRead\(X_TOKEN\)<\$0.Token>`
	return lib.New(o)
}

func unknown(f func() string) string { // want unknown:`envRead\(X_TOKEN\)<fallback>`
	return lib.New(lib.Options{Token: f()})
}

func withCred() string { return lib.WithCred(&staticCred{tok: "x"}) } // want withCred:`^envRead\(LIB_CHAIN_TOKEN\)$`

func withNil() string { // want withNil:`^envRead\(LIB_CHAIN_TOKEN\) envRead\(LIB_DEFAULT_TOKEN\)<fallback>$`
	return lib.WithCred(nil)
}

func key() string { return lib.Key("constant") } // no fact: a non-zero constant

func nested() string { return lib.Nested(lib.Options{Inner: &lib.Inner{Key: "k"}}) } // no fact: nested literal

// appDefault falls back itself, to a call that always reads: the guard
// moves to its own parameter.
func appDefault(tok string) string { // want appDefault:`^envRead\(LIB_API_KEY\)<\$0>$`
	if tok == "" {
		return lib.Key("")
	}
	return tok
}

func appDefaultGiven() string { return appDefault("t") } // no fact: discharged by the caller's guard

func viaLocal() string { // no fact: a local copy of a constant
	t := "t"
	return lib.Key(t)
}

func reassignedLocal() string { // want reassignedLocal:`^envRead\(LIB_API_KEY\)<fallback>$`
	t := "t"
	t = ""
	return lib.Key(t)
}
func clientDo(c *lib.Client) string { return c.Do() } // want clientDo:`envRead\(LIB_CLIENT_KEY\)<\$0.key>`

func clientLit() string { return (&lib.Client{}).Do() } // want clientLit:`envRead\(LIB_CLIENT_KEY\)<fallback>`

func lookup(g lib.Getter) string { return lib.Lookup(g) } // want lookup:`envRead\(LIB_LOOKUP_KEY\)<fallback>`

func setFlag(k string) { lib.SetFlag(k, "1") } // want setFlag:`^envWrite\(SOME_FLAG\)$`

func setApp(k string) { lib.SetApp(k, "1") } // want setApp:`^envWrite\(APP_\*\)$`

func callerGuarded(k string) { // want callerGuarded:`^envWrite\(CALLER_ONLY\)$`
	if k == "CALLER_ONLY" {
		lib.SetAny(k, "1")
	}
}

func keep() { lib.Keep("HOME") } // want keep:`^envRead\(HOME\)$`

func keysGiven() []string { return lib.Keys([]string{"A"}) } // no fact: keys are given

func keysEmpty() []string { return lib.Keys([]string{}) } // want keysEmpty:`^envRead\(LIB_KEYS\)<fallback>$`
