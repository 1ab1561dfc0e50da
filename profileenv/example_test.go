package profileenv_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"

	"github.com/credlint/credlint/profileenv"
)

func Example() {
	// In a server, the profiles come from each tenant's configuration, for
	// example godotenv.Read("profiles/alice.env").
	alice, err := profileenv.New(map[string]string{
		"OPENAI_API_KEY": "sk-alice-example",
	}, profileenv.Fallback("AWS_REGION"))
	if err != nil {
		log.Fatal(err)
	}
	ctx := profileenv.WithEnv(context.Background(), alice)

	// The profile's value wins.
	fmt.Println(profileenv.Getenv(ctx, "OPENAI_API_KEY"))

	// A credential key the profile does not set is unset, whatever the
	// process environment holds.
	_, ok := profileenv.LookupEnv(ctx, "GITHUB_TOKEN")
	fmt.Println("GITHUB_TOKEN set:", ok)

	// Other keys, and credential keys named with Fallback, fall back.
	fmt.Println(profileenv.Getenv(ctx, "PATH") == os.Getenv("PATH"))
	fmt.Println(profileenv.Getenv(ctx, "AWS_REGION") == os.Getenv("AWS_REGION"))

	// Without a profile, every call is its os twin.
	fmt.Println(profileenv.Getenv(context.Background(), "GITHUB_TOKEN") == os.Getenv("GITHUB_TOKEN"))
	// Output:
	// sk-alice-example
	// GITHUB_TOKEN set: false
	// true
	// true
	// true
}

func ExampleMiddleware() {
	profiles := map[string]profileenv.Env{}
	for name, key := range map[string]string{"alice": "sk-alice-example", "bob": "sk-bob-example"} {
		env, err := profileenv.New(map[string]string{"OPENAI_API_KEY": key})
		if err != nil {
			log.Fatal(err)
		}
		profiles[name] = env
	}

	// The resolver picks the profile from the "profile" cookie. No cookie
	// keeps the default profile; an unknown name refuses the request.
	resolve := func(r *http.Request) (profileenv.Env, error) {
		c, err := r.Cookie("profile")
		if err != nil { // http.ErrNoCookie
			return profileenv.Env{}, profileenv.ErrNoProfile
		}
		env, ok := profiles[c.Value]
		if !ok {
			return profileenv.Env{}, &profileenv.StatusError{Code: http.StatusBadRequest, Text: "unknown profile"}
		}
		return env, nil
	}

	// Code deep inside the handler reads its key from the request's context.
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := profileenv.FromContext(r.Context()); !ok {
			fmt.Fprintln(w, "default profile")
			return
		}
		fmt.Fprintln(w, "key", profileenv.Getenv(r.Context(), "OPENAI_API_KEY"))
	})
	h := profileenv.Middleware(resolve)(handler)

	for _, cookie := range []string{"alice", "bob", "", "mallory"} {
		r := httptest.NewRequest("GET", "/", nil)
		if cookie != "" {
			r.AddCookie(&http.Cookie{Name: "profile", Value: cookie})
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		fmt.Print(w.Code, " ", w.Body.String())
	}
	// Output:
	// 200 key sk-alice-example
	// 200 key sk-bob-example
	// 200 default profile
	// 400 unknown profile
}
