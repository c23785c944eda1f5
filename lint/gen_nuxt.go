package lint

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
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

// nuxtCollection is one page collection of content.config.*: the folder
// its source glob starts in (cwd, relative to content/), the rest of the glob,
// its excludes and its route prefix.
type nuxtCollection struct {
	name     string
	cwd      string // "" or "blog" (no slashes at the ends)
	include  string // glob relative to cwd
	exclude  []string
	prefix   string // "/articles", "" for the root
	lang     string // from the i18n module's locales, when the name or cwd says
	explicit bool   // prefix written in the config
}

// nuxtModel is what the Nuxt model read from the site's config files.
type nuxtModel struct {
	v3          bool // Content 3 (content.config.* or the dependency), not v2
	collections []nuxtCollection
	redirects   map[string][]string // routeRules target → sources
	locales     []string
	defaultLang string
	notes       []string
}

var (
	nuxtCollectionRE = regexp.MustCompile(`(?:^|[\s,{])['"]?([A-Za-z_$][\w$-]*)['"]?\s*:\s*defineCollection\s*\(`)
	nuxtTypeRE       = regexp.MustCompile(`\btype:\s*['"](page|data)['"]`)
	nuxtSourceStrRE  = regexp.MustCompile(`\bsource:\s*['"]([^'"]*)['"]`)
	nuxtSourceObjRE  = regexp.MustCompile(`\bsource:\s*\{`)
	nuxtIncludeRE    = regexp.MustCompile(`\binclude:\s*['"]([^'"]*)['"]`)
	nuxtPrefixKeyRE  = regexp.MustCompile(`\bprefix:\s*['"]([^'"]*)['"]`)
	nuxtExcludeRE    = regexp.MustCompile(`\bexclude:\s*\[([^\]]*)\]`)
	nuxtRouteRulesRE = regexp.MustCompile(`\brouteRules:\s*\{`)
	nuxtRedirectRE   = regexp.MustCompile(`['"](/[^'"]*)['"]\s*:\s*\{[^{}]*?\bredirect:\s*(?:['"]([^'"]+)['"]|\{[^{}]*?\bto:\s*['"]([^'"]+)['"])`)
	nuxtI18nRE       = regexp.MustCompile(`\bi18n:\s*\{`)
	nuxtLocalesRE    = regexp.MustCompile(`\blocales:\s*\[`)
	nuxtCodeRE       = regexp.MustCompile(`\bcode:\s*['"]([^'"]+)['"]`)
	nuxtDefLocaleRE  = regexp.MustCompile(`\bdefaultLocale:\s*['"]([^'"]+)['"]`)
	nuxtContentDepRE = regexp.MustCompile(`"@nuxt/content"\s*:\s*"[~^>=v]*(\d+)`)
)

// readNuxtModel reads content.config.*, nuxt.config.* and package.json. It
// is JavaScript read by light patterns: what is computed is missed, and a
// note says so where it matters.
func readNuxtModel(root string) *nuxtModel {
	m := &nuxtModel{redirects: map[string][]string{}}
	cc := readFirst(root, "content.config.ts", "content.config.js", "content.config.mjs", "content.config.mts")
	if pkg, err := os.ReadFile(filepath.Join(root, "package.json")); err == nil {
		if d := nuxtContentDepRE.FindSubmatch(pkg); d != nil && string(d[1]) >= "3" {
			m.v3 = true
		}
		if bytes.Contains(pkg, []byte(`"@nuxt/content": "latest"`)) {
			m.v3 = true
		}
	}
	if cc != "" {
		m.v3 = true
		for _, loc := range nuxtCollectionRE.FindAllStringSubmatchIndex(cc, -1) {
			args := parenBlock(cc[loc[1]-1:])
			m.addCollection(cc[loc[2]:loc[3]], args)
		}
		if len(m.collections) == 0 && strings.Contains(cc, "defineCollection") {
			m.notes = append(m.notes, "content.config: collections are built in code contentlint cannot read; every file under content/ is taken as a page at its path")
		}
	}
	if len(m.collections) == 0 {
		// Without collections, Content serves every file of content/ at its path.
		m.collections = []nuxtCollection{{name: "content", include: "**"}}
	}
	nc := readFirst(root, "nuxt.config.ts", "nuxt.config.js", "nuxt.config.mjs")
	if loc := nuxtRouteRulesRE.FindStringIndex(nc); loc != nil {
		rules := parenLike(nc[loc[1]-1:], '{', '}')
		for _, r := range nuxtRedirectRE.FindAllStringSubmatch(rules, -1) {
			to := r[2]
			if to == "" {
				to = r[3]
			}
			if strings.HasPrefix(to, "/") && !strings.ContainsAny(r[1], "*:") {
				t := NormalizeURLPath(to)
				m.redirects[t] = append(m.redirects[t], NormalizeURLPath(r[1]))
			}
		}
	}
	if loc := nuxtI18nRE.FindStringIndex(nc); loc != nil {
		block := nc[loc[1]-1:]
		block = block[:len(parenLike(block, '{', '}'))]
		if d := nuxtDefLocaleRE.FindStringSubmatch(block); d != nil {
			m.defaultLang = d[1]
		}
		if l := nuxtLocalesRE.FindStringIndex(block); l != nil {
			list := parenLike(block[l[1]-1:], '[', ']')
			codes := nuxtCodeRE.FindAllStringSubmatch(list, -1)
			if len(codes) == 0 {
				codes = dcStringRE.FindAllStringSubmatch(list, -1)
			}
			for _, c := range codes {
				m.locales = append(m.locales, c[1])
			}
		}
	}
	m.assignLocales()
	return m
}

// addCollection reads one defineCollection({...}) call. Data collections
// have no pages; a source Content cannot be read from (a remote repository,
// a computed value) is left out with a note.
func (m *nuxtModel) addCollection(name, args string) {
	raw := args
	if i := strings.IndexByte(args, '{'); i >= 0 {
		raw = parenLike(args[i:], '{', '}')
	}
	body := topLevel(raw)
	if t := nuxtTypeRE.FindStringSubmatch(body); t == nil || t[1] != "page" {
		return
	}
	add := func(src, prefix string, explicit bool, exclude []string) {
		c := nuxtCollection{name: name, exclude: exclude, explicit: explicit}
		fixed, rest := src, ""
		if i := strings.IndexAny(src, "*?{["); i >= 0 {
			fixed = src[:strings.LastIndex(src[:i], "/")+1]
			rest = src[len(fixed):]
		} else {
			// A plain file name: the fixed part is its folder.
			fixed = src[:strings.LastIndex(src, "/")+1]
			rest = src[len(fixed):]
		}
		c.cwd = strings.Trim(fixed, "/")
		c.include = rest
		if !explicit {
			prefix = nuxtOrderless("/" + c.cwd)
		}
		c.prefix = strings.TrimSuffix(NormalizeURLPath(prefix), "/")
		m.collections = append(m.collections, c)
	}
	if sm := nuxtSourceStrRE.FindStringSubmatch(body); sm != nil {
		add(sm[1], "", false, nil)
		return
	}
	loc := nuxtSourceObjRE.FindStringIndex(raw)
	if loc == nil {
		m.notes = append(m.notes, fmt.Sprintf("content.config: collection %s has a source contentlint cannot read; its pages are not modelled", name))
		return
	}
	src := topLevel(parenLike(raw[loc[1]-1:], '{', '}'))
	inc := nuxtIncludeRE.FindStringSubmatch(src)
	if inc == nil || strings.Contains(src, "repository:") || strings.Contains(src, "cwd:") {
		m.notes = append(m.notes, fmt.Sprintf("content.config: collection %s reads from outside content/ or a repository; its pages are not modelled", name))
		return
	}
	prefix, explicit := "", false
	if p := nuxtPrefixKeyRE.FindStringSubmatch(src); p != nil {
		prefix, explicit = p[1], true
	}
	var exclude []string
	if ex := nuxtExcludeRE.FindStringSubmatch(src); ex != nil {
		for _, e := range dcStringRE.FindAllStringSubmatch(ex[1], -1) {
			exclude = append(exclude, e[1])
		}
	}
	add(inc[1], prefix, explicit, exclude)
}

// assignLocales gives a collection the i18n locale its name ends in
// (content_fr, docs-fr) or its folder starts with (fr/**).
func (m *nuxtModel) assignLocales() {
	if len(m.locales) == 0 {
		return
	}
	if m.defaultLang == "" {
		m.defaultLang = m.locales[0]
	}
	for i := range m.collections {
		c := &m.collections[i]
		first, _, _ := strings.Cut(c.cwd, "/")
		for _, l := range m.locales {
			n := strings.ToLower(c.name)
			if strings.EqualFold(first, l) || strings.HasSuffix(n, "_"+strings.ToLower(l)) || strings.HasSuffix(n, "-"+strings.ToLower(l)) {
				c.lang = l
			}
		}
	}
}

// collectionFor finds the first collection whose source takes the file at
// rel (relative to content/, with /), and the file's path under its cwd.
func (m *nuxtModel) collectionFor(rel string) (*nuxtCollection, string) {
	for i := range m.collections {
		c := &m.collections[i]
		sub := rel
		if c.cwd != "" {
			var ok bool
			if sub, ok = strings.CutPrefix(rel, c.cwd+"/"); !ok {
				continue
			}
		}
		if ok, _ := doublestar.Match(c.include, sub); !ok {
			continue
		}
		excluded := false
		for _, ex := range c.exclude {
			if ok, _ := doublestar.Match(ex, rel); ok {
				excluded = true
			}
		}
		if !excluded {
			return c, sub
		}
	}
	return nil, ""
}

// parenBlock returns s (starting at "(") up to its matching ")".
func parenBlock(s string) string { return parenLike(s, '(', ')') }

// parenLike returns s up to the closer that matches its first opener,
// skipping quoted strings; all of s when it is not closed.
func parenLike(s string, open, closer byte) string {
	depth := 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"' || c == '`':
			quote = c
		case c == open:
			depth++
		case c == closer:
			depth--
			if depth == 0 {
				return s[:i+1]
			}
		}
	}
	return s
}

// nuxtContent models Nuxt Content: the page collections of content.config.*
// (source globs, excludes, prefixes), numeric order prefixes, routeRules
// redirects, the i18n module's locales, Vue pages as routes, MDC components.
type nuxtContent struct{}

func (nuxtContent) Name() string { return "nuxt-content" }

func (nuxtContent) Detect(dir string) bool {
	return hasFile(dir, "nuxt.config.ts", "nuxt.config.js") && hasDir(dir, "content")
}

// Roots are the folders the page collections read, each once.
func (nuxtContent) Roots(root string) []ContentRoot {
	var out []ContentRoot
	seen := map[string]bool{}
	add := rootAdder(root, &out)
	for _, c := range readNuxtModel(root).collections {
		dir := strings.TrimSuffix("content/"+c.cwd, "/")
		if !seen[dir] {
			seen[dir] = true
			add(dir, c.prefix, KindGeneric)
			if n := len(out); n > 0 && out[n-1].Dir == filepath.Join(root, filepath.FromSlash(dir)) {
				out[n-1].Lang = c.lang
			}
		}
	}
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
	m := readNuxtModel(s.Root)
	s.genData = m
	if len(m.collections) > 0 && m.collections[0].include == "**" && m.collections[0].name == "content" && !m.v3 {
		s.Notes = append(s.Notes, "Nuxt Content 2 (no content.config): files and folders starting with _ are partials")
	}
	s.Notes = append(s.Notes, m.notes...)
	for t, froms := range m.redirects {
		s.Redirects[t] = append(s.Redirects[t], froms...)
		for _, f := range froms {
			s.pageRoutes[f] = true
		}
	}
	if len(m.locales) > 0 {
		s.Languages = append(s.Languages, m.defaultLang)
		for _, l := range m.locales {
			if l != m.defaultLang {
				s.Languages = append(s.Languages, l)
			}
		}
	}
	return nil
}

func nuxtState(s *Site) *nuxtModel {
	if m, ok := s.genData.(*nuxtModel); ok {
		return m
	}
	return &nuxtModel{collections: []nuxtCollection{{name: "content", include: "**"}}}
}

// PageURL is the collection's prefix and the file's path under the
// collection's folder, order prefixes (1.) gone, index standing for its
// folder.
func (nuxtContent) PageURL(s *Site, e *Entry, _ ContentRoot, _ string) (string, bool) {
	c, sub := nuxtState(s).collectionFor(relSlash(filepath.Join(s.Root, "content"), e.Abs))
	if c == nil {
		return "", false
	}
	if c.lang != "" && e.Lang == "" {
		e.Lang = c.lang
	}
	return NormalizeURLPath(nuxtOrderless(c.prefix + "/" + collapsePath(sub, true))), true
}

// nuxtOrderless drops the order prefix (1.) of every segment of a path.
func nuxtOrderless(p string) string {
	segs := strings.Split(p, "/")
	for i, sg := range segs {
		segs[i] = nuxtPrefixRE.ReplaceAllString(sg, "")
	}
	return strings.Join(segs, "/")
}

// Partial: Content 3 renders what a page collection's source takes, `_`
// files included; Content 2 skipped `_` files and folders.
func (nuxtContent) Partial(s *Site, abs string) bool {
	m := nuxtState(s)
	if !m.v3 {
		return underscorePartial(s, abs)
	}
	c, _ := m.collectionFor(relSlash(filepath.Join(s.Root, "content"), abs))
	return c == nil
}
func (nuxtContent) GeneratedRoute(s *Site, p string) bool { return s.pageRoutes[p] }

func (nuxtContent) OwnsURL(*Site, string) bool { return true }

func (nuxtContent) Dialect(string) (string, []string) { return DialectMDC, nil }

func (nuxtContent) Traits() Traits {
	// MDC has no `{#id}` heading syntax: the braces are heading text.
	return Traits{SlugStyle: "mdc", FieldURLs: true, OrderPrefixes: true, NoHeadingAttributes: true}
}

func (nuxtContent) CheckDate(raw string) (string, bool) { return checkDateCommon(raw) }

func (nuxtContent) Required(s *Site, abs string, fm *Value, cfg []string) []string {
	return requiredAsConfigured(s, abs, fm, cfg)
}

// fingerprint covers what the model read, for the index cache.
func (m *nuxtModel) fingerprint() string {
	return fmt.Sprintf("%v %+v %v %v %q", m.v3, m.collections, m.redirects, m.locales, m.defaultLang)
}
