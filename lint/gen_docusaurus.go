package lint

import (
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"gopkg.in/yaml.v3"
)

// addDocusaurusDocs adds a docs plugin's current folder and its versions:
// versions.json lists them newest first; the newest is served at the route
// base and the current folder under /next.
func addDocusaurusDocs(root string, p docPlugin, add func(dir, base, kind string)) {
	prefix := ""
	if p.id != "" && p.id != "default" {
		prefix = p.id + "_"
	}
	var versions []string
	if data, err := readSiteFile(root, prefix+"versions.json"); err == nil {
		_ = json.Unmarshal(data, &versions)
	}
	if len(versions) == 0 {
		add(p.path, p.base, KindDocs)
		return
	}
	add(p.path, joinURL(p.base, "next"), KindDocs)
	for i, v := range versions {
		base := joinURL(p.base, v)
		if i == 0 {
			base = p.base
		}
		add(prefix+"versioned_docs/version-"+v, base, KindDocs)
	}
}

func joinURL(a, b string) string {
	return strings.TrimSuffix(a, "/") + "/" + strings.TrimPrefix(b, "/")
}

type docPlugin struct {
	id, path, base, kind string
}

type docusaurusConfig struct {
	url     string
	static  []string
	plugins []docPlugin
}

var (
	dcURLRE      = regexp.MustCompile(`(?m)^\s*url:\s*['"](https?://[^'"]+)['"]`)
	dcStaticRE   = regexp.MustCompile(`staticDirectories:\s*\[([^\]]*)\]`)
	dcStringRE   = regexp.MustCompile(`['"]([^'"]+)['"]`)
	dcPathRE     = regexp.MustCompile(`\bpath:\s*['"]([^'"]+)['"]`)
	dcRouteRE    = regexp.MustCompile(`\brouteBasePath:\s*['"]([^'"]*)['"]`)
	dcIDRE       = regexp.MustCompile(`\bid:\s*['"]([^'"]+)['"]`)
	dcDocsOffRE  = regexp.MustCompile(`\bdocs:\s*false\b`)
	dcBlogOffRE  = regexp.MustCompile(`\bblog:\s*false\b`)
	dcPresetDocs = regexp.MustCompile(`\bdocs:\s*\{`)
	dcPresetBlog = regexp.MustCompile(`\bblog:\s*\{`)
	dcPluginRE   = regexp.MustCompile(`['"](?:@docusaurus/plugin-)?content-(docs|blog)['"]\s*,`)
)

// readDocusaurusConfig reads what a light regex can from docusaurus.config.*:
// the site URL, static folders and the docs and blog plugin instances. It is
// JavaScript, so anything computed is missed and the defaults stand.
func readDocusaurusConfig(root string) docusaurusConfig {
	src := readFirst(root, "docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs")
	dc := docusaurusConfig{}
	if m := dcURLRE.FindStringSubmatch(src); m != nil {
		dc.url = m[1]
	}
	if m := dcStaticRE.FindStringSubmatch(src); m != nil {
		for _, s := range dcStringRE.FindAllStringSubmatch(m[1], -1) {
			dc.static = append(dc.static, strings.TrimPrefix(s[1], "./"))
		}
	}
	if len(dc.static) == 0 {
		dc.static = []string{"static"}
	}
	plugin := func(kind, block, defPath string) docPlugin {
		p := docPlugin{path: defPath, base: "/" + defPath, kind: kind}
		if m := dcPathRE.FindStringSubmatch(block); m != nil {
			p.path = strings.TrimPrefix(m[1], "./")
		}
		if m := dcRouteRE.FindStringSubmatch(block); m != nil {
			p.base = "/" + strings.Trim(m[1], "/")
		}
		if m := dcIDRE.FindStringSubmatch(block); m != nil {
			p.id = m[1]
		}
		if p.base == "/" {
			p.base = ""
		}
		return p
	}
	if !dcDocsOffRE.MatchString(src) {
		dc.plugins = append(dc.plugins, plugin(KindDocs, blockAfter(src, dcPresetDocs), "docs"))
	}
	if !dcBlogOffRE.MatchString(src) {
		dc.plugins = append(dc.plugins, plugin(KindBlog, blockAfter(src, dcPresetBlog), "blog"))
	}
	for _, loc := range dcPluginRE.FindAllStringSubmatchIndex(src, -1) {
		kind := KindDocs
		if src[loc[2]:loc[3]] == "blog" {
			kind = KindBlog
		}
		rest := src[loc[1]:]
		i := strings.IndexByte(rest, '{')
		if i < 0 || strings.TrimSpace(strings.Trim(rest[:i], "(")) != "" {
			continue
		}
		dc.plugins = append(dc.plugins, plugin(kind, braceBlock(rest[i:]), kind))
	}
	return dc
}

// blockAfter returns the {...} block that follows the first match of re.
func blockAfter(src string, re *regexp.Regexp) string {
	loc := re.FindStringIndex(src)
	if loc == nil {
		return ""
	}
	return braceBlock(src[loc[1]-1:])
}

// braceBlock returns s (which starts at a `{`) up to the brace that closes
// it, skipping quoted strings, with only its top-level text (see topLevel).
func braceBlock(s string) string { return topLevel(jsBalanced(s)) }

// topLevel keeps only the text at depth one of a {...} block, so that keys of
// nested objects (a version's `path`) are not taken for the plugin's.
func topLevel(block string) string {
	var b strings.Builder
	depth := 0
	var quote byte
	for i := 0; i < len(block); i++ {
		c := block[i]
		switch {
		case quote == 0:
			switch c {
			case '{', '[', '(':
				depth++
			case '}', ']', ')':
				depth--
			case '\'', '"', '`':
				quote = c
			}
		case c == '\\' && i+1 < len(block):
			if depth <= 1 {
				b.WriteByte(c)
				b.WriteByte(block[i+1])
			}
			i++
			continue
		case c == quote:
			quote = 0
		}
		if depth <= 1 {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// mdxCodeBlocks turns Docusaurus ```mdx-code-block fences into raw HTML
// blocks: Docusaurus unwraps them and renders their JSX, so their ids are
// anchors and their hrefs are links.
type mdxCodeBlocks struct{}

func (mdxCodeBlocks) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(mdxCodeBlocks{}, 900)))
}

func (mdxCodeBlocks) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var found []*ast.FencedCodeBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fc, ok := n.(*ast.FencedCodeBlock); ok && entering && string(fc.Language(src)) == "mdx-code-block" {
			found = append(found, fc)
		}
		return ast.WalkContinue, nil
	})
	for _, fc := range found {
		hb := ast.NewHTMLBlock(ast.HTMLBlockType7)
		hb.SetLines(fc.Lines())
		fc.Parent().ReplaceChild(fc.Parent(), fc, hb)
	}
}

// docusaurusBlogURL follows the blog plugin: the slug front matter, else the
// date (from a date-prefixed file or folder name) then the rest of the name.
func docusaurusBlogURL(base, rel string, fm *Value) string {
	if slug := fieldString(fm, "slug"); slug != "" {
		return base + "/" + strings.TrimPrefix(slug, "/")
	}
	if m := docusaurusBlogRE.FindStringSubmatch(rel); m != nil {
		return base + "/" + m[2] + "/" + m[3] + "/" + m[4] + "/" + m[1] + m[5]
	}
	text := strings.TrimSuffix(strings.TrimSuffix(rel, path.Ext(rel)), "/index")
	return base + "/" + text
}

func stripNumberPrefix(name string) string {
	if dateLikePrefixRE.MatchString(name) {
		return name
	}
	if loc := numberPrefixRE.FindStringIndex(name); loc != nil && loc[1] < len(name) {
		return name[loc[1]:]
	}
	return name
}

// docusaurusDocURL follows the docs plugin: an absolute slug wins; a category
// index (index, README, or named like its folder) stands for the folder;
// otherwise the slug or id resolves against the folder, number prefixes gone.
func docusaurusDocURL(base, rel string, fm *Value) string {
	noExt := strings.TrimSuffix(rel, path.Ext(rel))
	dir, file := path.Split(noExt)
	dir = strings.TrimSuffix(dir, "/")
	var dirSegs []string
	if dir != "" {
		for _, sg := range strings.Split(dir, "/") {
			dirSegs = append(dirSegs, stripNumberPrefix(sg))
		}
	}
	dirSlug := "/" + strings.Join(dirSegs, "/")
	slug := fieldString(fm, "slug")
	if strings.HasPrefix(slug, "/") {
		return base + slug
	}
	lower := strings.ToLower(stripNumberPrefix(file))
	if slug == "" && (lower == "index" || lower == "readme" ||
		(len(dirSegs) > 0 && lower == strings.ToLower(dirSegs[len(dirSegs)-1]))) {
		return base + dirSlug
	}
	id := fieldString(fm, "id")
	if id == "" {
		id = stripNumberPrefix(file)
	}
	if slug == "" {
		slug = id
	}
	return base + path.Join(dirSlug, slug)
}

// docusaurus models Docusaurus: docs and blog plugin instances read from
// docusaurus.config.*, versioned docs, src/pages, MDX.
type docusaurus struct{}

func (docusaurus) Name() string { return "docusaurus" }

func (docusaurus) Detect(dir string) bool {
	return hasFile(dir, "docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs")
}

func (docusaurus) Roots(root string) []ContentRoot {
	var out []ContentRoot
	add := rootAdder(root, &out)
	dc := readDocusaurusConfig(root)
	for _, p := range dc.plugins {
		if p.kind == KindDocs {
			addDocusaurusDocs(root, p, add)
		} else {
			add(p.path, p.base, p.kind)
		}
	}
	add("src/pages", "", KindPages)
	i18n := readDocusaurusI18n(root)
	n := len(out)
	for i := 0; i < n; i++ {
		out[i].Lang = i18n.defaultLocale
	}
	// Each other locale's translations sit under i18n/<locale>/<plugin>/,
	// served under /<locale>.
	for _, loc := range i18n.others() {
		for i := 0; i < n; i++ {
			if dir, ok := docusaurusI18nDir(root, dc.plugins, out[i], loc); ok {
				before := len(out)
				add(dir, "/"+loc+out[i].Base, out[i].Kind)
				if len(out) > before {
					out[len(out)-1].Lang = loc
				}
			}
		}
	}
	return out
}

// docusaurusI18n is the i18n block of docusaurus.config.*.
type docusaurusI18n struct {
	defaultLocale string
	locales       []string
}

func (d docusaurusI18n) others() []string {
	var out []string
	for _, l := range d.locales {
		if l != d.defaultLocale {
			out = append(out, l)
		}
	}
	return out
}

var (
	dcI18nRE          = regexp.MustCompile(`\bi18n:\s*\{`)
	dcDefaultLocaleRE = regexp.MustCompile(`\bdefaultLocale:\s*['"]([^'"]+)['"]`)
	dcLocalesRE       = regexp.MustCompile(`\blocales:\s*\[([^\]]*)\]`)
)

// readDocusaurusI18n reads defaultLocale and locales; a site without an
// i18n block has one locale, unnamed.
func readDocusaurusI18n(root string) docusaurusI18n {
	src := readFirst(root, "docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs")
	var d docusaurusI18n
	loc := dcI18nRE.FindStringIndex(src)
	if loc == nil {
		return d
	}
	raw := jsBalanced(src[loc[1]-1:])
	block := topLevel(raw)
	if m := dcDefaultLocaleRE.FindStringSubmatch(block); m != nil {
		d.defaultLocale = m[1]
	}
	if m := dcLocalesRE.FindStringSubmatch(raw); m != nil {
		for _, l := range dcStringRE.FindAllStringSubmatch(m[1], -1) {
			d.locales = append(d.locales, l[1])
		}
	}
	if d.defaultLocale == "" && len(d.locales) > 0 {
		d.defaultLocale = d.locales[0]
	}
	return d
}

// docusaurusModel is what the Docusaurus model read of the site's config.
type docusaurusModel struct {
	cfg  docusaurusConfig
	i18n docusaurusI18n
}

// docusaurusOf is the model Configure read; a site built by hand reads it
// now.
func docusaurusOf(s *Site) *docusaurusModel {
	if m, ok := s.genData.(*docusaurusModel); ok {
		return m
	}
	return &docusaurusModel{cfg: readDocusaurusConfig(s.Root), i18n: readDocusaurusI18n(s.Root)}
}

// docusaurusI18nDir is the folder holding a content root's translations in
// a locale: i18n/<locale>/docusaurus-plugin-content-docs[-<id>]/current (or
// version-<v>), …-content-blog[-<id>], …-content-pages.
func docusaurusI18nDir(root string, plugins []docPlugin, r ContentRoot, loc string) (string, bool) {
	rel := relSlash(root, r.Dir)
	base := "i18n/" + loc + "/docusaurus-plugin-content-"
	switch r.Kind {
	case KindBlog:
		for _, p := range plugins {
			if p.kind == KindBlog && p.path == rel {
				return base + "blog" + pluginSuffix(p.id), true
			}
		}
	case KindPages:
		return base + "pages", true
	case KindDocs:
		for _, p := range plugins {
			if p.kind != KindDocs {
				continue
			}
			dir := base + "docs" + pluginSuffix(p.id)
			if p.path == rel {
				return dir + "/current", true
			}
			prefix := ""
			if p.id != "" && p.id != "default" {
				prefix = p.id + "_"
			}
			if v, ok := strings.CutPrefix(rel, prefix+"versioned_docs/version-"); ok {
				return dir + "/version-" + v, true
			}
		}
	}
	return "", false
}

func pluginSuffix(id string) string {
	if id == "" || id == "default" {
		return ""
	}
	return "-" + id
}

// LinkEntries pairs each default-locale page with its translations (the
// same path under the locale's i18n folder) and gives an untranslated page
// the URL it is served at in every other locale: Docusaurus builds each
// locale from the default locale's files where no translation exists.
func (docusaurus) LinkEntries(s *Site, entries []*Entry) {
	i18n := docusaurusOf(s).i18n
	others := i18n.others()
	if len(others) == 0 {
		return
	}
	byPath := make(map[string]*Entry, len(entries))
	for _, e := range entries {
		byPath[e.Path] = e
	}
	for _, r := range s.ContentRoots {
		if r.Lang != i18n.defaultLocale || r.Lang == "" {
			continue
		}
		for _, e := range entries {
			if e.URL == "" {
				continue
			}
			if own, ok := s.RootFor(e.Abs); !ok || own.Dir != r.Dir {
				continue
			}
			rel := relSlash(r.Dir, e.Abs)
			for _, loc := range others {
				dir, ok := docusaurusI18nDir(s.Root, docusaurusOf(s).cfg.plugins, r, loc)
				if !ok {
					continue
				}
				if t := byPath[dir+"/"+rel]; t != nil {
					setTranslation(e, loc, t.Path)
					setTranslation(t, i18n.defaultLocale, e.Path)
					continue
				}
				e.ExtraURLs = append(e.ExtraURLs, NormalizeURLPath("/"+loc+e.URL))
			}
		}
	}
	// A translated doc or post with no default-locale original is never
	// rendered: Docusaurus reads docs and posts from the default locale's
	// folder and only swaps in a translation where one exists.
	for _, r := range s.ContentRoots {
		if (r.Kind != KindDocs && r.Kind != KindBlog) || r.Lang == "" || r.Lang == i18n.defaultLocale {
			continue
		}
		for _, e := range entries {
			if own, ok := s.RootFor(e.Abs); ok && own.Dir == r.Dir && e.URL != "" && len(e.Translations) == 0 {
				e.URL = ""
			}
		}
	}
	// Translations of one page know each other too.
	for _, e := range entries {
		for l1, p1 := range e.Translations {
			for l2, p2 := range e.Translations {
				if t := byPath[p1]; l1 != l2 && t != nil {
					setTranslation(t, l2, p2)
				}
			}
		}
	}
}

func setTranslation(e *Entry, lang, path string) {
	if e.Translations == nil {
		e.Translations = map[string]string{}
	}
	e.Translations[lang] = path
}

func (docusaurus) Defaults(cfg *Config) {
	dc := readDocusaurusConfig(cfg.Root)
	setList(&cfg.Static, dc.static...)
	setStr(&cfg.Cover.Field, "image")
	if cfg.Frontmatter.Required == nil {
		// Docusaurus falls back to the first heading (docs, blog) or
		// the file name (blog) for the title, so no field is required.
		none := []string{}
		cfg.Frontmatter.Required = &none
	}
	if len(cfg.BaseURL) == 0 && dc.url != "" {
		cfg.BaseURL = StringList{dc.url}
	}
}

func (docusaurus) Configure(s *Site) error {
	// The config is read once here: links, routes and fallbacks ask the
	// model many times per run.
	s.genData = &docusaurusModel{cfg: readDocusaurusConfig(s.Root), i18n: readDocusaurusI18n(s.Root)}
	s.Extensions = append(s.Extensions, mdxCodeBlocks{})
	s.RedirectSources, s.RedirectsUnknown = docusaurusClientRedirects(s.Root)
	s.pageRoutes = docusaurusCategoryPages(s)
	if i18n := docusaurusOf(s).i18n; len(i18n.locales) > 0 {
		s.Languages = append(s.Languages, i18n.defaultLocale)
		s.Languages = append(s.Languages, i18n.others()...)
		// A locale is built with baseUrl /<locale>/, which site-absolute
		// links of its pages get too.
		s.LocaleBase = map[string]string{}
		for _, l := range i18n.others() {
			s.LocaleBase[l] = "/" + l
		}
	}
	return nil
}

func (docusaurus) PageURL(_ *Site, e *Entry, root ContentRoot, rel string) (string, bool) {
	if e.Lang == "" {
		e.Lang = root.Lang
	}
	if (root.Kind == KindDocs || root.Kind == KindBlog) && fieldString(e.Fields, "draft") == "true" {
		return "", true // drafts are left out of production builds
	}
	switch root.Kind {
	case KindDocs:
		return docusaurusDocURL(root.Base, rel, e.Fields), true
	case KindBlog:
		return docusaurusBlogURL(root.Base, rel, e.Fields), true
	}
	return "", false
}

func (docusaurus) Partial(s *Site, abs string) bool { return underscorePartial(s, abs) }

func (docusaurus) GeneratedRoute(s *Site, p string) bool {
	if p == "/search" {
		return true
	}
	// Every locale has the default locale's generated pages under /<locale>.
	for _, loc := range docusaurusOf(s).i18n.others() {
		if rest, ok := strings.CutPrefix(p, "/"+loc); ok && (rest == "" || rest[0] == '/') {
			if rest == "" || docusaurusGenerated(s, rest) {
				return true
			}
		}
	}
	return docusaurusGenerated(s, p)
}

func docusaurusGenerated(s *Site, p string) bool {
	if p == "/search" || s.pageRoutes[p] {
		return true
	}
	for _, r := range s.ContentRoots {
		switch r.Kind {
		case KindBlog:
			if p == NormalizeURLPath(r.Base) {
				return true
			}
			for _, sub := range []string{"/tags", "/archive", "/authors", "/page"} {
				if under(p, r.Base, sub) {
					return true
				}
			}
			for _, f := range []string{"/rss.xml", "/atom.xml", "/feed.json"} {
				if p == trimSlash(r.Base)+f {
					return true
				}
			}
		case KindDocs:
			if p == NormalizeURLPath(r.Base) || under(p, r.Base, "/tags") || under(p, r.Base, "/category") {
				return true
			}
		}
	}
	return false
}

// OwnsURL: pages written in code and plugin pages are invisible, so only
// paths under a content root's own prefix (such as /docs or /blog) are judged.
func (docusaurus) OwnsURL(s *Site, p string) bool { return ownsUnderRootBase(s, p) }

func (docusaurus) Dialect(string) (string, []string) { return DialectDocusaurus, nil }

func (docusaurus) Traits() Traits {
	return Traits{SlugStyle: "docusaurus", LinksFromRoot: true, IDPerFolder: true, MDXCodeBlocks: true, MDXComments: true,
		LooseHeadingIDs: true, NoH1Anchors: true}
}

func (docusaurus) CheckDate(raw string) (string, bool) { return checkDateCommon(raw) }

func (docusaurus) Required(s *Site, abs string, fm *Value, cfg []string) []string {
	return requiredAsConfigured(s, abs, fm, cfg)
}

var (
	// client-redirects: from: '/old' or from: ['/a', '/b'].
	dcFromRE   = regexp.MustCompile(`\bfrom\s*:\s*(\[[^\]]*\]|'[^']*'|"[^"]*"|` + "`[^`]*`" + `)`)
	dcJSPathRE = regexp.MustCompile("['\"`](/[^'\"`]*)['\"`]")
)

// docusaurusClientRedirects reads the `from` paths of
// @docusaurus/plugin-client-redirects; unknown names the config when it
// makes redirects in code (createRedirects).
func docusaurusClientRedirects(root string) (froms []string, unknown string) {
	for _, name := range []string{"docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs"} {
		b, err := readSiteFile(root, name)
		if err != nil {
			continue
		}
		src := stripJSComments(string(b))
		if !strings.Contains(src, "plugin-client-redirects") {
			return nil, ""
		}
		if strings.Contains(src, "createRedirects") {
			unknown = filepath.Join(root, name)
		}
		for _, m := range dcFromRE.FindAllStringSubmatch(src, -1) {
			for _, p := range dcJSPathRE.FindAllStringSubmatch(m[1], -1) {
				froms = append(froms, p[1])
			}
		}
		return froms, unknown
	}
	return nil, ""
}

// docusaurusCategoryPages are the generated index pages that docs folders'
// _category_.json (or .yml) ask for with a slug: `"link": {"type":
// "generated-index", "slug": "/guides"}` serves /docs/guides. Without a
// slug they are under /docs/category/, which GeneratedRoute covers.
func docusaurusCategoryPages(s *Site) map[string]bool {
	out := map[string]bool{}
	for _, r := range s.ContentRoots {
		if r.Kind != KindDocs {
			continue
		}
		dir, err := os.OpenRoot(r.Dir)
		if err != nil {
			continue // an unreadable folder has no categories
		}
		fsys := dir.FS()
		_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if n := d.Name(); d.IsDir() || (n != "_category_.json" && n != "_category_.yml" && n != "_category_.yaml") {
				return nil
			}
			var c struct {
				Link struct {
					Type string `yaml:"type"`
					Slug string `yaml:"slug"`
				} `yaml:"link"`
			}
			data, err := fs.ReadFile(fsys, p)
			if err != nil || yaml.Unmarshal(data, &c) != nil {
				return nil //nolint:nilerr // Docusaurus reports a broken category file itself
			}
			if c.Link.Type == "generated-index" && c.Link.Slug != "" {
				out[NormalizeURLPath(r.Base+"/"+strings.TrimPrefix(c.Link.Slug, "/"))] = true
			}
			return nil
		})
		_ = dir.Close()
	}
	return out
}

// SourceFallback maps a path inside a locale's i18n folder to the same path
// in the default locale's content folder.
func (docusaurus) SourceFallback(s *Site, abs string) (string, bool) {
	i18n := docusaurusOf(s).i18n
	rel := s.Rel(abs)
	for _, r := range s.ContentRoots {
		if r.Lang != i18n.defaultLocale || r.Lang == "" {
			continue
		}
		for _, loc := range i18n.others() {
			dir, ok := docusaurusI18nDir(s.Root, docusaurusOf(s).cfg.plugins, r, loc)
			if rest, found := strings.CutPrefix(rel, dir+"/"); ok && found {
				return filepath.Join(r.Dir, filepath.FromSlash(rest)), true
			}
		}
	}
	return "", false
}
