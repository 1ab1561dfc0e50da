package awsenv_test

import (
	"net/http"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/credlint/credlint/profileenv/awsenv"
)

// A handler behind profileenv.Middleware loads its config with the
// request's profile; without a profile LoadDefaultConfig reads the process
// environment, as it always did.
func ExampleWith() {
	_ = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		cfg, err := config.LoadDefaultConfig(ctx, awsenv.With(ctx, config.WithRetryMaxAttempts(2))...)
		if err != nil {
			http.Error(w, "no AWS config", http.StatusInternalServerError)
			return
		}
		_, _ = sts.NewFromConfig(cfg).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	})
}
