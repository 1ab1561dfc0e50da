package googleenv

import (
	"context"
	"os"

	"github.com/credlint/credlint/profileenv"
	"github.com/credlint/credlint/profileenv/internal/adapt"
	"google.golang.org/api/option"
)

const (
	keyCredentials    = "GOOGLE_APPLICATION_CREDENTIALS"
	keyQuotaProject   = "GOOGLE_CLOUD_QUOTA_PROJECT"
	keyUniverseDomain = "GOOGLE_CLOUD_UNIVERSE_DOMAIN"

	// defaultUniverseDomain is the universe domain the SDK uses when
	// GOOGLE_CLOUD_UNIVERSE_DOMAIN is unset.
	defaultUniverseDomain = "googleapis.com"
)

// With returns the options that give a Google API client (every NewClient
// of cloud.google.com/go and every NewService of google.golang.org/api)
// the profile attached to ctx, followed by opts. With no profile in ctx it
// returns opts unchanged. See the package documentation for what it passes
// and why the caller's opts win.
func With(ctx context.Context, opts ...option.ClientOption) []option.ClientOption {
	env, ok := profileenv.FromContext(ctx)
	if !ok {
		return opts
	}
	return append(profileOptions(env, probe(opts)), opts...)
}

// profileOptions returns the profile's options, leaving out those that
// the SDK would refuse next to the caller's (see callerSettings).
func profileOptions(env profileenv.Env, caller callerSettings) []option.ClientOption {
	vars := env.Vars()
	var opts []option.ClientOption
	if !caller.credentials && !caller.httpClient {
		if file, _ := env.LookupEnv(keyCredentials); file != "" {
			opts = append(opts, credentialsFile(file))
		} else if os.Getenv(keyCredentials) != "" {
			// The profile hides the process's credentials file.
			opts = append(opts, option.WithoutAuthentication())
		}
	}
	if v, a := adapt.Decide(env, vars, keyQuotaProject); a == adapt.Set && !caller.httpClient {
		opts = append(opts, option.WithQuotaProject(v))
	}
	switch v, a := adapt.Decide(env, vars, keyUniverseDomain); a {
	case adapt.Set:
		opts = append(opts, option.WithUniverseDomain(v))
	case adapt.Reset:
		opts = append(opts, option.WithUniverseDomain(defaultUniverseDomain))
	}
	return opts
}

// credentialsFile passes the profile's GOOGLE_APPLICATION_CREDENTIALS as
// the SDK reads the variable: a file of any credential type. That is what
// option.WithCredentialsFile does; it is deprecated because a file from an
// untrusted source can run a program, which holds for the variable too, and
// the profile's file is as trusted as the process's.
func credentialsFile(name string) option.ClientOption {
	return option.WithCredentialsFile(name) //nolint:staticcheck // see above
}
