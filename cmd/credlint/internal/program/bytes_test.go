package program_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/credlint/credlint/cmd/credlint/internal/program"
)

// TestInvalidUTF8KeySameInBothEngines: a variable name that is not UTF-8
// gives the same findings, message and fingerprints included, whether the
// parts are merged in process (-engine=process) or after travelling as
// JSON from go vet's units to the driver (-engine=vet) (issue 16).
func TestInvalidUTF8KeySameInBothEngines(t *testing.T) {
	t.Parallel()
	// A goroutine, not an HTTP handler: net/http would make the analysis
	// load and analyse most of std.
	p, _ := analyseProgram(t, map[string]string{"srv/srv.go": `package srv

import "os"

// Start writes v in a goroutine.
func Start(v string) {
	go func() { os.Setenv("API\x80_TOKEN", v) }()
}
`})
	parts := p.Parts()
	inProcess := program.Merge(parts)
	data, err := json.Marshal(p.UnitResult("srv"))
	if err != nil {
		t.Fatal(err)
	}
	var res program.UnitResult
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatal(err)
	}
	viaVet := program.Merge(res.Parts)
	if len(inProcess) == 0 || !strings.Contains(inProcess[0].Message, `"API\x80_TOKEN"`) {
		t.Fatalf("no finding naming the key as the source does: %s", dump(inProcess))
	}
	if !reflect.DeepEqual(inProcess, viaVet) {
		t.Errorf("engines differ:\nin process: %s\nvia JSON:   %s", dump(inProcess), dump(viaVet))
	}
}
