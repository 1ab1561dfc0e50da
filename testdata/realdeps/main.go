// Command realdeps is a small HTTP server whose handlers build SDK clients
// with constructors that read credentials from the process environment
// internally: config.LoadDefaultConfig from aws-sdk-go-v2 and
// openai.NewClient from openai-go.
//
// It is input for credlint's tests, built against the real SDKs. A trailing
// comment marks each constructor call: the calls in handlers and in the
// background goroutine run concurrently with other requests; nothing in the
// program writes what the SDKs read, and the reads are the SDKs' code (another
// module's), so each is the process's one identity: advice, cred-read-shared,
// which the test turns on (-rules=cred-read-shared). The calls at startup,
// before the server starts, are never reported.
package main

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/openai/openai-go/v3"
)

func main() {
	ctx := context.Background()

	awsCfg, err := config.LoadDefaultConfig(ctx) // ok: startup, before the server starts
	if err != nil {
		log.Fatal(err)
	}
	client := openai.NewClient() // ok: startup, before the server starts
	log.Printf("AWS region %q, OpenAI client with %d options", awsCfg.Region, len(client.Options))

	// Reload the AWS configuration periodically, in the background.
	go func() {
		for range time.Tick(10 * time.Minute) {
			cfg, err := config.LoadDefaultConfig(ctx) // want: lib-env-read-concurrent (advice: read-only reload in a goroutine; cred-read-shared)
			if err != nil {
				log.Printf("reloading AWS config: %v", err)
				continue
			}
			log.Printf("AWS region %q", cfg.Region)
		}
	}()

	mux := http.NewServeMux()
	mux.HandleFunc("GET /aws/identity", handleAWSIdentity)
	mux.HandleFunc("GET /openai/models", handleOpenAIModels)
	log.Fatal(http.ListenAndServe("127.0.0.1:8081", mux))
}

// handleAWSIdentity loads the AWS configuration for the request and reports
// its region and where its credentials come from.
func handleAWSIdentity(w http.ResponseWriter, r *http.Request) {
	cfg, err := config.LoadDefaultConfig(r.Context()) // want: lib-env-read-concurrent (advice: the SDK's default chain, nothing writes it; cred-read-shared)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	creds, err := cfg.Credentials.Retrieve(r.Context())
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	fmt.Fprintf(w, "region %q, credentials from %s\n", cfg.Region, creds.Source)
}

// handleOpenAIModels builds an OpenAI client for the request and lists the
// models its API key can use.
func handleOpenAIModels(w http.ResponseWriter, r *http.Request) {
	client := openai.NewClient() // want: lib-env-read-concurrent (advice: the SDK's default options, nothing writes them; cred-read-shared)
	page, err := client.Models.List(r.Context())
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	for _, m := range page.Data {
		fmt.Fprintln(w, m.ID)
	}
}
