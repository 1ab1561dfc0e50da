// Package settings stands in for a deployment SDK whose settings
// constructor fills every field from the process environment.
package settings

import "os"

type EnvSettings struct {
	KubeConfig    string
	KubeToken     string
	KubeAPIServer string
	Namespace     string
	Debug         bool
}

// New reads the environment on every call. The whole program reports the
// credential reads here, with both handlers' paths.
func New() *EnvSettings {
	return &EnvSettings{
		KubeConfig:    os.Getenv("KUBECONFIG"),
		KubeToken:     os.Getenv("HELM_KUBETOKEN"),
		KubeAPIServer: os.Getenv("HELM_KUBEAPISERVER"),
		Namespace:     os.Getenv("HELM_NAMESPACE"),
		Debug:         os.Getenv("HELM_DEBUG") == "true",
	}
}
