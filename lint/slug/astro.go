package slug

import "strings"

// Smartypants is what remark-smartypants (retext-smartypants 6, Astro's
// default markdown.smartypants) does to heading text in a way an id can
// see: exactly two hyphens become an em dash ("---" stays), and three or
// more dots, or three runs of dots with blanks between, become an
// ellipsis (the blanks go with them). Its curly quotes are left out: a
// quote of either kind is dropped from an id anyway.
func Smartypants(s string) string {
	if !strings.Contains(s, "--") && strings.Count(s, ".") < 3 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		switch c := s[i]; c {
		case '-':
			n := run(s[i:], '-')
			if n == 2 {
				b.WriteString("—")
			} else {
				b.WriteString(s[i : i+n])
			}
			i += n
		case '.':
			if n := spacedDots(s[i:]); n > 0 {
				b.WriteString("…")
				i += n
				continue
			}
			n := run(s[i:], '.')
			if n >= 3 {
				b.WriteString("…")
			} else {
				b.WriteString(s[i : i+n])
			}
			i += n
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// run is how many times c repeats at the start of s.
func run(s string, c byte) int {
	n := 0
	for n < len(s) && s[n] == c {
		n++
	}
	return n
}

// spacedDots is the length of ". . ." at the start of s: three runs of
// dots with blanks between, or 0.
func spacedDots(s string) int {
	i := 0
	for k := range 3 {
		if k > 0 {
			blanks := len(s[i:]) - len(strings.TrimLeft(s[i:], " \t"))
			if blanks == 0 {
				return 0
			}
			i += blanks
		}
		n := run(s[i:], '.')
		if n == 0 {
			return 0
		}
		i += n
	}
	return i
}

// astroSlugger is Astro 5's rehypeHeadingIds: github-slugger, then one
// trailing "-" dropped unless experimental.headingIdCompat is set. The
// slugger counts the id before the drop, so "x-" and "x" both give "x".
type astroSlugger struct {
	github githubSlugger
	compat bool
}

func (s *astroSlugger) Slug(text string) string {
	id := s.github.Slug(text)
	if !s.compat {
		id = strings.TrimSuffix(id, "-")
	}
	return id
}

// Explicit keeps a given id, not registered, as rehype-slug does.
func (s *astroSlugger) Explicit(id string) string { return id }
