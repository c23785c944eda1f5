package lint

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// gfmExtension is goldmark's GFM with the GFM spec's "Autolinks
// (extension)" in place of goldmark's Linkify, whose URL pattern wants a
// letter TLD: GitHub (cmark-gfm) and remark-gfm also link bare URLs on IP
// and numeric hosts, such as http://127.0.0.1:8080/x, and their
// trailing-punctuation rules differ from Linkify's.
type gfmExtension struct{}

func (gfmExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(autolinkLiteral{}, 999)))
	extension.Table.Extend(m)
	extension.Strikethrough.Extend(m)
	extension.TaskList.Extend(m)
}

// autolinkLiteral parses extended www, url and email autolinks. They start
// at a line head, after whitespace, or after one of * _ ~ (.
type autolinkLiteral struct{}

func (autolinkLiteral) Trigger() []byte { return []byte{' ', '*', '_', '~', '('} }

func (autolinkLiteral) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	if pc.IsInLinkLabel() {
		return nil
	}
	line, segment := block.PeekLine()
	lead := 0
	if len(line) > 0 && bytes.IndexByte([]byte(" \t*_~("), line[0]) >= 0 {
		lead = 1 // the delimiter before the link stays text
	}
	line = line[lead:]
	if !mayLink(line) {
		return nil
	}
	typ, protocol := ast.AutoLinkURL, []byte(nil)
	n := urlAutolink(line)
	if n == 0 {
		if n = wwwAutolink(line); n > 0 {
			protocol = []byte("http")
		}
	}
	if n == 0 {
		if n = emailAutolink(line); n == 0 {
			return nil
		}
		typ = ast.AutoLinkEmail
	}
	if lead > 0 {
		ast.MergeOrAppendTextSegment(parent, segment.WithStop(segment.Start+lead))
	}
	block.Advance(lead + n)
	start := segment.Start + lead
	link := ast.NewAutoLink(typ, ast.NewTextSegment(text.NewSegment(start, start+n)))
	link.Protocol = protocol
	return link
}

// urlAutolink is the length of an extended url autolink at the start of b:
// http://, https:// or ftp://, a valid domain, then a path.
func urlAutolink(b []byte) int {
	for _, scheme := range []string{"http://", "https://", "ftp://"} {
		if len(b) > len(scheme) && bytes.EqualFold(b[:len(scheme)], []byte(scheme)) {
			d := validDomain(b[len(scheme):])
			if d == 0 {
				return 0
			}
			return linkEnd(b, len(scheme)+d, len(scheme))
		}
	}
	return 0
}

// mayLink is a cheap test run before the others: most triggers are the
// space before an ordinary word, and only a word that starts like a scheme
// (http, https, ftp) or www., or that holds an @, can be a link.
func mayLink(line []byte) bool {
	if len(line) < 4 {
		return false
	}
	switch line[0] | 0x20 {
	case 'h', 'f', 'w':
		return true
	}
	// Only the word itself is looked at, so the test stays linear in it.
	for i := 1; i < len(line); i++ {
		switch line[i] {
		case '@':
			return true
		case ' ', '\t', '\n', '<':
			return false
		}
	}
	return false
}

// wwwAutolink is the length of an extended www autolink at the start of b.
func wwwAutolink(b []byte) int {
	if !bytes.HasPrefix(b, []byte("www.")) {
		return 0
	}
	d := validDomain(b)
	if d == 0 {
		return 0
	}
	return linkEnd(b, d, len("www."))
}

// validDomain is the length of the valid domain at the start of b, 0 when
// there is none: alphanumerics, _, - and periods, with at least one period
// and no _ in the last two segments.
func validDomain(b []byte) int {
	i, periods := 0, 0
	for i < len(b) {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == '.':
			periods++
		case r == '_' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r):
		default:
			return checkDomain(b[:i], periods)
		}
		i += size
	}
	return checkDomain(b[:i], periods)
}

func checkDomain(d []byte, periods int) int {
	if len(d) == 0 || periods == 0 {
		return 0
	}
	segs := bytes.Split(d, []byte("."))
	for _, s := range segs[max(0, len(segs)-2):] {
		if bytes.IndexByte(s, '_') >= 0 {
			return 0
		}
	}
	return len(d)
}

// linkEnd extends a link from the end of its domain over every character
// up to whitespace or <, then applies extended autolink path validation:
// trailing punctuation is dropped, a closing parenthesis only when it has no
// opening partner in the link, and an entity-like &name; at the end. It
// returns 0 when nothing past min is left.
func linkEnd(b []byte, end, minLen int) int {
	for end < len(b) && !isASCIISpace(b[end]) && b[end] != '<' {
		end++
	}
	opening, closing := bytes.Count(b[:end], []byte("(")), bytes.Count(b[:end], []byte(")"))
	for end > minLen {
		switch b[end-1] {
		case '?', '!', '.', ',', ':', '*', '_', '~', '\'', '"':
			end--
		case ')':
			if closing <= opening {
				return end
			}
			closing--
			end--
		case ';':
			j := end - 2
			for j >= 0 && isASCIIAlnum(b[j]) {
				j--
			}
			if j >= 0 && j < end-2 && b[j] == '&' {
				end = j // &hl; looks like an entity reference
			} else {
				end--
			}
		default:
			return end
		}
	}
	return 0
}

// emailAutolink is the length of an extended email autolink at the start
// of b: [alnum.-_+]+ @ [alnum.-_]+ with a period in the domain, not ending in
// - or _; a final period is not part of it.
func emailAutolink(b []byte) int {
	at := 0
	for at < len(b) && (isASCIIAlnum(b[at]) || bytes.IndexByte([]byte(".-_+"), b[at]) >= 0) {
		at++
	}
	if at == 0 || at >= len(b) || b[at] != '@' {
		return 0
	}
	end, periods := at+1, 0
	for end < len(b) && (isASCIIAlnum(b[end]) || bytes.IndexByte([]byte(".-_"), b[end]) >= 0) {
		if b[end] == '.' {
			periods++
		}
		end++
	}
	if end == at+1 || periods == 0 {
		return 0
	}
	switch b[end-1] {
	case '-', '_':
		return 0
	case '.':
		end--
		if periods == 1 || end == at+1 {
			return 0 // the only period was the last character
		}
	}
	return end
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func isASCIIAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
