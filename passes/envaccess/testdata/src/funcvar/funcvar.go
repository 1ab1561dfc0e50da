package funcvar // want package:"touchesEnv"

import "os"

// getenv is a seam tests replace: every call passes a constant name.
var getenv = os.Getenv

func region() string { // want region:`envRead\(AWS_REGION\)`
	return getenv("AWS_REGION")
}

var lookup = os.LookupEnv

func handOver() func(string) (string, bool) { // want handOver:`envRead\(\?\)`
	return lookup // used as a value, not called: any name
}
