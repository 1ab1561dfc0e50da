package lib // want package:"touchesEnv" package:`converted\(guards/lib\.envCred\.Get\)`

// Package lib holds fallback reads and name-guarded keys; package app
// calls them.

import (
	"os"
	"strings"
)

// Options is what a caller passes explicitly.
type Options struct {
	Token string
	Cred  Credential
	Inner *Inner
}

// Inner nests a field one level down.
type Inner struct{ Key string }

// Credential is a source of credentials.
type Credential interface{ Get() string }

// The default chain is a Credential: converted here, so an interface call
// may reach envCred.Get.
var _ Credential = envCred{}

// envCred reads the credential from the environment.
type envCred struct{}

func (envCred) Get() string { return os.Getenv("LIB_CHAIN_TOKEN") } // want Get:`envRead\(LIB_CHAIN_TOKEN\)`

func readDefault() string { // want readDefault:`envRead\(LIB_DEFAULT_TOKEN\)`
	return os.Getenv("LIB_DEFAULT_TOKEN")
}

// New reads X_TOKEN only when the caller leaves opts.Token empty.
func New(opts Options) string { // want New:`envRead\(X_TOKEN\)<\$0.Token>`
	if opts.Token == "" {
		opts.Token = os.Getenv("X_TOKEN")
	}
	return opts.Token
}

// NewPtr is New through a pointer.
func NewPtr(opts *Options) string { // want NewPtr:`envRead\(X_TOKEN\)<\$0.Token>`
	if opts.Token == "" {
		return os.Getenv("X_TOKEN")
	}
	return opts.Token
}

// Key reads the default only when key is empty, through a local.
func Key(key string) string { // want Key:`envRead\(LIB_API_KEY\)<\$0>`
	k := key
	if k == "" {
		k = os.Getenv("LIB_API_KEY")
	}
	return k
}

// WithCred calls the default chain only when cred is nil.
func WithCred(cred Credential) string { // want WithCred:`^envRead\(LIB_CHAIN_TOKEN\) envRead\(LIB_DEFAULT_TOKEN\)<\$0>$`
	if cred == nil {
		return readDefault()
	}
	return cred.Get()
}

// Nested guards a field of a field.
func Nested(opts Options) string { // want Nested:`envRead\(LIB_INNER_KEY\)<\$0.Inner.Key>`
	if opts.Inner.Key != "" {
		return opts.Inner.Key
	}
	return os.Getenv("LIB_INNER_KEY")
}

// Client keeps its key in a field.
type Client struct{ key string }

func (c *Client) apiKey() string { // want apiKey:`envRead\(LIB_CLIENT_KEY\)<\$r.key>`
	if len(c.key) > 0 {
		return c.key
	}
	return os.Getenv("LIB_CLIENT_KEY")
}

// Do calls apiKey on its receiver: the guard stays on the receiver.
func (c *Client) Do() string { return c.apiKey() } // want Do:`envRead\(LIB_CLIENT_KEY\)<\$r.key>`

// NewClient builds a client with a key.
func NewClient(key string) *Client { return &Client{key: key} }

// Lookup reads only when the caller's getter finds nothing: a fallback no
// value can discharge.
type Getter interface{ Get(string) (string, bool) }

func Lookup(g Getter) string { // want Lookup:`envRead\(LIB_LOOKUP_KEY\)<fallback>`
	if v, ok := g.Get("k"); !ok {
		return os.Getenv("LIB_LOOKUP_KEY")
	} else {
		return v
	}
}

// Always reads whether or not a value is given: no guard.
func Always(key string) string { // want Always:`^envRead\(LIB_ALWAYS_KEY\)$`
	v := os.Getenv("LIB_ALWAYS_KEY")
	if key == "" {
		return v
	}
	return key
}

// Reassigned tests a parameter it assigned itself: no guard.
func Reassigned(key string) string { // want Reassigned:`^envRead\(LIB_REASSIGNED\)$`
	key = strings.TrimSpace("")
	if key == "" {
		return os.Getenv("LIB_REASSIGNED")
	}
	return key
}

// Either reads when either value is missing: no guard on one of them.
func Either(a, b string) string { // want Either:`^envRead\(LIB_EITHER\)$`
	if a == "" || b == "" {
		return os.Getenv("LIB_EITHER")
	}
	return a + b
}

// SetFlag writes only SOME_FLAG, whatever its caller passes.
func SetFlag(k, v string) { // want SetFlag:`^envWrite\(SOME_FLAG\)$`
	if k == "SOME_FLAG" {
		os.Setenv(k, v)
	}
}

// SetKnown writes one of two names.
func SetKnown(k, v string) { // want SetKnown:`^envWrite\(A_FLAG\) envWrite\(B_FLAG\)$`
	switch k {
	case "A_FLAG", "B_FLAG":
		os.Setenv(k, v)
	}
}

// SetApp writes names that start with APP_.
func SetApp(k, v string) { // want SetApp:`^envWrite\(APP_\*\)$`
	if strings.HasPrefix(k, "APP_") {
		os.Setenv(k, v)
	}
}

// SetUnless returns early on every other name.
func SetUnless(k, v string) { // want SetUnless:`^envWrite\(ONLY_ME\)$`
	if k != "ONLY_ME" {
		return
	}
	os.Setenv(k, v)
}

// SetAny writes any name: the parameter stays.
func SetAny(k, v string) { // want SetAny:`^envWrite\(\$0\)$`
	os.Setenv(k, v)
}

// Keep writes back what it read: not a write.
func Keep(k string) { // want Keep:`^envRead\(\$0\)$`
	os.Setenv(k, os.Getenv(k))
}

// KeepLocal writes back a value read into a local, with nothing between.
func KeepLocal() { // want KeepLocal:`^envRead\(PATH\)$`
	v := os.Getenv("PATH")
	if v == "" {
		return
	}
	os.Setenv("PATH", v)
}

// Restore writes back after a call that may write: a real write.
func Restore(k string, fn func()) { // want Restore:`^envRead\(\$0\) envWrite\(\$0\)$`
	old := os.Getenv(k)
	fn()
	os.Setenv(k, old)
}

// Other writes another variable's value: a real write.
func Other() { // want Other:`^envRead\(A\) envWrite\(B\)$`
	os.Setenv("B", os.Getenv("A"))
}

// Keys reads defaults only when no keys are given.
func Keys(keys []string) []string { // want Keys:`^envRead\(LIB_KEYS\)<\$0>$`
	if len(keys) == 0 {
		return []string{os.Getenv("LIB_KEYS")}
	}
	return keys
}

// DeferKeep restores at return what it reads now: a real write.
func DeferKeep(k string) { // want DeferKeep:`^envRead\(\$0\) envWrite\(\$0\)$`
	v := os.Getenv(k)
	defer os.Setenv(k, v)
}

// InitTok tests a local its if statement defines.
func InitTok(opts Options) string { // want InitTok:`^envRead\(LIB_INIT\)<\$0.Token>$`
	if tok := opts.Token; tok == "" {
		return os.Getenv("LIB_INIT")
	}
	return opts.Token
}

// Mode reads under a tagless switch case.
func Mode(opts Options) string { // want Mode:`^envRead\(LIB_MODE\)<\$0.Token>$`
	switch {
	case opts.Token == "":
		return os.Getenv("LIB_MODE")
	}
	return ""
}
