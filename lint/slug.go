package lint

import (
	"strings"

	"github.com/contentlint/contentlint/lint/slug"
)

// Slugger turns heading text into unique anchors, one per document, the
// way one generator does (package lint/slug holds the algorithms).
type Slugger struct {
	style string
	sl    slug.Slugger
	// plain: the generator's typographer is off (Hugo's
	// markup.goldmark.extensions.typographer = false); entities are still
	// resolved as its style does.
	plain bool
}

// NewSlugger returns a slugger for a generator style, one of
// slug.Styles(): "github" (rehype-slug, Astro), "docusaurus", "hugo",
// "kramdown-gfm" (Jekyll), "mdc" (Nuxt Content) and a few more. An unknown
// style gets "github".
func NewSlugger(style string) *Slugger {
	sl, err := slug.New(style)
	if err != nil {
		style = slug.StyleGitHub
		sl, _ = slug.New(style)
	}
	return &Slugger{style: style, sl: sl}
}

// Slug returns the anchor for a heading's text as it stands in the source:
// the generator's text preparation (entities, typographer) comes first.
func (s *Slugger) Slug(text string) string {
	return s.sl.Slug(prepareRuns(s.prepare, text))
}

// prepare is the generator's text preparation of one run outside code.
func (s *Slugger) prepare(text string) string {
	if s.plain && strings.HasPrefix(s.style, slug.StyleHugo) {
		return slug.DecodeNamedEntities(text) // the typographer is off
	}
	return slug.PrepareText(s.style, text)
}

// codeOpen and codeClose bracket a code span's text in heading text given
// to Slug (private-use runes, never in real headings), so that the text
// preparation leaves code alone.
const (
	codeOpen  = '\uE000'
	codeClose = '\uE001'
)

// prepareRuns prepares the text outside code spans and keeps code as it is.
func prepareRuns(prepare func(string) string, text string) string {
	if !strings.ContainsRune(text, codeOpen) {
		return prepare(text)
	}
	var b strings.Builder
	for {
		i := strings.IndexRune(text, codeOpen)
		if i < 0 {
			b.WriteString(prepare(text))
			return b.String()
		}
		b.WriteString(prepare(text[:i]))
		code, rest, _ := strings.Cut(text[i+len(string(codeOpen)):], string(codeClose))
		b.WriteString(code)
		text = rest
	}
}

// unmarkCode drops the code span markers.
func unmarkCode(s string) string {
	if !strings.ContainsRune(s, codeOpen) {
		return s
	}
	return strings.NewReplacer(string(codeOpen), "", string(codeClose), "").Replace(s)
}

// WithoutTypographer makes the slugger skip the typographer, for a site
// that turns it off.
func (s *Slugger) WithoutTypographer() *Slugger {
	s.plain = true
	return s
}

// Reserve tells the slugger about an explicit anchor. Only Hugo registers
// explicit ids; github-slugger based generators and kramdown do not, so a
// generated anchor may equal an explicit one there, as in their output.
func (s *Slugger) Reserve(id string) { s.Explicit(id) }

// Explicit returns the anchor a heading with an explicit id gets (mdc cleans
// it up; the others keep it) and registers it where the generator does.
func (s *Slugger) Explicit(id string) string { return s.sl.Explicit(id) }

// GitHubSlug is github-slugger's slug of text, without counting repeats.
func GitHubSlug(text string) string { return slug.GitHub(text) }

// HugoSlug is Hugo's autoIDType "github" for text, without counting repeats.
func HugoSlug(text string) string { return slug.HugoGitHub(text) }
