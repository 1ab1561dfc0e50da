package googleenv

import (
	"reflect"

	"google.golang.org/api/option"
)

// callerSettings is what the caller's options set that decides which of
// the profile's options the SDK accepts next to them.
type callerSettings struct {
	// credentials: the caller passes credentials of its own (an API key, a
	// token source, a credentials file or JSON, credentials) or
	// WithoutAuthentication. The SDK refuses a second credential option
	// ("multiple credential options provided") and credentials next to
	// WithoutAuthentication, and without the profile the caller's would be
	// the client's.
	credentials bool
	// httpClient: the caller passes WithHTTPClient, which the client uses as
	// it is, ignoring credentials, and which the SDK refuses next to a quota
	// project.
	httpClient bool
}

// credentialFields are the fields of the SDK's internal.DialSettings that
// hold a credential; internal/settings.go Validate counts them.
var credentialFields = []string{"APIKey", "TokenSource", "CredentialsFile", "CredentialsJSON", "Credentials",
	"AuthCredentials", "AuthCredentialsJSON", "AuthCredentialsFile", "NoAuth"}

// probe applies opts to a scratch settings value, as the SDK applies them
// to its own, and reports what they set. ClientOption.Apply takes the SDK's
// internal settings type, which only reflection can build here. An option
// whose Apply cannot be called so is skipped: it sets nothing With needs to
// know about. The options are setters; they must have no other effect.
func probe(opts []option.ClientOption) callerSettings {
	var s callerSettings
	for _, o := range opts {
		if o == nil {
			continue
		}
		apply := reflect.ValueOf(o).MethodByName("Apply")
		if !apply.IsValid() || apply.Type().NumIn() != 1 || apply.Type().In(0).Kind() != reflect.Pointer {
			continue
		}
		settings := reflect.New(apply.Type().In(0).Elem())
		apply.Call([]reflect.Value{settings})
		fields := settings.Elem()
		for _, name := range credentialFields {
			if f := fields.FieldByName(name); f.IsValid() && !f.IsZero() {
				s.credentials = true
			}
		}
		if f := fields.FieldByName("HTTPClient"); f.IsValid() && !f.IsZero() {
			s.httpClient = true
		}
	}
	return s
}
