package lint

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"golang.org/x/net/html"
)

// extract walks the AST once and collects references, headings and anchors.
// Code blocks and code spans hold no Link nodes, so they are skipped for free.
func extract(post *Post, ids headingIDs) {
	src := post.Body
	sl := NewSlugger(ids.style)
	opts := ids.opts
	if opts.NoTypographer {
		sl.WithoutTypographer()
	}
	// Note which reference labels links use: a definition that only images
	// use is reported at the images, not a second time as a link. Uses may
	// follow the definition, so definitions are judged after the walk.
	linkLabels := map[string]bool{}
	imageLabels := map[string]bool{}
	type definition struct {
		ref   int // index in post.Refs
		label string
	}
	var defs []definition
	var comps componentStack
	_ = ast.Walk(post.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			txt := plainText(n, src)
			anchor := ""
			if id, ok := n.AttributeString("id"); ok {
				if b, ok := id.([]byte); ok {
					// Registered in document order, as Hugo's id factory does.
					anchor = string(b)
					sl.Reserve(anchor)
				}
			}
			if text, id := ids.explicitID(txt); anchor == "" && id != "" {
				txt, anchor = text, id
			}
			if anchor == "" {
				idText := headingTextFrom(n, src, 0)
				if opts.LastLine && n.Lines().Len() > 1 {
					idText = headingTextFrom(n, src, n.Lines().At(n.Lines().Len()-1).Start)
				}
				// goldmark gives an empty heading no id
				if !opts.LastLine || strings.TrimSpace(idText) != "" {
					anchor = sl.Slug(idText)
				}
			}
			if kramdownStyle(ids.style) {
				// An attribute list on the next line sets or clears the id.
				if id, ok := kramdownIAL(n, src); ok {
					anchor = id
				}
			}
			r := Range{}
			if n.Lines().Len() > 0 {
				seg := n.Lines().At(0)
				ls := post.Lines.LineStart(post.Lines.Pos(seg.Start).Line)
				r = post.Lines.Range(ls, seg.Stop)
			}
			post.Headings = append(post.Headings, Heading{Level: n.Level, Text: txt, Anchor: anchor, Range: r})
			if anchor != "" && (n.Level > 1 || !ids.noH1) {
				post.Anchors = append(post.Anchors, anchor)
			}
		case *ast.Link:
			if n.Reference != nil {
				linkLabels[refLabel(n.Reference.Value)] = true
			}
			if n.Reference != nil && n.Reference.Type != 0 {
				// Reported once, at its definition.
				return ast.WalkContinue, nil
			}
			post.Refs = append(post.Refs, linkRef(post, RefLink, n.Pos(), n.Destination))
		case *ast.Image:
			if n.Reference != nil {
				imageLabels[refLabel(n.Reference.Value)] = true
			}
			if n.Reference != nil && n.Reference.Type != 0 {
				// A reference-style image: its definition may also serve links.
				post.Refs = append(post.Refs, Ref{Kind: RefImage, Dest: string(n.Destination), Range: linkRange(post, n.Pos(), nil)})
				return ast.WalkContinue, nil
			}
			post.Refs = append(post.Refs, linkRef(post, RefImage, n.Pos(), n.Destination))
		case *ast.AutoLink:
			u := string(n.URL(src))
			if n.AutoLinkType == ast.AutoLinkEmail {
				return ast.WalkContinue, nil
			}
			start := n.Pos()
			label := n.Label(src)
			if start >= 0 && start < len(src) && src[start] != '<' && !bytes.HasPrefix(src[start:], label) {
				// Linkify positions a bare URL at the character that
				// triggered it (a space or punctuation just before).
				if i := bytes.Index(src[start:min(len(src), start+len(label)+8)], label); i > 0 {
					start += i
				}
			}
			end := start + len(label)
			if start > 0 && src[start-1] == '<' {
				start--
				end++
			} else if start >= 0 && start < len(src) && src[start] == '<' {
				end += 2
			}
			ref := Ref{Kind: RefAutolink, Dest: u, Range: post.Lines.Range(start, min(end, len(src)))}
			if ls := start + (end-start-len(label))/2; string(label) == u && ls >= 0 && ls+len(label) <= len(src) && bytes.Equal(src[ls:ls+len(label)], label) {
				ref.DestStart, ref.DestEnd = ls, ls+len(label)
			}
			post.Refs = append(post.Refs, ref)
		case *ast.LinkReferenceDefinition:
			defs = append(defs, definition{len(post.Refs), refLabel(n.Label)})
			post.Refs = append(post.Refs, linkRef(post, RefDefinition, n.Pos(), n.Destination))
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				seg := n.Segments.At(0)
				last := n.Segments.At(n.Segments.Len() - 1)
				htmlRefs(post, seg.Start, last.Stop)
				comps.scan(post.Body[seg.Start:last.Stop])
			}
		case *ast.HTMLBlock:
			if n.Lines().Len() > 0 {
				start := n.Lines().At(0).Start
				stop := n.Lines().At(n.Lines().Len() - 1).Stop
				if n.HasClosure() {
					stop = n.ClosureLine.Stop
				}
				htmlRefs(post, start, stop)
				comps.scan(post.Body[start:stop])
			}
		case *east.FootnoteLink:
			if opts.FootnoteIDs {
				ref := "fnref"
				if n.RefIndex > 0 {
					ref += strconv.Itoa(n.RefIndex)
				}
				post.Anchors = append(post.Anchors, ref+":"+strconv.Itoa(n.Index))
			}
		case *east.Footnote:
			if opts.FootnoteIDs && n.Index > 0 {
				post.Anchors = append(post.Anchors, "fn:"+strconv.Itoa(n.Index))
			}
		case *east.DefinitionTerm:
			if opts.TermIDs {
				post.Anchors = append(post.Anchors, sl.Slug(plainText(n, src)))
			}
		case *east.Table:
			post.Anchors = append(post.Anchors, comps.rowAnchors(n, src)...)
		default:
			extractDirective(post, n)
		}
		return ast.WalkContinue, nil
	})
	if len(defs) > 0 && len(imageLabels) > 0 {
		drop := map[int]bool{}
		for _, d := range defs {
			if imageLabels[d.label] && !linkLabels[d.label] {
				drop[d.ref] = true
			}
		}
		kept := post.Refs[:0]
		for i, r := range post.Refs {
			if !drop[i] {
				kept = append(kept, r)
			}
		}
		post.Refs = kept
	}
}

// linkRange spans a link from its opening bracket to the closing parenthesis
// after dest; without dest it covers the opening bracket only.
func linkRange(post *Post, start int, dest []byte) Range {
	r, _, _ := linkSpan(post, start, dest)
	return r
}

// linkRef is a link, image or definition reference with its range and, when
// the destination is written verbatim, its byte span.
func linkRef(post *Post, kind RefKind, start int, dest []byte) Ref {
	r, ds, de := linkSpan(post, start, dest)
	return Ref{Kind: kind, Dest: string(dest), Range: r, DestStart: ds, DestEnd: de}
}

// linkSpan is the range from start to the closing parenthesis after dest,
// and dest's byte span (0, 0 when dest is not found as written).
func linkSpan(post *Post, start int, dest []byte) (Range, int, int) {
	src := post.Body
	if start < 0 || start >= len(src) {
		return Range{Start: Position{1, 1}, End: Position{1, 1}}, 0, 0
	}
	end := start + 1
	ds, de := 0, 0
	if len(dest) > 0 {
		lim := min(len(src), start+4096)
		if i := bytes.Index(src[start:lim], dest); i >= 0 {
			ds, de = start+i, start+i+len(dest)
			end = de
			if j := bytes.IndexAny(src[end:min(lim, end+512)], ")\n"); j >= 0 && src[end+j] == ')' {
				end += j + 1
			}
		}
	}
	return post.Lines.Range(start, end), ds, de
}

func plainText(n ast.Node, src []byte) string { return unmarkCode(headingTextFrom(n, src, 0)) }

// headingTextFrom is the plain text that starts at or after offset from
// (the last line of a setext heading), each code span's text between
// codeOpen and codeClose, so that the slugger leaves code alone (no entity
// decoding, no typographer), as every generator does.
func headingTextFrom(n ast.Node, src []byte, from int) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			if c.Segment.Start < from {
				return ast.WalkContinue, nil
			}
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			b.WriteRune(codeOpen)
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if tx, ok := t.(*ast.Text); ok {
					b.Write(tx.Segment.Value(src))
				}
			}
			b.WriteRune(codeClose)
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// kramdownStyle reports whether headings are kramdown's (Jekyll), whose
// block attribute lists ({: #id}) set ids.
func kramdownStyle(style string) bool { return strings.HasPrefix(style, "kramdown") }

var (
	ialRE     = regexp.MustCompile(`^\{:\s*([^}]*)\}\s*$`)
	ialAttrRE = regexp.MustCompile(`#([^\s.#"'=]+)|\bid=(?:"([^"]*)"|'([^']*)'|([^\s"']*))`)
)

// kramdownIAL reads a block attribute list on the line right after a
// heading, `{: #id}` or `{: id="id"}`, and returns the id it sets; an empty
// id="" clears it. ok is false when there is none, or it names no id.
func kramdownIAL(h *ast.Heading, src []byte) (string, bool) {
	next, isPara := h.NextSibling().(*ast.Paragraph)
	if !isPara || next.Lines().Len() == 0 || h.Lines().Len() == 0 {
		return "", false
	}
	end := h.Lines().At(h.Lines().Len() - 1).Stop
	seg := next.Lines().At(0)
	if bytes.Count(src[end:seg.Start], []byte("\n")) > 1 {
		return "", false // a blank line between them: the list is the paragraph's
	}
	m := ialRE.FindSubmatch(bytes.TrimSpace(src[seg.Start:seg.Stop]))
	if m == nil {
		return "", false
	}
	id, found := "", false
	for _, a := range ialAttrRE.FindAllSubmatch(m[1], -1) {
		found = true
		switch {
		case len(a[1]) > 0:
			id = string(a[1])
		default:
			id = string(a[2]) + string(a[3]) + string(a[4])
		}
	}
	return id, found
}

// htmlRefs tokenizes raw HTML with x/net/html and records href/src values and
// id/name anchors at their exact offsets. Comments are skipped by the tokenizer.
func htmlRefs(post *Post, start, stop int) {
	raw := post.Body[start:stop]
	if bytes.IndexByte(raw, '=') < 0 {
		return // no attribute has a value: most inline HTML (<br>, </div>)
	}
	z := html.NewTokenizer(bytes.NewReader(raw))
	off := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		tokRaw := z.Raw()
		tokStart := off
		off += len(tokRaw)
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tag, hasAttr := z.TagName()
		cursor := 0
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			key := string(k)
			val := string(v)
			if len(val) == 0 || (strings.HasPrefix(val, "{") && !strings.HasPrefix(val, "{{") && !strings.HasPrefix(val, "{%")) {
				continue // empty, or an MDX expression (template tags are the link rule's)
			}
			i := bytes.Index(tokRaw[cursor:], v)
			vs := start + tokStart + cursor
			if i >= 0 {
				vs += i
				cursor += i + len(v)
			}
			r := post.Lines.Range(vs, vs+len(v))
			ds, de := 0, 0
			if i >= 0 {
				ds, de = vs, vs+len(v)
			}
			switch key {
			case "href":
				post.Refs = append(post.Refs, Ref{Kind: RefHTMLHref, Dest: val, Range: r, Attr: string(tag) + " href", DestStart: ds, DestEnd: de})
			case "src":
				post.Refs = append(post.Refs, Ref{Kind: RefHTMLSrc, Dest: val, Range: r, Attr: string(tag) + " src", DestStart: ds, DestEnd: de})
			case "id", "name":
				if key == "id" || string(tag) == "a" {
					post.Anchors = append(post.Anchors, val)
				}
			}
		}
	}
}

// refLabel normalises a reference label the way CommonMark matches them:
// case-folded, with runs of whitespace collapsed.
func refLabel(b []byte) string {
	return strings.ToLower(strings.Join(strings.Fields(string(b)), " "))
}

// JSX components in MDX: an opening tag that is not self-closing, and a
// closing tag. Component names start with an upper-case letter.
var (
	jsxTagRE  = regexp.MustCompile(`<(/?)([A-Z][A-Za-z0-9_.]*)((?:\s[^<>]*?)?)(/?)>`)
	jsxNameRE = regexp.MustCompile(`\bname=["']([^"']*)["']`)
)

// componentStack follows which JSX components are open, to give tables
// inside them the row anchors that Docusaurus-style API tables render: an
// APITable gives each body row the id of its first cell's text, prefixed
// by "name-" when the component has a name attribute.
type componentStack []string // the name attribute of each open component

func (c *componentStack) scan(b []byte) {
	for _, m := range jsxTagRE.FindAllSubmatch(b, -1) {
		switch {
		case len(m[1]) > 0:
			if len(*c) > 0 {
				*c = (*c)[:len(*c)-1]
			}
		case len(m[4]) == 0:
			name := ""
			if nm := jsxNameRE.FindSubmatch(m[3]); nm != nil {
				name = string(nm[1])
			}
			*c = append(*c, name)
		}
	}
}

func (c componentStack) rowAnchors(t *east.Table, src []byte) []string {
	if len(c) == 0 {
		return nil
	}
	prefix := c[len(c)-1]
	var out []string
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		if _, ok := row.(*east.TableRow); !ok || row.FirstChild() == nil {
			continue
		}
		id := strings.TrimSpace(plainText(row.FirstChild(), src))
		if id == "" {
			continue
		}
		if prefix != "" {
			id = prefix + "-" + id
		}
		out = append(out, id)
	}
	return out
}
