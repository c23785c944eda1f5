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
}

// NewParser builds the goldmark parser for a site.
func NewParser(site *Site) *Parser {
	exts := []goldmark.Extender{extension.GFM, extension.Footnote}
	exts = append(exts, site.Extensions...)
	md := goldmark.New(
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(parser.WithAttribute()),
	)
	return &Parser{md: md, slugStyle: site.SlugStyle}
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
	atxRE      = regexp.MustCompile(`^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$`)
	explicitID = regexp.MustCompile(`\s*\{#([^}\s]+)\}\s*$`)
	htmlIDRE   = regexp.MustCompile(`\b(?:id|name)\s*=\s*["']([^"']+)["']`)
)

// ParseLight indexes a post from its front matter and headings only; it is
// how files outside the requested set are read (pre-commit runs).
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
	sl := NewSlugger(p.slugStyle)
	fence := ""
	for _, line := range strings.Split(string(src[start:]), "\n") {
		t := strings.TrimSpace(line)
		if fence != "" {
			if strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = t[:3]
			continue
		}
		if m := atxRE.FindStringSubmatch(strings.TrimRight(line, "\r")); m != nil {
			h := m[2]
			if id := explicitID.FindStringSubmatch(h); id != nil {
				sl.Reserve(id[1])
				post.Anchors = append(post.Anchors, id[1])
				continue
			}
			post.Anchors = append(post.Anchors, sl.Slug(stripInlineMarkdown(h)))
			continue
		}
		if strings.Contains(line, "<") {
			for _, m := range htmlIDRE.FindAllStringSubmatch(line, -1) {
				post.Anchors = append(post.Anchors, m[1])
			}
		}
	}
	return post
}

var inlineMDRE = regexp.MustCompile("[*_`]|\\[([^\\]]*)\\]\\([^)]*\\)")

func stripInlineMarkdown(s string) string {
	return inlineMDRE.ReplaceAllStringFunc(s, func(m string) string {
		if strings.HasPrefix(m, "[") {
			return m[1:strings.Index(m, "]")]
		}
		return ""
	})
}
