package slug

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/rangetable"
)

// githubUnicode is the Unicode version github-slugger 2.0.0 built its
// regular expression from; a code point unassigned there is dropped even
// if a later version assigns it.
const githubUnicode = "13.0.0"

var githubAssigned = rangetable.Assigned(githubUnicode)

// githubDropped are the general categories github-slugger removes: other
// numbers, all punctuation but connectors, symbols, controls, private use,
// format characters and separators. " " and "-" are exceptions, and so is
// every Alphabetic code point (some are symbols, such as Ⓐ).
var githubDropped = []*unicode.RangeTable{
	unicode.No, unicode.Pe, unicode.Pf, unicode.Pi, unicode.Ps, unicode.Po, unicode.Pd,
	unicode.S, unicode.Cc, unicode.Co, unicode.Cf, unicode.Z,
}

// GitHub slugs text as github-slugger's slug() does (Docusaurus, Astro,
// Starlight, rehype-slug, mdc): lower-case it as JavaScript does, drop the
// characters above, and turn each space into "-". Nothing is trimmed or
// collapsed.
func GitHub(text string) string {
	var b strings.Builder
	for _, r := range cases.Lower(language.Und).String(text) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || !githubDrops(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

func githubDrops(r rune) bool {
	if !unicode.Is(githubAssigned, r) {
		return true
	}
	if unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_Alphabetic, r) {
		return false
	}
	return unicode.In(r, githubDropped...)
}

// githubSlugger is github-slugger's class: a repeat of a base slug gets the
// base's next count, skipping any id already handed out, so "foo", "foo-1"
// (as text), "foo" give foo, foo-1, foo-2.
type githubSlugger struct{ seen map[string]int }

func (s *githubSlugger) Slug(text string) string { return s.unique(GitHub(text)) }

func (s *githubSlugger) unique(base string) string {
	slug := base
	for {
		if _, taken := s.seen[slug]; !taken {
			break
		}
		s.seen[base]++
		slug = base + "-" + strconv.Itoa(s.seen[base])
	}
	s.seen[slug] = 0
	return slug
}

// Explicit returns id unchanged: rehype-slug and Docusaurus keep a given id
// as it is (spaces included) and do not tell the slugger about it.
func (s *githubSlugger) Explicit(id string) string { return id }

// DocusaurusHeadingID splits Docusaurus's explicit id syntax off heading
// text: "Some heading {#some-id}" gives "Some heading", "some-id", true. The
// id is the last "{#…}" that ends the text; it may hold any character, but
// no "}" after its first and no further "{#", and it is trimmed. The text
// before it is returned without the blanks in between.
func DocusaurusHeadingID(heading string) (text, id string, ok bool) {
	if !strings.HasSuffix(heading, "}") {
		return heading, "", false
	}
	body := heading[:len(heading)-1]
	for start := 0; ; {
		i := strings.Index(body[start:], "{#")
		if i < 0 {
			return heading, "", false
		}
		open := start + i
		cand := body[open+2:]
		if docusaurusIDOK(cand) {
			return strings.TrimRightFunc(heading[:open], isJSSpace), strings.TrimFunc(cand, isJSSpace), true
		}
		start = open + 1
	}
}

// docusaurusIDOK follows the regular expression (?:.(?!\{#|\}))*. : at
// least one character, and none after the first is "}" or starts "{#".
func docusaurusIDOK(id string) bool {
	if id == "" {
		return false
	}
	_, first := utf8.DecodeRuneInString(id)
	rest := id[first:]
	return !strings.Contains(rest, "}") && !strings.Contains(rest, "{#") && !strings.ContainsAny(id, "\n\r\u2028\u2029")
}

// isJSSpace is JavaScript's \s and trim(): Unicode white space plus BOM.
func isJSSpace(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' }
