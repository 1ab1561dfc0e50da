// Command realloaders is a small HTTP server whose handlers and pool tasks
// load configuration with real third-party environment loaders (godotenv,
// viper, envconfig, caarlos0/env) and run work on real worker pools (ants,
// conc).
//
// It is input for credlint's tests (cmd/credlint/realloaders_test.go), built
// against the real modules from the module proxy. A trailing comment marks
// each call: a "want" comment names a rule and words, and the line must get
// a finding of that rule whose message or witness contains every word; an
// "ok" comment's line must get none.
package main

import (
	"log"
	"net/http"
	"os"

	"github.com/caarlos0/env/v11"
	"github.com/joho/godotenv"
	"github.com/kelseyhightower/envconfig"
	"github.com/panjf2000/ants/v2"
	"github.com/sourcegraph/conc"
	"github.com/sourcegraph/conc/pool"
	"github.com/spf13/viper"

	"example.com/realloaders/internal/config"
)

// appConfig is read by envconfig with the prefix "app": APP_API_KEY,
// APP_LISTEN_ADDR (split_words) and APP_DEBUG.
type appConfig struct {
	APIKey     string `envconfig:"API_KEY"`
	ListenAddr string `split_words:"true"`
	Debug      bool
}

// plainConfig holds no credential: APP_PORT and APP_LOG_LEVEL.
type plainConfig struct {
	Port     int    `envconfig:"PORT"`
	LogLevel string `split_words:"true"`
}

// tokenConfig is read by caarlos0/env: API_TOKEN and UPSTREAM_URL, and
// DB_PASSWORD through the nested struct's envPrefix.
type tokenConfig struct {
	Token    string   `env:"API_TOKEN"`
	Upstream string   `env:"UPSTREAM_URL"`
	DB       dbConfig `envPrefix:"DB_"`
}

type dbConfig struct {
	Password string `env:"PASSWORD"`
}

// portConfig holds no credential: PORT and LOG_LEVEL.
type portConfig struct {
	Port     int    `env:"PORT"`
	LogLevel string `env:"LOG_LEVEL"`
}

func main() {
	if err := godotenv.Load(); err != nil { // ok: startup, before any goroutine starts
		log.Print(err)
	}
	var cfg appConfig
	if err := envconfig.Process("app", &cfg); err != nil { // ok: startup, before any goroutine starts
		log.Print(err)
	}
	if err := config.Load(&cfg); err != nil { // ok: startup, before any goroutine starts
		log.Print(err)
	}
	viper.AutomaticEnv()             // ok: startup, before any goroutine starts
	_ = viper.GetString("log_level") // ok: startup, before any goroutine starts
	_, _ = os.UserConfigDir()        // ok: startup, before any goroutine starts

	mux := http.NewServeMux()
	mux.HandleFunc("POST /reload", handleReload)
	mux.HandleFunc("GET /token", handleViper)
	mux.HandleFunc("GET /config", handleConfig)
	mux.HandleFunc("GET /pool", handlePool)
	log.Fatal(http.ListenAndServe("127.0.0.1:8082", mux))
}

// handleReload re-reads the .env files on every request.
func handleReload(w http.ResponseWriter, r *http.Request) {
	if err := godotenv.Load(); err != nil { // want: env-write-concurrent godotenv.Load os.Setenv
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if err := godotenv.Overload("override.env"); err != nil { // want: env-write-concurrent godotenv.Overload os.Setenv
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// handleViper reads a key through viper's automatic environment binding.
func handleViper(w http.ResponseWriter, r *http.Request) {
	// The key viper looks up is computed at run time from the constant
	// "token", viper's own prefix and key replacer, upper-cased: no request
	// or configuration text chooses it, and nothing writes it, so it is
	// advice (credlint audit, -rules=all), not the names tier.
	w.Write([]byte(viper.GetString("token"))) // ok: a name the program builds (constant key, viper's prefix), no write
}

// handleConfig loads the struct-tag configurations per request.
func handleConfig(w http.ResponseWriter, r *http.Request) {
	var app appConfig
	if err := envconfig.Process("app", &app); err != nil { // want: cred-read-concurrent "APP_API_KEY" "API_KEY" envconfig.Process
		log.Print(err)
	}
	var plain plainConfig
	if err := envconfig.Process("app", &plain); err != nil { // ok: no credential among APP_PORT, APP_LOG_LEVEL
		log.Print(err)
	}
	// Through a wrapper in another package: its fact leaves the names to
	// this call, which knows the struct.
	if err := config.Load(&app); err != nil { // want: cred-read-concurrent "APP_API_KEY" config.Load
		log.Print(err)
	}
	if err := config.Load(&plain); err != nil { // ok: no credential among APP_PORT, APP_LOG_LEVEL
		log.Print(err)
	}
	var tok tokenConfig
	if err := env.Parse(&tok); err != nil { // want: cred-read-concurrent "API_TOKEN" "DB_PASSWORD" env.Parse
		log.Print(err)
	}
	var port portConfig
	if err := env.Parse(&port); err != nil { // ok: no credential among PORT, LOG_LEVEL
		log.Print(err)
	}
	// HOME locates credential stores (~/.aws, ~/.docker): a credential key
	// by default, see docs/credential-keys.md.
	home, _ := os.UserHomeDir()   // want: cred-read-concurrent "HOME" os.UserHomeDir
	cache, _ := os.UserCacheDir() // want: cred-read-concurrent "HOME" os.UserCacheDir
	w.Write([]byte(home + cache))
}

// handlePool hands work to real worker pools: each task runs on another
// goroutine.
func handlePool(w http.ResponseWriter, r *http.Request) {
	_ = ants.Submit(func() {
		os.Setenv("POOL_STATE", "busy") // want: env-write-concurrent goroutine ants.Submit
	})
	p, _ := ants.NewPool(4)
	defer p.Release()
	_ = p.Submit(func() {
		_ = os.Getenv("OPENAI_API_KEY") // want: cred-read-concurrent goroutine (*ants.Pool).Submit
		_ = os.Getenv("PORT")           // ok: not a credential key
	})
	cp := pool.New().WithMaxGoroutines(2)
	cp.Go(func() {
		_ = os.Getenv("STRIPE_SECRET_KEY") // want: cred-read-concurrent goroutine (*pool.Pool).Go
	})
	cp.Wait()
	var wg conc.WaitGroup
	wg.Go(func() {
		_ = os.Getenv("GITHUB_TOKEN") // want: cred-read-concurrent goroutine (*conc.WaitGroup).Go
	})
	wg.Wait()
}
