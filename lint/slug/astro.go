package slug

import "strings"

// StyleAstro is Astro's rehype-heading-ids: github-slugger over the text
// that remark-smartypants left (see AstroDashes), then one trailing "-"
// dropped. Astro has no {#id} syntax.
const StyleAstro = "astro"

// astroSlugger drops one trailing "-" after github-slugger has made the id
// unique, as rehype-heading-ids does (its experimentalHeadingIdCompat off).
type astroSlugger struct{ github githubSlugger }

func (s *astroSlugger) Slug(text string) string {
	return strings.TrimSuffix(s.github.Slug(text), "-")
}

// Explicit returns id unchanged: an id written in raw HTML is kept and not
// counted.
func (s *astroSlugger) Explicit(id string) string { return id }

// AstroDashes is what Astro's default smartypants does to dashes before the
// ids are made (measured with Astro 5.9.4): a run of exactly two "-" becomes
// an em dash, which github-slugger then drops; runs of three or more stay.
func AstroDashes(text string) string {
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
