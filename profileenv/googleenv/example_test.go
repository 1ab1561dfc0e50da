package googleenv_test

import (
	"net/http"

	"github.com/credlint/credlint/profileenv/googleenv"
	"google.golang.org/api/option"
	storage "google.golang.org/api/storage/v1"
)

// A handler behind profileenv.Middleware builds its client with the
// request's profile; without a profile the client uses Application Default
// Credentials from the process environment, as it always did.
func ExampleWith() {
	_ = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		svc, err := storage.NewService(ctx, googleenv.With(ctx, option.WithUserAgent("example"))...)
		if err != nil {
			http.Error(w, "no storage client", http.StatusInternalServerError)
			return
		}
		_, _ = svc.Buckets.Get("bucket").Context(ctx).Do()
	})
}
