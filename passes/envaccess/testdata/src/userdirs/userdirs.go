package userdirs // want package:"touchesEnv"

import "os"

func home() string { // want home:`envRead\(HOME\)`
	dir, _ := os.UserHomeDir()
	return dir
}

func config() string { // want config:`envRead\(HOME\) envRead\(XDG_CONFIG_HOME\)`
	dir, _ := os.UserConfigDir()
	return dir
}

func cache() string { // want cache:`envRead\(HOME\) envRead\(XDG_CACHE_HOME\)`
	dir, _ := os.UserCacheDir()
	return dir
}

var dirFuncs = []func() (string, error){os.UserHomeDir}

func viaValue() { // want viaValue:`envRead\(HOME\)`
	for _, f := range dirFuncs {
		_, _ = f()
	}
}

func tempDir() string { // no fact: os.TempDir is not summarised as a sink here
	return "/tmp"
}
