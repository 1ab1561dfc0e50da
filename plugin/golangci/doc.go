// Package golangci is credlint's golangci-lint module plugin. A custom
// golangci-lint built with this package imported (see the README and
// scripts/build-golangci.sh) runs credlint as the linter named "credlint".
//
// The package only translates settings into flags: it registers credlint
// with github.com/golangci/plugin-module-register, decodes the settings of
// linters.settings.custom.credlint with the register package's strict
// decoder, applies each one with config.Analyzer.Flags.Set under the flag of
// the same name, and hands golangci-lint analyzer.Analyzer unchanged. So a
// setting means exactly what the flag means (docs/flags.md), it is checked by
// the same flag.Value, and there is no analysis code here.
//
// The settings are the flag names without the dash:
//
//	linters:
//	  settings:
//	    custom:
//	      credlint:
//	        type: module
//	        settings:
//	          cred-keys: [MYCO_*_SECRET, APP_LOG_SINK]  # a YAML list of strings
//	          not-cred-keys: "HOME"                     # or a comma-separated string
//	          exclude-pkgs: []                          # empty: the default (none)
//	          context-reads: true                       # a boolean
//	          rules: [all, -cred-read-in-request]       # -rules, applied in order
//
// A list setting is either a YAML list of strings or one string in the
// flag's own comma-separated syntax; both mean the same as -flag=<entries
// joined with commas>, and an empty list or string leaves the list empty. A
// boolean setting is a YAML boolean (or the string "true" or "false"). A
// setting replaces the flag's value; a key given with no value is ignored.
// Anything else (a number, a mapping, a list holding a non-string, a list
// for a boolean), an unknown key, or a value the flag rejects stops
// golangci-lint at startup with a message that names the key, and leaves
// the flags as they were.
package golangci
