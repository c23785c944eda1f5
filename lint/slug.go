package lint

import "github.com/contentlint/contentlint/lint/slug"

// Slugger turns heading text into unique anchors, one per document, the
// way one generator does (package lint/slug holds the algorithms).
type Slugger struct {
	style string
	sl    slug.Slugger
}

// NewSlugger returns a slugger for a generator style, one of
// slug.Styles(): "github" (rehype-slug), "astro", "docusaurus", "hugo",
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
	return s.sl.Slug(slug.PrepareText(s.style, text))
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
