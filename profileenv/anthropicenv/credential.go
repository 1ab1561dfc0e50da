package anthropicenv

import (
	"reflect"

	"github.com/anthropics/anthropic-sdk-go/v2/option"
)

// credentialType is the type of the SDK's credential options (WithAPIKey,
// WithAuthToken, WithConfig, WithConfigQuiet, WithProfile,
// WithFederationTokenProvider), requestconfig.CredentialOption, which is
// internal; it is found from WithAPIKey's result. The SDK's own test,
// requestconfig.HasCredentialOption, is internal too.
var credentialType = reflect.TypeOf(option.WithAPIKey(""))

// optionType is the interface every option implements; option.Join's
// result is a slice of it (requestconfig.JoinedOption).
var optionType = reflect.TypeFor[option.RequestOption]()

// hasCredential reports whether opts hold a credential option, inside
// option.Join at any depth, as NewClient decides whether to read the
// credential chain. Two different credential options in one NewClient call
// make every request fail, so With must not add one next to the caller's.
// A test checks every credential option of the SDK against this.
func hasCredential(opts []option.RequestOption) bool {
	for _, o := range opts {
		if o == nil {
			continue
		}
		t := reflect.TypeOf(o)
		if t == credentialType {
			return true
		}
		if t.Kind() == reflect.Slice && t.Elem() == optionType {
			v := reflect.ValueOf(o)
			inner := make([]option.RequestOption, v.Len())
			for i := range inner {
				inner[i], _ = v.Index(i).Interface().(option.RequestOption)
			}
			if hasCredential(inner) {
				return true
			}
		}
	}
	return false
}
