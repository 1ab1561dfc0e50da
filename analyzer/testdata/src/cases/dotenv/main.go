// Command multisite hosts several sites in one process, each with its own
// .env file, loaded at the start of every request.
//
// Ported from /work/shared/cases/15-dotenv-loaded-at-request-time. godotenv
// is a stub under testdata/src/github.com/joho/godotenv that, like v1.5.1,
// reads os.Environ and calls os.Setenv for every key in Load and Overload.
// Each godotenv call site therefore also gets the whole-environment read
// finding (os.Environ inside loadFile), which the case does not annotate.
package main

import (
	"log"
	"net/http"
	"os"

	"github.com/joho/godotenv"
)

func siteHandlerOverload(site string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := godotenv.Overload("/srv/sites/" + site + "/.env"); err != nil { // setenv-concurrent: Overload writes every key with os.Setenv in the handler // want `^os\.Setenv\(<dynamic name>\) reachable from HTTP handler in siteHandlerOverload \(race: may race with concurrent reads and writes of the environment\): the handler calls godotenv\.Overload, which eventually calls os\.Setenv$` `^os\.Environ\(\) copies the whole environment, credentials included, reachable from HTTP handler in siteHandlerOverload \(race: may see another request's value: races with os\.Setenv\(<dynamic name>\) in godotenv\.loadFile\): the handler calls godotenv\.Overload, which eventually calls os\.Environ$`
			http.Error(w, "config", http.StatusInternalServerError)
			return
		}
		dsn := os.Getenv("DATABASE_URL") // cred-read-concurrent: may be the other site's DSN by now // want `^os\.Getenv\("DATABASE_URL"\) reads a credential reachable from HTTP handler in siteHandlerOverload \(race: may see another request's value: races with os\.Setenv\(<dynamic name>\) in godotenv\.loadFile\)$`
		_ = dsn
	}
}

func siteHandlerLoad(site string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		_ = godotenv.Load("/srv/sites/" + site + "/.env") // setenv-concurrent: Load: first site to set a key wins for every site // want `^os\.Setenv\(<dynamic name>\) reachable from HTTP handler in siteHandlerLoad .*godotenv\.Load, which eventually calls os\.Setenv$` `^os\.Environ\(\) copies the whole environment`
		key := os.Getenv("MAIL_API_KEY")                  // cred-read-concurrent // want `^os\.Getenv\("MAIL_API_KEY"\) reads a credential reachable from HTTP handler in siteHandlerLoad`
		_ = key
	}
}

func reindexHandler(site string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		err := godotenv.Exec([]string{"/srv/sites/" + site + "/.env"}, "/usr/local/bin/reindex", nil, true) // setenv-concurrent: Exec loads the file into the parent env before starting the child // want `^os\.Setenv\(<dynamic name>\) reachable from HTTP handler in reindexHandler .*godotenv\.Exec, which eventually calls os\.Setenv$` `^os\.Environ\(\) copies the whole environment` `^\(\*exec\.Cmd\)\.Run starts a child process that inherits the whole environment, reachable from HTTP handler in reindexHandler \(race: may copy a value set by os\.Setenv\(<dynamic name>\) in godotenv\.loadFile\): the handler calls godotenv\.Exec, which calls \(\*exec\.Cmd\)\.Run$`
		if err != nil {
			log.Print(err)
		}
	}
}

// The fix: read every site's file once, into a map, at startup.
type siteEnv map[string]map[string]string

func (se siteEnv) handler(site string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		dsn := se[site]["DATABASE_URL"] // not reported: Go map lookup
		_ = dsn
	}
}

func main() {
	sites := []string{"alpha", "beta"}
	se := siteEnv{}
	for _, s := range sites {
		m, err := godotenv.Read("/srv/sites/" + s + "/.env") // not reported: Read returns a map and does not touch the process env
		if err != nil {
			log.Fatal(err)
		}
		se[s] = m
	}
	for _, s := range sites {
		http.HandleFunc("/"+s+"/overload", siteHandlerOverload(s))
		http.HandleFunc("/"+s+"/load", siteHandlerLoad(s))
		http.HandleFunc("/"+s+"/reindex", reindexHandler(s))
		http.HandleFunc("/"+s+"/", se.handler(s))
	}
	port := os.Getenv("PORT") // not reported: startup, non-credential
	log.Fatal(http.ListenAndServe("127.0.0.1:"+port, nil))
}
