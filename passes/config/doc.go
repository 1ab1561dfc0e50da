// Package config is credlint's configuration pass. It owns every credlint
// option as a flag on Analyzer.Flags and turns them into one typed, immutable
// *Config, which the other passes read as the pass result:
//
//	cfg := pass.ResultOf[config.Analyzer].(*config.Config)
//	if cfg.ExcludesPackage(pass.Pkg.Path()) { ... }
//	if cfg.IsCredential(key) { ... }
//
// Flags are parsed once, before any pass runs. Each flag.Value validates its
// input in Set, so a bad pattern fails at startup with a message naming the
// flag and the entry, not once per package. Set builds a new Config and
// publishes it atomically; a Config never changes after that, so concurrent
// passes may share it without locks.
//
// The flag names are the Flag* constants in flags.go. cmd/credlint lifts them
// to the top level (-cred-keys, not -credlint_config.cred-keys), and the
// golangci-lint plugin applies its settings with Analyzer.Flags.Set.
// docs/flags.md holds the table of flags, which a test compares with the
// FlagSet.
//
// # Analyzer credlint_config
//
// credlint_config: typed credlint configuration from flags
//
// The credlint_config pass reports nothing. It exposes credlint's options
// to the other passes as a *Config.
//
// -cred-keys adds environment variable names or path.Match patterns (such
// as APP_LOG_SINK or *_FULLNODE_URL) to the default credential keys, and
// -not-cred-keys removes names or patterns from them; see
// docs/credential-keys.md for the defaults. -exclude-pkgs drops diagnostics
// in packages that match a package path pattern, where ... matches any
// string as in go list (example.com/app/gen/... matches example.com/app/gen
// and everything below it).
//
// Each of these takes a comma-separated list, may be repeated to add more,
// and is cleared by an empty value.
//
// -context-reads (off by default) also reports credential reads that ignore
// a context.Context at hand, on any path, with a fix that reads the
// profile attached to the context through profileenv: the migration mode
// for programs that attach per-request profiles.
//
// -rules turns rules on and off, in the shape of staticcheck's -checks: a
// comma-separated list applied left to right to the defaults, where ID
// turns a rule on, -ID turns it off, and all, default and none stand for
// every rule, the defaults and no rule (-rules=all,-cred-read-in-request).
// The advice rules (cred-read-shared, exec-env-exposes-credentials,
// cred-read-ignores-context) are off by default; ignore-directive is always
// on. An unknown ID is a usage error naming it. See docs/rules.md, "Tiers".
package config
