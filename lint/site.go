package lint

import (
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/yuin/goldmark"
)

// ContentRoot is a folder of posts and the URL prefix it is published under.
type ContentRoot struct {
	Dir  string // absolute
	Base string // URL prefix such as /docs; "" for the site root
	Kind string // "docs", "blog", "pages" or "" (generic)
	// Lang is the language of every page under it, where the generator
	// gives content folders a language.
	Lang string
}

// Site is the model of the site being linted: where posts live, how their URLs
// are formed and where assets are served from. Presets fill it in.
type Site struct {
	Root   string // absolute
	Preset string
	// Gen is the generator model; rules ask the site, never a generator.
	Gen Generator
	// SectionPermalinks are Hugo's [permalinks]: section → pattern.
	SectionPermalinks map[string]string
	ContentRoots      []ContentRoot
	StaticRoots       []string // absolute
	BaseURLs          []*url.URL
	SlugStyle         string // github or hugo
	// Dialect is the admonition dialect: docusaurus, mdc or none.
	Dialect string
	// AdmonitionTypes are the allowed keywords or component names.
	AdmonitionTypes []string
	LangField       string
	DefaultLang     string
	// Extensions are goldmark extensions the preset adds to the parser.
	Extensions []goldmark.Extender
	// Permalink is the configured URL pattern; zero means the preset's
	// scheme for each content root.
	Permalink Permalink
	DateField string
	// LowerURLs lower-cases generated URL paths, as Hugo does.
	LowerURLs bool
	// pageRoutes are URL paths that pages written in code serve (Nuxt's
	// pages/*.vue); under a dynamicPrefixes entry any path may exist.
	pageRoutes      map[string]bool
	dynamicPrefixes []string
	// Languages are the site's languages, the default first; nil when the
	// generator's config names none.
	Languages []string
	// Anchors are the generator's options for heading and term ids.
	Anchors AnchorOptions
	// LocaleBase is the URL prefix of a language whose pages' site-absolute
	// links are served under it (a Docusaurus locale's baseUrl).
	LocaleBase map[string]string
	// Redirects are the generator's configured redirects: target URL path
	// → the paths that redirect to it (aliases of the target's page).
	Redirects map[string][]string
	// RedirectSources are the URL paths (with :param and * patterns) that
	// the generator's own redirect settings answer, whatever their target.
	RedirectSources []string
	// RedirectsUnknown names the generator config whose redirects are made
	// in code, so that not every redirect can be known; "" when all are.
	RedirectsUnknown string
	// Notes say what the model cannot know from the source (a plugin, a
	// render hook, a layer it cannot see); the run prints each once.
	Notes []string
	// genData is what the generator read of the site's own config in
	// Configure, kept for its later answers. A fingerprinter's key is part
	// of the index cache fingerprint.
	genData any
}

// fingerprinter is generator data that can say what it read, for the index
// cache fingerprint.
type fingerprinter interface{ fingerprint() string }

// AnchorOptions are how a generator's Markdown renderer gives ids beyond
// slugging heading text.
type AnchorOptions struct {
	// LastLine: goldmark's auto ids, as Hugo uses them: a multi-line
	// (setext) heading takes its id from its last line only, and an empty
	// heading gets none.
	LastLine bool
	// TermIDs: definition-list terms get ids too, counted with the
	// headings (Hugo's autoDefinitionTermID).
	TermIDs bool
	// FootnoteIDs: footnotes get goldmark's ids, fn:N on the note and
	// fnref:N (fnrefK:N for the K-th further reference) on each reference.
	FootnoteIDs bool
	// NoTypographer: the typographer is off, so dashes and dots reach the
	// slugger as written.
	NoTypographer bool
}

// NewSite builds the site model from a config whose Root is set (and, for a
// generator preset, already filled by ApplyPreset).
func NewSite(cfg *Config) (*Site, error) {
	if cfg.Root == "" {
		return nil, fmt.Errorf("site: no root")
	}
	g, _ := GeneratorByName(cfg.Preset)
	tr := g.Traits()
	s := &Site{Root: cfg.Root, Preset: cfg.Preset, Gen: g, SlugStyle: tr.SlugStyle, LowerURLs: tr.LowerURLs,
		LangField: "language", Dialect: cfg.Admonitions.Dialect, Permalink: cfg.Permalink, DateField: "date",
		Redirects: map[string][]string{}}
	preset := g.Roots(cfg.Root)
	for _, c := range cfg.Content {
		abs := s.abs(c)
		if r, ok := presetRootFor(preset, abs); ok {
			s.ContentRoots = append(s.ContentRoots, r)
			continue
		}
		s.ContentRoots = append(s.ContentRoots, ContentRoot{Dir: abs})
	}
	if len(s.ContentRoots) == 0 {
		s.ContentRoots = []ContentRoot{{Dir: s.Root}}
	}
	for _, d := range cfg.Static {
		s.StaticRoots = append(s.StaticRoots, s.abs(d))
	}
	if err := configureAdmonitions(cfg, s); err != nil {
		return nil, cfg.errorAt(err, "admonitions", "dialect")
	}
	if err := g.Configure(s); err != nil {
		return nil, fmt.Errorf("%s model: %w", g.Name(), err)
	}
	for i, b := range cfg.BaseURL {
		u, err := url.Parse(b)
		if err != nil || u.Host == "" {
			return nil, cfg.errorAt(fmt.Errorf("baseURL %q: not an absolute URL", b), "baseURL", strconv.Itoa(i))
		}
		s.BaseURLs = append(s.BaseURLs, u)
	}
	if err := checkPermalink(cfg.Permalink.Default); err != nil {
		return nil, cfg.errorAt(fmt.Errorf("permalink %q: %w", cfg.Permalink.Default, err), "permalink")
	}
	for _, lang := range sortedKeys(cfg.Permalink.ByLang) {
		p := cfg.Permalink.ByLang[lang]
		if err := checkPermalink(p); err != nil {
			return nil, cfg.errorAt(fmt.Errorf("permalink %q: %w", p, err), "permalink", lang)
		}
	}
	return s, nil
}

func (s *Site) abs(p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(s.Root, filepath.FromSlash(p))
}

// Rel is a path relative to the site root with forward slashes.
func (s *Site) Rel(abs string) string {
	r, err := filepath.Rel(s.Root, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(r)
}

// RootFor returns the content root holding abs, if any.
func (s *Site) RootFor(abs string) (ContentRoot, bool) {
	best := -1
	for i, r := range s.ContentRoots {
		if within(r.Dir, abs) && (best < 0 || len(r.Dir) > len(s.ContentRoots[best].Dir)) {
			best = i
		}
	}
	if best < 0 {
		return ContentRoot{}, false
	}
	return s.ContentRoots[best], true
}

func within(dir, p string) bool {
	r, err := filepath.Rel(dir, p)
	return err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator))
}

// NormalizeURLPath gives URL paths one spelling for lookups: leading slash,
// no trailing slash, no query or fragment, percent-decoded.
func NormalizeURLPath(u string) string {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	if d, err := url.PathUnescape(u); err == nil {
		u = d
	}
	u = path.Clean("/" + u)
	if u != "/" {
		u = strings.TrimSuffix(u, "/")
	}
	return u
}

// IsInternalURL reports whether an absolute URL points at the site itself, and
// returns its path.
func (s *Site) IsInternalURL(raw string) (string, bool) {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "", false
	}
	for _, b := range s.BaseURLs {
		if strings.EqualFold(b.Host, u.Host) {
			p := u.EscapedPath()
			bp := strings.TrimSuffix(b.EscapedPath(), "/")
			if bp != "" && !strings.HasPrefix(p, bp) {
				continue
			}
			return p, true
		}
	}
	return "", false
}

// FileExists reports whether a regular file exists at abs.
func FileExists(abs string) bool {
	fi, err := os.Stat(abs)
	return err == nil && fi.Mode().IsRegular()
}

// ResolveAsset finds the file that dest, written in the post at from (an
// absolute path), points to. Relative paths resolve next to the post, then
// under each of dirs; site-absolute ones under dirs and the static roots. It
// returns "" when nothing exists, with every candidate it tried.
func (s *Site) ResolveAsset(from, dest string, dirs []string) (string, []string) {
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		dest = dest[:i]
	}
	if d, err := url.PathUnescape(dest); err == nil {
		dest = d
	}
	var tried []string
	try := func(p string) bool {
		tried = append(tried, p)
		return FileExists(p)
	}
	rel := filepath.FromSlash(strings.TrimPrefix(dest, "/"))
	if !strings.HasPrefix(dest, "/") {
		if p := filepath.Join(filepath.Dir(from), filepath.FromSlash(dest)); try(p) {
			return p, tried
		}
	}
	for _, d := range dirs {
		if p := filepath.Join(s.abs(d), rel); try(p) {
			return p, tried
		}
	}
	if strings.HasPrefix(dest, "/") {
		for _, d := range s.StaticRoots {
			if p := filepath.Join(d, rel); try(p) {
				return p, tried
			}
		}
		if p, ok := s.MountedFile(dest); ok {
			return p, tried
		}
	}
	return "", tried
}

var permalinkTokenRE = regexp.MustCompile(`:[a-z_]+`)

var permalinkTokens = map[string]bool{":path": true, ":section": true, ":slug": true, ":title": true,
	":filename": true, ":year": true, ":month": true, ":day": true, ":lang": true}

func checkPermalink(p string) error {
	if p == "" {
		return nil
	}
	if !strings.HasPrefix(p, "/") {
		return fmt.Errorf("must start with /")
	}
	for _, t := range permalinkTokenRE.FindAllString(p, -1) {
		if !permalinkTokens[t] {
			return fmt.Errorf("unknown token %s (want :path, :section, :slug, :filename, :year, :month, :day or :lang)", t)
		}
	}
	return nil
}

var (
	// datePrefixRE is a Jekyll or Docusaurus date-prefixed name: 2024-01-02-slug.
	datePrefixRE = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})(?:-(.*))?$`)
	// docusaurusBlogRE follows the blog plugin's file name pattern: the date
	// may sit in the file name, a folder name or a yyyy/mm/dd folder path.
	docusaurusBlogRE = regexp.MustCompile(`^(.*?)(\d{4})[-/](\d{1,2})[-/](\d{1,2})[-/]?(.*?)(?:/index)?\.mdx?$`)
	// Docusaurus number prefixes (01-intro), but not dates or versions.
	numberPrefixRE   = regexp.MustCompile(`^\d+\s*[-_.]+\s*`)
	dateLikePrefixRE = regexp.MustCompile(`^(\d{2}|\d{4})[-_.]\d{2}([-_.](\d{2}|\d{4}))?`)
	// Nuxt Content orders files with 1.intro.md.
	nuxtPrefixRE = regexp.MustCompile(`^\d+\.`)
)

func fieldString(v *Value, key string) string { return strings.TrimSpace(v.Get(key).String()) }

// IsPartial reports whether a file is imported into pages rather than
// published: Docusaurus and Nuxt Content skip names starting with `_`
// (Hugo's _index.md is a section page, not a partial).
func (s *Site) IsPartial(abs string) bool { return s.gen().Partial(s, abs) }

func relSlash(dir, abs string) string {
	rel, err := filepath.Rel(dir, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}

// EntryURL computes where a post is published, and its other addresses
// (aliases). Partials have no URL.
func (s *Site) EntryURL(e *Entry) (string, []string) {
	if cm, ok := s.gen().(ContentModel); ok {
		c := *e
		cm.ModelEntry(s, &c)
		return c.URL, c.Aliases
	}
	if o, ok := s.gen().(URLOwner); ok && s.Permalink.IsZero() {
		return o.EntryURLs(s, e)
	}
	root, ok := s.RootFor(e.Abs)
	if !ok {
		root = ContentRoot{Dir: s.Root}
	}
	rel := relSlash(root.Dir, e.Abs)
	var aliases []string
	for _, key := range []string{"aliases", "redirect_from"} {
		if v := e.Fields.Get(key); v != nil {
			for _, it := range append([]*Value{v}, v.Items...) {
				if a := it.String(); strings.HasPrefix(a, "/") {
					aliases = append(aliases, NormalizeURLPath(a))
				}
			}
		}
	}
	if s.IsPartial(e.Abs) {
		return "", aliases
	}
	if s.Traits().FieldURLs {
		for _, key := range []string{"permalink", "url"} {
			if u := fieldString(e.Fields, key); strings.HasPrefix(u, "/") && !strings.Contains(u, ":") {
				return NormalizeURLPath(u), aliases
			}
		}
	}
	if !s.Permalink.IsZero() {
		if p := s.Permalink.For(e.Lang); p != "" {
			return s.expand(p, root, rel, e), aliases
		}
	}
	u, ok := s.gen().PageURL(s, e, root, rel)
	if ok && u == "" {
		return "", aliases // not rendered, or its URL is unknown
	}
	if !ok {
		u = root.Base + s.expand("/:path", root, rel, e)
	}
	if s.LowerURLs {
		u = strings.ToLower(u)
	}
	u = NormalizeURLPath(u)
	return u, append(aliases, s.Redirects[u]...)
}

// collapsePath is a file path under its root without extension, with index,
// README and _index standing for their folder.
func collapsePath(rel string, orderPrefixes bool) string {
	rel = strings.TrimSuffix(rel, path.Ext(rel))
	segs := strings.Split(rel, "/")
	if orderPrefixes {
		// 1.index.md is its folder's index, as index.md is.
		for i, sg := range segs {
			segs[i] = nuxtPrefixRE.ReplaceAllString(sg, "")
		}
	}
	last := strings.ToLower(segs[len(segs)-1])
	if last == "index" || last == "readme" || last == "_index" {
		segs = segs[:len(segs)-1]
	}
	return strings.Join(segs, "/")
}

// expand fills a permalink pattern's tokens for one post.
func (s *Site) expand(pattern string, root ContentRoot, rel string, e *Entry) string {
	p := collapsePath(rel, s.Traits().OrderPrefixes)
	noExt := strings.TrimSuffix(rel, path.Ext(rel))
	filename := path.Base(noExt)
	if p != noExt || filename == "index" {
		filename = path.Base(path.Dir(noExt))
	}
	if p == "" {
		filename = ""
	}
	year, month, day := s.entryDate(e, filename)
	slug := fieldString(e.Fields, "slug")
	if slug == "" {
		slug = filename
		if m := datePrefixRE.FindStringSubmatch(filename); m != nil && m[4] != "" {
			slug = m[4]
		}
	}
	if path.Base(p) != slug && !strings.Contains(pattern, ":slug") && !strings.Contains(pattern, ":title") && fieldString(e.Fields, "slug") != "" {
		// Hugo: slug replaces the last segment of the path.
		p = strings.TrimSuffix(path.Dir(p)+"/"+slug, "/")
		p = strings.TrimPrefix(p, "./")
	}
	// The section is the first folder the file sits in under its root.
	section := ""
	if d := path.Dir(noExt); d != "." {
		section, _, _ = strings.Cut(d, "/")
		if s.Traits().OrderPrefixes {
			section = nuxtPrefixRE.ReplaceAllString(section, "")
		}
	}
	out := permalinkTokenRE.ReplaceAllStringFunc(pattern, func(t string) string {
		switch t {
		case ":path":
			return p
		case ":section":
			return section
		case ":slug", ":title":
			return slug
		case ":filename":
			return filename
		case ":year":
			return year
		case ":month":
			return month
		case ":day":
			return day
		case ":lang":
			return e.Lang
		case ":i_month":
			return strings.TrimLeft(month, "0")
		case ":i_day":
			return strings.TrimLeft(day, "0")
		case ":short_year":
			if len(year) == 4 {
				return year[2:]
			}
			return year
		case ":output_ext":
			return "" // links to foo.html resolve to foo as well
		}
		return t
	})
	return NormalizeURLPath(out)
}

// entryDate takes the date from the date field, else from a date-prefixed
// file or folder name.
func (s *Site) entryDate(e *Entry, filename string) (y, m, d string) {
	raw := fieldString(e.Fields, s.DateField)
	if len(raw) >= 10 {
		if t, err := time.Parse("2006-01-02", raw[:10]); err == nil {
			return t.Format("2006"), t.Format("01"), t.Format("02")
		}
	}
	if mm := datePrefixRE.FindStringSubmatch(filename); mm != nil {
		return mm[1], pad2(mm[2]), pad2(mm[3])
	}
	return "", "", ""
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// StaticAvailable reports whether any static folder exists on disk. When none
// does (a partial copy of a site), site-absolute asset paths cannot be judged.
func (s *Site) StaticAvailable() bool {
	for _, d := range s.StaticRoots {
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			return true
		}
	}
	return false
}

// StripBasePath removes the path of a baseURL such as
// https://example.com/blog/ from a URL path of the site, leaving the path
// that posts and static files are indexed under.
func (s *Site) StripBasePath(p string) string {
	for _, b := range s.BaseURLs {
		if bp := strings.TrimSuffix(b.EscapedPath(), "/"); bp != "" && (p == bp || strings.HasPrefix(p, bp+"/")) {
			return strings.TrimPrefix(p, bp)
		}
	}
	return p
}

// LocalizeLink gives the path a site-absolute link p of page e reaches: in a
// language built under its own base, a URL link gets that base too.
func (s *Site) LocalizeLink(e *Entry, p string) string {
	base := s.LocaleBase[e.Lang]
	// A Markdown file path is resolved as a file, not as a URL.
	if base == "" || p == base || strings.HasPrefix(p, base+"/") || IsMarkdown(p) {
		return p
	}
	return base + p
}
