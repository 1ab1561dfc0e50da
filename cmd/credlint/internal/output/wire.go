package output

import (
	"encoding/json"
	"strconv"
)

// A Witness travels as JSON from the units go vet runs to the driver that
// merges them (program.Part). encoding/json turns bytes that are not UTF-8
// into U+FFFD, and an environment variable name may hold any byte but NUL
// and '=' (os.Getenv("K\x80")): the driver would then print another name
// and fingerprint another witness than the in-process engine does, and a
// baseline written by one engine would not match the other (issue 16). So
// the keys travel Go-quoted, which keeps every byte, and come back as they
// were.

type plainWitness Witness // Witness without these methods

// MarshalJSON encodes w with each key Go-quoted.
func (w Witness) MarshalJSON() ([]byte, error) {
	p := plainWitness(w)
	p.Keys = make([]string, len(w.Keys))
	for i, k := range w.Keys {
		p.Keys[i] = strconv.Quote(k)
	}
	if w.Keys == nil {
		p.Keys = nil
	}
	return json.Marshal(p)
}

// UnmarshalJSON decodes what MarshalJSON encodes.
func (w *Witness) UnmarshalJSON(data []byte) error {
	var p plainWitness
	if err := json.Unmarshal(data, &p); err != nil {
		return err
	}
	for i, k := range p.Keys {
		u, err := strconv.Unquote(k)
		if err != nil {
			return err
		}
		p.Keys[i] = u
	}
	*w = Witness(p)
	return nil
}
