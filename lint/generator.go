package lint

import (
	"os"
	"path/filepath"
	"regexp"
	"time"
)

// Generator is one static-site generator's model: what it renders, where,
// under which URLs, with which anchors and directive dialect. Rules and the
// engine ask the site (which asks its generator) and never name one. Each
// generator lives in one file, gen_<name>.go.
type Generator interface {
	// Name is the preset name that selects it in the config.
	Name() string
	// Detect reports whether dir is the root of one of its sites.
	Detect(dir string) bool
	// Roots lists the content roots it publishes from a site root, with
	// their URL prefix and scheme; folders that do not exist are left out.
	Roots(root string) []ContentRoot
	// Defaults fills unset configuration from its conventions and its own
	// config files. What the user's file sets wins.
	Defaults(cfg *Config)
	// Configure completes the site model once the generic set-up is done.
	Configure(s *Site) error
	// PageURL gives a page's URL where the generator has its own scheme
	// for the page's root; ok is false when the generic scheme applies.
	PageURL(s *Site, e *Entry, root ContentRoot, rel string) (u string, ok bool)
	// Partial reports whether a file is imported into pages rather than
	// published.
	Partial(s *Site, abs string) bool
	// GeneratedRoute reports whether it serves p (a normalized URL path)
	// without a source file: lists, feeds, tag pages, code-routed pages.
	GeneratedRoute(s *Site, p string) bool
	// OwnsURL reports whether every page under p comes from the content
	// roots, so that a path reaching no post is a broken link.
	OwnsURL(s *Site, p string) bool
	// Dialect is the admonition dialect it renders and the block names it
	// knows (nil: the dialect's defaults).
	Dialect(root string) (dialect string, names []string)
	// CheckDate says whether the generator's build accepts a front matter
	// date: "" when it does, else why not. fatal is true when the build
	// fails on it (then it is an error, not a warning).
	CheckDate(raw string) (problem string, fatal bool)
	// Required lists the front matter fields a page needs, given what the
	// config asks (cfgRequired); a page the generator never renders, or one
	// whose schema does not ask, may need fewer.
	Required(s *Site, abs string, fm *Value, cfgRequired []string) []string
	// Traits are the generator's fixed choices.
	Traits() Traits
}

// TemplateLink is what a link destination written in the generator's
// template language stands for: a URL, a source file or a post it names.
type TemplateLink struct {
	// URL is the site path (with any #fragment) it renders to; "" when it
	// names a File or a Post instead.
	URL string
	// File is a source file (relative to the site root, with /) that must
	// be published: the build fails without it.
	File string
	// Post matches the paths (relative to the site root) of the posts it
	// may name; the build fails when none is published.
	Post *regexp.Regexp
	// Tag is how the destination names it, for messages ("{% link %}").
	Tag string
}

// TemplateLinker is a Generator whose pages may write link destinations in
// a template language.
type TemplateLinker interface {
	// TemplateLink reads a destination holding template syntax; ok is false
	// when it cannot be judged from the source.
	TemplateLink(s *Site, dest string) (TemplateLink, bool)
}

// TemplateLink reads a link destination written in the generator's template
// language; ok is false when the generator has none or it cannot be judged.
func (s *Site) TemplateLink(dest string) (TemplateLink, bool) {
	if t, is := s.gen().(TemplateLinker); is {
		return t.TemplateLink(s, dest)
	}
	return TemplateLink{}, false
}

// FileMounter is a Generator that serves files from folders other than the
// static roots (Jekyll's collections copy their files without front matter).
type FileMounter interface {
	// MountedFile returns the file served at the site path p, if any.
	MountedFile(s *Site, p string) (abs string, ok bool)
}

// MountedFile returns the file the generator serves at the site path p from
// a folder other than the static roots.
func (s *Site) MountedFile(p string) (string, bool) {
	if m, is := s.gen().(FileMounter); is {
		return m.MountedFile(s, p)
	}
	return "", false
}

// ContentModel is implemented by a generator whose own configuration decides,
// file by file, what is content, in which language, whether and where it is
// rendered, and which files are translations of each other (Hugo's mounts,
// language suffixes, build options and translationKey). The engine then asks
// it instead of the generic scheme.
type ContentModel interface {
	// ModelEntry sets the entry's Lang, URL ("" when never rendered),
	// Aliases, TranslationKey, Unrendered and UnknownLang.
	ModelEntry(s *Site, e *Entry)
	// Unrendered says why the file with front matter fm is never rendered;
	// "" when it is.
	Unrendered(abs string, fm *Value) string
	// Fingerprint covers the configuration it read, for the index cache.
	Fingerprint() string
}

// PageLinker is implemented by a generator that resolves page references its
// own way: links rewritten by a render hook, and shortcodes that name pages
// or files (Hugo's ref, relref and figure).
type PageLinker interface {
	// LinkPage finds the page a Markdown link destination reaches through
	// the generator's own lookup; nil when none (or it has none). owned is
	// true when a render hook turns the destination into something else
	// (a glossary link), so it is not a link to judge.
	LinkPage(ix *Index, from *Entry, dest string) (e *Entry, owned bool)
	// CheckShortcodes reports the shortcodes of e whose targets are missing.
	CheckShortcodes(s *Site, ix *Index, e *Entry) []Diagnostic
}

// LinkPage finds the page dest reaches through the generator's own link
// lookup (a render hook); nil when there is none or it finds nothing.
func (s *Site) LinkPage(ix *Index, from *Entry, dest string) (*Entry, bool) {
	if pl, ok := s.gen().(PageLinker); ok {
		return pl.LinkPage(ix, from, dest)
	}
	return nil, false
}

// CheckShortcodes reports shortcodes of e whose pages or files are missing.
func (s *Site) CheckShortcodes(ix *Index, e *Entry) []Diagnostic {
	if pl, ok := s.gen().(PageLinker); ok {
		return pl.CheckShortcodes(s, ix, e)
	}
	return nil
}

// FieldChecker is implemented by a generator that refuses some front matter
// keys (its build fails on them).
type FieldChecker interface {
	// CheckField says why the build fails on the key; "" when it does not.
	CheckField(key string) string
}

// CheckField says why the generator's build fails on a front matter key.
func (s *Site) CheckField(key string) string {
	if fc, ok := s.gen().(FieldChecker); ok {
		return fc.CheckField(key)
	}
	return ""
}

// IsContent reports whether the site's generator reads abs as content.
func (s *Site) IsContent(abs string) bool {
	if cr, ok := s.gen().(ContentReader); ok {
		return cr.Reads(s, abs)
	}
	return true
}

// ContentReader is a generator that says which files it reads at all. A
// file it never reads (outside every Hugo mount, a Jekyll `_` folder that is
// no collection) is no post and is not linted: nothing of it is published.
type ContentReader interface {
	Reads(s *Site, abs string) bool
}

// Unrendered says why the generator never renders the file at abs with
// front matter fm (a headless bundle, a draft, build options); "" when it
// renders it or cannot tell.
func (s *Site) Unrendered(abs string, fm *Value) string {
	if cm, ok := s.gen().(ContentModel); ok {
		return cm.Unrendered(abs, fm)
	}
	return ""
}

// URLOwner is a Generator that decides every file's URL and aliases itself
// (no generic permalink, url or aliases handling); an empty URL means the
// file is not rendered. A configured permalink still wins.
type URLOwner interface {
	EntryURLs(s *Site, e *Entry) (u string, aliases []string)
}

// Traits are a generator's fixed choices that rules and the parser read.
type Traits struct {
	// SlugStyle names the heading-id slugger.
	SlugStyle string
	// LowerURLs lower-cases generated URL paths.
	LowerURLs bool
	// FieldURLs: a `permalink` or `url` front matter field sets the URL.
	FieldURLs bool
	// LinksFromRoot: a relative Markdown link that is not next to the post
	// resolves from the content root too.
	LinksFromRoot bool
	// IDPerFolder: front matter ids are unique per folder, not per root.
	IDPerFolder bool
	// MDXCodeBlocks: ```mdx-code-block fences render as MDX.
	MDXCodeBlocks bool
	// MDXComments: {/* … */} comments hide their content in every file.
	MDXComments bool
	// OrderPrefixes: numeric `1.` prefixes order files and leave URLs.
	OrderPrefixes bool
	// NoHeadingAttributes: `{#id}` after a heading is text, not an id.
	NoHeadingAttributes bool
	// CopiesWithoutFrontMatter: a file without front matter that the model
	// gives no URL is copied as-is, so it is no post and is not linted
	// (Jekyll; its posts need no front matter).
	CopiesWithoutFrontMatter bool
	// RelativeToURL: relative links and images resolve against the page's
	// published URL, as the browser does, not against its source file
	// (relative links to Markdown files still resolve as files).
	RelativeToURL bool
	// HTMLPages: .html files are read too; with front matter they are pages
	// whose ids and links are the HTML's (Jekyll).
	HTMLPages bool
	// WordLists: a string in a list field (tags, categories) is a list of
	// its words (Jekyll).
	WordLists bool
	// Shortcodes: {{< … >}} and {{% … %}} calls are the generator's own
	// (Hugo), so the parser lists them; elsewhere {{ is text or templating.
	Shortcodes bool
	// TemplateLinks: link destinations may be written in the template
	// language, {% … %} and {{ … }} included, spaces and all (Liquid).
	TemplateLinks bool
	// LooseHeadingIDs: a heading ending in `{#…}` takes any text there,
	// spaces included, as its id (Docusaurus); implies no goldmark
	// attribute parsing.
	LooseHeadingIDs bool
	// NoH1Anchors: level-1 headings are rendered without an id (they are
	// still counted by the slugger).
	NoH1Anchors bool
}

// entryLinker is a generator that pairs pages once all are indexed:
// translations, and pages served at more than one URL.
type entryLinker interface {
	LinkEntries(s *Site, entries []*Entry)
}

// sourceFallback is a generator that reads a file missing from a locale's
// folder from the default locale's (Docusaurus resolves a translation's
// relative Markdown links against both).
type sourceFallback interface {
	SourceFallback(s *Site, abs string) (string, bool)
}

// SourceFallback gives the default-locale path the generator reads when
// the file at abs, inside a locale's folder, does not exist.
func (s *Site) SourceFallback(abs string) (string, bool) {
	if f, ok := s.gen().(sourceFallback); ok {
		return f.SourceFallback(s, abs)
	}
	return "", false
}

// Generators lists every model in detection order: the first whose Detect
// answers wins.
func Generators() []Generator {
	return []Generator{docusaurus{}, hugo{}, nuxtContent{}, astro{}, jekyll{}}
}

// GeneratorByName returns the model for a preset name; "none" and unknown
// names give the generic model.
func GeneratorByName(name string) (Generator, bool) {
	for _, g := range Generators() {
		if g.Name() == name {
			return g, true
		}
	}
	return generic{}, name == "none"
}

// generic is the model of a folder of Markdown that no generator claims:
// every file is a page at /:path.
type generic struct{}

func (generic) Name() string                                              { return "none" }
func (generic) Detect(string) bool                                        { return false }
func (generic) Roots(string) []ContentRoot                                { return nil }
func (generic) Defaults(cfg *Config)                                      { setStr(&cfg.Cover.Field, "cover") }
func (generic) Configure(*Site) error                                     { return nil }
func (generic) PageURL(*Site, *Entry, ContentRoot, string) (string, bool) { return "", false }
func (generic) Partial(*Site, string) bool                                { return false }
func (generic) GeneratedRoute(*Site, string) bool                         { return false }
func (generic) OwnsURL(*Site, string) bool                                { return true }
func (generic) Dialect(string) (string, []string)                         { return DialectNone, nil }
func (generic) CheckDate(raw string) (string, bool)                       { return checkDateCommon(raw) }
func (generic) Required(s *Site, abs string, fm *Value, cfg []string) []string {
	return requiredAsConfigured(s, abs, fm, cfg)
}
func (generic) Traits() Traits { return Traits{SlugStyle: "github", FieldURLs: true} }

// checkDateCommon accepts YYYY-MM-DD, RFC 3339 and the zone-less
// date-times most generators accept; a generator without its own date model
// does not fail its build on other forms as far as contentlint knows.
func checkDateCommon(raw string) (string, bool) {
	if IsDate(raw) {
		return "", false
	}
	return "want a date (YYYY-MM-DD or RFC 3339)", false
}

// requiredAsConfigured is Required for generators that need what the
// config asks of every page.
func requiredAsConfigured(_ *Site, _ string, _ *Value, cfg []string) []string { return cfg }

// dateLayouts are YYYY-MM-DD, RFC 3339, and the zone-less YAML timestamps
// that Hugo and Docusaurus also accept. Parsing accepts fractional seconds
// even where the layout has none.
var dateLayouts = []string{
	"2006-01-02",
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z07:00",
}

// IsDate reports whether s is YYYY-MM-DD, RFC 3339 or a zone-less date-time.
func IsDate(s string) bool {
	for _, l := range dateLayouts {
		if _, err := time.Parse(l, s); err == nil {
			return true
		}
	}
	return false
}

// rootAdder returns a function that appends a content root when its folder
// exists.
func rootAdder(root string, out *[]ContentRoot) func(dir, base, kind string) {
	return func(dir, base, kind string) {
		abs := filepath.Join(root, filepath.FromSlash(dir))
		if fi, err := os.Stat(abs); err == nil && fi.IsDir() {
			*out = append(*out, ContentRoot{Dir: abs, Base: base, Kind: kind})
		}
	}
}

// hasFile reports whether one of names is a regular file in dir.
func hasFile(dir string, names ...string) bool {
	for _, n := range names {
		if FileExists(filepath.Join(dir, n)) {
			return true
		}
	}
	return false
}

// hasDir reports whether name is a folder in dir.
func hasDir(dir, name string) bool {
	fi, err := os.Stat(filepath.Join(dir, name))
	return err == nil && fi.IsDir()
}

func setList(dst *[]string, v ...string) {
	if len(*dst) == 0 {
		*dst = v
	}
}

func setStr(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// under reports whether p is base+sub or below it.
func under(p, base, sub string) bool {
	b := trimSlash(base) + sub
	return p == b || len(p) > len(b) && p[:len(b)] == b && p[len(b)] == '/'
}

func trimSlash(s string) string {
	for len(s) > 0 && s[len(s)-1] == '/' {
		s = s[:len(s)-1]
	}
	return s
}

// gen is the site's generator model; a Site built by hand has the generic one.
func (s *Site) gen() Generator {
	if s.Gen == nil {
		return generic{}
	}
	return s.Gen
}

// CheckDate asks the site's generator whether its build accepts a date.
func (s *Site) CheckDate(raw string) (string, bool) { return s.gen().CheckDate(raw) }

// Required lists the front matter fields the page at abs needs.
func (s *Site) Required(abs string, fm *Value, cfgRequired []string) []string {
	return s.gen().Required(s, abs, fm, cfgRequired)
}

// Traits are the fixed choices of the site's generator.
func (s *Site) Traits() Traits { return s.gen().Traits() }
