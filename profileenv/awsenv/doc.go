// Package awsenv passes the profile attached to a context (see
// github.com/credlint/credlint/profileenv) to the AWS SDK for Go v2,
// github.com/aws/aws-sdk-go-v2/config, as the SDK's own explicit load
// options, so that a config loaded for one request signs with that
// request's credentials and never another's:
//
//	cfg, err := config.LoadDefaultConfig(ctx, awsenv.With(ctx, config.WithRetryMaxAttempts(2))...)
//
// It is a module of its own so that profileenv stays standard-library only
// and only programs that already use aws-sdk-go-v2 pull it in.
//
// # What the SDK reads
//
// Read in aws-sdk-go-v2/config v1.33.18 (env_config.go NewEnvConfig,
// resolve_credentials.go resolveCredentialChain, config.go
// LoadDefaultConfig). LoadDefaultConfig applies the options passed to it
// to one LoadOptions, whose values win over the environment's, and then
// reads the environment; where two names mean one setting, the first that
// is not empty wins:
//
//	AWS_ACCESS_KEY_ID, AWS_ACCESS_KEY            static credentials, with
//	AWS_SECRET_ACCESS_KEY, AWS_SECRET_KEY        both set; AWS_SESSION_TOKEN
//	AWS_SESSION_TOKEN, AWS_ACCOUNT_ID            and AWS_ACCOUNT_ID join them
//	AWS_REGION, AWS_DEFAULT_REGION               the region
//	AWS_PROFILE, AWS_DEFAULT_PROFILE             the shared config profile
//	AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE the shared files
//	AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN,   web identity
//	AWS_ROLE_SESSION_NAME
//
// The credentials come from the first of: a provider passed with
// WithCredentialsProvider; the shared config profile passed with
// WithSharedConfigProfile; the environment's static keys; the environment's
// web identity token file; the shared config profile of the environment
// (or "default"), which may point at SSO, a process, a role, and finally
// the container and EC2 instance endpoints.
//
// # What With passes
//
// With no profile in ctx, With returns optFns unchanged: the SDK reads the
// process environment exactly as before. With a profile, With returns load
// options for what the profile's view of the variables above
// (profileenv.Env.LookupEnv) sets, and nothing else, followed by optFns:
//
//   - config.WithRegion for a region that is not empty.
//   - config.WithSharedCredentialsFiles and config.WithSharedConfigFiles for
//     the files the profile names; the SDK's default files when the profile
//     hides a file the process environment names (both are credential keys:
//     a profile that should read the process's files names them with
//     profileenv.Fallback).
//   - config.WithSharedConfigProfile for a shared config profile.
//   - config.WithCredentialsProvider with static credentials, when the
//     profile has an access key and a secret key.
//   - For a web identity token file and role, config.WithCredentialsProvider
//     with the stscreds.WebIdentityRoleProvider the SDK builds for the
//     environment's, with the caller's WebIdentityRoleCredentialOptions.
//     Its STS client comes from a config the provider loads on first use,
//     from optFns, the profile's region and anonymous credentials, because
//     the config LoadDefaultConfig is resolving does not exist yet. A web
//     identity without AWS_ROLE_ARN fails LoadDefaultConfig, as the SDK does.
//   - config.WithCredentialsProvider(aws.AnonymousCredentials{}) when the
//     profile has no keys, no web identity and no shared profile while the
//     process environment has one of them: the profile hides them, so the
//     client sends unsigned requests, which AWS refuses, instead of signing
//     with the process's keys.
//
// When optFns already pass a credentials provider or a shared config
// profile, which the SDK prefers to the environment's keys, With passes no
// credentials (it finds out by applying optFns to a scratch LoadOptions, so
// they must not have side effects beyond the options they set).
//
// The region is the one setting that cannot be hidden: a LoadOptions
// without a region lets the SDK read AWS_REGION from the process
// environment. Nor can AWS_PROFILE's choice of the shared config profile
// whose settings (not credentials) the SDK loads, since naming "default"
// instead would fail where no such profile exists. An empty value counts
// as unset, as the SDK counts it.
//
// # Precedence
//
// The profile's options come first and optFns after them, so an option the
// caller passes explicitly (config.WithRegion(r)) still wins over the
// profile, as it wins over the environment without one.
package awsenv
