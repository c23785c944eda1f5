package slug

import (
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// PrepareText turns one run of heading text, as it stands in the source
// (outside code spans), into the text the generator of style slugs:
//
//   - github, docusaurus, mdc (remark): character references decoded;
//   - astro: references decoded, then Smartypants;
//   - hugo*: goldmark's typographer with Hugo's defaults, then named
//     entities resolved, numeric references left as written (Hugo's
//     TextPlain resolves names only, so "&#169;" slugs to "169");
//   - kramdown-gfm: kramdown's typographic symbols, then references decoded;
//   - kramdown: nothing, kramdown slugs the raw source.
//
// Code spans are left alone by every generator: do not pass them here.
func PrepareText(style, s string) string {
	switch style {
	case StyleHugo, StyleHugoASCII, StyleHugoBlackfriday:
		if hasDashesOrDots(s) {
			s = HugoTypographer(s)
		}
		return DecodeNamedEntities(s)
	case StyleKramdownGFM:
		return DecodeEntities(KramdownTypographer(s))
	case StyleKramdown:
		return s
	case StyleAstro:
		return Smartypants(DecodeEntities(s))
	}
	return DecodeEntities(s)
}

// hasDashesOrDots tells whether the typographer could change an id: every
// quote it makes is dropped from an id, as the straight one is, but "--",
// "..." and the angle quotes change what is left.
func hasDashesOrDots(s string) bool {
	return strings.Contains(s, "--") || strings.Contains(s, "...") || strings.Contains(s, "<<") || strings.Contains(s, ">>")
}

// DecodeEntities decodes character references as CommonMark does, in one
// pass: "&name;" for a name in the HTML5 list, "&#" and 1–7 digits and
// "&#x" and 1–6 hex digits, each ending in ";". Code point 0 and invalid
// ones become U+FFFD. Anything else stays as written.
func DecodeEntities(s string) string { return decodeRefs(s, true) }

// DecodeNamedEntities decodes only "&name;" references, as Hugo's heading
// text does (goldmark's util.ResolveEntityNames).
func DecodeNamedEntities(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return string(util.ResolveEntityNames([]byte(s)))
}

func decodeRefs(s string, numeric bool) string {
	if !strings.Contains(s, "&") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '&' {
			b.WriteByte(s[i])
			continue
		}
		if r, n := numericRef(s[i:]); numeric && n > 0 {
			b.WriteRune(r)
			i += n - 1
			continue
		}
		if chars, n := namedRef(s[i:]); n > 0 {
			b.WriteString(chars)
			i += n - 1
			continue
		}
		b.WriteByte('&')
	}
	return b.String()
}

// numericRef reads "&#123;" or "&#x7B;" at the start of s.
func numericRef(s string) (rune, int) {
	if len(s) < 4 || s[1] != '#' {
		return 0, 0
	}
	digits, base, maxLen, start := "0123456789", 10, 7, 2
	if s[2] == 'x' || s[2] == 'X' {
		digits, base, maxLen, start = "0123456789abcdefABCDEF", 16, 6, 3
	}
	end := start
	for end < len(s) && end-start < maxLen && strings.IndexByte(digits, s[end]) >= 0 {
		end++
	}
	if end == start || end >= len(s) || s[end] != ';' {
		return 0, 0
	}
	v, err := strconv.ParseUint(s[start:end], base, 32)
	if err != nil || v == 0 || v > unicode.MaxRune || v >= 0xD800 && v <= 0xDFFF {
		return '\uFFFD', end + 1
	}
	return rune(v), end + 1
}

// namedRef reads "&name;" at the start of s for a name in the HTML5 list.
func namedRef(s string) (string, int) {
	end := 1
	for end < len(s) && (s[end] >= 'a' && s[end] <= 'z' || s[end] >= 'A' && s[end] <= 'Z' || s[end] >= '0' && s[end] <= '9') {
		end++
	}
	if end == 1 || end >= len(s) || s[end] != ';' {
		return "", 0
	}
	e, ok := util.LookUpHTML5EntityByName(s[1:end])
	if !ok {
		return "", 0
	}
	return string(e.Characters), end + 1
}

// kramdownSyms are kramdown's typographic symbols, tried in this order at
// each position: "<< " and " >>" take their space along and give a
// non-breaking one, and a backslash keeps "<<" and ">>" as they are.
// kramdown's smart quotes are left out: a quote of either kind is dropped
// from an id anyway.
var kramdownSyms = []struct{ from, to string }{
	{"---", "\u2014"}, {"--", "\u2013"}, {"...", "\u2026"},
	{`\<<`, "<<"}, {`\>>`, ">>"},
	{"<< ", "\u00ab\u00a0"}, {" >>", "\u00a0\u00bb"},
	{"<<", "\u00ab"}, {">>", "\u00bb"},
}

// KramdownTypographer makes kramdown's typographic symbols: "---" em dash,
// "--" en dash, "..." ellipsis, "<<" and ">>" angle quotes.
func KramdownTypographer(s string) string {
	if !strings.ContainsAny(s, "-.<>") {
		return s
	}
	var b strings.Builder
next:
	for i := 0; i < len(s); i++ {
		for _, sym := range kramdownSyms {
			if strings.HasPrefix(s[i:], sym.from) {
				b.WriteString(sym.to)
				i += len(sym.from) - 1
				continue next
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// typographerParser is a goldmark parser that knows paragraphs and the
// typographer and nothing else, so plain text goes through goldmark's own
// rules (Hugo's defaults are goldmark's) and no other markup is read.
var typographerParser = sync.OnceValue(func() parser.Parser {
	return parser.NewParser(
		parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 100)),
		parser.WithInlineParsers(util.Prioritized(extension.NewTypographerParser(), 100)),
	)
})

// HugoTypographer applies goldmark's typographer as Hugo configures it by
// default: "--" en dash, "---" em dash, "..." ellipsis, "<<" and ">>" angle
// quotes, and ' and " turned into curly quotes or apostrophes by context.
func HugoTypographer(s string) string {
	if !strings.ContainsAny(s, "-.<>'\"") {
		return s
	}
	// goldmark trims a paragraph, so keep the outer blanks aside.
	rest := strings.TrimLeftFunc(s, unicode.IsSpace)
	body := strings.TrimRightFunc(rest, unicode.IsSpace)
	if body == "" || strings.ContainsAny(body, "\n\r") {
		return s
	}
	lead := s[:len(s)-len(rest)]
	trail := rest[len(body):]
	src := []byte(body)
	doc := typographerParser().Parse(text.NewReader(src))
	var b strings.Builder
	b.WriteString(lead)
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			b.Write(n.Segment.Value(src))
		case *ast.String:
			b.Write(util.ResolveEntityNames(n.Value))
		}
		return ast.WalkContinue, nil
	})
	b.WriteString(trail)
	return b.String()
}
