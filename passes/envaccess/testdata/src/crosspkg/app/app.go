package app // want package:"touchesEnv"

import "crosspkg/lib"

func status() bool { // want status:`envRead\(STRIPE_SECRET_KEY\)`
	return lib.Lookup("STRIPE_SECRET_KEY") != ""
}

func mirror() { // want mirror:`envRead\(MISTRAL_API_KEY\) envWrite\(MISTRAL_API_KEY\)`
	lib.Mirror("MISTRAL_API_KEY", "x", func() {})
}
