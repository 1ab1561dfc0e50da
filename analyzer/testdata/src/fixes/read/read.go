package read

import (
	"context"
	"net/http"
	"os"
)

func handle(w http.ResponseWriter, r *http.Request) {
	key := os.Getenv("OPENAI_API_KEY") // want `os.Getenv\("OPENAI_API_KEY"\) reads a credential reachable from HTTP handler handle`
	_ = key
	for _, kv := range os.Environ() { // want `os.Environ\(\) copies the whole environment`
		_ = kv
	}
}

func serve(ctx context.Context) {
	go func() {
		if v, ok := os.LookupEnv("DB_PASSWORD"); ok { // want `os.LookupEnv\("DB_PASSWORD"\) reads a credential reachable from goroutine`
			_ = v
		}
	}()
}

func main() {
	http.HandleFunc("/", handle)
	serve(context.Background())
}
