package rules

import (
	"regexp"
	"strings"
)

// splitSections returns the level-2 sections of a Markdown document by
// heading text, each from its heading to the next level-2 heading, without
// the heading line. Headings inside fenced code blocks do not count.
func splitSections(md string) map[string]string {
	out := map[string]string{}
	var name string
	var body []string
	flush := func() {
		if name != "" {
			out[name] = strings.TrimSpace(strings.Join(body, "\n"))
		}
	}
	fenced := false
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
		}
		if h, ok := strings.CutPrefix(line, "## "); ok && !fenced {
			flush()
			name, body = strings.TrimSpace(h), nil
			continue
		}
		body = append(body, line)
	}
	flush()
	return out
}

// subsection returns the text under "### name" in a section, up to the next
// heading of level 3 or less, or "".
func subsection(sec, name string) string {
	var body []string
	in, fenced := false, false
	for _, line := range strings.Split(sec, "\n") {
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
		}
		if !fenced && (strings.HasPrefix(line, "### ") || strings.HasPrefix(line, "## ")) {
			if in {
				break
			}
			in = strings.TrimSpace(strings.TrimPrefix(line, "### ")) == name
			continue
		}
		if in {
			body = append(body, line)
		}
	}
	return strings.TrimSpace(strings.Join(body, "\n"))
}

// firstParagraph returns the text up to the first blank line, on one line.
func firstParagraph(s string) string {
	p, _, _ := strings.Cut(strings.TrimSpace(s), "\n\n")
	return strings.Join(strings.Fields(p), " ")
}

// summaryRow matches a row of the rules table in the introduction:
// "| [id](#id) | what it reports | version |".
var summaryRow = regexp.MustCompile(`^\| \[([a-z0-9-]+)\]\(#[a-z0-9-]+\) \| (.+?)( \| [^|]+){3} \|$`)

// tableSummaries returns the "Reports" column of the rules table by rule ID,
// as plain text with a capital first letter.
func tableSummaries(md string) map[string]string {
	out := map[string]string{}
	for _, line := range strings.Split(md, "\n") {
		if m := summaryRow.FindStringSubmatch(line); m != nil {
			s := plain(m[2])
			out[m[1]] = strings.ToUpper(s[:1]) + s[1:]
		}
	}
	return out
}

var (
	mdLink   = regexp.MustCompile(`\[([^\]]+)\]\(([^)]+)\)`)
	relLink  = regexp.MustCompile(`\]\(([^):]+)\)`) // a link without a scheme
	mdStrong = regexp.MustCompile(`\*\*([^*]+)\*\*`)
	mdEmph   = regexp.MustCompile(`(^|[^*\w])\*([^*\s][^*]*)\*`)
)

// plain turns Markdown prose into text: links become their text, emphasis
// and code markers are dropped. Code blocks are kept as they are.
func plain(s string) string {
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdStrong.ReplaceAllString(s, "$1")
	s = mdEmph.ReplaceAllString(s, "$1$2")
	var out []string
	fenced := false
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
			continue
		}
		if !fenced {
			line = strings.ReplaceAll(line, "`", "")
		}
		out = append(out, line)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// absLinks makes the relative links of a section of docs/rules.md absolute,
// since SARIF viewers show the help away from the repository: "#anchor"
// points into rules.md, "x.md" next to it, "../dir" from the repository
// root. docBase is the URL of the docs directory.
func absLinks(md, docBase string) string {
	repoBase, _ := strings.CutSuffix(docBase, "/docs")
	return relLink.ReplaceAllStringFunc(md, func(m string) string {
		target := m[2 : len(m)-1]
		switch {
		case strings.HasPrefix(target, "#"):
			target = docBase + "/rules.md" + target
		case strings.HasPrefix(target, "../"):
			target = repoBase + "/" + strings.TrimPrefix(target, "../")
		default:
			target = docBase + "/" + target
		}
		return "](" + target + ")"
	})
}
