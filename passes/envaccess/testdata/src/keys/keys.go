package keys // want package:"touchesEnv"

import "os"

var credKeys = []string{"AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY"}

func firstOf(keys []string) string { // want firstOf:`envRead\(\$0\[\]\)`
	for _, k := range keys {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return ""
}

func fromPackageVar() string { // want fromPackageVar:`envRead\(AWS_ACCESS_KEY\) envRead\(AWS_ACCESS_KEY_ID\)`
	return firstOf(credKeys)
}

func fromLiteral() string { // want fromLiteral:`envRead\(AWS_REGION\)`
	return firstOf([]string{"AWS_REGION"})
}

func rangeMapKeys() { // want rangeMapKeys:`envWrite\(AWS_PROFILE\) envWrite\(AWS_SHARED_CREDENTIALS_FILE\)`
	for k, v := range map[string]string{"AWS_PROFILE": "a", "AWS_SHARED_CREDENTIALS_FILE": "/x"} {
		os.Setenv(k, v)
	}
}

func localChoice(windows bool) string { // want localChoice:`envRead\(HOME\) envRead\(USERPROFILE\)`
	env := "HOME"
	if windows {
		env = "USERPROFILE"
	}
	return os.Getenv(env)
}

func dynamicKey(prefix string) string { // want dynamicKey:`envRead\(\*_TOKEN\)`
	return os.Getenv(prefix + "_TOKEN")
}

func expand(tmpl string) string { // want expand:`envRead\(\$\{0\}\)`
	return os.ExpandEnv(tmpl)
}

func expandConst() string { // want expandConst:`^envRead\(APP_SECRET\) envRead\(DB_PASSWORD\) envRead\(HOST\)$`
	return expand("https://$HOST/?k=${APP_SECRET}&d=${DB_PASSWORD:-hunter2}")
}

// Issue 16: os.Expand looks up the whole braced name, dots and a leading
// digit included, and one special byte such as $1.
func expandBraced() string { // want expandBraced:`^envRead\(1\) envRead\(1API_TOKEN\) envRead\(API_KEY\) envRead\(DB\.PASSWORD\)$`
	return os.ExpandEnv("${DB.PASSWORD} ${1API_TOKEN} ${API_KEY:=hunter2} $1 ${} ${")
}

func expandMapping(tmpl string, m map[string]string) string {
	return os.Expand(tmpl, func(k string) string { return m[k] }) // not the environment
}

func expandGetenv(tmpl string) string { // want expandGetenv:`envRead\(\$\{0\}\)`
	return os.Expand(tmpl, os.Getenv)
}

var regionKeys = []string{"AWS_REGION", "AWS_DEFAULT_REGION"}

func firstOfSliced(shared bool) string { // want firstOfSliced:`envRead\(AWS_DEFAULT_REGION\) envRead\(AWS_REGION\)`
	keys := regionKeys
	if !shared {
		keys = keys[:1]
	}
	return firstOf(keys)
}

func sliced() string { // want sliced:`envRead\(AWS_DEFAULT_REGION\) envRead\(AWS_REGION\)`
	return firstOf(regionKeys[1:])
}
