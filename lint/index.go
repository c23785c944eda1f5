package lint

import (
	"io"
	"sort"
	"sync"
)

// Entry is the compact, AST-free record of a post that site rules read.
type Entry struct {
	Path    string // relative to the site root, forward slashes
	Abs     string
	URL     string // canonical URL path, such as /blog/2024/01/slug
	Aliases []string
	Lang    string
	ID      string
	Fields  *Value // front matter root, nil without front matter
	Anchors map[string]bool
	// Translations maps a language to the path of this page's translation
	// in it, as the generator pairs them.
	Translations map[string]string
	// ExtraURLs are other URLs the same page is served at (Starlight's
	// fallback pages in locales without a translation); not redirects.
	ExtraURLs []string
	// Unrouted: the generator renders the file, but the model cannot know
	// its URL (URL is "").
	Unrouted bool
	// TranslationKey groups the translations of one page, where the
	// generator pairs them itself (Hugo: translationKey or content path).
	TranslationKey string
	// Unrendered says why the generator never renders the file ("" when
	// it does or cannot tell); such a file has no URL.
	Unrendered string
	// UnknownLang is a file name language suffix (about.de.md) that the
	// site's config does not define, so the generator takes it as part
	// of the name.
	UnknownLang string
	// OpenAnchors says why the page may have anchors its source does not
	// show (a shortcode whose output is unknown); "" when all are known.
	OpenAnchors string
	Shortcodes  []Shortcode
	Refs        []Ref
	// Target is true for entries whose findings are reported.
	Target bool
	// Light entries were indexed from front matter and headings alone.
	Light bool
	// FrontMatter is the front matter's format (yaml, toml or json; "" for
	// none or unknown) and FrontMatterEnd the line of its closing
	// delimiter, so a fix can add a field to another post.
	FrontMatter    string
	FrontMatterEnd int
}

// Index holds every post of the site, sorted by path.
type Index struct {
	Entries []*Entry
	byURL   map[string]*Entry
	byPath  map[string]*Entry
	memoMu  sync.Mutex
	memo    map[string]*memoCell
}

type memoCell struct {
	once sync.Once
	v    any
}

// Memo computes f once per key for this index and returns its value, so that
// several site rules can share one piece of work (such as the external link
// check) without global state.
func (ix *Index) Memo(key string, f func() any) any {
	ix.memoMu.Lock()
	if ix.memo == nil {
		ix.memo = map[string]*memoCell{}
	}
	c := ix.memo[key]
	if c == nil {
		c = &memoCell{}
		ix.memo[key] = c
	}
	ix.memoMu.Unlock()
	c.once.Do(func() { c.v = f() })
	return c.v
}

// NewIndex builds lookups over entries. A post's own URL wins over another's
// alias; among equals the first path wins.
func NewIndex(entries []*Entry) *Index {
	sort.Slice(entries, func(i, j int) bool { return entries[i].Path < entries[j].Path })
	ix := &Index{Entries: entries, byURL: map[string]*Entry{}, byPath: map[string]*Entry{}}
	add := func(u string, e *Entry) {
		if k := NormalizeURLPath(u); u != "" && ix.byURL[k] == nil {
			ix.byURL[k] = e
		}
	}
	for _, e := range entries {
		ix.byPath[e.Path] = e
		add(e.URL, e)
	}
	for _, e := range entries {
		for _, u := range e.ExtraURLs {
			add(u, e)
		}
	}
	for _, e := range entries {
		for _, a := range e.Aliases {
			add(a, e)
		}
	}
	return ix
}

// ByURL finds the post published at a URL path.
func (ix *Index) ByURL(u string) *Entry { return ix.byURL[NormalizeURLPath(u)] }

// ByPath finds the post at a site-relative file path.
func (ix *Index) ByPath(p string) *Entry { return ix.byPath[p] }

// Options are run-time settings that are not part of the site's config.
type Options struct {
	Jobs    int
	Offline bool
	NoCache bool
	Version string
	// Progress receives a progress bar when it is a terminal; nil for none.
	Progress io.Writer
	// Warnings receives notes that are not findings, such as a corrupt link
	// cache; nil discards them.
	Warnings io.Writer
	// Published are the URLs the site served at an earlier revision
	// (--changed-since), for rules that guard against removing them.
	Published []PublishedURL
	// AllowEnv are the environment variables links.headers may expand
	// (AllowedEnv); the others read as unset.
	AllowEnv map[string]bool
}
