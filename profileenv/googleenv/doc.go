// Package googleenv passes the profile attached to a context (see
// github.com/credlint/credlint/profileenv) to the Google Cloud client
// libraries, as client options of google.golang.org/api/option, which every
// NewClient of cloud.google.com/go and every NewService of
// google.golang.org/api takes, so that a client built for one request
// authenticates with that request's credentials and never another's:
//
//	client, err := storage.NewClient(ctx, googleenv.With(ctx, option.WithUserAgent("x"))...)
//
// It is a module of its own so that profileenv stays standard-library only
// and only programs that already use the Google client libraries pull it in.
//
// # What the SDK reads
//
// Read in google.golang.org/api v0.316.0 (internal/settings.go,
// internal/creds.go) and cloud.google.com/go/auth
// v0.24.1-0.20261001053825-dbc26066f70a (credentials/detect.go
// DetectDefault, internal/internal.go). Without a credential option,
// Application Default Credentials take the first of: the file
// GOOGLE_APPLICATION_CREDENTIALS names, when not empty; gcloud's
// well-known file; the metadata server. The clients also read:
//
//	GOOGLE_CLOUD_QUOTA_PROJECT    the quota project (option.WithQuotaProject wins)
//	GOOGLE_CLOUD_UNIVERSE_DOMAIN  the universe domain (option.WithUniverseDomain wins)
//	GOOGLE_CLOUD_PROJECT          the project of Credentials.ProjectID, ahead of the file's
//
// The SDK refuses two credential options in one call ("multiple credential
// options provided"), credentials next to option.WithoutAuthentication, and
// a quota project next to option.WithHTTPClient, whose client it uses as it
// is.
//
// # What With passes
//
// With no profile in ctx, With returns opts unchanged: the SDK reads the
// process environment exactly as before. With a profile, With returns
// options for the profile's view of the variables above
// (profileenv.Env.LookupEnv), followed by opts:
//
//   - option.WithCredentialsFile for the profile's
//     GOOGLE_APPLICATION_CREDENTIALS, which reads the file as the variable
//     is read (any credential type). When the profile has none and the
//     process environment has one, the profile hides it (a credential key),
//     and With passes option.WithoutAuthentication, so requests go without
//     a token, which the API refuses, instead of with the process's. When
//     neither has one, Application Default Credentials go on to gcloud's
//     file and the metadata server as without a profile.
//   - option.WithQuotaProject for a quota project the profile sets, and
//     option.WithUniverseDomain for a universe domain it sets (the default
//     googleapis.com when it hides the process's). A quota project cannot
//     be hidden: WithQuotaProject("") lets the SDK read the process's.
//
// With adds no credential option when opts pass credentials of their own or
// WithoutAuthentication, and neither a credential nor a quota project when
// they pass WithHTTPClient: the SDK would refuse the client, and without a
// profile the caller's options are the client's. To find out, With applies
// opts to a scratch copy of the SDK's settings, so they must not have side
// effects beyond the settings they set.
//
// No client option carries GOOGLE_CLOUD_PROJECT: clients take the project
// as an argument (pubsub.NewClient(ctx, project)). Pass
// profileenv.Getenv(ctx, "GOOGLE_CLOUD_PROJECT") there; a client that
// detects its project (pubsub.DetectProjectID) still reads the process's.
// An empty value counts as unset, as the SDK counts it.
//
// # Precedence
//
// The profile's options come first and opts after them, so an option the
// caller passes explicitly (option.WithQuotaProject(q)) still wins over the
// profile, as it wins over the environment without one.
package googleenv
