package lint

import (
	"strconv"
	"strings"
	"unicode"
)

// Slugger turns heading text into unique anchors, one per document.
type Slugger struct {
	seen  map[string]int
	style string
}

// NewSlugger returns a slugger for a generator style: "github" (Docusaurus,
// Nuxt, Astro, Jekyll) or "hugo".
func NewSlugger(style string) *Slugger { return &Slugger{seen: map[string]int{}, style: style} }

// Slug returns the anchor for text. Repeats get -1, -2: github-slugger
// counts per base slug and skips taken ones; Hugo tries -1, -2, ... until one
// is free, and names an empty heading "heading".
func (s *Slugger) Slug(text string) string {
	if s.style == "hugo" {
		base := HugoSlug(text)
		if base == "" {
			base = "heading"
		}
		slug := base
		for i := 1; ; i++ {
			if _, taken := s.seen[slug]; !taken {
				break
			}
			slug = base + "-" + strconv.Itoa(i)
		}
		s.seen[slug] = 0
		return slug
	}
	if s.style == "astro" {
		text = smartypantsDashes(text)
	}
	base := GitHubSlug(text)
	slug := base
	for {
		if _, taken := s.seen[slug]; !taken {
			break
		}
		s.seen[base]++
		slug = base + "-" + strconv.Itoa(s.seen[base])
	}
	s.seen[slug] = 0
	if s.style == "astro" {
		// Astro's rehype-heading-ids drops one trailing "-" after
		// github-slugger has made the id unique.
		slug = strings.TrimSuffix(slug, "-")
	}
	return slug
}

// Reserve marks an explicit anchor as taken so generated ones avoid it.
func (s *Slugger) Reserve(id string) {
	if _, ok := s.seen[id]; !ok {
		s.seen[id] = 0
	}
}

// GitHubSlug follows github-slugger (used by Docusaurus, Astro and most
// remark-based generators): lower-case, then drop every character that is not
// a letter, mark, decimal or letter number, connector punctuation, "-" or " "
// (alphabetic symbols are kept), then turn each space into "-". Emoji and
// other symbols disappear; the text is not trimmed.
func GitHubSlug(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(text) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-':
			b.WriteRune(r)
		case unicode.IsLetter(r) || unicode.IsMark(r) || unicode.In(r, unicode.Nd, unicode.Nl, unicode.Pc) ||
			unicode.Is(unicode.Other_Alphabetic, r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// HugoSlug follows Hugo's default autoHeadingIDType "github": trim, then keep
// letters, decimal digits and "_" lower-cased, turn " " and "-" into "-", and
// drop everything else.
func HugoSlug(text string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(text) {
		switch {
		case r == ' ' || r == '-':
			b.WriteByte('-')
		case r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// smartypantsDashes is what Astro's default smartypants does to dashes
// before ids are made: exactly two "-" become an em dash (which
// github-slugger then drops); runs of three or more stay.
func smartypantsDashes(text string) string {
	if !strings.Contains(text, "--") {
		return text
	}
	var b strings.Builder
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && text[j] == '-' {
			j++
		}
		switch {
		case j-i == 2:
			b.WriteString("\u2014")
		case j > i:
			b.WriteString(text[i:j])
		default:
			b.WriteByte(text[i])
			j = i + 1
		}
		i = j
	}
	return b.String()
}
