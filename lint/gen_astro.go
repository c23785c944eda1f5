package lint

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/bmatcuk/doublestar/v4"

	"github.com/contentlint/contentlint/lint/slug"
)

// astro models Astro 5: content collections declared in src/content.config.*
// (glob() and file() loaders, bases anywhere in the project) or the legacy
// src/content/config.*, the routes of src/pages that render them, and
// Starlight (docs at /, locales, fallback pages, asides) when it is loaded.
type astro struct{}

func (astro) Name() string { return "astro" }

func (astro) Detect(dir string) bool { return hasFile(dir, astroConfigNames...) }

// Roots are the folders of the content collections (their glob() bases)
// and src/pages. A collection whose URLs are unknown gets the base
// "(unknown URL)", which the run's first line shows.
func (astro) Roots(root string) []ContentRoot {
	a := readAstroSite(root)
	var out []ContentRoot
	add := rootAdder(root, &out)
	seen := map[string]bool{}
	for _, c := range a.collections {
		if c.kind != "content" || seen[c.base] {
			continue
		}
		seen[c.base] = true
		base := c.route
		if !c.routeKnown {
			base = astroUnknownBase
		}
		add(c.base, base, KindCollection)
	}
	add(a.src+"/pages", "", KindPages)
	return out
}

// astroUnknownBase marks a content root whose URLs the model cannot know.
const astroUnknownBase = "(unknown URL)"

var (
	astroSiteRE = regexp.MustCompile(`\bsite:\s*['"](https?://[^'"]+)['"]`)
	astroBaseRE = regexp.MustCompile(`\bbase:\s*['"](/[^'"]*)['"]`)
)

func (astro) Defaults(cfg *Config) {
	if cfg.Frontmatter.Required == nil {
		// Collection schemas say what is required (see Required).
		none := []string{}
		cfg.Frontmatter.Required = &none
	}
	setList(&cfg.Static, "public")
	// Astro has no cover field of its own; its blog template's is heroImage.
	setStr(&cfg.Cover.Field, "heroImage")
	if len(cfg.BaseURL) > 0 {
		return
	}
	src := readFirst(cfg.Root, astroConfigNames...)
	if m := astroSiteRE.FindStringSubmatch(src); m != nil {
		u := m[1]
		if b := astroBaseRE.FindStringSubmatch(src); b != nil {
			u = strings.TrimSuffix(m[1], "/") + b[1]
		}
		cfg.BaseURL = StringList{u}
	}
}

func (astro) Configure(s *Site) error {
	a := readAstroSite(s.Root)
	s.genData = a
	s.Notes = append(s.Notes, a.notes...)
	s.RedirectSources = append(s.RedirectSources, slices.Sorted(maps.Keys(a.redirects))...)
	s.RedirectSources = append(s.RedirectSources, a.redirectPatterns...)
	for _, c := range a.collections {
		perm := s.Permalink.ByLang[c.name]
		if c.note != "" && (c.kind == "unknown" || perm == "") {
			s.Notes = append(s.Notes, c.note)
		}
		if c.kind == "content" && !c.routeKnown && perm != "" {
			for i, r := range s.ContentRoots {
				if r.Base == astroUnknownBase && s.Rel(r.Dir) == c.base {
					s.ContentRoots[i].Base = perm
				}
			}
		}
	}
	s.pageRoutes = a.pageRoutes
	s.dynamicPrefixes = append(s.dynamicPrefixes, a.dynamicPrefixes...)
	if a.starlight && len(a.locales) > 0 {
		def, _ := a.locale(a.defaultLocale)
		s.DefaultLang = def.lang
		s.Languages = append(s.Languages, def.lang)
		for _, l := range a.locales {
			if l.dir != a.defaultLocale {
				s.Languages = append(s.Languages, l.lang)
			}
		}
	}
	return nil
}

func astroOf(s *Site) *astroSite {
	if a, ok := s.genData.(*astroSite); ok {
		return a
	}
	return readAstroSite(s.Root)
}

// PageURL: a collection entry is served at its route prefix plus its id; a
// src/pages Markdown file at its path. Files no collection loads, drafts
// that the page filters out, and entries whose route is unknown get no URL
// (the latter marked Unrouted). permalink: {<collection>: pattern} in the
// config settles an unknown route.
func (astro) PageURL(s *Site, e *Entry, _ ContentRoot, _ string) (string, bool) {
	a := astroOf(s)
	ae := a.entry(s.Rel(e.Abs), e.Fields)
	if ae.lang != "" {
		e.Lang = ae.lang // Starlight: the locale's, not a front matter field
	}
	switch {
	case !ae.rendered:
		return "", true
	case ae.url != "":
		return ae.url, true
	}
	if p := s.Permalink.ByLang[ae.coll.name]; p != "" {
		return s.expandAstro(p, ae.id, e), true
	}
	e.Unrouted = true
	return "", true
}

// expandAstro fills a permalink pattern for a collection entry: :slug and
// :path are its id, :filename its last segment, dates from the date field.
func (s *Site) expandAstro(pattern, id string, e *Entry) string {
	y, m, d := s.entryDate(e, "")
	return NormalizeURLPath(strings.NewReplacer(":slug", id, ":path", id, ":title", id, ":filename", path.Base(id),
		":year", y, ":month", m, ":day", d, ":lang", e.Lang, ":section", "").Replace(pattern))
}

// Partial: which files are loaded is the collections' patterns' business
// (a glob() loader loads _-prefixed files its pattern matches), so PageURL
// decides.
func (astro) Partial(*Site, string) bool { return false }

// GeneratedRoute: the routes of src/pages files without parameters, and
// the numbered pages of paginate() routes.
func (astro) GeneratedRoute(s *Site, p string) bool {
	a := astroOf(s)
	if s.pageRoutes[p] || a.redirects[p] != "" || a.hostRoutes[p] {
		return true
	}
	for _, pre := range a.paginated {
		n, ok := strings.CutPrefix(p, strings.TrimSuffix(pre, "/")+"/")
		if p == pre || ok && n != "" && strings.Trim(n, "0123456789") == "" {
			return true
		}
	}
	return false
}

// OwnsURL: every Astro route comes from src/pages or an integration, so a
// path is judged unless a dynamic route the model cannot read may serve it
// (Site.OwnsURL checks those prefixes; a root one covers every path). A
// collection no dynamic route reads has no pages of its own.
func (astro) OwnsURL(s *Site, p string) bool {
	a := astroOf(s)
	if a.openRoutes {
		return false
	}
	for _, d := range a.dynamicPrefixes {
		if d == "/" || p == d {
			return false
		}
	}
	return true
}

// Dialect: Starlight's asides are remark-directive containers with four
// names; plain Astro has none.
func (astro) Dialect(root string) (string, []string) {
	if usesStarlight(root) {
		return DialectDocusaurus, []string{"note", "tip", "caution", "danger"}
	}
	return DialectNone, nil
}

// Traits: heading ids are github-slugger's with one trailing "-" dropped
// (rehype-heading-ids), and Astro has no {#id} syntax.
func (astro) Traits() Traits { return Traits{SlugStyle: slug.StyleAstro, NoHeadingAttributes: true} }

func (astro) CheckDate(raw string) (string, bool) { return checkDateCommon(raw) }

// Required: the required keys of the file's collection schema, and what
// the config asks on top (nothing by default: Defaults clears the generic
// title). A src/pages file has no schema; a file no collection loads, or a
// draft that gets no page, needs nothing.
func (astro) Required(s *Site, abs string, fm *Value, cfg []string) []string {
	ae := astroOf(s).entry(s.Rel(abs), fm)
	if !ae.rendered {
		return nil
	}
	var out []string
	if ae.coll != nil {
		out = append(out, ae.coll.required...)
	}
	for _, f := range cfg {
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// LinkEntries adds Starlight's fallback pages (a page of the default locale
// served at each other locale's URL where it has no translation) and pairs
// pages with the same slug in each locale as translations.
func (astro) LinkEntries(s *Site, entries []*Entry) {
	a := astroOf(s)
	if len(a.redirects) > 0 {
		byURL := map[string]*Entry{}
		for _, en := range entries {
			if en.URL != "" {
				byURL[en.URL] = en
			}
		}
		for _, from := range slices.Sorted(maps.Keys(a.redirects)) {
			if en := byURL[a.redirects[from]]; en != nil && from != en.URL {
				en.Aliases = append(en.Aliases, from)
			}
		}
	}
	if !a.starlight || !a.multilingual() {
		return
	}
	aes := make([]*astroEntry, len(entries))
	for i, en := range entries {
		ae := a.entry(s.Rel(en.Abs), en.Fields)
		aes[i] = &ae
	}
	a.addFallbacks(aes)
	byKey := map[string]map[string]string{}
	for i, ae := range aes {
		if ae.coll == nil || !ae.coll.starlight || !ae.rendered {
			continue
		}
		entries[i].ExtraURLs = ae.fallbacks
		k := a.translationKey(ae)
		if byKey[k] == nil {
			byKey[k] = map[string]string{}
		}
		byKey[k][ae.lang] = entries[i].Path
	}
	for i, ae := range aes {
		if ae.coll == nil || !ae.coll.starlight || !ae.rendered {
			continue
		}
		for lang, p := range byKey[a.translationKey(ae)] {
			if lang == ae.lang {
				continue
			}
			if entries[i].Translations == nil {
				entries[i].Translations = map[string]string{}
			}
			entries[i].Translations[lang] = p
		}
	}
}

// usesStarlight reports whether an Astro site's config loads Starlight,
// whose asides are `:::note`, `:::tip`, `:::caution` and `:::danger`.
func usesStarlight(root string) bool {
	src := readFirst(root, astroConfigNames...)
	return strings.Contains(src, "@astrojs/starlight") && jsCallArg(src, "starlight") != ""
}

// astroSite is what contentlint reads of an Astro 5 site: its content
// collections (src/content.config.*, or the legacy src/content/config.*),
// the routes of src/pages, and Starlight's locales when Starlight is loaded.
// It reads literal values of the configs only; what is computed (a loader
// it does not know, a route whose params are derived from data) is unknown
// and said once in a note.
type astroSite struct {
	starlight bool
	// locales are Starlight's, sorted by folder; the root locale has dir "".
	locales []starlightLocale
	// defaultLocale is the folder of Starlight's default locale ("" = root).
	defaultLocale string
	collections   []*astroCollection
	// pageRoutes are the URL paths of src/pages files without parameters.
	pageRoutes map[string]bool
	// dynamicPrefixes are URL prefixes of src/pages routes with parameters
	// that no collection accounts for: any path may exist under them.
	dynamicPrefixes []string
	// paginated are prefixes of paginate() routes: the prefix and
	// /<prefix>/<n> exist.
	paginated []string
	// redirects are astro.config's redirects: source path → target path
	// (the static build writes a redirect page at each source).
	redirects map[string]string
	// redirectPatterns are redirect sources with route parameters.
	redirectPatterns []string
	// hostRoutes are paths the host serves by its own redirects
	// (netlify.toml, public/_redirects).
	hostRoutes map[string]bool
	// openRoutes: an integration or Starlight plugin that contentlint does
	// not know may add pages anywhere, so a path that reaches no page is
	// not judged.
	openRoutes bool
	// src is srcDir, relative to the site root ("src" by default).
	src string
	// format is build.format: "directory" (default, /x/), "file" (/x.html)
	// or "preserve" (as the source: index pages as folders).
	format string
	notes  []string
}

// pageURL spells a page's URL as build.format writes it; index says that
// the page comes from an index file.
func (a *astroSite) pageURL(u string, index bool) string {
	switch {
	case u == "/" || u == "":
		return u
	case a.format == "file", a.format == "preserve" && !index:
		return u + ".html"
	}
	return u
}

type starlightLocale struct {
	dir  string // URL folder; "" for the root locale
	lang string // BCP 47 tag
}

// astroCollection is one content collection.
type astroCollection struct {
	name string
	// kind: "content" (rendered Markdown), "data" (file() and data
	// collections) or "unknown" (a loader contentlint cannot read).
	kind    string
	base    string // folder relative to the site root, forward slashes
	include []string
	exclude []string
	// required lists the schema's required top-level fields; schemaKnown is
	// false when the schema is not a literal z.object (then none is required).
	required    []string
	schemaKnown bool
	// route is the URL prefix its entries are served under ("" is the site
	// root); routeKnown is false when no page is seen rendering it, or its
	// params are computed.
	route      string
	routeKnown bool
	// routeFrom is the src/pages file that renders it, when one was found;
	// routeProp is the entry property it passes as the parameter: id or
	// (legacy collections) slug.
	routeFrom string
	routeProp string
	// routeIndex: the route file is an index ([...slug]/index.astro), which
	// build.format "preserve" writes as a folder.
	routeIndex bool
	// draftFilter: the page filters getCollection() on data.draft, so
	// entries with draft: true get no page.
	draftFilter bool
	legacy      bool // no loader: Astro 5 emulates the legacy collection
	starlight   bool // Starlight's docs collection
	// note says what the model cannot know of it; a permalink for the
	// collection in the config silences a note on its URLs.
	note string
}

// fingerprint is what the model read, for the index cache fingerprint.
func (a *astroSite) fingerprint() string {
	var b strings.Builder
	routes := make([]string, 0, len(a.pageRoutes))
	for r := range a.pageRoutes {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	fmt.Fprintf(&b, "%q %v %q %q %q %q %q %q %v %v %v %q", a.src, a.starlight, a.locales, a.defaultLocale, routes, a.dynamicPrefixes, a.paginated, a.notes, a.redirects, a.hostRoutes, a.openRoutes, a.format)
	for _, c := range a.collections {
		fmt.Fprintf(&b, "\n%+v", *c)
	}
	return b.String()
}

var (
	configExts       = []string{".mjs", ".js", ".mts", ".ts"}
	astroConfigNames = []string{"astro.config.mjs", "astro.config.ts", "astro.config.js", "astro.config.mts", "astro.config.cjs"}
	// Extensions Astro renders as Markdown (core and @astrojs/mdx).
	astroMarkdownExts = "{markdown,mdown,mkdn,mkd,mdwn,md,mdx}"
	defineCollRE      = regexp.MustCompile(`(?:(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*)?defineCollection\s*\(`)
	collectionsRE     = regexp.MustCompile(`\bcollections\s*=\s*\{`)
	getCollectionRE   = regexp.MustCompile(`getCollection\s*(?:<[^>]*>)?\s*\(\s*['"]([^'"]+)['"]`)
	mdPluginsRE       = regexp.MustCompile(`(?:remark|rehype)Plugins\s*:\s*\[\s*[^\]\s]`)
	topDeclRE         = regexp.MustCompile(`\n(?:export\s|function\s|async\s+function\s|const\s|let\s)`)
	importRE          = regexp.MustCompile(`import\s*\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]`)
	paramsRE          = regexp.MustCompile(`params\s*:\s*\{\s*([A-Za-z_$][\w$]*)\s*:\s*[A-Za-z_$][\w$]*\.(id|slug)\s*,?\s*\}`)
	paramsShortRE     = regexp.MustCompile(`params\s*:\s*\{\s*([A-Za-z_$][\w$]*)\s*\}`)
	draftFilterRE     = regexp.MustCompile(`getCollection\s*(?:<[^>]*>)?\s*\(\s*['"]([^'"]+)['"]\s*,[^;]*?\bdata\.draft\b`)
	optionalRE        = regexp.MustCompile(`\.(?:optional|default|nullish|catch)\s*\(`)
)

// readAstroSite reads the Astro model of the site at root.
func readAstroSite(root string) *astroSite {
	a := &astroSite{pageRoutes: map[string]bool{}, src: "src"}
	astroCfg := readFirst(root, astroConfigNames...)
	if d, ok := jsString(jsGet(astroConfigObject(astroCfg), "srcDir")); ok {
		a.src = cleanBase(root, d)
	}
	if args := jsCallArg(astroCfg, "starlight"); args != "" && strings.Contains(astroCfg, "@astrojs/starlight") {
		a.starlight = true
		a.readStarlight(jsFirstObject(args), astroCfg)
	}
	a.readCollections(root)
	a.readPages(root)
	a.format, _ = jsString(jsGet(jsGet(astroConfigObject(astroCfg), "build"), "format"))
	a.readRedirects(root, astroCfg)
	a.readHostRedirects(root)
	a.readIntegrations(astroCfg)
	if cfg := astroConfigObject(astroCfg); cfg != "" {
		if mdPluginsRE.MatchString(jsGet(cfg, "markdown")) {
			a.notes = append(a.notes, "markdown remark or rehype plugins are configured: contentlint does not run them, so ids or links they add or change are not seen")
		}
	}
	for _, c := range a.collections {
		switch {
		case c.kind == "unknown":
			c.note = fmt.Sprintf("collection %s: its loader is not glob(), file() or Starlight's; contentlint cannot see which files it loads", c.name)
		case c.kind == "content" && !c.routeKnown && c.routeFrom != "":
			c.note = fmt.Sprintf("collection %s: %s computes its URLs; contentlint cannot know them (set permalink: {%s: /pattern/:slug} in .contentlint.yml)", c.name, c.routeFrom, c.name)
		case c.kind == "content" && !c.routeKnown:
			c.note = fmt.Sprintf("collection %s: no dynamic route in src/pages renders it, so its entries have no URL of their own (if they do, set permalink: {%s: /pattern/:slug} in .contentlint.yml)", c.name, c.name)
		}
	}
	return a
}

// readStarlight reads locales and defaultLocale from starlight({...}).
func (a *astroSite) readStarlight(opts, src string) {
	locales := jsGet(opts, "locales")
	if jsIdentRE.MatchString(locales) { // a variable (or shorthand) of the same file
		if loc := regexp.MustCompile(`(?:const|let|var)\s+` + regexp.QuoteMeta(locales) + `\s*=\s*\{`).FindStringIndex(src); loc != nil {
			locales = jsBalanced(src[loc[1]-1:])
		}
	}
	def, _ := jsString(jsGet(opts, "defaultLocale"))
	if strings.HasPrefix(locales, "{") {
		for _, e := range jsEntries(locales) {
			if e.key == "..." {
				a.notes = append(a.notes, "Starlight locales: a spread is not read")
				continue
			}
			l := starlightLocale{dir: e.key}
			if e.key == "root" {
				l.dir = ""
			}
			if lang, ok := jsString(jsGet(e.value, "lang")); ok {
				l.lang = lang
			} else if l.dir != "" {
				l.lang = l.dir
			}
			a.locales = append(a.locales, l)
		}
	} else if locales != "" {
		a.notes = append(a.notes, "Starlight locales are computed; contentlint reads them only as an object literal")
	}
	sort.Slice(a.locales, func(i, j int) bool { return a.locales[i].dir < a.locales[j].dir })
	if def == "root" {
		def = ""
	}
	a.defaultLocale = def
	for i, l := range a.locales {
		if l.lang == "" { // the root locale without a lang: the default's, else en
			a.locales[i].lang = "en"
			if d, ok := a.locale(def); ok && d.lang != "" {
				a.locales[i].lang = d.lang
			}
		}
	}
}

func (a *astroSite) locale(dir string) (starlightLocale, bool) {
	for _, l := range a.locales {
		if l.dir == dir {
			return l, true
		}
	}
	return starlightLocale{}, false
}

// multilingual is Starlight's isMultilingual: more than one locale.
func (a *astroSite) multilingual() bool { return len(a.locales) > 1 }

// readCollections reads the collections of the content config. Astro reads
// src/content.config.* first, then the legacy src/content/config.*.
func (a *astroSite) readCollections(root string) {
	var names, legacy []string
	for _, ext := range configExts {
		names = append(names, a.src+"/content.config"+ext)
		legacy = append(legacy, a.src+"/content/config"+ext)
	}
	src := readFirst(root, names...)
	if src == "" {
		src = readFirst(root, legacy...)
	}
	defs := map[string]string{} // variable → defineCollection argument list
	for _, m := range defineCollRE.FindAllStringSubmatchIndex(src, -1) {
		if m[2] >= 0 {
			defs[src[m[2]:m[3]]] = jsBalanced(src[m[1]-1:])
		}
	}
	usesLayer := false
	if loc := collectionsRE.FindStringIndex(src); loc != nil {
		for _, e := range jsEntries(jsBalanced(src[loc[1]-1:])) {
			if e.key == "..." {
				a.notes = append(a.notes, "content config: a spread in collections is not read")
				continue
			}
			args := ""
			if strings.HasPrefix(e.value, "defineCollection") {
				args = jsBalanced(e.value[strings.IndexByte(e.value, '('):])
			} else if d, ok := defs[e.value]; ok {
				args = d
			}
			c := readCollection(root, a.src, e.key, jsFirstObject(args), src)
			if c.kind != "legacy" {
				usesLayer = true
			}
			a.collections = append(a.collections, c)
		}
	}
	// Collections without a loader are legacy: Astro 5 loads them from
	// src/content/<name> with underscored files and folders ignored; and
	// when no collection uses a loader, every other folder of src/content
	// is a legacy collection too.
	for _, c := range a.collections {
		if c.kind == "legacy" {
			c.kind, c.legacy = "content", true
			c.base = a.src + "/content/" + c.name
			c.include = []string{"**/*." + astroMarkdownExts}
			c.exclude = []string{"**/_*/**", "**/_*"}
		}
	}
	if !usesLayer {
		ents, _ := os.ReadDir(filepath.Join(root, filepath.FromSlash(a.src), "content"))
		for _, e := range ents {
			n := e.Name()
			if !e.IsDir() || strings.HasPrefix(n, "_") || strings.HasPrefix(n, ".") || a.collection(n) != nil {
				continue
			}
			a.collections = append(a.collections, &astroCollection{name: n, kind: "content", legacy: true, base: a.src + "/content/" + n,
				include: []string{"**/*." + astroMarkdownExts}, exclude: []string{"**/_*/**", "**/_*"}})
		}
	}
	sort.Slice(a.collections, func(i, j int) bool { return a.collections[i].name < a.collections[j].name })
}

func (a *astroSite) collection(name string) *astroCollection {
	for _, c := range a.collections {
		if c.name == name {
			return c
		}
	}
	return nil
}

// readCollection reads one defineCollection({...}) argument.
func readCollection(root, srcDir, name, def, src string) *astroCollection {
	c := &astroCollection{name: name, kind: "legacy"}
	loader := jsGet(def, "loader")
	switch {
	case loader == "":
		if t, _ := jsString(jsGet(def, "type")); t == "data" {
			c.kind = "data"
		}
	case strings.HasPrefix(loader, "glob"):
		opts := jsFirstObject(loader)
		// Without a base, the pattern is relative to the project root.
		base, ok := ".", true
		if v := jsGet(opts, "base"); v != "" {
			base, ok = jsString(v)
		}
		pats, okP := jsStrings(jsGet(opts, "pattern"))
		if !ok || !okP || jsGet(opts, "generateId") != "" {
			c.kind = "unknown"
			break
		}
		c.kind = "content"
		c.base = cleanBase(root, base)
		for _, p := range pats {
			if neg, ok := strings.CutPrefix(p, "!"); ok {
				c.exclude = append(c.exclude, neg)
			} else {
				c.include = append(c.include, p)
			}
		}
	case strings.HasPrefix(loader, "docsLoader"):
		c.kind, c.starlight = "content", true
		c.base = srcDir + "/content/docs"
		c.include = []string{"**/[^_]*." + astroMarkdownExts}
	case strings.HasPrefix(loader, "file"), strings.HasPrefix(loader, "i18nLoader"):
		c.kind = "data"
	default:
		c.kind = "unknown"
	}
	c.required, c.schemaKnown = schemaRequired(jsGet(def, "schema"), src)
	return c
}

// cleanBase makes a glob() base (relative to the project root, maybe
// ./-prefixed or a file: URL) a clean site-relative path.
func cleanBase(root, base string) string {
	base = strings.TrimPrefix(base, "file://")
	if filepath.IsAbs(base) {
		if r, err := filepath.Rel(root, base); err == nil {
			base = filepath.ToSlash(r)
		}
	}
	return path.Clean(strings.TrimPrefix(base, "./"))
}

// schemaRequired lists the required top-level keys of a schema, read
// from its text: z.object({...}) with .extend({...}) calls, a variable of
// the same file holding one, either inside an arrow function (({ image })
// => ...), or Starlight's docsSchema(), which requires title. Fields with
// .optional(), .default(), .nullish() or .catch() are not required, nor any
// after .partial(). known is false for a schema it cannot read.
func schemaRequired(schema, src string) (req []string, known bool) {
	return readSchema(schema, src, 0)
}

var (
	arrowRE  = regexp.MustCompile(`^(?:async\s*)?(?:\([^()]*\)|[A-Za-z_$][\w$]*)\s*=>\s*`)
	schemaRE = regexp.MustCompile(`^(z\.object|docsSchema|[A-Za-z_$][\w$]*)\s*(\()?`)
)

func readSchema(schema, src string, depth int) ([]string, bool) {
	schema = strings.TrimSpace(schema)
	if schema == "" {
		return nil, true
	}
	if depth > 4 {
		return nil, false
	}
	if m := arrowRE.FindString(schema); m != "" {
		schema = strings.TrimSpace(schema[len(m):])
		if strings.HasPrefix(schema, "(") { // => (z.object({...}))
			b := jsBalanced(schema)
			schema = strings.TrimSpace(b[1 : len(b)-1])
		}
	}
	m := schemaRE.FindStringSubmatch(schema)
	if m == nil {
		return nil, false
	}
	var req []string
	rest := schema[len(m[0]):]
	switch {
	case m[1] == "z.object" && m[2] != "":
		args := jsBalanced(schema[len(m[0])-1:])
		req = objectRequired(jsFirstObject(args))
		rest = schema[len(m[0])-1+len(args):]
	case m[1] == "docsSchema" && m[2] != "":
		args := jsBalanced(schema[len(m[0])-1:])
		req = []string{"title"}
		if ext := jsGet(jsFirstObject(args), "extend"); ext != "" {
			// An extension it cannot read leaves Starlight's own title.
			more, _ := readSchema(ext, src, depth+1)
			req = append(req, more...)
		}
		rest = schema[len(m[0])-1+len(args):]
	case m[2] == "": // a variable of the same file
		loc := regexp.MustCompile(`(?:const|let|var)\s+` + regexp.QuoteMeta(m[1]) + `\s*=\s*`).FindStringIndex(src)
		if loc == nil {
			return nil, false
		}
		end := strings.IndexByte(src[loc[1]:], ';')
		def := src[loc[1]:]
		if end >= 0 {
			def = def[:end]
		}
		var ok bool
		if req, ok = readSchema(def, src, depth+1); !ok {
			return nil, false
		}
	default:
		return nil, false
	}
	// Chained calls: .extend({...}) adds fields, .partial() drops them all,
	// anything else (.strict(), .passthrough(), .transform()) keeps them.
	for {
		rest = strings.TrimSpace(rest)
		if !strings.HasPrefix(rest, ".") {
			break
		}
		name := jsIdentPrefix(rest[1:])
		call := strings.TrimSpace(rest[1+len(name):])
		if name == "" || !strings.HasPrefix(call, "(") {
			break
		}
		args := jsBalanced(call)
		switch name {
		case "extend", "merge":
			if obj := jsFirstObject(args); strings.HasPrefix(strings.TrimSpace(args[1:]), "{") {
				req = append(req, objectRequired(obj)...)
			} else {
				return nil, false
			}
		case "partial":
			req = nil
		}
		rest = call[len(args):]
	}
	return req, true
}

// objectRequired lists the keys of a z.object shape that are required.
func objectRequired(obj string) []string {
	var req []string
	for _, e := range jsEntries(obj) {
		if e.key != "..." && e.value != e.key && !optionalRE.MatchString(e.value) {
			req = append(req, e.key)
		}
	}
	return req
}

// matches reports whether rel (relative to the site root) is an entry of c.
func (c *astroCollection) matches(rel string) (string, bool) {
	if c.kind != "content" {
		return "", false
	}
	in, ok := strings.CutPrefix(rel, c.base+"/")
	if c.base == "." {
		in, ok = rel, true
	}
	if !ok {
		return "", false
	}
	hit := false
	for _, p := range c.include {
		if m, _ := doublestar.Match(p, in); m {
			hit = true
			break
		}
	}
	for _, p := range c.exclude {
		if m, _ := doublestar.Match(p, in); m {
			return "", false
		}
	}
	return in, hit
}

// astroID is the id Astro's glob loader gives a file: the slug field, else
// each path segment through github-slugger, a trailing /index dropped (a
// top-level index keeps the id "index").
func astroID(relInBase string, fm *Value) string {
	if s := fieldString(fm, "slug"); s != "" {
		return s
	}
	noExt := strings.TrimSuffix(relInBase, path.Ext(relInBase))
	segs := strings.Split(noExt, "/")
	for i, s := range segs {
		segs[i] = GitHubSlug(s)
	}
	return strings.TrimSuffix(strings.Join(segs, "/"), "/index")
}

// readPages walks src/pages: Markdown and .astro pages without parameters
// are routes; a dynamic route that renders one collection with its ids as
// the parameter gives that collection's URL prefix; any other dynamic route
// makes its static prefix open (any path may exist under it).
func (a *astroSite) readPages(root string) {
	if a.starlight {
		// Starlight serves its docs collection at /, whatever its loader
		// (docsLoader, or a legacy collection under src/content/docs).
		if c := a.collection("docs"); c != nil && c.kind == "content" && (c.starlight || c.legacy) {
			c.starlight, c.route, c.routeKnown = true, "", true
		}
		a.pageRoutes["/404"] = true
	}
	base := filepath.Join(root, filepath.FromSlash(a.src), "pages")
	_ = filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return filepath.SkipDir // an unreadable or absent folder gives no routes
		}
		rel := relSlash(base, p)
		if d.IsDir() {
			if rel != "." && (strings.HasPrefix(d.Name(), "_") || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(d.Name(), "_") || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		ext := path.Ext(rel)
		switch ext {
		case ".astro", ".md", ".mdx", ".markdown", ".html", ".js", ".ts", ".mjs", ".mts":
		default:
			return nil
		}
		segs := strings.Split(strings.TrimSuffix(rel, ext), "/")
		if segs[len(segs)-1] == "index" {
			segs = segs[:len(segs)-1]
		}
		var prefix []string
		for i, sg := range segs {
			if strings.Contains(sg, "[") {
				a.dynamicRoute(root, p, "/"+strings.Join(prefix, "/"), segs[i:])
				return nil
			}
			prefix = append(prefix, sg)
		}
		a.pageRoutes[NormalizeURLPath("/"+strings.Join(segs, "/"))] = true
		return nil
	})
	sort.Strings(a.dynamicPrefixes)
}

// dynamicRoute reads a src/pages file with parameters. It is a collection's
// route when its rest segment is its only parameter, it reads exactly one
// collection, and it passes entry ids (or legacy slugs) as that parameter.
func (a *astroSite) dynamicRoute(root, file, prefix string, rest []string) {
	b, _ := readSiteAbs(root, file)
	src := stripJSComments(string(b))
	// A page often calls a helper (getAllPosts()) that calls getCollection.
	src += importedHelpers(root, file, src)
	rel := relSlash(root, file)
	names := map[string]bool{}
	for _, m := range getCollectionRE.FindAllStringSubmatch(src, -1) {
		names[m[1]] = true
	}
	param := ""
	if len(rest) == 1 {
		param = strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(rest[0], "["), "..."), "]")
		if !strings.HasPrefix(rest[0], "[") || !strings.HasSuffix(rest[0], "]") {
			param = ""
		}
	}
	if strings.Contains(src, "paginate(") && len(rest) == 1 && strings.HasPrefix(rest[0], "[...") {
		// paginate() serves the prefix and numbered pages under it.
		a.paginated = append(a.paginated, NormalizeURLPath(prefix))
		return
	}
	known, prop := false, ""
	if m := paramsRE.FindStringSubmatch(src); m != nil && m[1] == param && len(names) == 1 && !strings.Contains(src, "paginate(") {
		known, prop = true, m[2]
	}
	if m := paramsShortRE.FindStringSubmatch(src); !known && m != nil && m[1] == param && len(names) == 1 {
		if d := regexp.MustCompile(`\b` + regexp.QuoteMeta(param) + `\s*[:=]\s*[A-Za-z_$][\w$]*\.(id|slug)\b`).FindStringSubmatch(src); d != nil {
			known, prop = true, d[1]
		}
	}
	drafts := map[string]bool{}
	for _, m := range draftFilterRE.FindAllStringSubmatch(src, -1) {
		drafts[m[1]] = true
	}
	for n := range names {
		c := a.collection(n)
		if c == nil || c.kind != "content" || c.routeKnown {
			continue
		}
		// A content-layer entry has no slug: such a route is not readable.
		if known && (prop == "id" || c.legacy) {
			c.route, c.routeKnown, c.routeFrom, c.routeProp = NormalizeURLPath(prefix), true, rel, prop
			c.routeIndex = path.Base(rel) == "index.astro"
			c.draftFilter = drafts[n]
			return
		}
		if c.routeFrom == "" {
			c.routeFrom = rel
		}
	}
	if !known {
		a.dynamicPrefixes = append(a.dynamicPrefixes, NormalizeURLPath(prefix))
	}
}

// astroEntry is what the model says of one Markdown file of the site.
type astroEntry struct {
	coll *astroCollection // nil for a src/pages file
	id   string
	// rendered is false for files no collection or page loads.
	rendered bool
	// url is "" when the collection's route is unknown.
	url string
	// locale is the Starlight locale folder of the entry ("" = root).
	locale string
	lang   string
	// fallbacks are Starlight's fallback pages: the same content served
	// at other locales' URLs where they have no translation.
	fallbacks []string
}

// entry maps a Markdown file (relative to the site root) to its collection,
// id and URL. perm are collection → permalink patterns from the config.
func (a *astroSite) entry(rel string, fm *Value) astroEntry {
	if in, ok := strings.CutPrefix(rel, a.src+"/pages/"); ok {
		for _, seg := range strings.Split(in, "/") {
			if strings.HasPrefix(seg, "_") {
				return astroEntry{}
			}
		}
		u := strings.TrimSuffix(in, path.Ext(in))
		index := path.Base(u) == "index"
		if index {
			u = path.Dir(u)
		}
		return astroEntry{rendered: true, url: a.pageURL(NormalizeURLPath("/"+u), index)}
	}
	// The longest base wins when bases nest.
	var best *astroCollection
	bestIn := ""
	for _, c := range a.collections {
		if in, ok := c.matches(rel); ok && (best == nil || len(c.base) > len(best.base)) {
			best, bestIn = c, in
		}
	}
	if best == nil {
		return astroEntry{}
	}
	e := astroEntry{coll: best, id: astroID(bestIn, fm), rendered: true}
	if best.legacy && best.routeProp == "id" {
		e.id = bestIn // a legacy entry's id is its file path
	}
	if best.draftFilter && fm.Get("draft").String() == "true" {
		e.rendered = false
		return e
	}
	if best.starlight {
		if e.id == "index" { // Starlight serves the collection's root index at /
			e.id = ""
		}
		if fm.Get("draft").String() == "true" {
			e.rendered = false
			return e
		}
		e.locale = a.slugLocale(e.id)
		if l, ok := a.locale(e.locale); ok {
			e.lang = l.lang
		}
	}
	if best.routeKnown {
		e.url = a.pageURL(NormalizeURLPath(best.route+"/"+e.id), best.routeIndex)
	}
	return e
}

// addFallbacks gives each page of Starlight's default locale the URLs it is
// also served at: every other locale where no page has its slug.
func (a *astroSite) addFallbacks(entries []*astroEntry) {
	if !a.multilingual() {
		return
	}
	have := map[string]bool{}
	for _, e := range entries {
		if e.coll != nil && e.coll.starlight && e.rendered {
			have[e.id] = true
		}
	}
	for _, e := range entries {
		if e.coll == nil || !e.coll.starlight || !e.rendered || !e.coll.routeKnown || e.locale != a.defaultLocale {
			continue
		}
		for _, l := range a.locales {
			if s := a.localizedSlug(e.id, l.dir); l.dir != a.defaultLocale && !have[s] {
				e.fallbacks = append(e.fallbacks, a.pageURL(NormalizeURLPath(e.coll.route+"/"+s), e.coll.routeIndex))
			}
		}
	}
}

// translationKey is the slug of a Starlight page without its locale: pages
// with the same key are each other's translations.
func (a *astroSite) translationKey(e *astroEntry) string {
	if e.coll == nil || !e.coll.starlight {
		return ""
	}
	if e.locale == "" {
		return e.id
	}
	return strings.TrimPrefix(strings.TrimPrefix(e.id, e.locale), "/")
}

// slugLocale is the Starlight locale folder a slug belongs to.
func (a *astroSite) slugLocale(slug string) string {
	first, _, _ := strings.Cut(slug, "/")
	for _, l := range a.locales {
		if l.dir != "" && l.dir == first {
			return l.dir
		}
	}
	if _, ok := a.locale(""); ok {
		return ""
	}
	return a.defaultLocale
}

// localizedSlug moves a slug to another locale folder, as Starlight does.
func (a *astroSite) localizedSlug(slug, to string) string {
	from := a.slugLocale(slug)
	rest := slug
	if from != "" {
		rest = strings.TrimPrefix(strings.TrimPrefix(slug, from), "/")
	}
	return strings.Trim(to+"/"+rest, "/")
}

// importedHelpers returns the bodies of the functions a page imports from
// the site's own modules and calls, one level deep: relative imports and
// the aliases of tsconfig.json's compilerOptions.paths.
func importedHelpers(root, file, src string) string {
	var out strings.Builder
	for _, m := range importRE.FindAllStringSubmatch(src, -1) {
		mod := resolveModule(root, filepath.Dir(file), m[2])
		if mod == "" {
			continue
		}
		b, err := readSiteAbs(root, mod)
		if err != nil {
			continue
		}
		msrc := stripJSComments(string(b))
		for _, name := range strings.Split(m[1], ",") {
			f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(name), "type "))
			if len(f) == 0 || !strings.Contains(src, f[len(f)-1]+"(") {
				continue
			}
			out.WriteString(declBody(msrc, f[0], 2))
		}
	}
	return out.String()
}

// resolveModule finds the file an import specifier names: relative to the
// importing folder, or through a tsconfig.json paths alias ("@/*":
// ["src/*"]); "" for packages and what it cannot find.
func resolveModule(root, dir, spec string) string {
	var cands []string
	switch {
	case strings.HasPrefix(spec, "."):
		cands = append(cands, filepath.Join(dir, filepath.FromSlash(spec)))
	default:
		tsc := jsFirstObject(readFirst(root, "tsconfig.json"))
		paths := jsFirstObject(jsGet(jsGet(tsc, "compilerOptions"), "paths"))
		for _, e := range jsEntries(paths) {
			pre, ok := strings.CutSuffix(e.key, "*")
			rest, match := strings.CutPrefix(spec, pre)
			if !ok || !match {
				continue
			}
			targets, _ := jsStrings(e.value)
			for _, t := range targets {
				cands = append(cands, filepath.Join(root, filepath.FromSlash(strings.TrimSuffix(t, "*")+rest)))
			}
		}
		if strings.HasPrefix(spec, "src/") {
			cands = append(cands, filepath.Join(root, filepath.FromSlash(spec)))
		}
	}
	for _, c := range cands {
		if !within(root, c) { // a module outside the site is not read
			continue
		}
		for _, ext := range []string{"", ".ts", ".js", ".mts", ".mjs", "/index.ts", "/index.js"} {
			//nolint:gosec // G703: c is inside the site root (checked above); only its existence is asked
			if fi, err := os.Stat(filepath.Clean(c + ext)); err == nil && fi.Mode().IsRegular() {
				return c + ext
			}
		}
	}
	return ""
}

var callRE = regexp.MustCompile(`([A-Za-z_$][\w$]*)\s*\(`)

// declBody is the text of the declaration of name in a module, up to the
// next top-level declaration (a return type may hold braces, so braces are
// not matched), with the bodies of the module's functions it calls, depth
// levels deep.
func declBody(msrc, name string, depth int) string {
	def := regexp.MustCompile(`(?:function\s+|(?:const|let|var)\s+)` + regexp.QuoteMeta(name) + `\b`).FindStringIndex(msrc)
	if def == nil {
		return ""
	}
	body := msrc[def[1]:]
	if loc := topDeclRE.FindStringIndex(body); loc != nil {
		body = body[:loc[0]]
	}
	out := "\n" + body
	if depth > 0 {
		seen := map[string]bool{name: true}
		for _, m := range callRE.FindAllStringSubmatch(body, -1) {
			if !seen[m[1]] {
				seen[m[1]] = true
				out += declBody(msrc, m[1], depth-1)
			}
		}
	}
	return out
}

var defaultImportRE = regexp.MustCompile(`import\s+([A-Za-z_$][\w$]*)\s+from\s*['"](\.[^'"]+)['"]`)

// astroConfigObject is the config object of astro.config: the argument of
// defineConfig, or the object exported by default (defineConfig is only a
// typing helper, so both are common).
func astroConfigObject(src string) string {
	if o := jsFirstObject(jsCallArg(src, "defineConfig")); o != "" {
		return o
	}
	if i := strings.Index(src, "export default"); i >= 0 {
		if rest := strings.TrimSpace(src[i+len("export default"):]); strings.HasPrefix(rest, "{") {
			return jsBalanced(rest)
		}
	}
	return ""
}

var (
	astroRestRE  = regexp.MustCompile(`\[\.\.\.[^\]/]+\]`)
	astroParamRE = regexp.MustCompile(`\[[^\]/]+\]`)
)

// readRedirects reads astro.config's redirects: string or {destination}
// values, and spreads of an object a local module exports by default.
// Sources with parameters are dynamic prefixes.
func (a *astroSite) readRedirects(root, src string) {
	cfg := astroConfigObject(src)
	lit := jsGet(cfg, "redirects")
	if lit == "" {
		return
	}
	a.redirects = map[string]string{}
	var read func(lit string, depth int)
	read = func(lit string, depth int) {
		for _, e := range jsEntries(lit) {
			if e.key == "..." {
				if depth == 0 {
					a.readRedirectModule(root, src, e.value, read)
				}
				continue
			}
			to, ok := jsString(e.value)
			if !ok {
				to, ok = jsString(jsGet(e.value, "destination"))
			}
			if !ok || !strings.HasPrefix(e.key, "/") {
				continue
			}
			if before, _, dynamic := strings.Cut(e.key, "["); dynamic {
				a.dynamicPrefixes = append(a.dynamicPrefixes, NormalizeURLPath(before))
				// [...rest] is any rest of the path, [slug] one segment.
				p := astroRestRE.ReplaceAllString(e.key, "*")
				a.redirectPatterns = append(a.redirectPatterns, astroParamRE.ReplaceAllString(p, ":param"))
				continue
			}
			if strings.HasPrefix(to, "/") {
				to = NormalizeURLPath(to)
			}
			a.redirects[NormalizeURLPath(e.key)] = to
		}
	}
	read(lit, 0)
	sort.Strings(a.dynamicPrefixes)
}

// readRedirectModule reads the object literal that a default import of a
// local module (import redirects from "./redirects.js") exports.
func (a *astroSite) readRedirectModule(root, src, name string, read func(string, int)) {
	for _, m := range defaultImportRE.FindAllStringSubmatch(src, -1) {
		if m[1] != name {
			continue
		}
		mod := resolveModule(root, root, m[2])
		if mod == "" {
			break
		}
		b, err := readSiteAbs(root, mod)
		if err != nil {
			break
		}
		msrc := stripJSComments(string(b))
		if i := strings.Index(msrc, "export default"); i >= 0 {
			read(jsFirstObject(msrc[i:]), 1)
			return
		}
		break
	}
	a.notes = append(a.notes, fmt.Sprintf("redirects: the spread %s is not read", name))
}

// astroQuietPackages are integrations, adapters and Starlight plugins known
// to add no pages that content links to.
var astroQuietPackages = map[string]bool{
	"@astrojs/mdx": true, "@astrojs/sitemap": true, "@astrojs/react": true, "@astrojs/vue": true,
	"@astrojs/svelte": true, "@astrojs/preact": true, "@astrojs/solid-js": true, "@astrojs/lit": true,
	"@astrojs/alpinejs": true, "@astrojs/tailwind": true, "@astrojs/partytown": true, "@astrojs/markdoc": true,
	"@astrojs/netlify": true, "@astrojs/vercel": true, "@astrojs/node": true, "@astrojs/cloudflare": true,
	"@astrojs/starlight": true, "@astrojs/starlight-tailwind": true, "@tailwindcss/vite": true,
	"astro-expressive-code": true, "astro-icon": true, "astro-robots-txt": true, "astro-compress": true,
	"@playform/compress": true, "astro-pagefind": true, "starlight-links-validator": true,
	"starlight-image-zoom": true, "@expressive-code/plugin-line-numbers": true,
	"@expressive-code/plugin-collapsible-sections": true, "@swup/astro": true, "astro-webmanifest": true,
	"@vite-pwa/astro": true, "astro-embed": true, "@astro-community/astro-embed-integration": true,
	"astro-purgecss": true, "astro-critters": true, "astro-mermaid": true, "astro-seo": true,
}

// astroPackagePrefixes are integrations known to add pages under a prefix
// (their default one).
var astroPackagePrefixes = map[string]string{"starlight-blog": "/blog", "@astrojs/rss": ""}

var (
	importAnyRE = regexp.MustCompile(`import\s+(?:([A-Za-z_$][\w$]*)\s*,?\s*)?(?:\{([^}]*)\})?\s*from\s*['"]([^'"]+)['"]`)
	calledRE    = regexp.MustCompile(`([A-Za-z_$][\w$]*)\s*\(`)
)

// readIntegrations finds the packages astro.config calls (integrations,
// Starlight plugins and anything else imported and called). One it does not
// know may add pages: it is named in a note, and paths that reach no page
// are then not judged.
func (a *astroSite) readIntegrations(src string) {
	pkgOf := map[string]string{}
	for _, m := range importAnyRE.FindAllStringSubmatch(src, -1) {
		pkg := m[3]
		if m[1] != "" {
			pkgOf[m[1]] = pkg
		}
		for _, n := range strings.Split(m[2], ",") {
			if f := strings.Fields(strings.TrimSpace(n)); len(f) > 0 {
				pkgOf[f[len(f)-1]] = pkg
			}
		}
	}
	var unknown []string
	seen := map[string]bool{}
	for _, m := range calledRE.FindAllStringSubmatch(src, -1) {
		pkg, ok := pkgOf[m[1]]
		if !ok || seen[pkg] {
			continue
		}
		seen[pkg] = true
		switch {
		case strings.HasPrefix(pkg, ".") || strings.HasPrefix(pkg, "node:") || pkg == "astro" || strings.HasPrefix(pkg, "astro/") ||
			pkg == "vite" || strings.HasPrefix(pkg, "rehype") || strings.HasPrefix(pkg, "remark") || strings.HasPrefix(pkg, "@astrojs/markdown-") ||
			astroQuietPackages[pkg]:
		case astroPackagePrefixes[pkg] != "":
			a.dynamicPrefixes = append(a.dynamicPrefixes, astroPackagePrefixes[pkg])
		case astroPackagePrefixes[pkg] == "" && strings.Contains(pkg, "rss"):
		default:
			unknown = append(unknown, pkg)
		}
	}
	sort.Strings(a.dynamicPrefixes)
	if len(unknown) > 0 {
		sort.Strings(unknown)
		a.openRoutes = true
		a.notes = append(a.notes, fmt.Sprintf("astro.config uses %s, which may add pages contentlint cannot see: a link that reaches no page is not reported (anchors of known pages still are)", strings.Join(unknown, ", ")))
	}
}

// readHostRedirects reads the redirects a Netlify or Cloudflare host serves:
// netlify.toml [[redirects]] and public/_redirects. A source with a splat
// or a :placeholder is a dynamic prefix; 404 rules are not redirects.
func (a *astroSite) readHostRedirects(root string) {
	a.hostRoutes = map[string]bool{}
	add := func(from, status string) {
		if !strings.HasPrefix(from, "/") || strings.HasPrefix(status, "404") {
			return
		}
		if i := strings.IndexAny(from, "*:"); i >= 0 {
			a.dynamicPrefixes = append(a.dynamicPrefixes, NormalizeURLPath(from[:i]))
			return
		}
		a.hostRoutes[NormalizeURLPath(from)] = true
	}
	var nt struct {
		Redirects []struct {
			From   string `toml:"from"`
			Status int    `toml:"status"`
		} `toml:"redirects"`
	}
	if b, err := readSiteFile(root, "netlify.toml"); err == nil {
		if _, err := toml.Decode(string(b), &nt); err == nil {
			for _, r := range nt.Redirects {
				add(r.From, fmt.Sprint(r.Status))
			}
		}
	}
	if b, err := readSiteFile(root, filepath.Join("public", "_redirects")); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if f := strings.Fields(line); len(f) >= 2 && !strings.HasPrefix(f[0], "#") {
				status := ""
				if len(f) >= 3 {
					status = f[2]
				}
				add(f[0], status)
			}
		}
	}
	sort.Strings(a.dynamicPrefixes)
}
