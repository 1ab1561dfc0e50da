package awsenv

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/credlint/credlint/profileenv"
	"github.com/credlint/credlint/profileenv/internal/adapt"
)

// The variables config.NewEnvConfig reads for what With passes. Where the
// SDK reads two names for one setting, it takes the first that is not
// empty.
var (
	accessKeyKeys = []string{"AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY"}
	secretKeyKeys = []string{"AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY"}
	regionKeys    = []string{"AWS_REGION", "AWS_DEFAULT_REGION"}
	profileKeys   = []string{"AWS_PROFILE", "AWS_DEFAULT_PROFILE"}
)

const (
	keySessionToken    = "AWS_SESSION_TOKEN"
	keyAccountID       = "AWS_ACCOUNT_ID"
	keyCredentialsFile = "AWS_SHARED_CREDENTIALS_FILE"
	keyConfigFile      = "AWS_CONFIG_FILE"
	keyWebIdentityFile = "AWS_WEB_IDENTITY_TOKEN_FILE"
	keyRoleARN         = "AWS_ROLE_ARN"
)

// With returns the options that give config.LoadDefaultConfig the profile
// attached to ctx, followed by optFns. With no profile in ctx it returns
// optFns unchanged. See the package documentation for what it passes and
// why the caller's optFns win.
func With(ctx context.Context, optFns ...func(*config.LoadOptions) error) []func(*config.LoadOptions) error {
	env, ok := profileenv.FromContext(ctx)
	if !ok {
		return optFns
	}
	return append(profileOptions(env, probe(optFns), optFns), optFns...)
}

// profileOptions returns the profile's options. caller is what the
// caller's options, optFns, set: when they name a credentials provider or
// a shared config profile, which the SDK prefers to the environment's
// keys, the profile passes no credentials.
func profileOptions(env profileenv.Env, caller config.LoadOptions, optFns []func(*config.LoadOptions) error) []func(*config.LoadOptions) error {
	vars := env.Vars()
	var opts []func(*config.LoadOptions) error
	if region := first(env, regionKeys); region != "" {
		opts = append(opts, config.WithRegion(region))
	}
	opts = appendFiles(opts, env, vars)
	if caller.Credentials == nil && caller.SharedConfigProfile == "" {
		opts = append(opts, credentialOptions(env, caller, optFns)...)
	}
	return opts
}

// appendFiles passes the shared credentials and config files the profile
// names, or the SDK's defaults when it hides the process's.
func appendFiles(opts []func(*config.LoadOptions) error, env profileenv.Env, vars map[string]string) []func(*config.LoadOptions) error {
	switch v, a := adapt.Decide(env, vars, keyCredentialsFile); a {
	case adapt.Set:
		opts = append(opts, config.WithSharedCredentialsFiles([]string{v}))
	case adapt.Reset:
		opts = append(opts, config.WithSharedCredentialsFiles(config.DefaultSharedCredentialsFiles))
	}
	switch v, a := adapt.Decide(env, vars, keyConfigFile); a {
	case adapt.Set:
		opts = append(opts, config.WithSharedConfigFiles([]string{v}))
	case adapt.Reset:
		opts = append(opts, config.WithSharedConfigFiles(config.DefaultSharedConfigFiles))
	}
	return opts
}

// credentialOptions follows the SDK's order for the environment's
// credentials (resolveCredentialChain): static keys, then a web identity
// token file, then the shared config profile, which is passed in every case
// for the settings it holds. When the profile has none of them and the
// process environment has one, the profile hides it, and the client gets
// anonymous credentials rather than the process's.
func credentialOptions(env profileenv.Env, caller config.LoadOptions, optFns []func(*config.LoadOptions) error) []func(*config.LoadOptions) error {
	var opts []func(*config.LoadOptions) error
	profile := first(env, profileKeys)
	if profile != "" {
		opts = append(opts, config.WithSharedConfigProfile(profile))
	}
	key, secret := first(env, accessKeyKeys), first(env, secretKeyKeys)
	switch {
	case key != "" && secret != "":
		token, _ := env.LookupEnv(keySessionToken)
		account, _ := env.LookupEnv(keyAccountID)
		return append(opts, config.WithCredentialsProvider(credentials.StaticCredentialsProvider{
			Value: aws.Credentials{AccessKeyID: key, SecretAccessKey: secret, SessionToken: token,
				AccountID: account, Source: config.CredentialsSourceName},
		}))
	case env.Getenv(keyWebIdentityFile) != "":
		return append(opts, webIdentityOption(env, caller, optFns))
	case profile == "" && processHasCredentials():
		return append(opts, config.WithCredentialsProvider(aws.AnonymousCredentials{}))
	}
	return opts
}

// processHasCredentials reports whether the process environment gives the
// SDK credentials or a profile to find them with.
func processHasCredentials() bool {
	for _, k := range [][]string{accessKeyKeys, secretKeyKeys, profileKeys, {keyWebIdentityFile}} {
		for _, name := range k {
			if os.Getenv(name) != "" {
				return true
			}
		}
	}
	return false
}

// probe returns what optFns set, applied to a scratch LoadOptions as
// LoadDefaultConfig applies them to its own; their errors are
// LoadDefaultConfig's to report.
func probe(optFns []func(*config.LoadOptions) error) config.LoadOptions {
	var o config.LoadOptions
	for _, fn := range optFns {
		if fn != nil {
			_ = fn(&o)
		}
	}
	return o
}

// first returns the profile's view of the first of keys that is not empty,
// as the SDK reads keys that have two names.
func first(env profileenv.Env, keys []string) string {
	for _, k := range keys {
		if v, _ := env.LookupEnv(k); v != "" {
			return v
		}
	}
	return ""
}
