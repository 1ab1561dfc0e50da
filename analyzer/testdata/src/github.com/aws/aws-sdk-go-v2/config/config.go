// Package config is a minimal stub of github.com/aws/aws-sdk-go-v2/config
// for credlint's tests. LoadDefaultConfig reads the AWS_* family from the
// process environment the way the real one does: through NewEnvConfig and a
// helper that takes the candidate names as a slice parameter.
package config

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
)

type LoadOptions struct {
	Region              string
	Credentials         aws.CredentialsProvider
	SharedConfigProfile string
}

func WithRegion(v string) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.Region = v; return nil }
}

func WithCredentialsProvider(v aws.CredentialsProvider) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.Credentials = v; return nil }
}

func WithSharedConfigProfile(v string) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.SharedConfigProfile = v; return nil }
}

type EnvConfig struct {
	AccessKeyID, SecretAccessKey, SessionToken string
	Region, SharedConfigProfile                string
	SharedCredentialsFile, SharedConfigFile    string
}

func LoadDefaultConfig(ctx context.Context, optFns ...func(*LoadOptions) error) (aws.Config, error) {
	var opts LoadOptions
	for _, fn := range optFns {
		if err := fn(&opts); err != nil {
			return aws.Config{}, err
		}
	}
	env, err := loadEnvConfig(ctx)
	if err != nil {
		return aws.Config{}, err
	}
	cfg := aws.Config{Region: env.Region}
	if opts.Region != "" {
		cfg.Region = opts.Region
	}
	return cfg, nil
}

func loadEnvConfig(ctx context.Context) (EnvConfig, error) {
	return NewEnvConfig()
}

func NewEnvConfig() (EnvConfig, error) {
	var cfg EnvConfig
	setStringFromEnvVal(&cfg.AccessKeyID, []string{"AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY"})
	setStringFromEnvVal(&cfg.SecretAccessKey, []string{"AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY"})
	setStringFromEnvVal(&cfg.SessionToken, []string{"AWS_SESSION_TOKEN"})
	setStringFromEnvVal(&cfg.Region, []string{"AWS_REGION", "AWS_DEFAULT_REGION"})
	setStringFromEnvVal(&cfg.SharedConfigProfile, []string{"AWS_PROFILE", "AWS_DEFAULT_PROFILE"})
	cfg.SharedCredentialsFile = os.Getenv("AWS_SHARED_CREDENTIALS_FILE")
	cfg.SharedConfigFile = os.Getenv("AWS_CONFIG_FILE")
	return cfg, nil
}

func setStringFromEnvVal(dst *string, keys []string) {
	for _, k := range keys {
		if v := os.Getenv(k); len(v) > 0 {
			*dst = v
			break
		}
	}
}
