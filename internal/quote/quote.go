// Package quote renders user input (a flag value, a rule name in a
// directive, a line of a baseline) inside messages: Go-quoted, so that
// invisible characters, a byte order mark or invalid UTF-8 show as what
// they are, and cut short, so that a 300 KB value does not flood the
// terminal or the log it is echoed to.
package quote

import (
	"fmt"
	"strconv"
)

// Max is the number of bytes of input Short shows before cutting.
const Max = 64

// Short returns s quoted with strconv.Quote. Input longer than Max bytes is
// cut at a character boundary and followed by its length:
//
//	"AAAAAAAA…" (first 64 of 307200 bytes)
func Short(s string) string {
	if len(s) <= Max {
		return strconv.Quote(s)
	}
	cut := s
	for i := range s { // i steps over runes, and over invalid bytes one by one
		if i > Max {
			break
		}
		cut = s[:i]
	}
	return fmt.Sprintf("%s (first %d of %d bytes)", strconv.Quote(cut), len(cut), len(s))
}
