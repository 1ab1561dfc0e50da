package mid

import "example.com/far"

func Client() interface{ Token() string } { return far.New() }
