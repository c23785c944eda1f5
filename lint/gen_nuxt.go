package lint

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
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
	// titleRequired: the collection's schema asks for a title string.
	titleRequired bool
}

// nuxtModel is what the Nuxt model read from the site's config files.
type nuxtModel struct {
	v3          bool // Content 3 (content.config.* or the dependency), not v2
	collections []nuxtCollection
	redirects   map[string][]string // routeRules target → sources
	// redirectPatterns are routeRules redirect sources with * or :param.
	redirectPatterns []string
	locales          []string
	defaultLang      string
	notes            []string
}

var (
	nuxtCollectionRE = regexp.MustCompile(`(?:^|[\s,{])['"]?([A-Za-z_$][\w$-]*)['"]?\s*:\s*defineCollection\s*\(`)
	nuxtTypeRE       = regexp.MustCompile(`\btype:\s*['"](page|data)['"]`)
	nuxtSourceStrRE  = regexp.MustCompile(`\bsource:\s*['"]([^'"]*)['"]`)
	nuxtSourceListRE = regexp.MustCompile(`\bsource:\s*\[`)
	nuxtSourceObjRE  = regexp.MustCompile(`\bsource:\s*\{`)
	nuxtIncludeRE    = regexp.MustCompile(`\binclude:\s*['"]([^'"]*)['"]`)
	nuxtPrefixKeyRE  = regexp.MustCompile(`\bprefix:\s*['"]([^'"]*)['"]`)
	nuxtExcludeRE    = regexp.MustCompile(`\bexclude:\s*\[([^\]]*)\]`)
	nuxtRouteRulesRE = regexp.MustCompile(`\brouteRules:\s*\{`)
	nuxtRedirectRE   = regexp.MustCompile(`['"](/[^'"]*)['"]\s*:\s*\{[^{}]*?\bredirect:\s*(?:['"]([^'"]+)['"]|\{[^{}]*?\bto:\s*['"]([^'"]+)['"])`)
	// nuxtPairRE is a ['/from', '/to'] pair of a redirect table that
	// routeRules spreads in with Object.fromEntries.
	nuxtPairRE        = regexp.MustCompile(`\[\s*['"](/[^'"*:]*)['"]\s*,\s*['"](/[^'"]*)['"]\s*\]`)
	nuxtTitleSchemaRE = regexp.MustCompile(`\btitle:\s*z\.string\(\)((?:\.\w+\([^()]*\))*)`)
	nuxtModRouteRE    = regexp.MustCompile(`routeRules\[\s*['"](/[^'"*:]*)['"]\s*\]`)
	nuxtI18nRE        = regexp.MustCompile(`\bi18n:\s*\{`)
	nuxtLocalesRE     = regexp.MustCompile(`\blocales:\s*\[`)
	nuxtCodeRE        = regexp.MustCompile(`\bcode:\s*['"]([^'"]+)['"]`)
	nuxtDefLocaleRE   = regexp.MustCompile(`\bdefaultLocale:\s*['"]([^'"]+)['"]`)
	nuxtContentDepRE  = regexp.MustCompile(`"@nuxt/content"\s*:\s*"[~^>=v]*(\d+)`)
)

// readNuxtModel reads content.config.*, nuxt.config.* and package.json. It
// is JavaScript read by light patterns: what is computed is missed, and a
// note says so where it matters.
func readNuxtModel(root string) *nuxtModel {
	m := &nuxtModel{redirects: map[string][]string{}}
	cc := readFirst(root, "content.config.ts", "content.config.js", "content.config.mjs", "content.config.mts")
	if pkg, err := readSiteFile(root, "package.json"); err == nil {
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
			args := jsBalanced(cc[loc[1]-1:])
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
		rules := jsBalanced(nc[loc[1]-1:])
		for _, r := range nuxtRedirectRE.FindAllStringSubmatch(rules, -1) {
			to := r[2]
			if to == "" {
				to = r[3]
			}
			switch {
			case strings.ContainsAny(r[1], "*:"):
				// A pattern (/legacy/**) answers every path it matches.
				m.redirectPatterns = append(m.redirectPatterns, strings.ReplaceAll(r[1], "**", "*"))
			case strings.HasPrefix(to, "/"):
				t := NormalizeURLPath(to)
				m.redirects[t] = append(m.redirects[t], NormalizeURLPath(r[1]))
			}
		}
	}
	if loc := nuxtRouteRulesRE.FindStringIndex(nc); loc != nil && strings.Contains(jsBalanced(nc[loc[1]-1:]), "...") {
		// routeRules spreads tables built in code: the literal pairs of
		// the config are read as redirects, what is computed is not.
		for _, r := range nuxtPairRE.FindAllStringSubmatch(nc, -1) {
			t := NormalizeURLPath(r[2])
			m.redirects[t] = append(m.redirects[t], NormalizeURLPath(r[1]))
		}
		m.notes = append(m.notes, "nuxt.config: routeRules are partly built in code; the literal ['/from', '/to'] pairs are read as redirects, computed ones are not")
	}
	if loc := nuxtI18nRE.FindStringIndex(nc); loc != nil {
		block := nc[loc[1]-1:]
		block = block[:len(jsBalanced(block))]
		if d := nuxtDefLocaleRE.FindStringSubmatch(block); d != nil {
			m.defaultLang = d[1]
		}
		if l := nuxtLocalesRE.FindStringIndex(block); l != nil {
			list := jsBalanced(block[l[1]-1:])
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
		raw = jsBalanced(args[i:])
	}
	body := topLevel(raw)
	if t := nuxtTypeRE.FindStringSubmatch(body); t == nil || t[1] != "page" {
		return
	}
	titleRequired := false
	if t := nuxtTitleSchemaRE.FindStringSubmatch(raw); t != nil {
		titleRequired = !strings.Contains(t[1], "optional") && !strings.Contains(t[1], "default") && !strings.Contains(t[1], "nullish")
	}
	add := func(src, prefix string, explicit bool, exclude []string) {
		c := nuxtCollection{name: name, exclude: exclude, explicit: explicit, titleRequired: titleRequired}
		// The fixed part is the folder before the first glob character (or
		// the folder of a plain file name).
		head := src
		if i := strings.IndexAny(src, "*?{["); i >= 0 {
			head = src[:i]
		}
		fixed := src[:strings.LastIndex(head, "/")+1]
		rest := src[len(fixed):]
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
	if loc := nuxtSourceListRE.FindStringIndex(raw); loc != nil {
		// A list of sources: strings and { include, prefix, exclude }.
		list := jsBalanced(raw[loc[1]-1:])
		for _, g := range dcStringRE.FindAllStringSubmatch(topLevel(list), -1) {
			add(g[1], "", false, nil)
		}
		for i := 1; i < len(list); i++ {
			if list[i] == '{' {
				obj := jsBalanced(list[i:])
				m.addSource(name, obj, add)
				i += len(obj) - 1
			}
		}
		return
	}
	loc := nuxtSourceObjRE.FindStringIndex(raw)
	if loc == nil {
		m.notes = append(m.notes, fmt.Sprintf("content.config: collection %s has a source contentlint cannot read; its pages are not modelled", name))
		return
	}
	m.addSource(name, jsBalanced(raw[loc[1]-1:]), add)
}

// addSource reads one { include, prefix, exclude } source object.
func (m *nuxtModel) addSource(name, srcRaw string, add func(src, prefix string, explicit bool, exclude []string)) {
	src := topLevel(srcRaw)
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
	if ex := nuxtExcludeRE.FindStringSubmatch(srcRaw); ex != nil {
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
		if c.lang == "" {
			c.lang = m.defaultLang
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
		// An exclude glob is matched against the path under content/ and
		// under the collection's folder: sites write both.
		for _, ex := range c.exclude {
			a, _ := doublestar.Match(ex, rel)
			b, _ := doublestar.Match(ex, sub)
			excluded = excluded || a || b
		}
		if !excluded {
			return c, sub
		}
	}
	return nil, ""
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
	for _, r := range append(nuxtModuleRoutes(s.Root), hostRedirects(s.Root)...) {
		s.pageRoutes[r] = true
	}
	names, unseen := nuxtComponents(s.Root, 0)
	for _, x := range s.Extensions {
		if e, ok := x.(*directiveExtension); ok && e.dialect != DialectDocusaurus {
			e.components = uniqSorted(append(e.components, names...))
			if len(unseen) > 0 {
				e.unseen = true
				s.Notes = append(s.Notes, "components: "+strings.Join(unseen, ", ")+" may register MDC components contentlint cannot see, so unknown component names are not reported")
			}
			s.AdmonitionTypes = uniqSorted(append(s.AdmonitionTypes, names...))
		}
	}
	m := readNuxtModel(s.Root)
	s.genData = m
	if len(m.collections) > 0 && m.collections[0].include == "**" && m.collections[0].name == "content" && !m.v3 {
		s.Notes = append(s.Notes, "Nuxt Content 2 (no content.config): files and folders starting with _ are partials")
	}
	s.Notes = append(s.Notes, m.notes...)
	for _, t := range slices.Sorted(maps.Keys(m.redirects)) {
		froms := m.redirects[t]
		s.Redirects[t] = append(s.Redirects[t], froms...)
		s.RedirectSources = append(s.RedirectSources, froms...)
		for _, f := range froms {
			s.pageRoutes[f] = true
		}
	}
	s.RedirectSources = append(s.RedirectSources, m.redirectPatterns...)
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

// nuxtUIComponents are the names @nuxt/ui 4.11.2 makes usable in MDC: its
// prose components (global, as `::note` and `::prose-note`) and its other
// components with the U prefix (`::u-page-section`). Docus 5.12.3 adds
// none of its own: its MDC names are these. TestNuxtModuleComponents proves
// the list against the real packages.
var nuxtUIComponents = struct{ prose, prefixed []string }{
	prose: []string{
		"a", "accordion", "accordion-item", "badge", "blockquote", "callout", "card", "card-group",
		"caution", "code", "code-collapse", "code-group", "code-icon", "code-preview", "code-tree", "collapsible",
		"em", "field", "field-group", "h1", "h2", "h3", "h4", "hr",
		"icon", "img", "kbd", "li", "note", "ol", "p", "pre",
		"prompt", "script", "steps", "strong", "table", "tabs", "tabs-item", "tbody",
		"td", "th", "thead", "tip", "tr", "ul", "warning",
	},
	prefixed: []string{
		"u-accordion", "u-alert", "u-app", "u-auth-form", "u-avatar", "u-avatar-group",
		"u-badge", "u-banner", "u-blog-post", "u-blog-posts", "u-breadcrumb", "u-button",
		"u-calendar", "u-card", "u-carousel", "u-changelog-version", "u-changelog-versions", "u-chat-message",
		"u-chat-messages", "u-chat-palette", "u-chat-prompt", "u-chat-prompt-submit", "u-chat-reasoning", "u-chat-shimmer",
		"u-chat-tool", "u-checkbox", "u-checkbox-group", "u-chip", "u-collapsible", "u-color-mode-avatar",
		"u-color-mode-button", "u-color-mode-image", "u-color-mode-select", "u-color-mode-switch", "u-color-picker", "u-command-palette",
		"u-container", "u-content-navigation", "u-content-search", "u-content-search-button", "u-content-surround", "u-content-toc",
		"u-context-menu", "u-context-menu-content", "u-dashboard-group", "u-dashboard-navbar", "u-dashboard-panel", "u-dashboard-resize-handle",
		"u-dashboard-search", "u-dashboard-search-button", "u-dashboard-sidebar", "u-dashboard-sidebar-collapse", "u-dashboard-sidebar-toggle", "u-dashboard-toolbar",
		"u-drawer", "u-dropdown-menu", "u-dropdown-menu-content", "u-editor", "u-editor-drag-handle", "u-editor-emoji-menu",
		"u-editor-mention-menu", "u-editor-suggestion-menu", "u-editor-toolbar", "u-empty", "u-error", "u-field-group",
		"u-file-upload", "u-footer", "u-footer-columns", "u-form", "u-form-field", "u-header",
		"u-icon", "u-input", "u-input-date", "u-input-menu", "u-input-number", "u-input-rating",
		"u-input-tags", "u-input-time", "u-kbd", "u-link", "u-link-base", "u-listbox",
		"u-locale-select", "u-main", "u-marquee", "u-modal", "u-navigation-menu", "u-overlay-provider",
		"u-page", "u-page-anchors", "u-page-aside", "u-page-body", "u-page-card", "u-page-columns",
		"u-page-cta", "u-page-feature", "u-page-grid", "u-page-header", "u-page-hero", "u-page-links",
		"u-page-list", "u-page-logos", "u-page-section", "u-pagination", "u-pin-input", "u-popover",
		"u-pricing-plan", "u-pricing-plans", "u-pricing-table", "u-progress", "u-progress-group", "u-radio-group",
		"u-scroll-area", "u-select", "u-select-menu", "u-separator", "u-sidebar", "u-skeleton",
		"u-slideover", "u-slider", "u-splitter", "u-stepper", "u-switch", "u-table",
		"u-tabs", "u-textarea", "u-theme", "u-timeline", "u-toast", "u-toaster",
		"u-tooltip", "u-tree", "u-user",
	},
}

// NuxtModuleComponents lists the MDC component names a layer or module
// registers, as far as contentlint knows it at the versions it was tested
// with; ok is false for one it does not know (which may register any).
func NuxtModuleComponents(name string) (names []string, ok bool) {
	switch name {
	case "@nuxt/ui", "docus":
		for _, n := range nuxtUIComponents.prose {
			names = append(names, n, "prose-"+n)
		}
		return append(names, nuxtUIComponents.prefixed...), true
	case "@nuxt/image":
		return []string{"nuxt-img", "nuxt-picture"}, true
	case "@nuxt/icon":
		return []string{"icon"}, true
	}
	return nil, nuxtPlainModules[name]
}

// nuxtPlainModules register no component that content can use.
var nuxtPlainModules = map[string]bool{
	"@nuxt/content": true, "@nuxtjs/mdc": true, "@nuxtjs/i18n": true, "@nuxt/eslint": true,
	"@nuxtjs/sitemap": true, "@nuxtjs/robots": true, "@vueuse/nuxt": true, "@pinia/nuxt": true,
	"@nuxt/fonts": true, "nuxt-studio": true, "@nuxtjs/tailwindcss": true, "@nuxtjs/color-mode": true,
	"@nuxtjs/plausible": true, "@nuxt/scripts": true, "nuxt-llms": true, "@nuxt/devtools": true,
	"@nuxt/test-utils/module": true,
}

// htmlElements are the native elements MDC renders as such (`::div`).
var htmlElements = []string{
	"a", "abbr", "address", "article", "aside", "audio", "b", "bdi", "bdo", "blockquote", "br", "button",
	"canvas", "caption", "cite", "code", "col", "colgroup", "data", "dd", "del", "details", "dfn", "dialog",
	"div", "dl", "dt", "em", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
	"h4", "h5", "h6", "header", "hgroup", "hr", "i", "iframe", "img", "input", "ins", "kbd",
	"label", "legend", "li", "main", "mark", "menu", "meter", "nav", "object", "ol", "optgroup", "option",
	"output", "p", "picture", "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp", "section",
	"select", "small", "source", "span", "strong", "sub", "summary", "sup", "svg", "table", "tbody", "td",
	"template", "textarea", "tfoot", "th", "thead", "time", "tr", "track", "u", "ul", "var", "video",
	"wbr",
}

var (
	nuxtExtendsRE = regexp.MustCompile(`\bextends:\s*(\[[^\]]*\]|['"][^'"]+['"])`)
	nuxtModulesRE = regexp.MustCompile(`\bmodules:\s*\[`)
	nuxtModNameRE = regexp.MustCompile(`(?:^\[|,|\[)\s*['"]([^'"]+)['"]`)
	nuxtAddCompRE = regexp.MustCompile(`\baddComponents?(?:Dir)?\s*\(`)
)

// nuxtComponents lists the component names content of the site at root can
// use: its own global components, native elements, and those of its layers
// and modules. unseen names the layers and modules whose components
// contentlint cannot know.
func nuxtComponents(root string, depth int) (names, unseen []string) {
	names = append(names, htmlElements...)
	for _, dir := range []string{"components", "app/components"} {
		base := filepath.Join(root, filepath.FromSlash(dir))
		_ = filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err // an absent folder has no components
			}
			if d.IsDir() || !strings.HasSuffix(p, ".vue") {
				return nil
			}
			rel := relSlash(base, p)
			switch {
			case strings.HasPrefix(rel, "content/"):
				names = append(names, componentName(strings.TrimPrefix(rel, "content/")))
			case strings.HasPrefix(rel, "global/"):
				names = append(names, componentName(strings.TrimPrefix(rel, "global/")))
			case strings.HasSuffix(rel, ".global.vue"):
				names = append(names, componentName(rel))
			}
			return nil
		})
	}
	nc := readFirst(root, "nuxt.config.ts", "nuxt.config.js", "nuxt.config.mjs")
	var mods []string
	if m := nuxtExtendsRE.FindStringSubmatch(nc); m != nil {
		for _, e := range dcStringRE.FindAllStringSubmatch(m[1], -1) {
			mods = append(mods, e[1])
		}
	}
	if loc := nuxtModulesRE.FindStringIndex(nc); loc != nil {
		list := jsBalanced(nc[loc[1]-1:])
		for _, e := range nuxtModNameRE.FindAllStringSubmatch(list, -1) {
			mods = append(mods, e[1])
		}
	}
	// Nuxt also loads every module in modules/ by itself.
	if ents, err := os.ReadDir(filepath.Join(root, "modules")); err == nil {
		for _, e := range ents {
			mods = append(mods, "./modules/"+e.Name())
		}
	}
	for _, m := range mods {
		if n, ok := NuxtModuleComponents(m); ok {
			names = append(names, n...)
			continue
		}
		local := strings.TrimPrefix(strings.TrimPrefix(m, "~/"), "./")
		if strings.HasPrefix(m, "~/") || strings.HasPrefix(m, "./") || strings.HasPrefix(m, "../") {
			p := filepath.Join(root, filepath.FromSlash(local))
			if !within(root, p) || !within(resolveExisting(root), resolveExisting(p)) {
				// A layer outside the site is not read (containment): its
				// components are unknown.
				unseen = append(unseen, m)
				continue
			}
			if fi, err := os.Stat(p); err == nil && fi.IsDir() && depth < 3 && (hasFile(p, "nuxt.config.ts", "nuxt.config.js") || hasDir(p, "components")) {
				// A local layer: its components and its own layers.
				n, u := nuxtComponents(p, depth+1)
				names, unseen = append(names, n...), append(unseen, u...)
				continue
			}
			if src := readFirst(root, local, local+".ts", local+".js", local+".mjs", local+"/index.ts", local+"/index.js"); src != "" && !nuxtAddCompRE.MatchString(src) {
				continue // a local module that registers no component
			}
		}
		unseen = append(unseen, m)
	}
	return uniqSorted(names), uniqSorted(unseen)
}

func (nuxtContent) Traits() Traits {
	// MDC has no `{#id}` heading syntax: the braces are heading text.
	return Traits{SlugStyle: "mdc", FieldURLs: true, OrderPrefixes: true, NoHeadingAttributes: true}
}

func (nuxtContent) CheckDate(raw string) (string, bool) { return checkDateCommon(raw) }

// Required: Content 3 takes a page's title from its first heading, so title
// is required only where the collection's schema asks for it; a page with
// seo.title (Docus, Nuxt SEO) has one either way.
func (nuxtContent) Required(s *Site, abs string, fm *Value, cfg []string) []string {
	m := nuxtState(s)
	keepTitle := !m.v3
	if m.v3 {
		if c, _ := m.collectionFor(relSlash(filepath.Join(s.Root, "content"), abs)); c != nil {
			keepTitle = c.titleRequired
		}
	}
	if fieldString(fm.Get("seo"), "title") != "" {
		keepTitle = false
	}
	if keepTitle {
		return cfg
	}
	out := make([]string, 0, len(cfg))
	for _, f := range cfg {
		if f != "title" {
			out = append(out, f)
		}
	}
	return out
}

// nuxtModuleRoutes are the paths local modules (modules/*) add to routeRules
// (`nuxt.options.routeRules['/releases'] = …`): they exist, as redirects or
// pages, though contentlint cannot tell where they lead.
func nuxtModuleRoutes(root string) []string {
	var out []string
	ents, _ := os.ReadDir(filepath.Join(root, "modules"))
	for _, e := range ents {
		src := readFirst(root, "modules/"+e.Name(), "modules/"+e.Name()+"/index.ts", "modules/"+e.Name()+"/index.js")
		for _, m := range nuxtModRouteRE.FindAllStringSubmatch(src, -1) {
			out = append(out, NormalizeURLPath(m[1]))
		}
	}
	return out
}

// fingerprint covers what the model read, for the index cache.
func (m *nuxtModel) fingerprint() string {
	return fmt.Sprintf("%v %+v %v %v %q", m.v3, m.collections, m.redirects, m.locales, m.defaultLang)
}

// hostRedirects are the sources of a static host's _redirects file
// (Netlify, Cloudflare Pages: `/from /to [status]` a line) at the site root
// or in public/: those paths answer, wherever they lead.
func hostRedirects(root string) []string {
	var out []string
	for _, f := range []string{"_redirects", "public/_redirects"} {
		data, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(data), "\n") {
			fields := strings.Fields(line)
			if len(fields) == 1 {
				// Some sites write from=to.
				fields = strings.SplitN(fields[0], "=", 2)
			}
			if len(fields) >= 2 && strings.HasPrefix(fields[0], "/") && !strings.ContainsAny(fields[0], "*:") {
				out = append(out, NormalizeURLPath(fields[0]))
			}
		}
	}
	return out
}

// LinkEntries pairs translations: pages of collections in different
// locales whose paths are equal once the locale's own prefix (/fr) is gone.
func (nuxtContent) LinkEntries(s *Site, entries []*Entry) {
	m := nuxtState(s)
	if len(m.locales) < 2 {
		return
	}
	groups := map[string][]*Entry{}
	for _, e := range entries {
		if e.URL == "" || e.Lang == "" {
			continue
		}
		key := e.URL
		if e.Lang != m.defaultLang {
			if rest, ok := strings.CutPrefix(key, "/"+e.Lang); ok && (rest == "" || rest[0] == '/') {
				key = NormalizeURLPath(rest)
			}
		}
		groups[key] = append(groups[key], e)
	}
	for _, g := range groups {
		for _, a := range g {
			for _, b := range g {
				if a.Lang != b.Lang {
					setTranslation(a, b.Lang, b.Path)
				}
			}
		}
	}
}
