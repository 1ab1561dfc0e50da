package alias

import (
	"net/http"
	"os"

	penv "github.com/credlint/credlint/profileenv"
)

var _ = penv.Getenv

func handle(w http.ResponseWriter, req *http.Request) {
	_ = os.ExpandEnv("postgres://app:${DB_PASSWORD}@db/app") // want `os.ExpandEnv of "DB_PASSWORD" reads a credential`
}

func main() { http.HandleFunc("/", handle) }
