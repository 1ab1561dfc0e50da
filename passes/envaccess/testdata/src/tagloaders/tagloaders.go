package tagloaders // want package:"touchesEnv"

// Calls of struct-tag loaders whose struct type is known at the call site:
// the reads are the variables the tags name.

import (
	"time"

	"github.com/caarlos0/env/v11"
	"github.com/kelseyhightower/envconfig"
)

type appConfig struct {
	APIKey     string `envconfig:"API_KEY"`
	ListenAddr string `split_words:"true"`
	Debug      bool
	Skipped    string `ignored:"true"`
	DB         dbSpec
	Timeout    time.Time // decodes itself: one variable
	private    string
}

type dbSpec struct {
	Password string
}

// envconfig: APP_ + name, upper-cased; API_KEY also bare; DB's fields under
// APP_DB.
func envconfigKeys() { // want envconfigKeys:`envRead\(API_KEY\) envRead\(APP_API_KEY\) envRead\(APP_DB_PASSWORD\) envRead\(APP_DEBUG\) envRead\(APP_LISTEN_ADDR\) envRead\(APP_TIMEOUT\)`
	var c appConfig
	envconfig.Process("app", &c)
}

func envconfigMust() { // want envconfigMust:`envRead\(PORT\)`
	var c struct{ Port int }
	envconfig.MustProcess("", &c)
}

// A prefix computed at run time: the loader's own summary stands.
func envconfigDynamicPrefix(p string) { // want envconfigDynamicPrefix:`envRead\(\?\)`
	var c appConfig
	envconfig.Process(p, &c)
}

// A wrapper: the struct is the caller's, and so are the names.
func loadInto(c interface{}) error { // want loadInto:`envRead\(\$0\{github\.com/kelseyhightower/envconfig\.Process\|app\}\)`
	return envconfig.Process("app", c)
}

// A wrapper of the wrapper passes the parameter on.
func mustLoad(name string, c any) { // want mustLoad:`envRead\(\$1\{github\.com/kelseyhightower/envconfig\.Process\|app\}\)`
	if err := loadInto(c); err != nil {
		panic(name)
	}
}

// The caller knows the struct: the names of its tags.
func viaWrapper() { // want viaWrapper:`envRead\(APP_PORT\)`
	var c struct{ Port int }
	mustLoad("c", &c)
}

// An interface value that is not a parameter: known only at run time.
func envconfigAny() { // want envconfigAny:`envRead\(\?\)`
	var c any = &appConfig{}
	envconfig.Process("app", c)
}

type tokenConfig struct {
	Token   string   `env:"API_TOKEN,required"`
	Port    int      `env:"PORT"`
	Ignored string   `env:"-"`
	NoTag   string   // not read: no env tag
	DB      dbConfig `envPrefix:"DB_"`
}

type dbConfig struct {
	Password string `env:"PASSWORD,unset"`
}

type plain struct {
	Port int `env:"PORT"`
}

// caarlos0/env: tagged fields only, envPrefix on nested structs; the unset
// option keeps the loader's write.
func caarlos0Keys() { // want caarlos0Keys:`envRead\(API_TOKEN\) envRead\(DB_PASSWORD\) envRead\(PORT\) envWrite\(\?\)`
	var c tokenConfig
	env.Parse(&c)
}

// No field asks for unset: the loader's write is dropped.
func caarlos0Plain() { // want caarlos0Plain:`envRead\(PORT\)`
	var c plain
	env.Parse(&c)
}

func caarlos0Prefix() { // want caarlos0Prefix:`envRead\(APP_PORT\)`
	var c plain
	env.ParseWithOptions(&c, env.Options{Prefix: "APP_"})
}

func caarlos0As() { // want caarlos0As:`envRead\(PORT\)`
	env.ParseAs[plain]()
}

type empty struct{ N int }

// No field names a variable: nothing is read.
func caarlos0Empty() {
	var c empty
	env.Parse(&c)
}

// A wrapper passes its struct on: the loader's write travels as a
// tag-dependent write, kept at a call site only when the struct has a
// field with the unset option.
func parseAny(v any) error { // want parseAny:`envRead\(\$0\{github\.com/caarlos0/env/v11\.Parse\|\}\) envWrite\(\$0\{github\.com/caarlos0/env/v11\.Parse\|\}\)`
	return env.Parse(v)
}

func wrapperPlain() { // want wrapperPlain:`envRead\(PORT\)$`
	var c plain
	parseAny(&c)
}

func wrapperUnset() { // want wrapperUnset:`envRead\(API_TOKEN\) envRead\(DB_PASSWORD\) envRead\(PORT\) envWrite\(API_TOKEN\) envWrite\(DB_PASSWORD\) envWrite\(PORT\)`
	var c tokenConfig
	parseAny(&c)
}
