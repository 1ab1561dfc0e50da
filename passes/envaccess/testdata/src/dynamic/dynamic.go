package dynamic // want package:"touchesEnv" package:`converted\(dynamic\.envSource\.Get\)`

import (
	"os"
	"text/template"
)

type source interface{ Get(string) string }

type envSource struct{}

func (envSource) Get(k string) string { return os.Getenv(k) } // want Get:`envRead\(\$0\)`

type mapSource map[string]string

func (m mapSource) Get(k string) string { return m[k] }

func viaInterface(s source) string { // want viaInterface:`envRead\(DB_PASSWORD\)`
	return s.Get("DB_PASSWORD")
}

var defaultSource source = envSource{} // the conversion that makes envSource a callee

func funcMap() template.FuncMap { // want funcMap:`envRead\(\?\)`
	return template.FuncMap{"env": os.Getenv}
}

type server struct {
	getenv func(string) string
}

func newServer() *server { // want newServer:`envRead\(\?\)`
	return &server{getenv: os.Getenv}
}

func (s *server) token() string { // want token:`envRead\(SERVICE_TOKEN\)`
	return s.getenv("SERVICE_TOKEN")
}

type loader func() string

func loadEnv() string { return os.Getenv("REGION") } // want loadEnv:`envRead\(REGION\)`

var loaders = []loader{loadEnv}

func runLoaders() { // want runLoaders:`envRead\(REGION\)`
	for _, fn := range loaders {
		fn()
	}
}
