package lint

import (
	"bytes"
	"path/filepath"
	"regexp"
	"sort"
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
	// mdxCodeBlocks: ```mdx-code-block fences render as MDX.
	mdxCodeBlocks bool
	// mdxComments: {/* … */} hides its content in every file, not only .mdx.
	mdxComments bool
	// templateLinks: link destinations may be Liquid with spaces.
	templateLinks bool
	// shortcodes: the generator's {{< … >}} calls are listed.
	shortcodes bool
	// noHeadingAttrs: {#id} after a heading is text (Astro).
	noHeadingAttrs bool
	// ids says how headings become anchors.
	ids headingIDs
}

// headingIDs is how a generator turns headings into anchors: its slugger
// style, whether `{#any text}` ends a heading as its id, and whether h1
// headings get none.
type headingIDs struct {
	style string
	loose bool
	noH1  bool
	opts  AnchorOptions
}

// looseIDRE is Docusaurus's explicit heading id: `{#…}` ending the heading,
// anything but braces inside.
var looseIDRE = regexp.MustCompile(`\s*\{#([^{}]+)\}$`)

// explicitID splits a heading's text into text and its loose explicit id.
func (h headingIDs) explicitID(text string) (string, string) {
	if !h.loose {
		return text, ""
	}
	if m := looseIDRE.FindStringSubmatchIndex(text); m != nil {
		return strings.TrimRight(text[:m[0]], " \t"), text[m[2]:m[3]]
	}
	return text, ""
}

// NewParser builds the goldmark parser for a site.
func NewParser(site *Site) *Parser {
	exts := []goldmark.Extender{gfmExtension{}, extension.Footnote}
	exts = append(exts, site.Extensions...)
	tr := site.Traits()
	var opts []parser.Option
	if !tr.NoHeadingAttributes && !tr.LooseHeadingIDs {
		opts = append(opts, parser.WithAttribute())
	}
	md := goldmark.New(
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(opts...),
	)
	return &Parser{md: md, slugStyle: site.SlugStyle, mdxCodeBlocks: tr.MDXCodeBlocks, mdxComments: tr.MDXComments,
		noHeadingAttrs: tr.NoHeadingAttributes || tr.LooseHeadingIDs,
		ids:            headingIDs{style: site.SlugStyle, loose: tr.LooseHeadingIDs, noH1: tr.NoH1Anchors, opts: site.Anchors},
		templateLinks:  tr.TemplateLinks, shortcodes: tr.Shortcodes}
}

// binaryProbe is how much of a file is searched for NUL bytes.
const binaryProbe = 8000

// Parse reads a whole post: front matter, AST, references, headings and
// suppression directives.
func (p *Parser) Parse(rel, abs string, src []byte) *Post {
	return p.parse(rel, abs, src, nil)
}

// parse is Parse, with the front-matter-blanked body copied into scratch's
// storage when it is big enough.
func (p *Parser) parse(rel, abs string, src, scratch []byte) *Post {
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
		body := scratch[:0]
		body = append(body, src...)
		for i := fm.Start; i < fm.End; i++ {
			if body[i] != '\n' && body[i] != '\r' {
				body[i] = ' '
			}
		}
		post.Body = body
	}
	if isHTMLPage(rel) {
		// An HTML page with front matter: its links and ids are the HTML's.
		post.AST = ast.NewDocument()
		htmlRefs(post, 0, len(post.Body))
		post.Directives = ParseDirectives(post)
		return post
	}
	post.AST = p.md.Parser().Parse(text.NewReader(post.Body))
	extract(post, p.ids)
	if p.templateLinks {
		liquidRefs(post)
	}
	if p.mdxComments || strings.EqualFold(filepath.Ext(rel), ".mdx") {
		dropCommentedRefs(post)
	}
	post.Directives = ParseDirectives(post)
	if p.shortcodes {
		post.Shortcodes = ScanShortcodes(post.Body, post.Lines)
	}
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
	html1RE = regexp.MustCompile(`(?i)^ {0,3}<(script|pre|style|textarea)(?:\s|>|$)`)
	html6RE = regexp.MustCompile(`(?i)^ {0,3}</?(address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:\s|/?>|$)`)
	html7RE = regexp.MustCompile(`^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|</[A-Za-z][A-Za-z0-9-]*\s*>)\s*$`)
)

// startsBlock reports whether a line (without its indent) opens a block
// other than a paragraph: list item, quote, table row or HTML.
func startsBlock(t []byte) bool {
	switch t[0] {
	case '-', '+', '*', '>', '|', '<':
		return true
	}
	return t[0] >= '0' && t[0] <= '9' && blockStart.Match(t)
}

// openTag reports whether a line ends inside an HTML tag: its last "<" opens
// a tag and no ">" follows.
func openTag(l []byte) bool {
	i := bytes.LastIndexByte(l, '<')
	return i >= 0 && i+1 < len(l) && isASCIILetter(l[i+1]) && bytes.IndexByte(l[i:], '>') < 0
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// mayHoldAnchor is a cheap test for an id or name attribute.
func mayHoldAnchor(b []byte) bool {
	for _, k := range [][]byte{[]byte("id"), []byte("ID"), []byte("Id"), []byte("name"), []byte("NAME"), []byte("Name")} {
		if bytes.Contains(b, k) {
			return true
		}
	}
	return false
}

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
	if isHTMLPage(rel) {
		return p.Parse(rel, abs, src) // HTML pages are tokenized whole, which is light already
	}
	post := &Post{Path: rel, Abs: abs, Source: src, Lines: NewLineIndex(src)}
	if bytes.IndexByte(src[:min(len(src), binaryProbe)], 0) >= 0 {
		return post
	}
	post.FrontMatter = ParseFrontMatter(src, post.Lines)
	start := 0
	if fm := post.FrontMatter; fm != nil && !fm.Unterminated {
		start = fm.End
	}
	bodyLine := post.Lines.Pos(start).Line
	if p.shortcodes {
		for _, sc := range ScanShortcodes(src, post.Lines) {
			if start == 0 || sc.Range.Start.Line > bodyLine || (sc.Range.Start.Line == bodyLine && post.Lines.Offset(sc.Range.Start) >= start) {
				post.Shortcodes = append(post.Shortcodes, sc)
			}
		}
	}
	var doc bytes.Buffer
	var fenceChar byte
	fenceLen := 0
	rawFence := false // mdx-code-block: Docusaurus renders its content as MDX
	var block []byte  // current HTML block or multi-line tag
	blockEnd := ""
	emit := func(line []byte) {
		doc.Write(line)
		doc.WriteString("\n\n")
	}
	// emitHTML keeps only HTML that can hold an anchor.
	var htmlDoc bytes.Buffer
	// Tables inside JSX components get row anchors (see componentStack);
	// they are copied into the mini document wrapped in a component.
	var comps componentStack
	var table []byte
	var keepHTML func([]byte)
	flushTable := func() {
		if len(table) == 0 {
			return
		}
		open := "<Component>"
		if name := comps[len(comps)-1]; name != "" {
			open = `<Component name="` + name + `">`
		}
		htmlDoc.WriteString(open + "\n\n")
		htmlDoc.Write(table)
		htmlDoc.WriteString("\n</Component>\n\n")
		table = nil
	}
	emitHTML := func(b []byte) {
		comps.scan(b)
		keepHTML(b)
	}
	keepHTML = func(b []byte) {
		if mayHoldAnchor(b) {
			htmlDoc.Write(b)
			htmlDoc.WriteString("\n\n")
		}
	}
	// Most headings are plain text: their anchors are computed here, and
	// goldmark is only needed when one of them holds inline markup.
	simple := true
	var fast []plainHeading
	afterHeading := false // the previous line was an ATX heading
	heading := func(line []byte) {
		emit(line)
		afterHeading = true
		if simple {
			h, ok := parsePlainHeading(line, !p.noHeadingAttrs)
			if text, id := p.ids.explicitID(h.text); id != "" && h.id == "" {
				h.text, h.id = text, id
			}
			h.h1 = bytes.HasPrefix(bytes.TrimLeft(line, " "), []byte("# ")) || bytes.Equal(bytes.TrimSpace(line), []byte("#"))
			simple = ok
			fast = append(fast, h)
		}
	}
	paraStart := -1 // offset in src of the current paragraph, for setext
	off := start
	for off < len(src) {
		end := len(src)
		if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
			end = off + i
		}
		lineStart := off
		line := bytes.TrimRight(src[off:end], "\r")
		off = end + 1
		t := bytes.TrimLeft(line, " \t")
		indent := len(line) - len(t)
		var c byte
		if len(t) > 0 {
			c = t[0]
		}
		if blockEnd != "" {
			if blockEnd == "\n" && len(t) == 0 {
				emitHTML(block)
				block, blockEnd = nil, ""
				continue
			}
			block = append(append(block, '\n'), line...)
			if blockEnd != "\n" && bytes.Contains(line, []byte(blockEnd)) {
				emitHTML(block)
				block, blockEnd = nil, ""
			}
			continue
		}
		if fenceLen > 0 {
			if c == fenceChar {
				if m := fenceRE.FindSubmatch(line); m != nil && m[1][0] == fenceChar && len(m[1]) >= fenceLen && len(bytes.TrimSpace(m[2])) == 0 {
					fenceLen = 0
					if rawFence && len(block) > 0 {
						// Parse imports it as one HTML block; a leading
						// <div> and no blank lines make goldmark see the same.
						emitHTML(append([]byte("<div>\n"), block...))
					}
					block = nil
					continue
				}
			}
			if rawFence && len(t) > 0 {
				block = append(append(block, line...), '\n')
			}
			continue
		}
		if afterHeading && c == '{' && kramdownStyle(p.slugStyle) && ialRE.Match(bytes.TrimSpace(line)) {
			// kramdown: an attribute list on the next line sets the id, so
			// goldmark reads the two lines together.
			simple = false
			doc.Truncate(doc.Len() - 1)
			emit(line)
			afterHeading = false
			continue
		}
		afterHeading = false
		if c == '`' || c == '~' {
			// A backtick fence's info string may not contain a backtick.
			if m := fenceRE.FindSubmatch(line); m != nil && (m[1][0] != '`' || bytes.IndexByte(m[2], '`') < 0) {
				fenceChar, fenceLen = m[1][0], len(m[1])
				info := bytes.Fields(m[2])
				rawFence = p.mdxCodeBlocks && len(info) > 0 && string(info[0]) == "mdx-code-block"
				paraStart = -1
				continue
			}
		}
		if c == '<' && indent <= 3 {
			if end := htmlBlockEnd(line, paraStart >= 0); end != "" {
				block, blockEnd = append([]byte(nil), line...), end
				if end != "\n" && bytes.Contains(t[2:], []byte(end)) {
					emitHTML(block)
					block, blockEnd = nil, ""
				}
				paraStart = -1
				continue
			}
		}
		if c == '>' {
			if q := quoteRE.Find(line); q != nil && atxRE.Match(line[len(q):]) {
				heading(line[len(q):])
				paraStart = -1
				continue
			}
		}
		if c == '|' && indent < 4 && len(comps) > 0 {
			table = append(append(table, line...), '\n')
		} else {
			flushTable()
		}
		hasTag := bytes.IndexByte(line, '<') >= 0
		l := line
		if hasTag {
			if bytes.IndexByte(l, '`') >= 0 {
				l = codeSpanRE.ReplaceAll(line, nil)
			}
			hasTag = bytes.IndexByte(l, '<') >= 0
			if hasTag && openTag(l) {
				// A tag whose attributes run over several lines (JSX).
				block, blockEnd = append([]byte(nil), t...), ">"
				paraStart = -1
				continue
			}
		}
		switch {
		case c == '#' && indent <= 3 && atxRE.Match(line):
			heading(line)
			paraStart = -1
			continue
		case p.ids.opts.TermIDs && paraStart >= 0 && c == ':' && len(t) > 1 && (t[1] == ' ' || t[1] == '\t'):
			// A definition list: its terms get ids too.
			simple = false
			doc.Write(src[paraStart:lineStart])
			emit(line)
			paraStart = -1
			continue
		case paraStart >= 0 && (c == '=' || c == '-') && setextRE.Match(line):
			simple = false
			doc.Write(src[paraStart:lineStart])
			emit(line)
			paraStart = -1
			continue
		case c == '[' && refDefRE.Match(line):
			emit(line)
		}
		if hasTag {
			// Tags in code spans are text, as in Parse.
			comps.scan(l)
			keepHTML(t)
		}
		switch {
		case len(t) == 0:
			paraStart = -1
		case paraStart < 0 && indent < 4 && !startsBlock(t):
			paraStart = lineStart
		}
	}
	if block != nil {
		emitHTML(block)
	}
	flushTable()
	if simple {
		// Explicit ids are registered in document order, as Hugo's id
		// factory does (other sluggers do not register them).
		sl := NewSlugger(p.slugStyle)
		if p.ids.opts.NoTypographer {
			sl.WithoutTypographer()
		}
		for _, h := range fast {
			if h.id == "" {
				h.id = sl.Slug(h.text)
			} else {
				sl.Reserve(h.id)
			}
			if h.id != "" && (!h.h1 || !p.ids.noH1) { // an empty heading gets no id
				post.Anchors = append(post.Anchors, h.id)
			}
		}
		doc.Reset()
	}
	doc.Write(htmlDoc.Bytes())
	if doc.Len() == 0 {
		return post
	}
	mini := &Post{Body: doc.Bytes(), Lines: NewLineIndex(doc.Bytes())}
	mini.AST = p.md.Parser().Parse(text.NewReader(mini.Body))
	extract(mini, p.ids)
	post.Anchors = append(post.Anchors, mini.Anchors...)
	return post
}

type plainHeading struct {
	text, id string
	h1       bool
}

var plainIDRE = regexp.MustCompile(`[ \t]+\{#([A-Za-z0-9_:.-]+)\}$`)

// parsePlainHeading reads an ATX heading line whose text has no inline markup
// other than code spans; ok is false when goldmark must read it.
func parsePlainHeading(line []byte, attrs bool) (plainHeading, bool) {
	t := bytes.TrimLeft(line, " ")
	t = bytes.TrimLeft(t, "#")
	t = bytes.Trim(t, " \t")
	// A closing run of # needs a space before it.
	if i := len(bytes.TrimRight(t, "#")); i < len(t) && (i == 0 || t[i-1] == ' ' || t[i-1] == '\t') {
		t = bytes.TrimRight(t[:i], " \t")
	}
	var h plainHeading
	if m := plainIDRE.FindSubmatchIndex(t); m != nil && attrs {
		h.id = string(t[m[2]:m[3]])
		t = t[:m[0]]
	} else if len(t) == 0 && len(line) > 0 {
		return h, true
	}
	var b strings.Builder
	for i := 0; i < len(t); {
		c := t[i]
		switch c {
		case '`':
			n := 1
			for i+n < len(t) && t[i+n] == '`' {
				n++
			}
			closeAt := bytes.Index(t[i+n:], t[i:i+n])
			if closeAt < 0 || (i+n+closeAt+n < len(t) && t[i+n+closeAt+n] == '`') {
				return h, false
			}
			code := t[i+n : i+n+closeAt]
			if len(code) >= 2 && code[0] == ' ' && code[len(code)-1] == ' ' && len(bytes.Trim(code, " ")) > 0 {
				code = code[1 : len(code)-1]
			}
			if bytes.IndexByte(code, '\n') >= 0 {
				return h, false
			}
			b.WriteRune(codeOpen)
			b.Write(code)
			b.WriteRune(codeClose)
			i += n + closeAt + n
			continue
		case '*', '_', '[', ']', '<', '>', '&', '\\', '!', '{', '}', '~', '|', '$', '\t', ':', 'h', 'w':
			if c == ':' || c == 'h' || c == 'w' {
				// Autolinks (www., http:) change the text's nodes, not
				// its letters, but stay on the safe side.
				if bytes.HasPrefix(t[i:], []byte("http")) || bytes.HasPrefix(t[i:], []byte("www.")) {
					return h, false
				}
				b.WriteByte(c)
				i++
				continue
			}
			return h, false
		}
		b.WriteByte(c)
		i++
	}
	h.text = b.String()
	return h, true
}

// dropCommentedRefs removes links and images inside multi-line MDX comments
// (`{/* … */}`): MDX renders none of them, though goldmark sees a paragraph.
func dropCommentedRefs(post *Post) {
	if !bytes.Contains(post.Body, []byte("{/*")) {
		return
	}
	rs := mdxComments(post.Body)
	if len(rs) == 0 {
		return
	}
	kept := post.Refs[:0]
	for _, r := range post.Refs {
		off := post.Lines.Offset(r.Range.Start)
		i := sort.Search(len(rs), func(i int) bool { return rs[i][1] > off })
		if i < len(rs) && rs[i][0] <= off {
			continue
		}
		kept = append(kept, r)
	}
	post.Refs = kept
}
