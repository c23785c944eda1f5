package lint

import (
	"strings"
)

// Root kinds name the URL scheme of a content root.
const (
	KindGeneric    = ""           // /:path, or the configured permalink
	KindDocs       = "docs"       // Docusaurus docs: id, slug, number prefixes
	KindBlog       = "blog"       // Docusaurus blog: date-prefixed names, slug
	KindPages      = "pages"      // file-routed pages (/:path)
	KindPosts      = "posts"      // Jekyll _posts: /:year/:month/:day/:slug
	KindCollection = "collection" // Astro content collection: /<collection>/:slug
)

// presetDefaults fills unset config from the generator's conventions.
func presetDefaults(cfg *Config, g Generator) {
	if len(cfg.Content) == 0 {
		for _, r := range g.Roots(cfg.Root) {
			cfg.Content = append(cfg.Content, relSlash(cfg.Root, r.Dir))
		}
	}
	g.Defaults(cfg)
	d, _ := g.Dialect(cfg.Root)
	setStr(&cfg.Admonitions.Dialect, d)
	setStr(&cfg.Cover.Field, "cover")
	setStr(&cfg.Alternates.Field, "alternates")
}

// presetRootFor gives the preset's base and kind for a configured folder.
func presetRootFor(roots []ContentRoot, abs string) (ContentRoot, bool) {
	for _, r := range roots {
		if r.Dir == abs {
			return r, true
		}
	}
	return ContentRoot{}, false
}

// GeneratedRoute reports whether the generator itself serves p (a URL path)
// without a source file: the home page, blog lists, tag, author and archive
// pages, feeds, doc category indexes.
func (s *Site) GeneratedRoute(p string) bool {
	p = NormalizeURLPath(p)
	if p == "/" || p == "/sitemap.xml" || p == "/robots.txt" || p == "/404" || p == "/404.html" {
		return true
	}
	return s.gen().GeneratedRoute(s, p)
}

// OwnsURL reports whether every page under p comes from the content roots, so
// that a path reaching no post is a broken link.
func (s *Site) OwnsURL(p string) bool {
	p = NormalizeURLPath(p)
	for _, d := range s.dynamicPrefixes {
		if strings.HasPrefix(p, d+"/") {
			return false
		}
	}
	return s.gen().OwnsURL(s, p)
}

// ownsUnderRootBase is OwnsURL for generators that also route pages written
// in code, which contentlint cannot see: only paths under a content root's
// own prefix are judged.
func ownsUnderRootBase(s *Site, p string) bool {
	for _, r := range s.ContentRoots {
		b := NormalizeURLPath(r.Base)
		if b != "/" && (p == b || strings.HasPrefix(p, b+"/")) {
			return true
		}
	}
	return false
}

// underscorePartial: a file or folder whose name starts with `_` is imported
// into pages rather than published (Docusaurus, Nuxt Content, Astro).
func underscorePartial(s *Site, abs string) bool {
	root, ok := s.RootFor(abs)
	dir := s.Root
	if ok {
		dir = root.Dir
	}
	for _, seg := range strings.Split(relSlash(dir, abs), "/") {
		if strings.HasPrefix(seg, "_") {
			return true
		}
	}
	return false
}
