// Package api declares the interface; its implementations live in impl,
// the conversions in wiring, the calls in app.
package api

// Source gives a token.
type Source interface{ Token() string }
