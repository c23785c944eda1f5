package lint

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"gopkg.in/yaml.v3"
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

// presetRoots lists the content roots a generator publishes, with their URL
// prefix and scheme. Folders that do not exist are left out.
func presetRoots(preset, root string) []ContentRoot {
	var out []ContentRoot
	add := func(dir, base, kind string) {
		abs := filepath.Join(root, filepath.FromSlash(dir))
		if fi, err := os.Stat(abs); err == nil && fi.IsDir() {
			out = append(out, ContentRoot{Dir: abs, Base: base, Kind: kind})
		}
	}
	switch preset {
	case "docusaurus":
		dc := readDocusaurusConfig(root)
		for _, p := range dc.plugins {
			if p.kind == KindDocs {
				addDocusaurusDocs(root, p, add)
			} else {
				add(p.path, p.base, p.kind)
			}
		}
		add("src/pages", "", KindPages)
	case "hugo":
		add("content", "", KindGeneric)
	case "nuxt-content":
		add("content", "", KindGeneric)
	case "jekyll":
		add(".", "", KindPages)
		add("_posts", "", KindPosts)
	case "astro":
		ents, _ := os.ReadDir(filepath.Join(root, "src", "content"))
		for _, e := range ents {
			if e.IsDir() && !strings.HasPrefix(e.Name(), ".") && !strings.HasPrefix(e.Name(), "_") {
				add("src/content/"+e.Name(), "/"+e.Name(), KindCollection)
			}
		}
		add("src/pages", "", KindPages)
	}
	return out
}

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

// braceBlock returns s up to the brace that closes its first one, skipping
// quoted strings; nested blocks are included.
func braceBlock(s string) string {
	depth := 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			switch c {
			case '\\':
				i++
			case quote:
				quote = 0
			}
		case c == '\'' || c == '"' || c == '`':
			quote = c
		case c == '{':
			depth++
		case c == '}':
			depth--
			if depth == 0 {
				return topLevel(s[:i+1])
			}
		}
	}
	return s
}

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

// stripJSComments blanks // and /* */ comments outside string literals.
func stripJSComments(s string) string {
	b := []byte(s)
	var quote byte
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote || (c == '\n' && quote != '`') {
				quote = 0
			}
		case c == '\'' || c == '"' || c == '`':
			quote = c
		case c == '/' && i+1 < len(b) && b[i+1] == '/':
			for ; i < len(b) && b[i] != '\n'; i++ {
				b[i] = ' '
			}
		case c == '/' && i+1 < len(b) && b[i+1] == '*':
			end := strings.Index(s[i+2:], "*/")
			stop := len(b)
			if end >= 0 {
				stop = i + 2 + end + 2
			}
			for ; i < stop; i++ {
				if b[i] != '\n' {
					b[i] = ' '
				}
			}
			i--
		}
	}
	return string(b)
}

// presetDefaults fills unset config from the generator's conventions.
func presetDefaults(cfg *Config) {
	root := cfg.Root
	roots := presetRoots(cfg.Preset, root)
	if len(cfg.Content) == 0 {
		for _, r := range roots {
			rel, err := filepath.Rel(root, r.Dir)
			if err != nil {
				continue
			}
			cfg.Content = append(cfg.Content, filepath.ToSlash(rel))
		}
	}
	setList := func(dst *[]string, v ...string) {
		if len(*dst) == 0 {
			*dst = v
		}
	}
	setStr := func(dst *string, v string) {
		if *dst == "" {
			*dst = v
		}
	}
	switch cfg.Preset {
	case "docusaurus":
		dc := readDocusaurusConfig(root)
		setList(&cfg.Static, dc.static...)
		setStr(&cfg.Cover.Field, "image")
		setStr(&cfg.Admonitions.Dialect, "docusaurus")
		if cfg.Frontmatter.Required == nil {
			// Docusaurus falls back to the first heading (docs, blog) or
			// the file name (blog) for the title, so no field is required.
			none := []string{}
			cfg.Frontmatter.Required = &none
		}
	case "hugo":
		setList(&cfg.Static, "static", "assets")
		setStr(&cfg.Cover.Field, "cover")
		setStr(&cfg.Admonitions.Dialect, "none")
	case "nuxt-content":
		setList(&cfg.Static, "public")
		setStr(&cfg.Cover.Field, "cover")
		setStr(&cfg.Admonitions.Dialect, "mdc")
	case "jekyll":
		setList(&cfg.Static, ".")
		setStr(&cfg.Cover.Field, "image")
		setStr(&cfg.Admonitions.Dialect, "none")
		if cfg.Ignore == nil {
			cfg.Ignore = []string{"_site", "_site/**", "vendor", "vendor/**", "_includes/**", "_layouts/**", "_drafts/**", ".jekyll-cache/**", "node_modules/**"}
		}
	case "astro":
		setList(&cfg.Static, "public")
		setStr(&cfg.Cover.Field, "cover")
		setStr(&cfg.Admonitions.Dialect, "none")
	default:
		setStr(&cfg.Cover.Field, "cover")
	}
	setStr(&cfg.Alternates.Field, "alternates")
	if len(cfg.BaseURL) == 0 {
		if u := generatorBaseURL(cfg.Preset, root); u != "" {
			cfg.BaseURL = StringList{u}
		}
	}
}

var (
	astroSiteRE = regexp.MustCompile(`\bsite:\s*['"](https?://[^'"]+)['"]`)
	astroBaseRE = regexp.MustCompile(`\bbase:\s*['"](/[^'"]*)['"]`)
	nuxtSiteRE  = regexp.MustCompile(`\bsite:\s*\{[^{}]*?\burl:\s*['"](https?://[^'"]+)['"]`)
)

// generatorBaseURL reads the published origin from the generator's own
// config, so that absolute links to the site are resolved, not fetched:
// Docusaurus url, Hugo baseURL, Jekyll url plus baseurl, Astro site plus
// base, Nuxt site.url. It returns "" when none is set.
func generatorBaseURL(preset, root string) string {
	switch preset {
	case "docusaurus":
		return readDocusaurusConfig(root).url
	case "hugo":
		return hugoBaseURL(root)
	case "jekyll":
		var jc struct {
			URL     string `yaml:"url"`
			BaseURL string `yaml:"baseurl"`
		}
		data, err := readSiteFile(root, "_config.yml")
		if err != nil || yaml.Unmarshal(data, &jc) != nil || !strings.Contains(jc.URL, "://") {
			return ""
		}
		return strings.TrimSuffix(jc.URL, "/") + jc.BaseURL
	case "astro":
		src := readFirst(root, "astro.config.mjs", "astro.config.ts", "astro.config.js")
		m := astroSiteRE.FindStringSubmatch(src)
		if m == nil {
			return ""
		}
		if b := astroBaseRE.FindStringSubmatch(src); b != nil {
			return strings.TrimSuffix(m[1], "/") + b[1]
		}
		return m[1]
	case "nuxt-content":
		if m := nuxtSiteRE.FindStringSubmatch(readFirst(root, "nuxt.config.ts", "nuxt.config.js")); m != nil {
			return m[1]
		}
	}
	return ""
}

// readFirst returns the first of the files in root that exists, comments
// blanked (they are JavaScript or TypeScript).
func readFirst(root string, names ...string) string {
	for _, n := range names {
		if b, err := readSiteFile(root, n); err == nil {
			return stripJSComments(string(b))
		}
	}
	return ""
}

// hugoBaseURL reads baseURL (Hugo keys are case-insensitive) from the site
// config file or the config/_default folder.
func hugoBaseURL(root string) string {
	for _, m := range hugoConfigs(root) {
		for k, v := range m {
			if s, ok := v.(string); ok && strings.EqualFold(k, "baseURL") && strings.Contains(s, "://") {
				return s
			}
		}
	}
	return ""
}

// hugoConfigs decodes the site's Hugo configuration files, the root ones
// first, then config/_default. A file that does not parse is skipped: Hugo
// reports it itself.
func hugoConfigs(root string) []map[string]any {
	var out []map[string]any
	for _, dir := range []string{"", "config/_default"} {
		for _, n := range []string{"hugo", "config"} {
			for _, ext := range []string{".toml", ".yaml", ".yml", ".json"} {
				if m := decodeConfigFile(root, filepath.Join(filepath.FromSlash(dir), n+ext)); m != nil {
					out = append(out, m)
				}
			}
		}
	}
	// config/_default/permalinks.toml holds the permalinks table alone.
	for _, ext := range []string{".toml", ".yaml", ".yml", ".json"} {
		if m := decodeConfigFile(root, filepath.Join("config", "_default", "permalinks"+ext)); m != nil {
			out = append(out, map[string]any{"permalinks": m})
		}
	}
	return out
}

func decodeConfigFile(root, f string) map[string]any {
	data, err := readSiteFile(root, f)
	if err != nil {
		return nil
	}
	var m map[string]any
	switch filepath.Ext(f) {
	case ".toml":
		err = toml.Unmarshal(data, &m)
	case ".json":
		err = json.Unmarshal(data, &m)
	default:
		err = yaml.Unmarshal(data, &m)
	}
	if err != nil {
		return nil
	}
	return m
}

// hugoPermalinks reads the [permalinks] table: section → pattern, in the old
// flat form or the newer [permalinks.page] one.
func hugoPermalinks(root string) map[string]string {
	out := map[string]string{}
	for _, m := range hugoConfigs(root) {
		for k, v := range m {
			table, ok := v.(map[string]any)
			if !strings.EqualFold(k, "permalinks") || !ok {
				continue
			}
			if page, ok := table["page"].(map[string]any); ok {
				table = page
			}
			for section, pat := range table {
				if p, ok := pat.(string); ok && strings.HasPrefix(p, "/") {
					out[section] = p
				}
			}
		}
	}
	return out
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

// GeneratedRoute reports whether the generator itself serves p (a normalized
// URL path) without a source file: the home page, blog lists, tag, author and
// archive pages, feeds, doc category indexes.
func (s *Site) GeneratedRoute(p string) bool {
	p = NormalizeURLPath(p)
	if p == "/" || p == "/sitemap.xml" || p == "/robots.txt" || p == "/404" || p == "/404.html" {
		return true
	}
	under := func(base, sub string) bool {
		b := strings.TrimSuffix(base, "/") + sub
		return p == b || strings.HasPrefix(p, b+"/")
	}
	switch s.Preset {
	case "docusaurus":
		if p == "/search" {
			return true
		}
		for _, r := range s.ContentRoots {
			switch r.Kind {
			case KindBlog:
				if p == NormalizeURLPath(r.Base) {
					return true
				}
				for _, sub := range []string{"/tags", "/archive", "/authors", "/page"} {
					if under(r.Base, sub) {
						return true
					}
				}
				for _, f := range []string{"/rss.xml", "/atom.xml", "/feed.json"} {
					if p == strings.TrimSuffix(r.Base, "/")+f {
						return true
					}
				}
			case KindDocs:
				if p == NormalizeURLPath(r.Base) || under(r.Base, "/tags") || under(r.Base, "/category") {
					return true
				}
			}
		}
	case "nuxt-content":
		return s.pageRoutes[p]
	case "hugo":
		if strings.HasPrefix(p, "/tags") || strings.HasPrefix(p, "/categories") ||
			strings.HasSuffix(p, "/index.xml") || strings.Contains(p+"/", "/page/") {
			return true
		}
		// Hugo renders a list page for every top-level section (a folder of
		// the content root), with or without an _index.md.
		if seg := strings.Trim(p, "/"); seg != "" && !strings.Contains(seg, "/") {
			for _, r := range s.ContentRoots {
				if fi, err := os.Stat(filepath.Join(r.Dir, seg)); err == nil && fi.IsDir() {
					return true
				}
			}
		}
		return false
	case "jekyll":
		return p == "/feed.xml" || strings.HasPrefix(p, "/tags") || strings.HasPrefix(p, "/categories")
	}
	return false
}

// OwnsURL reports whether every page under p comes from the content roots, so
// that a path reaching no post is a broken link. Docusaurus and Astro also
// route pages written in code and plugin pages, which contentlint cannot see:
// only paths under a content root's own prefix (such as /docs or /blog) are
// judged there.
func (s *Site) OwnsURL(p string) bool {
	p = NormalizeURLPath(p)
	for _, d := range s.dynamicPrefixes {
		if strings.HasPrefix(p, d+"/") {
			return false
		}
	}
	if s.Preset != "docusaurus" && s.Preset != "astro" {
		return true
	}
	for _, r := range s.ContentRoots {
		b := NormalizeURLPath(r.Base)
		if b != "/" && (p == b || strings.HasPrefix(p, b+"/")) {
			return true
		}
	}
	return false
}

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
