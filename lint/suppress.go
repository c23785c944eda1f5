package lint

import (
	"regexp"
	"strings"

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
// comments are a syntax error.
var directiveRE = regexp.MustCompile(`(?:<!--|\{/\*)\s*contentlint-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>*]*?)\s*(?:-->|\*/\})`)

// ParseDirectives finds directives outside code. It uses the AST's code
// blocks to skip fenced and indented code exactly.
func ParseDirectives(post *Post) []Directive {
	src := post.Body
	if !strings.Contains(string(src), "contentlint-") {
		return nil
	}
	code := codeLines(post)
	var out []Directive
	for _, m := range directiveRE.FindAllSubmatchIndex(src, -1) {
		pos := post.Lines.Pos(m[0])
		if code[pos.Line] {
			continue
		}
		d := Directive{Kind: string(src[m[2]:m[3]]), Line: pos.Line, Range: post.Lines.Range(m[0], m[1])}
		list := src[m[4]:m[5]]
		off := m[4]
		for _, part := range strings.Split(string(list), ",") {
			name := strings.TrimSpace(part)
			if name != "" {
				i := strings.Index(string(src[off:m[5]]), name)
				s := off + max(i, 0)
				d.Rules = append(d.Rules, name)
				d.RuleRanges = append(d.RuleRanges, post.Lines.Range(s, s+len(name)))
			}
			off += len(part) + 1
		}
		out = append(out, d)
	}
	return out
}

// Suppressor answers whether a finding at a line is disabled.
type Suppressor struct {
	dirs []Directive
}

// NewSuppressor prepares directives (in line order) for lookups.
func NewSuppressor(dirs []Directive) *Suppressor { return &Suppressor{dirs: dirs} }

func names(d Directive, rule string) bool {
	if len(d.Rules) == 0 {
		return true
	}
	for _, r := range d.Rules {
		if r == rule {
			return true
		}
	}
	return false
}

// Suppressed reports whether rule is disabled at line.
func (s *Suppressor) Suppressed(rule string, line int) bool {
	if s == nil {
		return false
	}
	disabled := false
	for _, d := range s.dirs {
		if !names(d, rule) {
			continue
		}
		switch d.Kind {
		case "disable-file":
			return true
		case "disable-line":
			if d.Line == line {
				return true
			}
		case "disable-next-line":
			if d.Line+1 == line {
				return true
			}
		case "disable":
			if d.Line <= line {
				disabled = true
			}
		case "enable":
			if d.Line <= line {
				disabled = false
			}
		}
	}
	return disabled
}

// codeLines marks the lines that belong to code blocks.
func codeLines(post *Post) map[int]bool {
	out := map[int]bool{}
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
