package lint

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// usesStarlight reports whether an Astro site's config loads Starlight,
// whose asides are `:::note`, `:::tip`, `:::caution` and `:::danger`.
func usesStarlight(root string) bool {
	for _, name := range []string{"astro.config.mjs", "astro.config.ts", "astro.config.js", "astro.config.mts"} {
		if b, err := os.ReadFile(filepath.Join(root, name)); err == nil && bytes.Contains(b, []byte("@astrojs/starlight")) {
			return true
		}
	}
	return false
}

// astro models Astro: collections under src/content served under their
// name, src/pages, and Starlight's asides when it is loaded.
type astro struct{}

func (astro) Name() string { return "astro" }

func (astro) Detect(dir string) bool {
	return hasFile(dir, "astro.config.mjs", "astro.config.ts", "astro.config.js")
}

func (astro) Roots(root string) []ContentRoot {
	var out []ContentRoot
	add := rootAdder(root, &out)
	ents, _ := os.ReadDir(filepath.Join(root, "src", "content"))
	for _, e := range ents {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") && !strings.HasPrefix(e.Name(), "_") {
			add("src/content/"+e.Name(), "/"+e.Name(), KindCollection)
		}
	}
	add("src/pages", "", KindPages)
	return out
}

var (
	astroSiteRE = regexp.MustCompile(`\bsite:\s*['"](https?://[^'"]+)['"]`)
	astroBaseRE = regexp.MustCompile(`\bbase:\s*['"](/[^'"]*)['"]`)
)

func (astro) Defaults(cfg *Config) {
	setList(&cfg.Static, "public")
	setStr(&cfg.Cover.Field, "cover")
	if len(cfg.BaseURL) > 0 {
		return
	}
	src := readFirst(cfg.Root, "astro.config.mjs", "astro.config.ts", "astro.config.js")
	if m := astroSiteRE.FindStringSubmatch(src); m != nil {
		u := m[1]
		if b := astroBaseRE.FindStringSubmatch(src); b != nil {
			u = strings.TrimSuffix(m[1], "/") + b[1]
		}
		cfg.BaseURL = StringList{u}
	}
}

func (astro) Configure(*Site) error { return nil }

func (astro) PageURL(_ *Site, e *Entry, root ContentRoot, rel string) (string, bool) {
	if root.Kind != KindCollection {
		return "", false
	}
	if slug := fieldString(e.Fields, "slug"); slug != "" {
		return root.Base + "/" + strings.Trim(slug, "/"), true
	}
	return root.Base + "/" + collapsePath(rel, false), true
}

func (astro) Partial(s *Site, abs string) bool { return underscorePartial(s, abs) }

func (astro) GeneratedRoute(*Site, string) bool { return false }

func (astro) OwnsURL(s *Site, p string) bool { return ownsUnderRootBase(s, p) }

// Dialect: Starlight's asides are remark-directive containers with four
// names; plain Astro has none.
func (astro) Dialect(root string) (string, []string) {
	if usesStarlight(root) {
		return DialectDocusaurus, []string{"note", "tip", "caution", "danger"}
	}
	return DialectNone, nil
}

func (astro) Traits() Traits { return Traits{SlugStyle: "github", FieldURLs: true} }

func (astro) CheckDate(raw string) (string, bool) { return checkDateCommon(raw) }

func (astro) Required(s *Site, abs string, fm *Value, cfg []string) []string {
	return requiredAsConfigured(s, abs, fm, cfg)
}
