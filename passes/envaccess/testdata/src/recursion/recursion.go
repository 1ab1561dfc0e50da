package recursion // want package:"touchesEnv"

import "os"

func even(n int) string { // want even:`envRead\(PGPASSWORD\)`
	if n == 0 {
		return os.Getenv("PGPASSWORD")
	}
	return odd(n - 1)
}

func odd(n int) string { // want odd:`envRead\(PGPASSWORD\)`
	if n == 0 {
		return ""
	}
	return even(n - 1)
}
