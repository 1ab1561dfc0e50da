// Package replacedcallback reproduces false-finding kind K12 of
// docs/precision.md (strict standard, third set), in the shape of
// cloud-sql-proxy's cmd tests and cobra: NewCommand stores a function
// literal in the command's RunE field, and a test helper replaces RunE with
// a no-op before Execute, so the stored literal never runs. The literal is
// taken as run by NewCommand itself (the path is parse, NewCommand, then
// the write), and its write is reported from the test's concurrent region.
package replacedcallback

import "os"

// Command runs RunE when executed (cobra.Command's shape).
type Command struct {
	RunE func() error
}

// Execute runs the command.
func (c *Command) Execute() error { return c.RunE() }

// NewCommand returns the program's command, which exports its mode to the
// children it starts.
func NewCommand() *Command {
	c := &Command{}
	c.RunE = func() error {
		return os.Setenv("APP_MODE", "serving") // still reported (K12): the tests replace RunE before Execute
	}
	return c
}
