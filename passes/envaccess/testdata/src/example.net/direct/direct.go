package direct // want package:"touchesEnv"

import "example.com/far"

type Tokener interface{ Token() string }

// Call reaches far.T: this package imports far directly.
func Call(t Tokener) string { return t.Token() } // want Call:`envRead\(FAR_TOKEN\)`

func Make() Tokener { return far.New() }
