package analyzer

import (
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
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

type ignores struct {
	list []*directive
}

func parseIgnores(pass *analysis.Pass) *ignores {
	ig := &ignores{}
	for _, f := range pass.Files {
		docOf := map[*ast.CommentGroup]*ast.FuncDecl{}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
				docOf[fd.Doc] = fd
			}
		}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if d := parseDirective(pass.Fset, f, c, docOf[cg]); d != nil {
					ig.list = append(ig.list, d)
				}
			}
		}
	}
	return ig
}

func parseDirective(fset *token.FileSet, f *ast.File, c *ast.Comment, fn *ast.FuncDecl) *directive {
	rest, ok := strings.CutPrefix(c.Text, ignorePrefix)
	if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return nil
	}
	p := fset.Position(c.Pos())
	d := &directive{pos: c.Pos(), file: p.Filename, from: p.Line, to: p.Line + 1}
	if trailsCode(fset, f, c) {
		d.to = p.Line
	}
	if fn != nil {
		d.from, d.to = p.Line, fset.Position(fn.End()).Line
	}
	fields := strings.Fields(rest)
	switch {
	case len(fields) == 0:
		d.malformed = "credlint:ignore directive needs a rule and a reason: //credlint:ignore <rule> <reason>"
	case !slices.Contains(rules, fields[0]):
		d.malformed = "credlint:ignore directive names unknown rule " + fields[0] + " (rules: " + strings.Join(rules, ", ") + ")"
	case len(fields) == 1:
		d.malformed = "credlint:ignore directive for " + fields[0] + " needs a reason after the rule"
	}
	if len(fields) > 0 {
		d.rule = fields[0]
		d.reason = strings.Join(fields[1:], " ")
	}
	return d
}

// trailsCode reports whether code precedes the comment c on its line:
//
//	os.Setenv("K", v) //credlint:ignore ...   trails code: covers its line
//	//credlint:ignore ...                     alone: covers the next line
func trailsCode(fset *token.FileSet, f *ast.File, c *ast.Comment) bool {
	tf := fset.File(c.Pos())
	start := tf.LineStart(tf.Line(c.Pos()))
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		if found || n == nil || n.End() <= start || n.Pos() >= c.Pos() {
			return false
		}
		if _, ok := n.(*ast.CommentGroup); ok {
			return false
		}
		if n.Pos() >= start || n.End() <= c.Pos() {
			found = true // n starts or ends on c's line, before c
		}
		return !found
	})
	return found
}

// covers returns the valid directive that suppresses rule at p, and marks
// it used, or nil.
func (ig *ignores) covers(p token.Position, rule string) *directive {
	var hit *directive
	for _, d := range ig.list {
		if d.malformed == "" && d.rule == rule && d.file == p.Filename && d.from <= p.Line && p.Line <= d.to {
			d.used = true
			if hit == nil {
				hit = d
			}
		}
	}
	return hit
}

// reportProblems reports malformed directives and those that matched
// nothing.
func (ig *ignores) reportProblems(pass *analysis.Pass) {
	for _, d := range ig.list {
		msg := d.malformed
		if msg == "" && !d.used {
			msg = "credlint:ignore directive for " + d.rule + " matches no finding (remove it)"
		}
		if msg != "" {
			pass.Report(analysis.Diagnostic{Pos: d.pos, Category: RuleIgnoreDirective, Message: msg})
		}
	}
}
