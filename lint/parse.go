package lint

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Parser parses posts; one instance is shared by all workers (goldmark's
// parser is safe for concurrent use).
type Parser struct {
	md        goldmark.Markdown
	slugStyle string
	// mdxCodeBlocks: Docusaurus renders ```mdx-code-block fences as MDX.
	mdxCodeBlocks bool
}

// NewParser builds the goldmark parser for a site.
func NewParser(site *Site) *Parser {
	exts := []goldmark.Extender{extension.GFM, extension.Footnote}
	exts = append(exts, site.Extensions...)
	md := goldmark.New(
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(parser.WithAttribute()),
	)
	return &Parser{md: md, slugStyle: site.SlugStyle, mdxCodeBlocks: site.Preset == "docusaurus"}
}

// binaryProbe is how much of a file is searched for NUL bytes.
const binaryProbe = 8000

// Parse reads a whole post: front matter, AST, references, headings and
// suppression directives.
func (p *Parser) Parse(rel, abs string, src []byte) *Post {
	post := &Post{Path: rel, Abs: abs, Source: src, Lines: NewLineIndex(src)}
	if i := bytes.IndexByte(src[:min(len(src), binaryProbe)], 0); i >= 0 {
		post.Problems = append(post.Problems, FileProblem{Kind: "binary", Range: post.Lines.Range(i, i), Message: "binary file: it holds NUL bytes, so it is not Markdown"})
		post.AST = ast.NewDocument()
		return post
	}
	if !utf8.Valid(src) {
		off := firstInvalidUTF8(src)
		post.Problems = append(post.Problems, FileProblem{Kind: "utf8", Range: post.Lines.Range(off, off+1), Message: "invalid UTF-8 byte sequence"})
	}
	post.FrontMatter = ParseFrontMatter(src, post.Lines)
	post.Body = src
	if fm := post.FrontMatter; fm != nil && !fm.Unterminated {
		// Blank the block, keeping newlines, so AST offsets stay file offsets.
		body := make([]byte, len(src))
		copy(body, src)
		for i := fm.Start; i < fm.End; i++ {
			if body[i] != '\n' && body[i] != '\r' {
				body[i] = ' '
			}
		}
		post.Body = body
	}
	post.AST = p.md.Parser().Parse(text.NewReader(post.Body))
	extract(post, p.slugStyle)
	post.Directives = ParseDirectives(post)
	return post
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, w := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && w == 1 {
			return i
		}
		i += w
	}
	return 0
}

var (
	atxRE      = regexp.MustCompile(`^ {0,3}#{1,6}(?:[ \t]|$)`)
	setextRE   = regexp.MustCompile(`^ {0,3}(=+|-+)[ \t]*$`)
	refDefRE   = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:`)
	fenceRE    = regexp.MustCompile("^[ \t]*(`{3,}|~{3,})(.*)$")
	codeSpanRE = regexp.MustCompile("`+[^`]*`+")
	blockStart = regexp.MustCompile(`^ {0,3}(?:[-+*>|<]|\d{1,9}[.)](?:[ \t]|$)|$)`)
	quoteRE    = regexp.MustCompile(`^(?: {0,3}> ?)+`)
	// CommonMark HTML blocks: 1-5 end at their closer, 6 and 7 at a blank
	// line; 7 (any lone tag) cannot interrupt a paragraph.
	html1RE   = regexp.MustCompile(`(?i)^ {0,3}<(script|pre|style|textarea)(?:\s|>|$)`)
	html6RE   = regexp.MustCompile(`(?i)^ {0,3}</?(address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:\s|/?>|$)`)
	html7RE   = regexp.MustCompile(`^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|</[A-Za-z][A-Za-z0-9-]*\s*>)\s*$`)
	openTagRE = regexp.MustCompile(`<[A-Za-z][^<>]*$`)
)

// htmlBlockEnd returns what ends an HTML block starting at line: a closing
// string, "\n" for a blank line, or "" when line starts no HTML block.
func htmlBlockEnd(line []byte, inPara bool) string {
	t := bytes.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || len(t) == 0 || t[0] != '<' {
		return ""
	}
	switch {
	case html1RE.Match(line):
		return "</" + strings.ToLower(string(html1RE.FindSubmatch(line)[1])) + ">"
	case bytes.HasPrefix(t, []byte("<!--")):
		return "-->"
	case bytes.HasPrefix(t, []byte("<?")):
		return "?>"
	case bytes.HasPrefix(t, []byte("<![CDATA[")):
		return "]]>"
	case len(t) > 2 && t[1] == '!' && t[2] >= 'A' && t[2] <= 'Z':
		return ">"
	case html6RE.Match(line):
		return "\n"
	case !inPara && html7RE.Match(line):
		return "\n"
	}
	return ""
}

// ParseLight indexes a post from its front matter, headings and HTML anchors
// only; it is how files outside the requested set are read (pre-commit
// runs). One line scan picks out heading lines, reference definitions (a
// heading may use them) and lines holding HTML, skipping fenced code; goldmark
// then parses just those lines, so anchors come out exactly as in Parse.
func (p *Parser) ParseLight(rel, abs string, src []byte) *Post {
	post := &Post{Path: rel, Abs: abs, Source: src, Lines: NewLineIndex(src)}
	if bytes.IndexByte(src[:min(len(src), binaryProbe)], 0) >= 0 {
		return post
	}
	post.FrontMatter = ParseFrontMatter(src, post.Lines)
	start := 0
	if fm := post.FrontMatter; fm != nil && !fm.Unterminated {
		start = fm.End
	}
	var doc bytes.Buffer
	var fenceChar byte
	fenceLen := 0
	rawFence := false // mdx-code-block: Docusaurus renders its content as MDX
	var para []byte   // current paragraph, for setext headings
	var block []byte  // current HTML block or multi-line tag
	blockEnd := ""
	emit := func(line []byte) {
		doc.Write(line)
		doc.WriteString("\n\n")
	}
	rest := src[start:]
	for len(rest) > 0 {
		var line []byte
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			line, rest = rest, nil
		}
		line = bytes.TrimRight(line, "\r")
		if blockEnd != "" {
			if blockEnd == "\n" && len(bytes.TrimSpace(line)) == 0 {
				emit(block)
				block, blockEnd = nil, ""
				continue
			}
			block = append(append(block, '\n'), line...)
			if blockEnd != "\n" && bytes.Contains(line, []byte(blockEnd)) {
				emit(block)
				block, blockEnd = nil, ""
			}
			continue
		}
		if fenceLen > 0 {
			if m := fenceRE.FindSubmatch(line); m != nil && m[1][0] == fenceChar && len(m[1]) >= fenceLen && len(bytes.TrimSpace(m[2])) == 0 {
				fenceLen = 0
				if rawFence && len(block) > 0 {
					// Parse imports it as one HTML block; a leading <div>
					// and no blank lines make goldmark see the same.
					emit(append([]byte("<div>\n"), block...))
				}
				block = nil
			} else if rawFence && len(bytes.TrimSpace(line)) > 0 {
				block = append(append(block, line...), '\n')
			}
			continue
		}
		if m := fenceRE.FindSubmatch(line); m != nil && !(m[1][0] == '`' && bytes.IndexByte(m[2], '`') >= 0) {
			fenceChar, fenceLen = m[1][0], len(m[1])
			info := bytes.Fields(m[2])
			rawFence = p.mdxCodeBlocks && len(info) > 0 && string(info[0]) == "mdx-code-block"
			para = nil
			continue
		}
		if end := htmlBlockEnd(line, para != nil); end != "" {
			block, blockEnd = append([]byte(nil), line...), end
			if end != "\n" && bytes.Contains(line[bytes.IndexByte(line, '<')+2:], []byte(end)) {
				emit(block)
				block, blockEnd = nil, ""
			}
			para = nil
			continue
		}
		if q := quoteRE.Find(line); q != nil && atxRE.Match(line[len(q):]) {
			emit(line[len(q):])
			para = nil
			continue
		}
		if bytes.IndexByte(line, '<') >= 0 && openTagRE.Match(codeSpanRE.ReplaceAll(line, nil)) {
			// A tag whose attributes run over several lines (JSX).
			block, blockEnd = append([]byte(nil), bytes.TrimLeft(line, " \t")...), ">"
			para = nil
			continue
		}
		switch {
		case atxRE.Match(line):
			emit(line)
			para = nil
			continue
		case para != nil && setextRE.Match(line):
			doc.Write(para)
			doc.WriteByte('\n')
			emit(line)
			para = nil
			continue
		case refDefRE.Match(line):
			emit(line)
		}
		if bytes.IndexByte(line, '<') >= 0 && bytes.IndexByte(codeSpanRE.ReplaceAll(line, nil), '<') >= 0 {
			emit(bytes.TrimLeft(line, " \t"))
		}
		switch {
		case len(bytes.TrimSpace(line)) == 0:
			para = nil
		case para == nil && !blockStart.Match(line) && !bytes.HasPrefix(line, []byte("    ")) && !bytes.HasPrefix(line, []byte("\t")):
			para = append([]byte(nil), line...)
		case para != nil:
			para = append(append(para, '\n'), line...)
		}
	}
	if block != nil {
		emit(block)
	}
	if doc.Len() == 0 {
		return post
	}
	mini := &Post{Body: doc.Bytes(), Lines: NewLineIndex(doc.Bytes())}
	mini.AST = p.md.Parser().Parse(text.NewReader(mini.Body))
	extract(mini, p.slugStyle)
	post.Anchors = mini.Anchors
	return post
}
