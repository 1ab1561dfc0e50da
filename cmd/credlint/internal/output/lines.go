package output

import (
	"bytes"
	"go/token"
	"os"
	"unicode/utf16"
	"unicode/utf8"
)

// A lineCache converts Go's byte columns to the UTF-16 columns that SARIF
// counts by default, reading each file once. A line that is pure ASCII, or
// a file that cannot be read, keeps its byte column.
type lineCache struct {
	files map[string][][]byte
}

func newLineCache() *lineCache { return &lineCache{files: map[string][][]byte{}} }

func (c *lineCache) utf16Col(p token.Position) int {
	lines, ok := c.files[p.Filename]
	if !ok {
		data, err := os.ReadFile(p.Filename)
		if err == nil {
			lines = bytes.Split(data, []byte("\n"))
		}
		c.files[p.Filename] = lines
	}
	if p.Line < 1 || p.Line > len(lines) {
		return p.Column
	}
	line := lines[p.Line-1]
	n := min(p.Column-1, len(line))
	col := 1
	for b := line[:n]; len(b) > 0; {
		r, size := utf8.DecodeRune(b)
		col += len(utf16.Encode([]rune{r}))
		b = b[size:]
	}
	return col + (p.Column - 1 - n)
}
