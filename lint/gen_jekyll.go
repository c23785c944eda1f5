package lint

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"gopkg.in/yaml.v3"
)

// jekyll models Jekyll 4 (checked against Debian's 4.3.1 by the oracle in
// lint/oracle): pages anywhere under the source folder except in `_` folders,
// collections (_posts and those in `collections:`) with their permalink
// templates, exclude/include, front matter as the sign of a page (a file
// without it is copied as-is), jekyll-redirect-from's pages, and kramdown's
// heading ids.
type jekyll struct{}

// jekyllSite is what the model read from _config.yml.
type jekyllSite struct {
	source         string // absolute source folder
	style          string // the permalink setting as written ("date" by default)
	collectionsDir string // relative to source, "" for the source itself
	collections    map[string]jekyllCollection
	exclude        []string
	excludeOnly    []string // exclude less what include names again
	include        []string
	markdownExt    map[string]bool
	future         bool
	unpublished    bool
	loc            *time.Location
	input          string // kramdown input: GFM or kramdown
	redirects      bool   // jekyll-redirect-from is loaded
	defaults       []jekyllDefault
	now            time.Time
	key            string            // a hash of _config.yml, for the index cache
	vars           map[string]string // top-level string settings, as {{ site.x }}
}

type jekyllCollection struct {
	output    bool
	permalink string
}

// jekyllDefault is one `defaults:` entry; only the values that change what
// is published or where (permalink, published) are kept.
type jekyllDefault struct {
	path, typ string
	values    map[string]string
}

// jekyllConfigFile is _config.yml as far as the model reads it.
type jekyllConfigFile struct {
	Source         string    `yaml:"source"`
	Permalink      string    `yaml:"permalink"`
	CollectionsDir string    `yaml:"collections_dir"`
	Collections    yaml.Node `yaml:"collections"`
	Exclude        []string  `yaml:"exclude"`
	Include        []string  `yaml:"include"`
	MarkdownExt    string    `yaml:"markdown_ext"`
	Future         bool      `yaml:"future"`
	Unpublished    bool      `yaml:"unpublished"`
	Timezone       string    `yaml:"timezone"`
	Plugins        []string  `yaml:"plugins"`
	Gems           []string  `yaml:"gems"`
	URL            string    `yaml:"url"`
	BaseURL        string    `yaml:"baseurl"`
	Kramdown       struct {
		Input          string `yaml:"input"`
		AutoIDs        *bool  `yaml:"auto_ids"`
		AutoIDPrefix   string `yaml:"auto_id_prefix"`
		Transliterated bool   `yaml:"transliterated_header_ids"`
	} `yaml:"kramdown"`
	Defaults []struct {
		Scope struct {
			Path string `yaml:"path"`
			Type string `yaml:"type"`
		} `yaml:"scope"`
		Values map[string]any `yaml:"values"`
	} `yaml:"defaults"`
}

func readJekyllConfig(root string) (jekyllConfigFile, []byte) {
	var jc jekyllConfigFile
	data, err := readSiteFile(root, "_config.yml")
	if err != nil {
		return jc, nil
	}
	if yaml.Unmarshal(data, &jc) != nil {
		// A config Jekyll itself cannot read: fall back to its defaults.
		return jekyllConfigFile{}, data
	}
	return jc, data
}

// jekyllQuietPlugins change no page's URL, links or heading ids (their
// feed.xml and sitemap.xml are generated routes).
var jekyllQuietPlugins = map[string]bool{"jekyll-seo-tag": true, "jekyll-sitemap": true, "jekyll-feed": true,
	"jemoji": true, "jekyll-gist": true, "jekyll-avatar": true, "jekyll-mentions": true, "jekyll-github-metadata": true,
	"jekyll-include-cache": true, "jekyll-remote-theme": true, "jekyll-sass-converter": true, "jekyll-default-layout": true}

// jekyllDefaultExcludes are always excluded (Jekyll 4's DEFAULT_EXCLUDES).
var jekyllDefaultExcludes = []string{".sass-cache", ".jekyll-cache", ".ruby-lsp", "gemfiles", "Gemfile",
	"Gemfile.lock", "node_modules", "vendor/bundle/", "vendor/cache/", "vendor/gems/", "vendor/ruby/"}

func newJekyllSite(root string) (*jekyllSite, []string) {
	jc, data := readJekyllConfig(root)
	sum := sha256.Sum256(data)
	j := &jekyllSite{source: root, style: "date", collections: map[string]jekyllCollection{},
		markdownExt: map[string]bool{}, future: jc.Future, unpublished: jc.Unpublished, loc: time.UTC,
		input: "GFM", now: time.Now(), key: hex.EncodeToString(sum[:8])}
	var notes []string
	var all map[string]any
	if yaml.Unmarshal(data, &all) == nil {
		j.vars = map[string]string{}
		for k, v := range all {
			if str, ok := v.(string); ok {
				j.vars[k] = str
			}
		}
	}
	if jc.Source != "" {
		j.source = filepath.Join(root, filepath.FromSlash(jc.Source))
		if !hasDir(root, jc.Source) {
			notes = append(notes, "source "+jc.Source+" in _config.yml does not exist (a build step makes it?); set content: in .contentlint.yml to lint the folder it is made from")
		}
	}
	if jc.Permalink != "" {
		j.style = jc.Permalink
	}
	j.collectionsDir = strings.Trim(jc.CollectionsDir, "/")
	j.exclude = append(append([]string{}, jc.Exclude...), jekyllDefaultExcludes...)
	j.include = append([]string{".htaccess"}, jc.Include...)
	for _, e := range j.exclude {
		if !slices.Contains(j.include, e) {
			j.excludeOnly = append(j.excludeOnly, e)
		}
	}
	ext := jc.MarkdownExt
	if ext == "" {
		ext = "markdown,mkdown,mkdn,mkd,md"
	}
	for _, e := range strings.Split(ext, ",") {
		j.markdownExt["."+strings.ToLower(strings.TrimSpace(e))] = true
	}
	if jc.Timezone != "" {
		if loc, err := time.LoadLocation(jc.Timezone); err == nil {
			j.loc = loc
		} else {
			notes = append(notes, "timezone "+jc.Timezone+" is unknown here: post dates are placed in UTC")
		}
	}
	if strings.EqualFold(jc.Kramdown.Input, "kramdown") {
		j.input = "kramdown"
	}
	if k := jc.Kramdown; (k.AutoIDs != nil && !*k.AutoIDs) || k.AutoIDPrefix != "" || k.Transliterated {
		notes = append(notes, "kramdown auto_ids, auto_id_prefix and transliterated_header_ids are not modelled: heading ids may differ from the built site's")
	}
	var unknown []string
	for _, p := range append(jc.Plugins, jc.Gems...) {
		switch {
		case p == "jekyll-redirect-from":
			j.redirects = true
		case !jekyllQuietPlugins[p]:
			unknown = append(unknown, p)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		notes = append(notes, "plugins "+strings.Join(unknown, ", ")+" may add pages or change links and ids; the model does not know them")
	}
	if ents, err := os.ReadDir(filepath.Join(j.source, "_plugins")); err == nil && len(ents) > 0 {
		notes = append(notes, "custom plugins in _plugins/ may add pages or change links and ids; the model does not know them")
	}
	if !j.redirects {
		// A Gemfile's jekyll_plugins group loads plugins too.
		if b, err := readSiteFile(root, "Gemfile"); err == nil && strings.Contains(string(b), "jekyll_plugins") && strings.Contains(string(b), "jekyll-redirect-from") {
			j.redirects = true
		}
	}
	// collections: a list of names, or a map of name to metadata.
	j.collections["posts"] = jekyllCollection{output: true}
	switch jc.Collections.Kind {
	case yaml.SequenceNode:
		for _, n := range jc.Collections.Content {
			if n.Value != "posts" {
				j.collections[n.Value] = jekyllCollection{}
			}
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(jc.Collections.Content); i += 2 {
			name := jc.Collections.Content[i].Value
			var meta struct {
				Output    bool   `yaml:"output"`
				Permalink string `yaml:"permalink"`
			}
			_ = jc.Collections.Content[i+1].Decode(&meta)
			c := jekyllCollection{output: meta.Output, permalink: meta.Permalink}
			if name == "posts" {
				c.output = true
			}
			j.collections[name] = c
		}
	}
	if p := j.collections["posts"]; p.permalink == "" {
		p.permalink = jekyllStylePattern(j.style)
		j.collections["posts"] = p
	}
	for _, d := range jc.Defaults {
		jd := jekyllDefault{path: strings.Trim(d.Scope.Path, "/"), typ: d.Scope.Type, values: map[string]string{}}
		for _, k := range []string{"permalink", "published"} {
			if v, ok := d.Values[k]; ok {
				jd.values[k] = strings.TrimSpace(toString(v))
			}
		}
		if len(jd.values) > 0 {
			j.defaults = append(j.defaults, jd)
		}
	}
	return j, notes
}

func toString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case nil:
		return ""
	}
	b, _ := yaml.Marshal(v)
	return strings.TrimSpace(string(b))
}

// jekyllStyles are Jekyll's built-in permalink styles.
var jekyllStyles = map[string]string{
	"date":     "/:categories/:year/:month/:day/:title:output_ext",
	"pretty":   "/:categories/:year/:month/:day/:title/",
	"ordinal":  "/:categories/:year/:y_day/:title:output_ext",
	"weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
	"none":     "/:categories/:title:output_ext",
}

func jekyllStylePattern(style string) string {
	if p, ok := jekyllStyles[style]; ok {
		return p
	}
	return style
}

// permalinkSuffix is Jekyll's add_permalink_suffix: what the site's
// permalink style appends to page and collection templates.
func permalinkSuffix(template, style string) string {
	switch style {
	case "pretty":
		return template + "/"
	case "date", "ordinal", "none":
		return template + ":output_ext"
	}
	if strings.HasSuffix(style, "/") {
		template += "/"
	}
	if strings.HasSuffix(style, ":output_ext") {
		template += ":output_ext"
	}
	return template
}

// jekyllOf is what the Jekyll model read of the site, nil for a site built
// by hand.
func jekyllOf(s *Site) *jekyllSite {
	j, _ := s.genData.(*jekyllSite)
	return j
}

// fingerprint names the config the model read, for the index cache.
func (j *jekyllSite) fingerprint() string {
	if j == nil {
		return ""
	}
	return j.key
}

func (jekyll) Name() string { return "jekyll" }

func (jekyll) Detect(dir string) bool { return hasFile(dir, "_config.yml") }

// Roots is the source folder: Jekyll decides per file what it renders.
func (jekyll) Roots(root string) []ContentRoot {
	var out []ContentRoot
	jc, _ := readJekyllConfig(root)
	src := "."
	if jc.Source != "" {
		src = jc.Source
	}
	if !hasDir(root, src) {
		// A source made by a build step: there is nothing to read, and the
		// run says so rather than lint the wrong folder.
		return []ContentRoot{{Dir: filepath.Join(root, filepath.FromSlash(src)), Kind: KindPages}}
	}
	rootAdder(root, &out)(src, "", KindPages)
	return out
}

func (jekyll) Defaults(cfg *Config) {
	jc, _ := readJekyllConfig(cfg.Root)
	src := "."
	if jc.Source != "" {
		src = strings.Trim(jc.Source, "/")
	}
	setList(&cfg.Static, src)
	setStr(&cfg.Cover.Field, "image")
	if cfg.Frontmatter.Required == nil {
		// Jekyll needs no field: posts take their title from the file name,
		// and layouts fall back to the site's title.
		cfg.Frontmatter.Required = &[]string{}
	}
	if cfg.Ignore == nil {
		// What Jekyll never renders is not linted: its output, its layouts,
		// includes, data, plugins and Sass, drafts, and what _config.yml
		// excludes (files Jekyll copies as-is are still indexed).
		cfg.Ignore = []string{"_site", "_site/**", "vendor", "vendor/**", ".jekyll-cache/**", "node_modules/**"}
		prefix := ""
		if src != "." {
			prefix = src + "/"
		}
		for _, d := range []string{"_layouts", "_includes", "_data", "_plugins", "_sass", "_drafts"} {
			cfg.Ignore = append(cfg.Ignore, prefix+d+"/**")
		}
		for _, ex := range jc.Exclude {
			if ex = strings.Trim(ex, "/"); ex != "" && !contains(jc.Include, ex) {
				cfg.Ignore = append(cfg.Ignore, prefix+ex, prefix+ex+"/**")
			}
		}
	}
	if u := strings.TrimSuffix(jc.URL, "/") + jc.BaseURL; len(cfg.BaseURL) == 0 && strings.Contains(jc.URL, "://") {
		cfg.BaseURL = StringList{u}
	}
}

func (jekyll) Configure(s *Site) error {
	j, notes := newJekyllSite(s.Root)
	if len(s.ContentRoots) == 1 && hasDir(s.ContentRoots[0].Dir, ".") && s.ContentRoots[0].Dir != j.source {
		// content: in .contentlint.yml names the folder Jekyll reads.
		j.source = s.ContentRoots[0].Dir
		notes = nil
	}
	s.genData = j
	s.SlugStyle = "kramdown-gfm"
	if j.input == "kramdown" {
		s.SlugStyle = "kramdown"
	}
	s.Notes = append(s.Notes, notes...)
	return nil
}

// Reads follows Jekyll's reader: a file in a `_` or `.` folder that is no
// collection, an excluded one, or a _posts file not named by date is never
// read. A file outside the source folder was named by the user and is read.
func (jekyll) Reads(s *Site, abs string) bool {
	j := jekyllOf(s)
	if j == nil {
		return true
	}
	rel, err := filepath.Rel(j.source, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return true
	}
	_, ok := j.classify(filepath.ToSlash(rel))
	return ok
}

// EntryURLs decides whether Jekyll renders a file and where: its URL as the
// file it writes is served (/x/ for x/index.html, /x.html), and the pages
// jekyll-redirect-from writes for it. "" means not rendered.
func (jekyll) EntryURLs(s *Site, e *Entry) (string, []string) {
	j := jekyllOf(s)
	if j == nil {
		return "", nil
	}
	for a := range e.Anchors {
		if strings.Contains(a, "{{") || strings.Contains(a, "{%") {
			// id="{{ tag | slugify }}" in a loop: Liquid writes ids the
			// source does not show.
			delete(e.Anchors, a)
			e.OpenAnchors = "Liquid writes some of its ids"
		}
	}
	rel, err := filepath.Rel(j.source, e.Abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return "", nil
	}
	rel = filepath.ToSlash(rel)
	doc, ok := j.classify(rel)
	if !ok || (e.Fields == nil && doc.collection != "posts") {
		return "", nil // not read, or copied as-is without front matter (posts need none)
	}
	if v := j.field(e, doc, "published"); v == "false" && !j.unpublished {
		return "", nil
	}
	if doc.collection != "" && !j.collections[doc.collection].output {
		return "", nil
	}
	var u string
	if doc.collection == "" {
		u = j.pageURL(s, e, rel)
	} else {
		var date time.Time
		var dated bool
		u, date, dated = j.docURL(e, doc)
		if u == "" {
			return "", nil
		}
		if dated && !j.future && date.After(j.now) {
			return "", nil
		}
	}
	var aliases []string
	if to := fieldString(e.Fields, "redirect_to"); j.redirects && to != "" {
		// The page itself becomes a redirect to another address.
		return "", []string{u}
	}
	if j.redirects {
		if v := e.Fields.Get("redirect_from"); v != nil {
			for _, it := range append([]*Value{v}, v.Items...) {
				if a := strings.TrimSpace(it.String()); a != "" && it.Kind == Scalar {
					aliases = append(aliases, redirectPagePath(a))
				}
			}
		}
	}
	return u, aliases
}

// redirectPagePath is where jekyll-redirect-from writes a redirect page: the
// path with a leading slash, and .html unless it ends in / or .html.
func redirectPagePath(from string) string {
	from = sanitizeJekyllURL(from)
	if strings.HasSuffix(from, "/") || strings.HasSuffix(from, ".html") {
		return from
	}
	return from + ".html"
}

// jekyllDoc says how Jekyll reads a file: as a page (collection "") or a
// document of a collection, with its path inside the collection folder.
type jekyllDoc struct {
	collection string
	inner      string // path inside _<collection>, for documents
	cats       []string
}

// classify follows Jekyll's reader and EntryFilter: ok is false for files it
// never reads (excluded, in a `_` or `.` folder that is no collection, a
// backup file), for drafts, and for files in _posts not named by date.
func (j *jekyllSite) classify(rel string) (jekyllDoc, bool) {
	segs := strings.Split(rel, "/")
	// Collections live in collections_dir/_label.
	cdir := 0
	if j.collectionsDir != "" {
		cs := strings.Split(j.collectionsDir, "/")
		if len(segs) > len(cs) && strings.Join(segs[:len(cs)], "/") == j.collectionsDir {
			cdir = len(cs)
		}
	}
	if len(segs) > cdir+1 && strings.HasPrefix(segs[cdir], "_") {
		label := segs[cdir][1:]
		if _, ok := j.collections[label]; ok && (cdir > 0 || j.collectionsDir == "") {
			inner := strings.Join(segs[cdir+1:], "/")
			for _, sg := range segs[cdir+1:] {
				if j.special(sg) {
					return jekyllDoc{}, false
				}
			}
			if label == "posts" && !postNameRE.MatchString(inner) {
				return jekyllDoc{}, false
			}
			return jekyllDoc{collection: label, inner: inner}, true
		}
	}
	// Posts in a _posts folder below others: those folders are categories.
	for i, sg := range segs[:len(segs)-1] {
		if sg == "_posts" && i > 0 {
			for _, d := range segs[:i] {
				if j.special(d) || j.excluded(d) {
					return jekyllDoc{}, false
				}
			}
			inner := strings.Join(segs[i+1:], "/")
			if !postNameRE.MatchString(inner) {
				return jekyllDoc{}, false
			}
			return jekyllDoc{collection: "posts", inner: inner, cats: segs[:i]}, true
		}
	}
	for i := range segs {
		p := strings.Join(segs[:i+1], "/")
		if j.included(p) {
			continue
		}
		if j.excluded(p) || j.special(segs[i]) {
			return jekyllDoc{}, false
		}
	}
	return jekyllDoc{}, true
}

// postNameRE is Jekyll's DATE_FILENAME_MATCHER.
var postNameRE = regexp.MustCompile(`^(?:.+/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$`)

func (j *jekyllSite) special(name string) bool {
	if j.included(name) {
		return false
	}
	return strings.HasSuffix(name, "~") || (name != "" && strings.ContainsRune("._#~", rune(name[0])))
}

func (j *jekyllSite) included(p string) bool { return jekyllGlob(j.include, p, true) }

func (j *jekyllSite) excluded(p string) bool { return jekyllGlob(j.excludeOnly, p, false) }

// jekyllGlob matches Jekyll's glob_include?: fnmatch on the path relative to
// the source, or the pattern as a prefix of it; include patterns also match
// the base name.
func jekyllGlob(patterns []string, p string, base bool) bool {
	for _, pat := range patterns {
		pat = strings.TrimPrefix(pat, "/")
		if pat == "" {
			continue
		}
		if ok, _ := path.Match(pat, p); ok {
			return true
		}
		if base {
			if ok, _ := path.Match(pat, path.Base(p)); ok {
				return true
			}
		}
		if strings.HasPrefix(p, pat) || strings.TrimSuffix(pat, "/") == p {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// field is a front matter value, else the `defaults:` value for the file.
func (j *jekyllSite) field(e *Entry, doc jekyllDoc, key string) string {
	if v := e.Fields.Get(key); v != nil {
		return strings.TrimSpace(v.Text)
	}
	rel, _ := filepath.Rel(j.source, e.Abs)
	rel = filepath.ToSlash(rel)
	typ := "pages"
	if doc.collection != "" {
		typ = doc.collection
	}
	out := ""
	for _, d := range j.defaults {
		if (d.path == "" || rel == d.path || strings.HasPrefix(rel, d.path+"/")) && (d.typ == "" || d.typ == typ) {
			if v, ok := d.values[key]; ok {
				out = v // later entries win, as in Jekyll's defaults
			}
		}
	}
	return out
}

// outputExt is the extension Jekyll writes a file with.
func (j *jekyllSite) outputExt(rel string) string {
	ext := strings.ToLower(path.Ext(rel))
	if j.markdownExt[ext] {
		return ".html"
	}
	return path.Ext(rel)
}

// pageURL is Jekyll's Page#url and #destination, as the written file.
func (j *jekyllSite) pageURL(_ *Site, e *Entry, rel string) string {
	ext := j.outputExt(rel)
	basename := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	dir := path.Dir(rel)
	if dir == "." {
		dir = ""
	}
	template := j.field(e, jekyllDoc{}, "permalink")
	if template == "" {
		switch {
		case ext != ".html":
			template = "/:path/:basename:output_ext"
		case basename == "index":
			template = "/:path/"
		default:
			template = permalinkSuffix("/:path/:basename", j.style)
		}
	}
	u := strings.NewReplacer(":path", "/"+dir, ":basename", basename, ":output_ext", ext).Replace(template)
	return writtenURL(sanitizeJekyllURL(u), ext)
}

// writtenURL is the URL of the file Jekyll writes for a URL: x/ is
// x/index.html, and the output extension is appended when missing.
func writtenURL(u, ext string) string {
	if strings.HasSuffix(u, "/") || strings.HasSuffix(u, ext) {
		return u
	}
	return u + ext
}

// sanitizeJekyllURL is URL#sanitize_url: a leading /, no "..", no "./", no
// repeated slashes.
func sanitizeJekyllURL(u string) string {
	u = strings.ReplaceAll("/"+u, "..", "/")
	u = strings.ReplaceAll(u, "./", "")
	for strings.Contains(u, "//") {
		u = strings.ReplaceAll(u, "//", "/")
	}
	return u
}

var jekyllTokenRE = regexp.MustCompile(`:([a-z_]+)`)

// docURL is Document#url for a collection document, with its date (from the
// date field, else the file name) and whether it has one.
func (j *jekyllSite) docURL(e *Entry, doc jekyllDoc) (string, time.Time, bool) {
	c := j.collections[doc.collection]
	ext := j.outputExt(doc.inner)
	template := j.field(e, doc, "permalink")
	if template == "" {
		template = c.permalink
	}
	if template == "" {
		template = permalinkSuffix("/:collection/:path", j.style)
	}
	base := path.Base(doc.inner)
	noExt := strings.TrimSuffix(base, path.Ext(base))
	slug := noExt
	var date time.Time
	dated := false
	if m := postNameRE.FindStringSubmatch(doc.inner); m != nil {
		slug = m[2]
		if t, ok := ParseJekyllDate(m[1], j.loc); ok {
			date, dated = t, true
		}
	}
	slug = strings.TrimRight(slug, ".")
	if raw := fieldString(e.Fields, "date"); raw != "" {
		if t, ok := ParseJekyllDate(raw, j.loc); ok {
			date, dated = t, true
		}
	}
	if !dated {
		date = j.now.In(j.loc)
	}
	if s := fieldString(e.Fields, "slug"); s != "" {
		slug = s
	}
	cleaned := "/" + strings.TrimRight(strings.TrimSuffix(doc.inner, path.Ext(doc.inner)), ".")
	cats := jekyllCategories(doc.cats, e.Fields)
	failed := false
	u := jekyllTokenRE.ReplaceAllStringFunc(template, func(t string) string {
		v, ok := jekyllToken(t[1:], doc.collection, cleaned, noExt, slug, cats, ext, date)
		if !ok && strings.HasSuffix(t, "_") {
			// "/:month_:day" is :month then "_".
			if v, ok = jekyllToken(strings.TrimSuffix(t[1:], "_"), doc.collection, cleaned, noExt, slug, cats, ext, date); ok {
				v += "_"
			}
		}
		if !ok {
			failed = true
		}
		return v
	})
	if failed {
		return "", date, dated // Jekyll stops the build on an unknown token
	}
	return writtenURL(sanitizeJekyllURL(u), ext), date, dated
}

func jekyllToken(name, collection, cleaned, basename, slug, cats, ext string, d time.Time) (string, bool) {
	switch name {
	case "collection":
		return collection, true
	case "path":
		return cleaned, true
	case "name":
		return jekyllSlugify(basename, "default", false), true
	case "title":
		return jekyllSlugify(slug, "pretty", true), true
	case "slug":
		return jekyllSlugify(slug, "default", false), true
	case "categories":
		return strings.TrimPrefix(cats, "/"), true
	case "slugified_categories":
		var out []string
		for _, c := range strings.Split(strings.TrimPrefix(cats, "/"), "/") {
			if c != "" {
				out = append(out, jekyllSlugify(c, "default", false))
			}
		}
		return strings.Join(out, "/"), true
	case "output_ext":
		return ext, true
	case "year":
		return d.Format("2006"), true
	case "month":
		return d.Format("01"), true
	case "day":
		return d.Format("02"), true
	case "hour":
		return d.Format("15"), true
	case "minute":
		return d.Format("04"), true
	case "second":
		return d.Format("05"), true
	case "i_day":
		return strconv.Itoa(d.Day()), true
	case "i_month":
		return strconv.Itoa(int(d.Month())), true
	case "short_month":
		return d.Format("Jan"), true
	case "long_month":
		return d.Format("January"), true
	case "short_year":
		return d.Format("06"), true
	case "w_year":
		y, _ := d.ISOWeek()
		return strconv.Itoa(y), true
	case "week":
		_, w := d.ISOWeek()
		return pad2(strconv.Itoa(w)), true
	case "w_day":
		wd := int(d.Weekday())
		if wd == 0 {
			wd = 7
		}
		return strconv.Itoa(wd), true
	case "short_day":
		return d.Format("Mon"), true
	case "long_day":
		return d.Format("Monday"), true
	case "y_day":
		return strconv.Itoa(1000 + d.YearDay())[1:], true
	}
	return "", false
}

// jekyllSlugify is Utils.slugify for the default and pretty modes: runs of
// other characters become "-", leading and trailing "-" go, and the result
// is lower-cased unless cased.
func jekyllSlugify(s, mode string, cased bool) string {
	keep := func(r rune) bool {
		if unicode.IsLetter(r) || unicode.IsMark(r) || unicode.Is(unicode.Nd, r) {
			return true
		}
		return mode == "pretty" && strings.ContainsRune("._~!$&'()+,;=@", r)
	}
	var b strings.Builder
	dash := false
	for _, r := range s {
		if keep(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	out := b.String()
	if !cased {
		out = strings.ToLower(out)
	}
	return out
}

// jekyllCategories is the categories part of a post's URL: the folders
// above _posts, then the category field (one name) or else the categories
// field (a list, or words), lower-cased, each once.
func jekyllCategories(dirs []string, fm *Value) string {
	var cats []string
	seen := map[string]bool{}
	add := func(c string) {
		if c = strings.ToLower(c); c != "" && !seen[c] {
			seen[c] = true
			cats = append(cats, c)
		}
	}
	for _, d := range dirs {
		add(d)
	}
	if c := fm.Get("category"); c != nil && c.Kind == Scalar {
		add(c.Text)
	} else if v := fm.Get("categories"); v != nil {
		if v.Kind == Scalar {
			for _, w := range strings.Fields(v.Text) {
				add(w)
			}
		}
		for _, it := range v.Items {
			add(it.String())
		}
	}
	if len(cats) == 0 {
		return ""
	}
	return "/" + strings.Join(cats, "/")
}

func (jekyll) PageURL(*Site, *Entry, ContentRoot, string) (string, bool) { return "", false }

func (jekyll) Partial(*Site, string) bool { return false }

func (jekyll) GeneratedRoute(_ *Site, p string) bool {
	return p == "/feed.xml" || p == "/redirects.json" || strings.HasPrefix(p, "/tags") || strings.HasPrefix(p, "/categories")
}

func (jekyll) OwnsURL(*Site, string) bool { return true }

// MountedFile finds the file of a collection with output that Jekyll copies
// as-is (no front matter) to /<collection>/<path>.
func (jekyll) MountedFile(s *Site, p string) (string, bool) {
	j := jekyllOf(s)
	if j == nil {
		return "", false
	}
	label, rest, ok := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	if c, known := j.collections[label]; !ok || !known || !c.output || label == "posts" || rest == "" {
		return "", false
	}
	abs := filepath.Join(j.source, filepath.FromSlash(j.collectionsDir), "_"+label, filepath.FromSlash(rest))
	if !within(s.Root, abs) || !FileExists(abs) || hasFrontMatter(abs) {
		return "", false
	}
	return abs, true
}

// hasFrontMatter is Jekyll's has_yaml_header?: the first line is ---.
func hasFrontMatter(abs string) bool {
	f, err := os.Open(abs)
	if err != nil {
		return false
	}
	defer func() { _ = f.Close() }()
	buf := make([]byte, 8)
	n, _ := f.Read(buf)
	return jekyllFMStartRE.Match(buf[:n])
}

var jekyllFMStartRE = regexp.MustCompile(`^---[ \t]*\r?\n`)

// CheckDate is Jekyll's Utils.parse_date: what it rejects stops the build
// for a post or collection document.
func (jekyll) CheckDate(raw string) (string, bool) {
	if _, ok := ParseJekyllDate(raw, time.UTC); ok {
		return "", false
	}
	return "Jekyll cannot read this date (YYYY-MM-DD, optionally with HH:MM:SS and a zone such as +0200); a post or collection document with it fails the build", true
}

func (jekyll) Required(s *Site, abs string, fm *Value, cfg []string) []string {
	return requiredAsConfigured(s, abs, fm, cfg)
}

func (jekyll) Dialect(string) (string, []string) { return DialectNone, nil }

func (jekyll) Traits() Traits {
	return Traits{SlugStyle: "kramdown-gfm", FieldURLs: true, CopiesWithoutFrontMatter: true, RelativeToURL: true, HTMLPages: true, WordLists: true, TemplateLinks: true}
}

// The numeric date forms Ruby's Date._parse finds anywhere in a string, in
// the order it tries them: y-m-d, y/m/d, y.m.d, d.m.y, d/m/y.
var numericDateREs = []struct {
	re      *regexp.Regexp
	y, m, d int
}{
	{regexp.MustCompile(`(\d{4})-(\d{1,2})-(\d{1,2})`), 1, 2, 3},
	{regexp.MustCompile(`(\d{4})/(\d{1,2})/(\d{1,2})`), 1, 2, 3},
	{regexp.MustCompile(`(\d{4})\.(\d{1,2})\.(\d{1,2})`), 1, 2, 3},
	{regexp.MustCompile(`(\d{1,2})\.(\d{1,2})\.(\d{4})`), 3, 2, 1},
	{regexp.MustCompile(`(\d{1,2})/(\d{1,2})/(\d{4})`), 3, 2, 1},
	{regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`), 1, 2, 3},
}

var (
	timeAfterRE = regexp.MustCompile(`^(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?`)
	zoneAfterRE = regexp.MustCompile(`^\s*(Z|[+-]\d{2}(?::?\d{2})?|[A-Z]{3,4})\b`)
)

var monthNames = map[string]time.Month{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7,
	"aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

// ParseJekyllDate reads a date as Jekyll's Utils.parse_date does (Ruby's
// Time.parse, then local time, here loc): a numeric date anywhere in the
// text (2024-01-02, 2024/01/02, 2024.01.02, 02.01.2024, 02/01/2024 as day
// first, 20240102), with the time and zone that directly follow it, or an
// English month name ("Jan 2, 2024", "2 January 2024", RFC 2822). A day past
// the month's end rolls over and 24:00 is the next day, as in Ruby. ok is
// false where Jekyll stops the build: no date found (a bare year, a year and
// month, words), a month over 12, a day over 31, an hour over 24, a minute
// over 59. The cases are Ruby's own answers, in gen_jekyll_test.go.
func ParseJekyllDate(s string, loc *time.Location) (time.Time, bool) {
	s = strings.TrimSpace(s)
	atoi := func(x string) int { n, _ := strconv.Atoi(x); return n }
	for _, f := range numericDateREs {
		m := f.re.FindStringSubmatchIndex(s)
		if m == nil {
			continue
		}
		g := func(i int) string { return s[m[2*i]:m[2*i+1]] }
		h, mi, sec, zone := 0, 0, 0, ""
		rest := s[m[1]:]
		if t := timeAfterRE.FindStringSubmatch(rest); t != nil {
			h, mi, sec = atoi(t[1]), atoi(t[2]), atoi(t[3])
			rest = rest[len(t[0]):]
			if z := zoneAfterRE.FindStringSubmatch(rest); z != nil {
				zone = z[1]
			}
		}
		return jekyllTime(atoi(g(f.y)), atoi(g(f.m)), atoi(g(f.d)), h, mi, sec, zone, loc)
	}
	return parseNamedMonth(s, loc)
}

// jekyllTime builds a time from parts as Ruby does, with zone (Z, ±HH[:MM],
// a US zone name; others are ignored) or else in loc.
func jekyllTime(y, mo, d, h, mi, sec int, zone string, loc *time.Location) (time.Time, bool) {
	if mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || sec > 60 {
		return time.Time{}, false
	}
	l := loc
	switch {
	case zone == "":
	case zone == "Z" || zone == "UTC" || zone == "GMT":
		l = time.UTC
	case zone[0] == '+' || zone[0] == '-':
		z := strings.ReplaceAll(zone[1:], ":", "") + "00"
		off := (int(z[0]-'0')*10+int(z[1]-'0'))*3600 + (int(z[2]-'0')*10+int(z[3]-'0'))*60
		if zone[0] == '-' {
			off = -off
		}
		l = time.FixedZone(zone, off)
	default:
		if off, ok := usZones[zone]; ok {
			l = time.FixedZone(zone, off*3600)
		}
	}
	return time.Date(y, time.Month(mo), d, h, mi, sec, 0, l).In(loc), true
}

var usZones = map[string]int{"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7}

var (
	clockRE = regexp.MustCompile(`(\d{1,2}):(\d{2})(?::(\d{2}))?`)
	zoneRE  = regexp.MustCompile(`(?:^|\s)([+-]\d{4}|UTC|GMT|[A-Z]{3})$`)
	wordRE  = regexp.MustCompile(`[A-Za-z]+|\d+`)
)

// parseNamedMonth reads dates that name the month: "Jan 2, 2024",
// "2 January 2024", "Tue, 02 Jan 2024 10:00:00 +0000", "Jan 2024" (the 1st).
func parseNamedMonth(s string, loc *time.Location) (time.Time, bool) {
	h, mi, sec := 0, 0, 0
	zone := ""
	if m := zoneRE.FindStringSubmatch(s); m != nil {
		zone = m[1]
		s = strings.TrimSpace(s[:len(s)-len(m[1])])
	}
	if m := clockRE.FindStringSubmatchIndex(s); m != nil {
		h, _ = strconv.Atoi(s[m[2]:m[3]])
		mi, _ = strconv.Atoi(s[m[4]:m[5]])
		if m[6] >= 0 {
			sec, _ = strconv.Atoi(s[m[6]:m[7]])
		}
		s = s[:m[0]] + s[m[1]:]
	}
	var month time.Month
	var nums []int
	for _, w := range wordRE.FindAllString(s, -1) {
		if w[0] >= '0' && w[0] <= '9' {
			n, _ := strconv.Atoi(w)
			nums = append(nums, n)
			continue
		}
		if len(w) >= 3 {
			if mo, ok := monthNames[strings.ToLower(w[:3])]; ok && month == 0 {
				month = mo
			}
		}
	}
	if month == 0 || len(nums) == 0 || len(nums) > 2 {
		return time.Time{}, false
	}
	day, year := 1, nums[0]
	if len(nums) == 2 {
		day, year = nums[0], nums[1]
		if day > 31 {
			day, year = year, day
		}
	}
	if year < 100 {
		return time.Time{}, false // "2 Jan": Ruby takes this year; too fragile to model
	}
	return jekyllTime(year, int(month), day, h, mi, sec, zone, loc)
}

// Liquid link forms Jekyll sites write in destinations.
var (
	liquidLinkRE     = regexp.MustCompile(`^\{%-?\s*link\s+(\S+)\s*-?%\}(.*)$`)
	liquidPostURLRE  = regexp.MustCompile(`^\{%-?\s*post_url\s+(\S+)\s*-?%\}(.*)$`)
	liquidFilterRE   = regexp.MustCompile(`^\{\{-?\s*(?:'([^']*)'|"([^"]*)")\s*(?:\|\s*(?:relative_url|absolute_url|prepend:\s*site\.(?:baseurl|url))\s*)+-?\}\}(.*)$`)
	liquidSiteVarsRE = regexp.MustCompile(`^((?:\{\{-?\s*site\.[A-Za-z_][A-Za-z0-9_]*\s*-?\}\})+)(.*)$`)
	liquidSiteVarRE  = regexp.MustCompile(`site\.([A-Za-z_][A-Za-z0-9_]*)`)
	postNameArgRE    = regexp.MustCompile(`^(.+/)*(\d+-\d+-\d+)-(.*)$`)
)

// TemplateLink reads the Liquid a Jekyll page writes in a link destination:
// {% link path %} and {% post_url name %} (which stop the build when they
// name nothing), '/x/' | relative_url, absolute_url, prepend: site.baseurl
// or prepend: site.url, and {{ site.baseurl }}, {{ site.url }} or another
// setting before a path. Other Liquid is not judged.
func (jekyll) TemplateLink(s *Site, dest string) (TemplateLink, bool) {
	dest = strings.TrimSpace(dest)
	src, vars := s.Root, map[string]string(nil)
	if j := jekyllOf(s); j != nil {
		src, vars = j.source, j.vars
	}
	srcRel := func(p string) string { return strings.TrimPrefix(path.Join(s.Rel(src), p), "./") }
	if m := liquidLinkRE.FindStringSubmatch(dest); m != nil {
		if strings.ContainsAny(m[1], "{}") || strings.ContainsAny(m[2], "{}") {
			return TemplateLink{}, false
		}
		return TemplateLink{File: srcRel(strings.TrimPrefix(m[1], "/")), Tag: "{% link %}"}, true
	}
	if m := liquidPostURLRE.FindStringSubmatch(dest); m != nil {
		n := postNameArgRE.FindStringSubmatch(strings.TrimPrefix(m[1], "/"))
		if n == nil || strings.ContainsAny(m[1], "{}") {
			return TemplateLink{}, false
		}
		// PostComparer: _posts/<path><date>-<slug>.ext or <path>_posts/<date>-<slug>.ext.
		base := regexp.QuoteMeta(n[2]+"-"+n[3]) + `\.[^./]+$`
		dir := regexp.QuoteMeta(n[1])
		prefix := regexp.QuoteMeta(strings.TrimPrefix(s.Rel(src)+"/", "./"))
		re := regexp.MustCompile(`^` + prefix + `(?:_posts/` + dir + base + `|` + dir + `_posts/?` + base + `)`)
		return TemplateLink{Post: re, Tag: "{% post_url %}"}, true
	}
	var u, rest string
	if m := liquidFilterRE.FindStringSubmatch(dest); m != nil {
		u, rest = strings.TrimSpace(m[1]+m[2]), m[3] // a browser trims a URL's spaces
		if !strings.HasPrefix(u, "/") && !strings.Contains(u, "://") {
			u = "/" + u // relative_url roots a relative path at the site
		}
	} else if m := liquidSiteVarsRE.FindStringSubmatch(dest); m != nil {
		// {{ site.baseurl }}/x is a site path; {{ site.repository }}/x is
		// what _config.yml says (often another host).
		prefix := ""
		for _, v := range liquidSiteVarRE.FindAllStringSubmatch(m[1], -1) {
			switch val, ok := vars[v[1]]; {
			case v[1] == "url" || v[1] == "baseurl":
			case ok:
				prefix += val
			default:
				return TemplateLink{}, false
			}
		}
		if strings.Contains(prefix, "://") {
			return TemplateLink{URL: prefix + m[2]}, true
		}
		u = prefix + m[2]
		if u == "" {
			u = "/"
		}
	} else {
		return TemplateLink{}, false
	}
	u += rest
	if strings.ContainsAny(u, "{}") || !strings.HasPrefix(u, "/") {
		return TemplateLink{}, false
	}
	return TemplateLink{URL: u}, true
}

var (
	// A Markdown link or image whose destination is Liquid with spaces in
	// it, which CommonMark (unlike Liquid-first Jekyll) reads as text.
	liquidDestRE = regexp.MustCompile(`(!?)\[[^\]\n]*\]\((\{[{%][^\n]*?[}%]\}[^)\s]*)\)`)
	liquidDefRE  = regexp.MustCompile(`(?m)^ {0,3}\[[^\]\n]+\]:[ \t]*(\{[{%][^\n]*?[}%]\}\S*)`)
	liquidRawRE  = regexp.MustCompile(`(?s)\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}`)
)

// liquidRefs adds the links and images whose destinations are Liquid
// written with spaces ([a]({% link x.md %}), [b]({{ '/x/' | relative_url }})):
// Jekyll renders the Liquid before kramdown sees the link. Code and
// {% raw %} blocks are skipped, as they render no link.
func liquidRefs(post *Post) {
	body := post.Body
	if !bytes.Contains(body, []byte("{{")) && !bytes.Contains(body, []byte("{%")) {
		return
	}
	var skip [][2]int
	for _, m := range liquidRawRE.FindAllIndex(body, -1) {
		skip = append(skip, [2]int{m[0], m[1]})
	}
	_ = ast.Walk(post.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.CodeSpan:
			if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
				l := n.Lines()
				skip = append(skip, [2]int{l.At(0).Start, l.At(l.Len() - 1).Stop})
			}
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					skip = append(skip, [2]int{t.Segment.Start, t.Segment.Stop})
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	skipped := func(i int) bool {
		for _, r := range skip {
			if i >= r[0] && i < r[1] {
				return true
			}
		}
		return false
	}
	add := func(kind RefKind, start, end int) {
		dest := string(body[start:end])
		if !strings.ContainsAny(dest, " \t") || skipped(start) {
			return // without spaces the Markdown parser has it already
		}
		post.Refs = append(post.Refs, Ref{Kind: kind, Dest: dest, Range: post.Lines.Range(start, end)})
	}
	for _, m := range liquidDestRE.FindAllSubmatchIndex(body, -1) {
		kind := RefLink
		if m[3] > m[2] {
			kind = RefImage
		}
		add(kind, m[4], m[5])
	}
	for _, m := range liquidDefRE.FindAllSubmatchIndex(body, -1) {
		add(RefDefinition, m[2], m[3])
	}
}
