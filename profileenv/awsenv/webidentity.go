package awsenv

import (
	"context"
	"errors"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/credlint/credlint/profileenv"
)

const keyRoleSessionName = "AWS_ROLE_SESSION_NAME"

// webIdentityOption passes the profile's web identity token file and role
// as the SDK uses the environment's (assumeWebIdentity): a
// stscreds.WebIdentityRoleProvider, with the caller's
// WebIdentityRoleCredentialOptions. Like the SDK, it fails LoadDefaultConfig
// when the role ARN is missing.
func webIdentityOption(env profileenv.Env, caller config.LoadOptions, optFns []func(*config.LoadOptions) error) func(*config.LoadOptions) error {
	role := env.Getenv(keyRoleARN)
	if role == "" {
		return func(*config.LoadOptions) error {
			return errors.New("awsenv: the profile's web identity has no role ARN (AWS_ROLE_ARN)")
		}
	}
	w := &webIdentity{
		file: env.Getenv(keyWebIdentityFile), roleARN: role, session: env.Getenv(keyRoleSessionName),
		region: first(env, regionKeys), optFns: optFns, roleOpts: caller.WebIdentityRoleCredentialOptions,
	}
	return config.WithCredentialsProvider(w)
}

// webIdentity is the web identity provider. The SDK builds its STS client
// from the config LoadDefaultConfig is resolving, which does not exist yet
// when With runs, so webIdentity loads one of its own on first use, from
// the caller's options and the profile's region, with anonymous
// credentials: AssumeRoleWithWebIdentity is not signed.
// LoadDefaultConfig wraps it in a credentials cache, as it wraps every
// provider.
type webIdentity struct {
	file, roleARN, session, region string
	optFns                         []func(*config.LoadOptions) error
	roleOpts                       func(*stscreds.WebIdentityRoleOptions)

	mu       sync.Mutex
	provider aws.CredentialsProvider // built on first successful use
}

// Retrieve implements aws.CredentialsProvider.
func (w *webIdentity) Retrieve(ctx context.Context) (aws.Credentials, error) {
	p, err := w.get(ctx)
	if err != nil {
		return aws.Credentials{}, err
	}
	return p.Retrieve(ctx)
}

// get returns the STS provider, building it if no call has yet; a failed
// build is retried by the next call.
func (w *webIdentity) get(ctx context.Context) (aws.CredentialsProvider, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.provider != nil {
		return w.provider, nil
	}
	var fns []func(*config.LoadOptions) error
	if w.region != "" {
		fns = append(fns, config.WithRegion(w.region))
	}
	fns = append(append(fns, w.optFns...), config.WithCredentialsProvider(aws.AnonymousCredentials{}))
	cfg, err := config.LoadDefaultConfig(ctx, fns...)
	if err != nil {
		return nil, err
	}
	opts := []func(*stscreds.WebIdentityRoleOptions){func(o *stscreds.WebIdentityRoleOptions) { o.RoleSessionName = w.session }}
	if w.roleOpts != nil {
		opts = append(opts, w.roleOpts)
	}
	probe := stscreds.WebIdentityRoleOptions{}
	for _, fn := range opts {
		fn(&probe)
	}
	var client stscreds.AssumeRoleWithWebIdentityAPIClient = probe.Client
	if client == nil {
		client = sts.NewFromConfig(cfg)
	}
	w.provider = stscreds.NewWebIdentityRoleProvider(client, w.roleARN, stscreds.IdentityTokenFile(w.file), opts...)
	return w.provider, nil
}
