package output

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestWitnessJSONKeepsBytes: a witness comes back from JSON byte for byte,
// keys that are not UTF-8 included, as the go vet engine's units send
// witnesses to the driver (issue 16).
func TestWitnessJSONKeepsBytes(t *testing.T) {
	for _, keys := range [][]string{nil, {}, {"API_KEY"}, {"K\x80EY", "\xff", "é", `a"b\`}} {
		w := Witness{Root: Root{Package: "p", Name: "f", Kind: "goroutine"}, Keys: keys, Op: "os.Getenv", Fingerprint: "fp"}
		data, err := json.Marshal([]Witness{w})
		if err != nil {
			t.Fatal(err)
		}
		var back []Witness
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(back[0], w) {
			t.Errorf("round trip of %q: %+v, want %+v", keys, back[0], w)
		}
	}
}
