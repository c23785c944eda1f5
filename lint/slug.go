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

// Slug returns the anchor for text, suffixing -1, -2 for repeats.
func (s *Slugger) Slug(text string) string {
	base := GitHubSlug(text)
	if s.style == "hugo" {
		base = HugoSlug(text)
	}
	slug := base
	for {
		n, ok := s.seen[slug]
		if !ok {
			break
		}
		s.seen[base] = n + 1
		slug = base + "-" + strconv.Itoa(s.seen[base])
		if _, taken := s.seen[slug]; !taken {
			break
		}
	}
	s.seen[slug] = 0
	return slug
}

// Reserve marks an explicit anchor as taken so generated ones avoid it.
func (s *Slugger) Reserve(id string) {
	if _, ok := s.seen[id]; !ok {
		s.seen[id] = 0
	}
}

// GitHubSlug follows github-slugger: lower-case, drop punctuation, spaces to
// hyphens.
func GitHubSlug(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(text) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_':
			b.WriteRune(r)
		case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// HugoSlug follows Hugo's default (goldmark "github" autoHeadingIDType), which
// differs from github-slugger only in how it treats some symbols.
func HugoSlug(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(text)) {
		switch {
		case r == ' ' || r == '\t':
			b.WriteByte('-')
		case r == '-' || r == '_':
			b.WriteRune(r)
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}
