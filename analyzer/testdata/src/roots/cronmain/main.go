// Command cronmain registers jobs, then starts the scheduler: main's
// concurrent region begins at c.Start, not at AddFunc.
package main

import (
	"net/http"
	"os"

	"github.com/robfig/cron/v3"
)

func rotate() {
	_ = os.Getenv("CRONMAIN_TOKEN") // want `^os\.Getenv\("CRONMAIN_TOKEN"\) reads a credential reachable from cron job rotate \(race: may see another request's value: races with os\.Setenv\("CRONMAIN_TOKEN"\) in main\)$`
}

func main() {
	c := cron.New()
	c.AddFunc("@hourly", rotate)
	os.Setenv("CRONMAIN_TOKEN", "boot") // not reported: no job runs before c.Start
	c.Start()
	os.Setenv("CRONMAIN_TOKEN", "late") // want `^os\.Setenv\("CRONMAIN_TOKEN"\) reachable from main after its goroutines start`
	http.ListenAndServe(":8080", nil)
}
