package loaders

import (
	"net/http"
	"os"
)

// The per-user directory lookups read fixed variables (GOOS=linux).
// HOME and XDG_CONFIG_HOME are credential locators by default; see
// docs/credential-keys.md.
func userDirs(w http.ResponseWriter, r *http.Request) {
	_, _ = os.UserHomeDir()   // want `^os\.UserHomeDir of "HOME" reads a credential reachable from HTTP handler userDirs`
	_, _ = os.UserConfigDir() // want `^os\.UserConfigDir of "HOME" and "XDG_CONFIG_HOME" reads a credential reachable from HTTP handler userDirs`
	_, _ = os.UserCacheDir()  // want `^os\.UserCacheDir of "HOME" reads a credential reachable from HTTP handler userDirs`
}

func registerUserDirs() { http.HandleFunc("/u", userDirs) }

func startupDirs() string {
	dir, _ := os.UserConfigDir() // not reported: no concurrent root reaches it
	return dir
}
