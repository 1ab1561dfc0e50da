// Package anthropicenv passes the profile attached to a context (see
// github.com/credlint/credlint/profileenv) to the Anthropic Go SDK,
// github.com/anthropics/anthropic-sdk-go/v2, as the SDK's own explicit
// options, so that a client built for one request uses that request's
// credential and never another's:
//
//	client := anthropic.NewClient(anthropicenv.With(ctx, option.WithMaxRetries(2))...)
//
// It is a module of its own so that profileenv stays standard-library only
// and only programs that already use anthropic-sdk-go pull it in.
//
// # What the SDK reads
//
// Read in anthropic-sdk-go v2.18.0 (client.go, NewClient and
// DefaultClientOptions). NewClient applies its defaults, then the options
// passed to it. The defaults are the production base URL
// https://api.anthropic.com/ and then, from the process environment:
//
//	ANTHROPIC_BASE_URL             option.WithBaseURL, when not empty
//	(the credential chain below)
//	ANTHROPIC_WEBHOOK_SIGNING_KEY  option.WithWebhookKey
//	ANTHROPIC_CUSTOM_HEADERS       option.WithHeader, one per "Name: value" line
//
// The credential chain takes the first source that is set: ANTHROPIC_API_KEY
// (option.WithAPIKey) when not empty, then ANTHROPIC_AUTH_TOKEN
// (option.WithAuthToken) when not empty, then the profile on disk that
// ANTHROPIC_PROFILE names, then workload identity federation
// (ANTHROPIC_FEDERATION_RULE_ID, ANTHROPIC_ORGANIZATION_ID,
// ANTHROPIC_IDENTITY_TOKEN_FILE), then the default profile on disk. A
// client has one credential: when the options passed to NewClient hold a
// credential option (WithAPIKey, WithAuthToken, WithConfig, WithProfile,
// WithFederationTokenProvider), the chain is not read at all, and two
// different credential options in one call make every request fail.
// option.WithoutEnvironmentDefaults skips everything the environment
// supplies.
//
// # What With passes
//
// With no profile in ctx, With returns opts unchanged: the SDK reads the
// process environment exactly as before. With a profile, With returns
// options that make the client see the variables above as the profile sees
// them (profileenv.Env.LookupEnv), followed by opts:
//
//   - The credential: the profile's ANTHROPIC_API_KEY if not empty, else its
//     ANTHROPIC_AUTH_TOKEN if not empty, with the SDK's option, so the chain
//     is not read. When opts already hold a credential option, With adds
//     none: the caller's credential is the client's, as without a profile.
//   - When the profile has neither but the process environment has one (the
//     profile hides it: it is a credential key the profile does not set),
//     With passes option.WithoutEnvironmentDefaults and the profile's base
//     URL, webhook key and custom headers, so the client has no credential
//     and the API refuses its requests, instead of using the process's. The
//     later sources of the chain (ANTHROPIC_PROFILE, federation, profiles on
//     disk) are not read then; pass the credential explicitly to use them.
//     When neither the profile nor the process has a key or token, the chain
//     goes on to those sources as without a profile.
//   - Any other variable the profile sets to a non-empty value is passed
//     with its option. One the profile hides from a process environment that
//     sets it is reset: the production base URL, an empty webhook key, none
//     of the process's custom headers. One that falls back gets no option.
//
// An empty value counts as unset, as the SDK counts it for the base URL and
// the credentials: With never passes "" as a value.
//
// # Precedence
//
// The profile's options come first and the caller's opts after them, so an
// option the caller passes explicitly (option.WithBaseURL(u),
// option.WithAPIKey(k)) still wins over the profile, as it wins over the
// environment without one.
package anthropicenv
