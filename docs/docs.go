// Package docs embeds the user documentation that the credlint binary
// shows itself, so that the text lives in one place: docs/rules.md gives
// the SARIF output its rule descriptions and help.
package docs

import _ "embed"

// Rules is docs/rules.md: an introduction, then one "## <rule-id>" section
// per rule.
//
//go:embed rules.md
var Rules string
