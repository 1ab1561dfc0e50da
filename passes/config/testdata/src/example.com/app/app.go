package app

import "os"

func env() {
	_ = os.Getenv("GITHUB_TOKEN")           // want "credential GITHUB_TOKEN"
	_ = os.Getenv("APP_AUDIT_SINK")         // want "credential APP_AUDIT_SINK"
	_ = os.Getenv("APP_LOG_LEVEL")          // not reported: the extra pattern is APP_*_SINK
	_ = os.Getenv("HOME")                   // not reported: removed by -not-cred-keys
	_ = os.Getenv("AWS_REGION")             // want "credential AWS_REGION"
	_ = os.Getenv("TOKENIZERS_PARALLELISM") // not reported: look-alike
}
