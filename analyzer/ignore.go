package analyzer

import (
	"go/ast"
	"go/token"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/internal/quote"
	"github.com/credlint/credlint/passes/config"
)

// ignorePrefix starts a suppression directive:
//
//	//credlint:ignore <rule> <reason>
//
// On a line of code it covers that line; on a line of its own, the next
// line; in a function's doc comment, the whole function. The reason is
// required.
const ignorePrefix = "//credlint:ignore"

type directive struct {
	pos       token.Pos
	file      string
	from, to  int // covered lines, inclusive
	rule      string
	reason    string
	used      bool
	malformed string // why the directive is invalid, or ""
}

// ignores holds a package's directives, in source order, indexed by the
// lines they cover so that matching a finding costs the same however many
// directives the package has.
type ignores struct {
	list  []*directive
	lines map[lineKey][]*directive  // directives covering one or two lines
	funcs map[fileRule][]*directive // directives in doc comments, by start
}

type fileRule struct{ file, rule string }

type lineKey struct {
	fileRule
	line int
}

func parseIgnores(pass *analysis.Pass) *ignores {
	ig := &ignores{lines: map[lineKey][]*directive{}, funcs: map[fileRule][]*directive{}}
	for _, f := range pass.Files {
		docOf := map[*ast.CommentGroup]*ast.FuncDecl{}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
				docOf[fd.Doc] = fd
			}
		}
		var code codeLines
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if !strings.HasPrefix(c.Text, ignorePrefix) {
					continue
				}
				if code == nil {
					code = indexCode(pass.Fset, f)
				}
				if d := parseDirective(pass.Fset, code, c, docOf[cg]); d != nil {
					ig.add(d, docOf[cg] != nil)
				}
			}
		}
	}
	return ig
}

// add records d; inDoc says it covers a whole function. Top-level
// functions do not overlap, so at most one function directive of a file
// and rule covers a line.
func (ig *ignores) add(d *directive, inDoc bool) {
	ig.list = append(ig.list, d)
	if d.malformed != "" {
		return
	}
	fr := fileRule{d.file, d.rule}
	if inDoc {
		ig.funcs[fr] = append(ig.funcs[fr], d) // in source order: sorted by from
		return
	}
	for l := d.from; l <= d.to; l++ {
		k := lineKey{fr, l}
		ig.lines[k] = append(ig.lines[k], d)
	}
}

func parseDirective(fset *token.FileSet, code codeLines, c *ast.Comment, fn *ast.FuncDecl) *directive {
	rule, reason, malformed, ok := parseDirectiveText(c.Text)
	if !ok {
		return nil
	}
	p := fset.Position(c.Pos())
	d := &directive{pos: c.Pos(), file: p.Filename, from: p.Line, to: p.Line + 1,
		rule: rule, reason: reason, malformed: malformed}
	if code.trails(fset, c) {
		d.to = p.Line
	}
	if fn != nil {
		d.from, d.to = p.Line, fset.Position(fn.End()).Line
	}
	return d
}

// parseDirectiveText parses the text of one comment. It reports ok=false
// for a comment that is not a directive, and otherwise the rule, the
// reason, and why the directive is malformed ("" when it is valid). The
// rule is echoed quoted and cut short (quote.Short), so that a byte order
// mark, an invisible or invalid character, or a 300 KB word shows as what
// it is.
func parseDirectiveText(text string) (rule, reason, malformed string, ok bool) {
	rest, ok := strings.CutPrefix(text, ignorePrefix)
	if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return "", "", "", false
	}
	fields := strings.Fields(rest)
	switch {
	case len(fields) == 0:
		malformed = "credlint:ignore directive needs a rule and a reason: //credlint:ignore <rule> <reason>"
	case !slices.Contains(rules, fields[0]):
		malformed = "credlint:ignore directive names unknown rule " + quote.Short(fields[0]) + " (rules: " + strings.Join(rules, ", ") + ")"
	case len(fields) == 1:
		malformed = "credlint:ignore directive for " + fields[0] + " needs a reason after the rule"
	}
	if len(fields) > 0 {
		rule = fields[0]
		reason = strings.Join(fields[1:], " ")
	}
	return rule, reason, malformed, true
}

// codeLines records, for each line of a file, the earliest offset at
// which code (any node but a comment) starts or ends on it, so that
// trails answers for every comment of the file after one walk.
type codeLines map[int]token.Pos

func indexCode(fset *token.FileSet, f *ast.File) codeLines {
	tf := fset.File(f.Pos())
	code := codeLines{}
	note := func(p token.Pos) {
		if !p.IsValid() || tf == nil || int(p) < tf.Base() || int(p) > tf.Base()+tf.Size() {
			return
		}
		l := tf.Line(p)
		if old, ok := code[l]; !ok || p < old {
			code[l] = p
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		if _, ok := n.(*ast.CommentGroup); ok {
			return false
		}
		note(n.Pos())
		if end := n.End(); end > n.Pos() && tf != nil && end > tf.LineStart(tf.Line(end)) {
			note(end)
		}
		return true
	})
	return code
}

// trails reports whether code precedes the comment c on its line:
//
//	os.Setenv("K", v) //credlint:ignore ...   trails code: covers its line
//	//credlint:ignore ...                     alone: covers the next line
func (code codeLines) trails(fset *token.FileSet, c *ast.Comment) bool {
	first, ok := code[fset.File(c.Pos()).Line(c.Pos())]
	return ok && first <= c.Pos()
}

// covers returns the valid directive that suppresses rule at p, and marks
// every directive that does used, or nil. Of several, it returns the first
// in source order.
func (ig *ignores) covers(p token.Position, rule string) *directive {
	fr := fileRule{p.Filename, rule}
	hits := ig.lines[lineKey{fr, p.Line}]
	fns := ig.funcs[fr]
	// The function directives starting at or before the line that still
	// cover it: those of one function's doc comment.
	for i := sort.Search(len(fns), func(i int) bool { return fns[i].from > p.Line }) - 1; i >= 0 && fns[i].to >= p.Line; i-- {
		hits = append(slices.Clip(hits), fns[i])
	}
	var hit *directive
	for _, d := range hits {
		d.used = true
		if hit == nil || d.pos < hit.pos {
			hit = d
		}
	}
	return hit
}

// reportProblems reports malformed directives and those that matched
// nothing. A directive for a rule -rules turns off cannot match anything,
// and is not reported for it: turning a rule off must not make its
// directives noise.
func (ig *ignores) reportProblems(pass *analysis.Pass, cfg *config.Config) {
	for _, d := range ig.list {
		msg := d.malformed
		if msg == "" && !d.used && cfg.Enabled(d.rule) {
			msg = "credlint:ignore directive for " + d.rule + " matches no finding (remove it)"
		}
		if msg != "" {
			pass.Report(analysis.Diagnostic{Pos: d.pos, Category: RuleIgnoreDirective, Message: msg})
		}
	}
}
