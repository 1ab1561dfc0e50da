package mocks

import "os"

func env() {
	_ = os.Getenv("GITHUB_TOKEN") // not reported: package excluded by -exclude-pkgs
}
