// Package logsink chooses a log destination and an upload token from the
// environment. The code is fine; the tests around it are not.
//
// Ported from /work/shared/cases/07-t-setenv-with-t-parallel.
package logsink

import "os"

// SinkFromEnv picks the log sink; APP_LOG_SINK is not a credential.
func SinkFromEnv() string {
	switch os.Getenv("APP_LOG_SINK") { // not reported: non-credential name
	case "stdout", "stderr":
		return os.Getenv("APP_LOG_SINK") // not reported: non-credential name
	default:
		return "file"
	}
}

// UploadToken returns the token used to ship logs.
func UploadToken() string {
	return os.Getenv("APP_UPLOAD_TOKEN") // not reported: code under test; the only parallel callers panic at t.Setenv first, and no parallel test writes the env with os.Setenv
}
