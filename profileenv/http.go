package profileenv

import (
	"errors"
	"net/http"
)

// ErrNoProfile is what a resolver returns (possibly wrapped) to leave a
// request on the default profile: the request's context gets no Env, and
// every call behaves like its os twin.
var ErrNoProfile = errors.New("profileenv: no profile for this request")

// StatusError is an error a resolver returns to choose the response that
// refuses the request. Any other error gets 403 Forbidden.
type StatusError struct {
	Code int    // HTTP status code, 400 to 599; anything else means 403
	Text string // response body; "" means http.StatusText(Code)
	Err  error  // the cause, for OnError and logs; never sent to the client
}

func (e *StatusError) Error() string {
	msg := "profileenv: " + e.text()
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *StatusError) Unwrap() error { return e.Err }

func (e *StatusError) code() int {
	if e.Code < 400 || e.Code > 599 {
		return http.StatusForbidden
	}
	return e.Code
}

func (e *StatusError) text() string {
	if e.Text != "" {
		return e.Text
	}
	return http.StatusText(e.code())
}

// A MiddlewareOption configures Middleware.
type MiddlewareOption func(*middleware)

// OnError replaces the response Middleware writes when the resolver fails
// with an error other than ErrNoProfile. h must write a response (it may log
// first); the request does not reach the next handler. The default writes
// the StatusError's code and text, or 403 and "Forbidden: no profile"
// for other errors, with http.Error; OnError(nil) restores it. The error's
// text is never sent.
func OnError(h func(w http.ResponseWriter, r *http.Request, err error)) MiddlewareOption {
	return func(m *middleware) { m.onError = h }
}

type middleware struct {
	resolve func(*http.Request) (Env, error)
	onError func(http.ResponseWriter, *http.Request, error)
}

// Middleware returns HTTP middleware that attaches each request's profile
// to its context. For every request it calls resolve, which picks the
// profile from whatever identifies it (a cookie, a header, the
// authenticated subject), then:
//
//   - an Env and a nil error: the next handler gets r.WithContext(WithEnv(ctx, env));
//   - ErrNoProfile, or an error wrapping it that is not a StatusError: the
//     next handler gets r unchanged, the default profile;
//   - any other error: the request is refused (see StatusError and OnError)
//     and the next handler is not called. A failed resolution never falls
//     back to the default profile silently.
//
// A resolver that looks profiles up in a map should return an error for an
// unknown name rather than the zero Env, which is an empty profile.
func Middleware(resolve func(*http.Request) (Env, error), opts ...MiddlewareOption) func(http.Handler) http.Handler {
	if resolve == nil {
		panic("profileenv: Middleware with a nil resolver")
	}
	m := &middleware{resolve: resolve, onError: refuse}
	for _, opt := range opts {
		opt(m)
	}
	if m.onError == nil {
		m.onError = refuse
	}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			env, err := m.resolve(r)
			switch {
			case err == nil:
				next.ServeHTTP(w, r.WithContext(WithEnv(r.Context(), env)))
			case noProfile(err):
				next.ServeHTTP(w, r)
			default:
				m.onError(w, r, err)
			}
		})
	}
}

// noProfile reports whether err asks for the default profile: it is or
// wraps ErrNoProfile, and it is not a StatusError, which always refuses.
func noProfile(err error) bool {
	var se *StatusError
	return !errors.As(err, &se) && errors.Is(err, ErrNoProfile)
}

// refuse is the default OnError.
func refuse(w http.ResponseWriter, _ *http.Request, err error) {
	var se *StatusError
	if errors.As(err, &se) {
		http.Error(w, se.text(), se.code())
		return
	}
	http.Error(w, "Forbidden: no profile", http.StatusForbidden)
}
