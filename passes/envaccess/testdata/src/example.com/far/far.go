package far // want package:"touchesEnv"

import "os"

type T struct{}

func (T) Token() string { return os.Getenv("FAR_TOKEN") } // want Token:`envRead\(FAR_TOKEN\)`

func New() interface{ Token() string } { return T{} }
