// Package nocreds starts children with the whole environment but reads no
// credential itself: there is nothing of its own to hand over.
package nocreds

import (
	"net/http"
	"os"
	"os/exec"
)

func handle(w http.ResponseWriter, r *http.Request) {
	_ = os.Getenv("LOG_LEVEL")       // not reported: not a credential
	_ = exec.Command("plugin").Run() // not reported: the program reads no credential from the environment
}

func main() {
	http.HandleFunc("/", handle)
	http.ListenAndServe(":8080", nil)
}
