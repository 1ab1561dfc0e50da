// Package openai is a minimal stub of github.com/openai/openai-go/v3 for
// credlint's tests. NewClient prepends DefaultClientOptions, which reads
// OPENAI_BASE_URL, OPENAI_API_KEY, OPENAI_ADMIN_KEY, OPENAI_ORG_ID,
// OPENAI_PROJECT_ID and OPENAI_WEBHOOK_SECRET with os.LookupEnv, as the real
// SDK (v3.99.0) does.
package openai

import (
	"context"
	"os"

	"github.com/openai/openai-go/v3/option"
)

func DefaultClientOptions() []option.RequestOption {
	defaults := []option.RequestOption{}
	if o, ok := os.LookupEnv("OPENAI_BASE_URL"); ok {
		defaults = append(defaults, option.WithBaseURL(o))
	}
	if o, ok := os.LookupEnv("OPENAI_API_KEY"); ok {
		defaults = append(defaults, option.WithAPIKey(o))
	}
	if o, ok := os.LookupEnv("OPENAI_ADMIN_KEY"); ok {
		defaults = append(defaults, option.WithAdminAPIKey(o))
	}
	if o, ok := os.LookupEnv("OPENAI_ORG_ID"); ok {
		defaults = append(defaults, option.WithOrganization(o))
	}
	if o, ok := os.LookupEnv("OPENAI_PROJECT_ID"); ok {
		defaults = append(defaults, option.WithProject(o))
	}
	if o, ok := os.LookupEnv("OPENAI_WEBHOOK_SECRET"); ok {
		defaults = append(defaults, option.WithWebhookSecret(o))
	}
	return defaults
}

type Client struct {
	Options []option.RequestOption
	Chat    ChatService
}

func NewClient(opts ...option.RequestOption) (r Client) {
	opts = append(DefaultClientOptions(), opts...)
	r = Client{Options: opts}
	r.Chat = ChatService{Completions: ChatCompletionService{Options: opts}}
	return
}

type ChatService struct {
	Completions ChatCompletionService
}

type ChatCompletionService struct {
	Options []option.RequestOption
}

type ChatModel = string

const ChatModelGPT4oMini ChatModel = "gpt-4o-mini"

type ChatCompletionMessageParamUnion struct {
	Role, Content string
}

func UserMessage(content string) ChatCompletionMessageParamUnion {
	return ChatCompletionMessageParamUnion{Role: "user", Content: content}
}

type ChatCompletionNewParams struct {
	Model    ChatModel
	Messages []ChatCompletionMessageParamUnion
}

type ChatCompletionMessage struct {
	Content string
}

type ChatCompletionChoice struct {
	Message ChatCompletionMessage
}

type ChatCompletion struct {
	Choices []ChatCompletionChoice
}

func (s ChatCompletionService) New(ctx context.Context, body ChatCompletionNewParams, opts ...option.RequestOption) (*ChatCompletion, error) {
	cfg := option.RequestConfig{}
	for _, o := range append(s.Options, opts...) {
		if err := o(&cfg); err != nil {
			return nil, err
		}
	}
	return &ChatCompletion{Choices: []ChatCompletionChoice{{Message: ChatCompletionMessage{Content: "ok"}}}}, nil
}
