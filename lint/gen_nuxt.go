package lint

import (
	"io/fs"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// nuxtPages lists the routes of Nuxt's file-routed pages (pages/ or, in
// Nuxt 4, app/pages/): static routes, and the static prefix of each dynamic
// one ([id].vue, [...slug].vue). A dynamic page at the root is the catch-all
// that renders the content, so it adds no prefix.
func nuxtPages(root string) (map[string]bool, []string) {
	routes := map[string]bool{}
	var dynamic []string
	for _, dir := range []string{"pages", "app/pages"} {
		base := filepath.Join(root, filepath.FromSlash(dir))
		_ = filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
			// An absent or unreadable folder gives no routes.
			if err != nil || d.IsDir() || filepath.Ext(p) != ".vue" || strings.Contains("/"+relSlash(base, p), "/.") {
				return err
			}
			var segs []string
			for _, sg := range strings.Split(strings.TrimSuffix(relSlash(base, p), ".vue"), "/") {
				if strings.Contains(sg, "[") {
					if len(segs) > 0 {
						dynamic = append(dynamic, "/"+strings.Join(segs, "/"))
					}
					return nil
				}
				segs = append(segs, sg)
			}
			if segs[len(segs)-1] == "index" {
				segs = segs[:len(segs)-1]
			}
			routes[NormalizeURLPath("/"+strings.Join(segs, "/"))] = true
			return nil
		})
	}
	sort.Strings(dynamic)
	return routes, dynamic
}

// nuxtContent models Nuxt Content: content/ with numeric order prefixes,
// Vue pages as routes, MDC components.
type nuxtContent struct{}

func (nuxtContent) Name() string { return "nuxt-content" }

func (nuxtContent) Detect(dir string) bool {
	return hasFile(dir, "nuxt.config.ts", "nuxt.config.js") && hasDir(dir, "content")
}

func (nuxtContent) Roots(root string) []ContentRoot {
	var out []ContentRoot
	rootAdder(root, &out)("content", "", KindGeneric)
	return out
}

var nuxtSiteRE = regexp.MustCompile(`\bsite:\s*\{[^{}]*?\burl:\s*['"](https?://[^'"]+)['"]`)

func (nuxtContent) Defaults(cfg *Config) {
	setList(&cfg.Static, "public")
	setStr(&cfg.Cover.Field, "cover")
	if m := nuxtSiteRE.FindStringSubmatch(readFirst(cfg.Root, "nuxt.config.ts", "nuxt.config.js")); len(cfg.BaseURL) == 0 && m != nil {
		cfg.BaseURL = StringList{m[1]}
	}
}

func (nuxtContent) Configure(s *Site) error {
	s.pageRoutes, s.dynamicPrefixes = nuxtPages(s.Root)
	return nil
}

func (nuxtContent) PageURL(*Site, *Entry, ContentRoot, string) (string, bool) { return "", false }

func (nuxtContent) Partial(s *Site, abs string) bool { return underscorePartial(s, abs) }

func (nuxtContent) GeneratedRoute(s *Site, p string) bool { return s.pageRoutes[p] }

func (nuxtContent) OwnsURL(*Site, string) bool { return true }

func (nuxtContent) Dialect(string) (string, []string) { return DialectMDC, nil }

func (nuxtContent) Traits() Traits {
	return Traits{SlugStyle: "github", FieldURLs: true, OrderPrefixes: true}
}

func (nuxtContent) CheckDate(raw string) (string, bool) { return checkDateCommon(raw) }

func (nuxtContent) Required(s *Site, abs string, fm *Value, cfg []string) []string {
	return requiredAsConfigured(s, abs, fm, cfg)
}
