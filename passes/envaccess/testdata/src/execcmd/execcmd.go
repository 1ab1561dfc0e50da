package execcmd // want package:"touchesEnv"

import "os/exec"

func inline() error { // want inline:`^envInherit\(\*\) envRead\(PATH\)$`
	return exec.Command("true").Run()
}

func local() ([]byte, error) { // want local:`envInherit\(\*\)`
	cmd := exec.Command("true")
	return cmd.Output()
}

func withEnv(env []string) error { // want withEnv:`^envRead\(PATH\)$`
	cmd := exec.Command("true")
	cmd.Env = env
	return cmd.Run() // Env set: no inheritance
}

func newCmd() *exec.Cmd { // want newCmd:`^envRead\(PATH\)$`
	c := exec.Command("true")
	c.Env = []string{"PATH=/bin"}
	return c
}

func fromHelper() error { // want fromHelper:`^envRead\(PATH\)$`
	cmd := newCmd()
	return cmd.Run() // not judged: the command comes from another function, which may set Env
}

func fromHelperInline() error { // want fromHelperInline:`^envRead\(PATH\)$`
	return newCmd().Run() // not judged: same
}

func assignedLater() error { // want assignedLater:`^envInherit\(\*\) envRead\(PATH\)$`
	var cmd *exec.Cmd
	cmd = exec.Command("true")
	return cmd.Run()
}
