package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/credlint/credlint/internal/quote"
)

// Package flag words a value that Set rejects as
// `invalid value "<the whole value>" for flag -rules: <Set's error>`: the
// value in full (300 KB of it, if that is what was given), and the flag's
// name twice when Set's error names it too, as credlint's do. So the
// driver keeps Set's error and reports it itself, once, in the form
// `-rules: bad entry "x": unknown rule (want ...)`: the flag, the entry
// cut short (internal/quote), and what the flag wants.

// setErrors records the first error a Set of fs's flags returns.
type setErrors struct {
	name   string
	value  string
	isBool bool
	err    error
}

// recordSetErrors wraps every flag of fs so that the first Set error is
// kept in the returned setErrors. Call it once all flags are defined.
func recordSetErrors(fs *flag.FlagSet) *setErrors {
	rec := &setErrors{}
	fs.VisitAll(func(f *flag.Flag) {
		v := recordingValue{Value: f.Value, name: f.Name, rec: rec}
		if isBoolValue(f.Value) {
			f.Value = recordingBool{v}
		} else {
			f.Value = v
		}
	})
	return rec
}

type recordingValue struct {
	flag.Value
	name string
	rec  *setErrors
}

// String is the wrapped flag's value; package flag also calls it on a
// zero recordingValue (no Value) to learn the zero value's text.
func (v recordingValue) String() string {
	if v.Value == nil {
		return ""
	}
	return v.Value.String()
}

func (v recordingValue) Set(s string) error {
	err := v.Value.Set(s)
	if err != nil && v.rec.err == nil {
		v.rec.name, v.rec.value, v.rec.isBool, v.rec.err = v.name, s, isBoolValue(v.Value), err
	}
	return err
}

// recordingBool keeps a boolean flag boolean: -test alone means -test=true.
type recordingBool struct{ recordingValue }

func (recordingBool) IsBoolFlag() bool { return true }

// String is the wrapped flag's value, and "false" for package flag's zero
// probe, as for a plain boolean flag: -h then prints no default for it.
func (v recordingBool) String() string {
	if v.Value == nil {
		return "false"
	}
	return v.Value.String()
}

// message returns the error of a failed fs.Parse in credlint's words:
// for a value a flag rejected, "-name: why", with the flag named once and
// the value never echoed in full; otherwise package flag's own message
// (an unknown flag, a missing value), with a long flag name cut short.
func (rec *setErrors) message(err error) string {
	if rec.err == nil {
		msg := err.Error()
		if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok && len(name) > 64 {
			return "flag provided but not defined: -" + name[:64] + "... (first 64 of " + fmt.Sprint(len(name)) + " bytes)"
		}
		return msg
	}
	prefix := "-" + rec.name + ": "
	why := strings.TrimPrefix(rec.err.Error(), prefix)
	if s := rec.err.Error(); s == "parse error" || s == "value out of range" {
		// package flag's own values say nothing of what they want
		why = "bad value " + quote.Short(rec.value)
		if rec.isBool {
			why += ": want true or false"
		}
	}
	return prefix + why
}
