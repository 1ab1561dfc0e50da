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
