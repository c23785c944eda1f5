package lint

import (
	"bytes"
	"regexp"

	"github.com/yuin/goldmark/ast"
)

// Directive is an inline contentlint comment.
type Directive struct {
	Kind  string   // disable, enable, disable-line, disable-next-line, disable-file
	Rules []string // empty means every rule
	Line  int
	Range Range
	// RuleRanges locate each named rule, for reporting unknown names.
	RuleRanges []Range
}

// HTML comments in Markdown, and {/* */} expressions in MDX, where HTML
// comments are a syntax error. The comment may span lines.
var directiveRE = regexp.MustCompile(`(?:<!--|\{/\*)\s*contentlint-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>*]*?)\s*(?:-->|\*/\})`)

// ParseDirectives finds directives outside code. It uses the AST's code
// blocks and code spans to skip code exactly. Rules are separated by commas
// or spaces; " -- " starts a free-text reason.
func ParseDirectives(post *Post) []Directive {
	src := post.Body
	if !bytes.Contains(src, []byte("contentlint-")) {
		return nil
	}
	code := codeLines(post)
	spans := codeSpans(post)
	var out []Directive
	for _, m := range directiveRE.FindAllSubmatchIndex(src, -1) {
		pos := post.Lines.Pos(m[0])
		if code[pos.Line] || inSpans(spans, m[0]) {
			continue
		}
		d := Directive{Kind: string(src[m[2]:m[3]]), Line: pos.Line, Range: post.Lines.Range(m[0], m[1])}
		end := m[5]
		if i := bytes.Index(src[m[4]:end], []byte("--")); i >= 0 {
			end = m[4] + i
		}
		for i := m[4]; i < end; {
			if isListSep(src[i]) {
				i++
				continue
			}
			j := i
			for j < end && !isListSep(src[j]) {
				j++
			}
			d.Rules = append(d.Rules, string(src[i:j]))
			d.RuleRanges = append(d.RuleRanges, post.Lines.Range(i, j))
			i = j
		}
		out = append(out, d)
	}
	return out
}

func isListSep(c byte) bool { return c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// codeSpans are the byte spans of inline code, where a directive is text.
func codeSpans(post *Post) [][2]int {
	var out [][2]int
	if post.AST == nil {
		return nil
	}
	_ = ast.Walk(post.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if _, ok := n.(*ast.CodeSpan); ok {
			start, stop := -1, -1
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					if start < 0 {
						start = t.Segment.Start
					}
					stop = t.Segment.Stop
				}
			}
			if start >= 0 {
				out = append(out, [2]int{start, stop})
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

func inSpans(spans [][2]int, off int) bool {
	for _, s := range spans {
		if off >= s[0] && off < s[1] {
			return true
		}
	}
	return false
}

// Suppressor answers whether a finding at a line is disabled, and remembers
// which comment (and which rule name in it) did the disabling.
type Suppressor struct {
	dirs []Directive
	used map[use]bool
}

// use is a directive index and the index of the rule name in it (-1: the
// directive names no rule, so it stands for every rule).
type use struct{ dir, name int }

// NewSuppressor prepares directives (in line order) for lookups.
func NewSuppressor(dirs []Directive) *Suppressor {
	return &Suppressor{dirs: dirs, used: map[use]bool{}}
}

// nameIndex is the index of rule among d's names, -1 when d names none
// (every rule), or -2 when d does not apply to rule.
func nameIndex(d Directive, rule string) int {
	if len(d.Rules) == 0 {
		return -1
	}
	for i, r := range d.Rules {
		if r == rule {
			return i
		}
	}
	return -2
}

// Suppressed reports whether rule is disabled at line, and records the
// directive responsible.
func (s *Suppressor) Suppressed(rule string, line int) bool {
	if s == nil {
		return false
	}
	by, ok := s.suppressedBy(rule, line)
	if ok {
		s.used[by] = true
	}
	return ok
}

func (s *Suppressor) suppressedBy(rule string, line int) (use, bool) {
	var open *use // the disable in force, if any
	for i, d := range s.dirs {
		n := nameIndex(d, rule)
		if n == -2 {
			continue
		}
		u := use{i, n}
		switch d.Kind {
		case "disable-file":
			return u, true
		case "disable-line":
			if line >= d.Line && line <= d.Range.End.Line {
				return u, true
			}
		case "disable-next-line":
			if d.Range.End.Line+1 == line {
				return u, true
			}
		case "disable":
			if d.Line <= line {
				open = &u
			}
		case "enable":
			if d.Line <= line {
				open = nil
			}
		}
	}
	if open != nil {
		return *open, true
	}
	return use{}, false
}

// Unused lists the disable comments, or the rule names in them, that
// suppressed nothing, in file order. Names for which known is false are left
// to directive-unknown; enable comments suppress nothing by design.
func (s *Suppressor) Unused(abs string, known func(string) bool) []UnusedDirective {
	if s == nil {
		return nil
	}
	var out []UnusedDirective
	for i, d := range s.dirs {
		if d.Kind == "enable" {
			continue
		}
		if len(d.Rules) == 0 {
			if !s.used[use{i, -1}] {
				out = append(out, UnusedDirective{Abs: abs, Kind: d.Kind, Range: d.Range})
			}
			continue
		}
		for j, name := range d.Rules {
			if known(name) && !s.used[use{i, j}] {
				out = append(out, UnusedDirective{Abs: abs, Kind: d.Kind, Rule: name, Range: d.RuleRanges[j]})
			}
		}
	}
	return out
}

// codeLines marks the lines that belong to code blocks.
func codeLines(post *Post) map[int]bool {
	out := map[int]bool{}
	if post.AST == nil {
		return out
	}
	_ = ast.Walk(post.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				out[post.Lines.Pos(lines.At(i).Start).Line] = true
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}
