// Package option is a minimal stub of google.golang.org/api/option for
// credlint's tests (the real one keeps Settings in an internal package).
package option

type Settings struct {
	CredentialsFile, Endpoint string
}

type ClientOption interface {
	Apply(*Settings)
}

type withCredFile string

func (w withCredFile) Apply(o *Settings) { o.CredentialsFile = string(w) }

func WithCredentialsFile(filename string) ClientOption { return withCredFile(filename) }

type withEndpoint string

func (w withEndpoint) Apply(o *Settings) { o.Endpoint = string(w) }

func WithEndpoint(url string) ClientOption { return withEndpoint(url) }
