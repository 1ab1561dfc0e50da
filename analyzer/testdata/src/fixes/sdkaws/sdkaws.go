// Package sdkaws holds the aws-sdk-go-v2 row of the SDK fixes: the
// handlers load the configuration per request, which reads AWS_* from the
// process environment.
package sdkaws

import (
	"context"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/credlint/credlint/profileenv/awsenv"
)

func plain(w http.ResponseWriter, r *http.Request) {
	_, _ = config.LoadDefaultConfig(r.Context()) // want `os\.Getenv of "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_DEFAULT_PROFILE" and 6 more reads a credential.*awsenv\.With`
}

func withOptions(w http.ResponseWriter, r *http.Request) {
	_, _ = config.LoadDefaultConfig(r.Context(), config.WithRegion("eu-west-1")) // want `os\.Getenv of "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_DEFAULT_PROFILE" and 4 more reads a credential`
}

func spread(ctx context.Context, fns []func(*config.LoadOptions) error) {
	_, _ = config.LoadDefaultConfig(ctx, fns...) // want `os\.Getenv of "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_DEFAULT_PROFILE" and 6 more reads a credential`
}

// load has a context parameter it does not name: the fix names it ctx.
func load(_ context.Context, region string) (aws.Config, error) {
	return config.LoadDefaultConfig(context.Background(), config.WithRegion(region)) // want `os\.Getenv of "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_DEFAULT_PROFILE" and 4 more reads a credential`
}

// region has no context; its only caller has one, so the fix threads it.
func region() string {
	cfg, _ := config.LoadDefaultConfig(context.TODO()) // want `os\.Getenv of "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_DEFAULT_PROFILE" and 6 more reads a credential`
	return cfg.Region
}

func threaded(w http.ResponseWriter, r *http.Request) {
	_, _ = load(r.Context(), region())
}

// Load is exported and has no context: its callers get the message alone.
func Load() (aws.Config, error) {
	return config.LoadDefaultConfig(context.TODO())
}

func noContext(w http.ResponseWriter, r *http.Request) {
	_, _ = Load() // want `os\.Getenv of "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_DEFAULT_PROFILE" and 6 more reads a credential.*no automatic fix`
}

func fixed(w http.ResponseWriter, r *http.Request) {
	_, _ = config.LoadDefaultConfig(r.Context(), awsenv.With(r.Context())...) // not reported: the adapter supplies what the SDK reads
}

// explicit passes static credentials, a profile and a region: the SDK
// still reads the variables, but the options win.
func explicit(w http.ResponseWriter, r *http.Request) {
	_, _ = config.LoadDefaultConfig(r.Context(), // not reported: explicit credentials, profile and region
		config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider("id", "secret", "")),
		config.WithSharedConfigProfile("tenant"), config.WithRegion("eu-west-1"))
}

func main() {
	http.HandleFunc("/plain", plain)
	http.HandleFunc("/options", withOptions)
	http.HandleFunc("/threaded", threaded)
	http.HandleFunc("/nocontext", noContext)
	http.HandleFunc("/fixed", fixed)
	http.HandleFunc("/explicit", explicit)
	go spread(context.Background(), nil)
}
