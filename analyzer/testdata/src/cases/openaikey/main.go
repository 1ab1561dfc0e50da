// Command chatproxy lets each signed-in user bring their own model-API key.
// The first version stored the user's key in the process environment and then
// built a client with the SDK defaults, which read that environment.
//
// Ported from /work/shared/cases/13-model-api-key-per-request-sdk-env-default.
// The SDK is a stub under testdata/src/github.com/openai/openai-go/v3 whose
// NewClient reads OPENAI_* with os.LookupEnv.
package main

import (
	"log"
	"net/http"
	"os"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
)

func chatHandler(w http.ResponseWriter, r *http.Request) {
	userKey := r.Header.Get("X-User-Api-Key")
	os.Setenv("OPENAI_API_KEY", userKey) // setenv-concurrent: one user's key becomes every concurrent request's key // want `^os\.Setenv\("OPENAI_API_KEY"\) reachable from HTTP handler chatHandler \(race: may race with os\.LookupEnv\("OPENAI_API_KEY"\) in openai\.DefaultClientOptions\)$`
	client := openai.NewClient()         // lib-env-read-concurrent: SDK default options read OPENAI_API_KEY // want `^os\.LookupEnv\("OPENAI_API_KEY"\) reads a credential reachable from HTTP handler chatHandler \(race: may see another request's value: races with os\.Setenv\("OPENAI_API_KEY"\) in chatHandler\) \(fix: add openaienv\.With\(ctx\)\.\.\., the profile's credentials as explicit options\): chatHandler calls openai\.NewClient, which eventually calls os\.LookupEnv$`
	resp, err := client.Chat.Completions.New(r.Context(), openai.ChatCompletionNewParams{
		Model:    openai.ChatModelGPT4oMini,
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage(r.URL.Query().Get("q"))},
	})
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	_, _ = w.Write([]byte(resp.Choices[0].Message.Content))
}

// shared is built once at startup; per-request keys travel as request options.
var shared openai.Client

func chatHandlerFixed(w http.ResponseWriter, r *http.Request) {
	userKey := r.Header.Get("X-User-Api-Key")
	resp, err := shared.Chat.Completions.New(r.Context(), openai.ChatCompletionNewParams{
		Model:    openai.ChatModelGPT4oMini,
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage(r.URL.Query().Get("q"))},
	}, option.WithAPIKey(userKey)) // not reported: key passed explicitly per request; no env access on this path
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	_, _ = w.Write([]byte(resp.Choices[0].Message.Content))
}

func main() {
	shared = openai.NewClient(option.WithAPIKey("unused-default")) // not reported: startup, before the server; ambient OPENAI_BASE_URL etc. read once
	http.HandleFunc("/chat", chatHandler)
	http.HandleFunc("/chat-fixed", chatHandlerFixed)
	port := os.Getenv("PORT") // not reported: non-credential, startup
	log.Fatal(http.ListenAndServe("127.0.0.1:"+port, nil))
}
