package slug

import "strings"

// MDC is the clean-up nuxt-modules/mdc applies to every heading id, the
// github-slugger one and an explicit one alike: runs of "-" become one,
// a leading and a trailing "-" go, and a leading digit gets "_" before it
// ("1-introduction" → "_1-introduction").
func MDC(id string) string {
	var b strings.Builder
	for i := 0; i < len(id); i++ {
		if id[i] == '-' && i > 0 && id[i-1] == '-' {
			continue
		}
		b.WriteByte(id[i])
	}
	s := b.String()
	s = strings.TrimPrefix(s, "-")
	s = strings.TrimSuffix(s, "-")
	if s != "" && s[0] >= '0' && s[0] <= '9' {
		s = "_" + s
	}
	return s
}

// mdcSlugger counts with github-slugger before the clean-up, as mdc does,
// so "-Foo" and "Foo" both end up "foo": mdc does not make those unique.
type mdcSlugger struct{ github githubSlugger }

func (s *mdcSlugger) Slug(text string) string { return MDC(s.github.Slug(text)) }

// Explicit cleans id up too, and does not register it.
func (s *mdcSlugger) Explicit(id string) string { return MDC(id) }
