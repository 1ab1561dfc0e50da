// Package openaienv passes the profile attached to a context (see
// github.com/credlint/credlint/profileenv) to the OpenAI Go SDK,
// github.com/openai/openai-go/v3, as the SDK's own explicit options, so
// that a client built for one request uses that request's key and never
// another's:
//
//	client := openai.NewClient(openaienv.With(ctx, option.WithMaxRetries(2))...)
//
// It is a module of its own so that profileenv stays standard-library only
// and only programs that already use openai-go pull it in.
//
// # What the SDK reads
//
// Read in openai-go v3.105.0 (client.go, DefaultClientOptions): NewClient
// first applies its defaults (an HTTP client and the production base URL
// https://api.openai.com/v1/), then, for each of these variables that
// os.LookupEnv finds, in this order, the option beside it, and then the
// options passed to NewClient, so that a later option overrides an earlier
// one:
//
//	OPENAI_BASE_URL        option.WithBaseURL
//	OPENAI_API_KEY         option.WithAPIKey
//	OPENAI_ADMIN_KEY       option.WithAdminAPIKey
//	OPENAI_ORG_ID          option.WithOrganization (header OpenAI-Organization)
//	OPENAI_PROJECT_ID      option.WithProject (header OpenAI-Project)
//	OPENAI_WEBHOOK_SECRET  option.WithWebhookSecret
//	OPENAI_CUSTOM_HEADERS  option.WithHeader, one per "Name: value" line
//
// Of the API key and the admin key, the one applied last is preferred for
// endpoints that accept both.
//
// # What With passes
//
// With no profile in ctx, With returns opts unchanged: the SDK reads the
// process environment exactly as before. With a profile, With returns
// options that make the client see each variable above as the profile
// sees it (profileenv.Env.LookupEnv), followed by opts:
//
//   - a variable the profile sets to a non-empty value is passed with its
//     option, even if the process environment holds the same value;
//   - a variable the profile does not set and that falls back (see
//     profileenv.Env.FallsBack) gets no option: the SDK's own read of the
//     process environment already sees the profile's view;
//   - a variable that the profile hides from a process environment that
//     sets it (a credential key the profile does not set, any key under
//     profileenv.NoFallback, or a key the profile sets to "") is reset to
//     what the SDK does when the variable is unset: an empty key or secret,
//     no OpenAI-Organization or OpenAI-Project header, the production base
//     URL, none of the process's custom headers.
//
// An empty value counts as unset: the SDK's options do not treat an empty
// string as absent (WithOrganization("") sends an empty header,
// WithBaseURL("") an unusable URL), so With never passes one as a value.
//
// # Precedence
//
// The profile's options come first and the caller's opts after them, so an
// option the caller passes explicitly (option.WithAPIKey(k)) still wins over
// the profile, as it wins over the environment without one.
//
// A profile that sets OPENAI_BASE_URL and a call that passes
// option.WithDataResidency conflict: the SDK refuses both in one call, as it
// refuses WithBaseURL with WithDataResidency. Provider options (the azure and
// bedrock packages, option.WithWorkloadIdentity) replace OpenAI's own
// credentials; a profile for such a client should not set OPENAI_API_KEY.
package openaienv
