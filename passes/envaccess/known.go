package envaccess

import "github.com/credlint/credlint/passes/roots"

// sinks are the functions that access the environment themselves, keyed by
// (*types.Func).FullName of the generic origin. A call to one of them is an
// access; its body is never summarised or followed. Sources: the Go
// standard library as of go1.26 (os/env.go, syscall/env_unix.go,
// os/exec/exec.go, testing/testing.go).
var sinks = map[string]sink{
	// Reads.
	"os.Getenv":       {kind: Read, op: "os.Getenv", key: keyArg0},
	"os.LookupEnv":    {kind: Read, op: "os.LookupEnv", key: keyArg0},
	"syscall.Getenv":  {kind: Read, op: "syscall.Getenv", key: keyArg0},
	"os.Environ":      {kind: Read, op: "os.Environ", key: keyAll},
	"syscall.Environ": {kind: Read, op: "syscall.Environ", key: keyAll},
	"os.ExpandEnv":    {kind: Read, op: "os.ExpandEnv", key: keyTemplate0},
	// os.Expand reads the environment only when its mapping is os.Getenv
	// (or syscall.Getenv); see walker.sinkCall.
	"os.Expand": {kind: Read, op: "os.Expand", key: keyTemplate0, onlyWithGetenvMapping: true},
	// The per-user directories read fixed variables. The names are those
	// of GOOS=linux in go1.26 (os/file.go): UserHomeDir reads HOME
	// (USERPROFILE on windows, home on plan9), UserConfigDir reads
	// XDG_CONFIG_HOME then HOME, UserCacheDir XDG_CACHE_HOME then HOME.
	// Whether they are credential keys is the key classifier's business
	// (docs/credential-keys.md), not this table's.
	"os.UserHomeDir":   {kind: Read, op: "os.UserHomeDir", key: keyFixed, keys: []string{"HOME"}},
	"os.UserConfigDir": {kind: Read, op: "os.UserConfigDir", key: keyFixed, keys: []string{"HOME", "XDG_CONFIG_HOME"}},
	"os.UserCacheDir":  {kind: Read, op: "os.UserCacheDir", key: keyFixed, keys: []string{"HOME", "XDG_CACHE_HOME"}},

	// Writes.
	"os.Setenv":        {kind: Write, op: "os.Setenv", key: keyArg0},
	"syscall.Setenv":   {kind: Write, op: "syscall.Setenv", key: keyArg0},
	"os.Unsetenv":      {kind: Write, op: "os.Unsetenv", key: keyArg0},
	"syscall.Unsetenv": {kind: Write, op: "syscall.Unsetenv", key: keyArg0},
	"os.Clearenv":      {kind: Write, op: "os.Clearenv", key: keyAll},
	"syscall.Clearenv": {kind: Write, op: "syscall.Clearenv", key: keyAll},

	// Child processes: exec.Cmd copies os.Environ() at Start when Env is nil.
	"(*os/exec.Cmd).Run":            {kind: Inherit, op: "(*exec.Cmd).Run", key: keyAll, cmdMethod: true},
	"(*os/exec.Cmd).Start":          {kind: Inherit, op: "(*exec.Cmd).Start", key: keyAll, cmdMethod: true},
	"(*os/exec.Cmd).Output":         {kind: Inherit, op: "(*exec.Cmd).Output", key: keyAll, cmdMethod: true},
	"(*os/exec.Cmd).CombinedOutput": {kind: Inherit, op: "(*exec.Cmd).CombinedOutput", key: keyAll, cmdMethod: true},

	// The runtime shim the fixes target. With no profile attached to the
	// context (the default path, and all that the analysis can assume)
	// each function is its os twin, so a call is that access: a read stays
	// a read, that a write of the variable still races with, and a child
	// process stays one that inherits (profileenv.Command and SetCmdEnv
	// leave cmd.Env nil; see walker.builtHere). A read through the shim is
	// reported only when a write is in view (analyzer.NeedsWriter): with a
	// profile attached it reads the request's own value. profileenv.Setenv
	// is not here: it changes the context's profile, never the process
	// environment (profileenv/context.go).
	shimPath + ".Getenv":    {kind: Read, op: "profileenv.Getenv", key: keyArg1, shim: true},
	shimPath + ".LookupEnv": {kind: Read, op: "profileenv.LookupEnv", key: keyArg1, shim: true},
	shimPath + ".Environ":   {kind: Read, op: "profileenv.Environ", key: keyAll, shim: true},
	shimPath + ".ExpandEnv": {kind: Read, op: "profileenv.ExpandEnv", key: keyTemplate1, shim: true},

	// Tests: t.Setenv panics in a parallel test or one with a parallel ancestor.
	"(*testing.T).Setenv": {kind: TestSetenv, op: "t.Setenv", key: keyArg0},
	"(*testing.B).Setenv": {kind: TestSetenv, op: "b.Setenv", key: keyArg0},
	// Through testing.TB the call resolves to the embedded common type.
	"(*testing.common).Setenv": {kind: TestSetenv, op: "t.Setenv", key: keyArg0},
	// Through the interface itself: func setup(tb testing.TB) { tb.Setenv(k, v) }.
	"(testing.TB).Setenv": {kind: TestSetenv, op: "tb.Setenv", key: keyArg0},
}

// getenvMappings are the functions that make os.Expand read the environment.
var getenvMappings = map[string]bool{
	"os.Getenv":      true,
	"syscall.Getenv": true,
}

// runOnce lists the functions whose function argument runs at most once per
// value: a read there is not a per-request read, a write still is.
var runOnce = map[string]bool{
	"(*sync.Once).Do": true,
	"sync.OnceFunc":   true,
	"sync.OnceValue":  true,
	"sync.OnceValues": true,
}

// shimPackages are the packages of the runtime shim the fixes target. Their
// functions read the environment of the profile attached to a context, and
// the process environment only on the default path (no profile attached),
// where they behave exactly like their os twins: a call of them is the
// fix, not an access. The pass summarises nothing in them.
var shimPackages = map[string]bool{
	shimPath: true,
}

// shimPath is the import path of the runtime shim.
const shimPath = "github.com/credlint/credlint/profileenv"

// envPackages are the packages whose functions can be sinks: a package that
// uses none of them, nor a package with a TouchesEnv fact, is skipped.
var envPackages = map[string]bool{
	"os":      true,
	"syscall": true,
	"os/exec": true,
	"testing": true,
	shimPath:  true,
}

type keyArg uint8

const (
	keyArg0      keyArg = iota + 1 // the first argument is the variable name
	keyTemplate0                   // the first argument is a $NAME template
	keyAll                         // the whole environment
	keyFixed                       // the names in sink.keys, whatever the arguments
	keyArg1                        // the second argument is the variable name (after a context)
	keyTemplate1                   // the second argument is a $NAME template
)

type sink struct {
	kind                  Kind
	op                    string
	key                   keyArg
	cmdMethod             bool // an *exec.Cmd method: inherits only when Env is unset
	onlyWithGetenvMapping bool
	keys                  []string // for keyFixed, sorted
	shim                  bool     // a profileenv function on its default path
}

// KeyIsArg reports whether op, the Op of an Access, takes the variable name
// as its first argument, so that messages may render it as op("NAME").
// Other operations (os.ExpandEnv, os.UserHomeDir, struct-tag loaders) read
// names they are not called with, and messages say "op of NAME".
func KeyIsArg(op string) bool {
	for _, s := range sinks {
		if s.op == op {
			return s.key == keyArg0 || s.key == keyArg1
		}
	}
	return false
}

// IsShimOp reports whether op, the Op of an Access, is a profileenv
// function: an access of the process environment only while no profile is
// attached to the context.
func IsShimOp(op string) bool {
	for _, s := range sinks {
		if s.op == op {
			return s.shim
		}
	}
	return false
}

// tagLoaders are library functions that read one variable per field of a
// struct, named by the field's tag, keyed by (*types.Func).FullName of the
// generic origin. Their Summary facts say only "a dynamic name" (or the
// whole environment): the names come from reflection. When the struct type
// is known at the call site (the argument is *T for a struct T, or T is the
// type argument), the call reads the names listed from T's tags instead,
// so that a credential among them is a credential read and a struct with
// none is silent. Adding a loader is one row here plus a testdata case;
// the rules of each row are read from the library's source at the version
// in the comment.
var tagLoaders = map[string]tagLoader{
	// github.com/kelseyhightower/envconfig v1.4.0, envconfig.go gatherInfo:
	// the key is PREFIX_NAME upper-cased, NAME being the envconfig tag, or
	// the field name (split into words by split_words:"true"); a tagged
	// field falls back to the bare tag name; ignored:"true" skips a field;
	// a nested struct's prefix is the field's key (an embedded one's is the
	// prefix itself).
	"github.com/kelseyhightower/envconfig.Process":     envconfigProcess,
	"github.com/kelseyhightower/envconfig.MustProcess": envconfigProcess,

	// github.com/caarlos0/env/v11 v11.4.2, env.go parseFieldParams and
	// optionsWithEnvPrefix: the key is Prefix+NAME, NAME being the env tag
	// up to the first comma; untagged fields and "-" are skipped; a nested
	// struct adds its envPrefix tag to the prefix; the unset option
	// unsets the variable after reading it (the only write).
	"github.com/caarlos0/env/v11.Parse":              caarlos0Env,
	"github.com/caarlos0/env/v11.ParseWithOptions":   caarlos0EnvOptions,
	"github.com/caarlos0/env/v11.ParseAs":            caarlos0EnvAs,
	"github.com/caarlos0/env/v11.ParseAsWithOptions": caarlos0EnvAsOptions,
}

var (
	envconfigProcess = tagLoader{op: "envconfig.Process", structArg: 1, prefixArg: 0,
		tag: "envconfig", prefixSep: "_", upper: true, fieldNames: true, altUnprefixed: true,
		splitWordsTag: "split_words", ignoreTag: "ignored"}
	caarlos0Env          = tagLoader{op: "env.Parse", structArg: 0, prefixArg: -1, tag: "env", ignoreName: "-", nestedPrefixTag: "envPrefix", writeOption: "unset"}
	caarlos0EnvOptions   = withPrefixField(caarlos0Env, "env.ParseWithOptions", 0, 1)
	caarlos0EnvAs        = withPrefixField(caarlos0Env, "env.ParseAs", -1, -1)
	caarlos0EnvAsOptions = withPrefixField(caarlos0Env, "env.ParseAsWithOptions", -1, 0)
)

// withPrefixField derives the row of a variant that takes the struct at
// structArg (-1: as type argument 0) and an Options value at prefixArg
// (-1: none) whose Prefix field holds the prefix.
func withPrefixField(r tagLoader, op string, structArg, prefixArg int) tagLoader {
	r.op, r.structArg, r.prefixArg = op, structArg, prefixArg
	if prefixArg >= 0 {
		r.prefixField = "Prefix"
	}
	return r
}

// tagLoader is one row of tagLoaders.
type tagLoader struct {
	op              string // display name in messages, e.g. "envconfig.Process"
	structArg       int    // the argument that points to the struct; -1: type argument 0 names it
	prefixArg       int    // the argument holding the prefix, or -1
	prefixField     string // when set, the prefix is this field of a prefixArg composite literal
	tag             string // the tag that names a field's variable
	prefixSep       string // put between a non-empty prefix and the name
	upper           bool   // the whole key is upper-cased
	fieldNames      bool   // an untagged field is read under its field name; otherwise skipped
	altUnprefixed   bool   // a tagged field is also read under its bare tag name
	splitWordsTag   string // a true value splits the field name into words joined by "_"
	ignoreTag       string // a true value skips the field
	ignoreName      string // a tag name that skips the field
	nestedPrefixTag string // tag whose value extends the prefix of a nested struct; empty: the field's key and prefixSep
	writeOption     string // tag option under which the loader writes the variable; without it the loader's writes are dropped
}

// The tables below tell where the unknown part of a computed name comes
// from (nameorigin.go).

// decoderNames start the names of functions and methods that fill their
// argument from input (encoding/json's Unmarshal and Decoder.Decode,
// fmt.Sscan, database/sql's Rows.Scan, gin's ShouldBindJSON, echo's Bind).
var decoderNames = []string{"Unmarshal", "Decode", "Scan", "Sscan", "Fscan", "Bind", "ShouldBind", "MustBind"}

// inputReaders return data read at run time.
var inputReaders = map[string]bool{
	"io.ReadAll":                       true,
	"os.ReadFile":                      true,
	"(*bufio.Scanner).Text":            true,
	"(*bufio.Scanner).Bytes":           true,
	"(*bufio.Reader).ReadString":       true,
	"(*bufio.Reader).ReadLine":         true,
	"(*bufio.Reader).ReadBytes":        true,
	"flag.Arg":                         true,
	"(*flag.FlagSet).Arg":              true,
	"(*net/textproto.Reader).ReadLine": true,
}

// numberFormatters print a number: the result is a counter's digits.
var numberFormatters = map[string]bool{
	"strconv.Itoa":        true,
	"strconv.FormatInt":   true,
	"strconv.FormatUint":  true,
	"strconv.FormatBool":  true,
	"strconv.FormatFloat": true,
}

// nameTransforms return text made of their arguments only: the result
// has their origins.
var nameTransforms = map[string]bool{
	"strings.ToUpper":    true,
	"strings.ToLower":    true,
	"strings.Title":      true,
	"strings.TrimSpace":  true,
	"strings.Trim":       true,
	"strings.TrimLeft":   true,
	"strings.TrimRight":  true,
	"strings.TrimPrefix": true,
	"strings.TrimSuffix": true,
	"strings.Replace":    true,
	"strings.ReplaceAll": true,
	"strings.Join":       true,
	"strings.Repeat":     true,
	"fmt.Sprintf":        true,
	"fmt.Sprint":         true,
	"path.Join":          true,
	"path/filepath.Join": true,
}

// requestTypes are the types of request data: the request types of the
// supported routers (roots.Frameworks), and the parts of a request.
var requestTypes = func() map[string]bool {
	m := map[string]bool{
		"net/url.Values":       true,
		"*net/url.URL":         true,
		"net/url.URL":          true,
		"net/http.Header":      true,
		"*net/http.Cookie":     true,
		"net/http.Request":     true,
		"*mime/multipart.Form": true,
	}
	for _, fw := range roots.Frameworks {
		m[fw.Request] = true
	}
	return m
}()
