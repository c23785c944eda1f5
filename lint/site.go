package lint

import (
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/yuin/goldmark"
)

// ContentRoot is a folder of posts and the URL prefix it is published under.
type ContentRoot struct {
	Dir  string // absolute
	Base string // URL prefix such as /docs; "" for the site root
	Kind string // "docs", "blog", "pages" or "" (generic)
}

// Site is the model of the site being linted: where posts live, how their URLs
// are formed and where assets are served from. Presets fill it in.
type Site struct {
	Root         string // absolute
	Preset       string
	ContentRoots []ContentRoot
	StaticRoots  []string // absolute
	BaseURLs     []*url.URL
	SlugStyle    string // github or hugo
	// Dialect is the admonition dialect: docusaurus, mdc or none.
	Dialect string
	// AdmonitionTypes are the allowed keywords or component names.
	AdmonitionTypes []string
	LangField       string
	DefaultLang     string
	// Extensions are goldmark extensions the preset adds to the parser.
	Extensions []goldmark.Extender
}

// NewSite builds the site model from a config whose Root is set.
func NewSite(cfg *Config) (*Site, error) {
	if cfg.Root == "" {
		return nil, fmt.Errorf("site: no root")
	}
	s := &Site{Root: cfg.Root, Preset: cfg.Preset, SlugStyle: "github", LangField: "language", Dialect: cfg.Admonitions.Dialect}
	for _, c := range cfg.Content {
		s.ContentRoots = append(s.ContentRoots, ContentRoot{Dir: s.abs(c)})
	}
	if len(s.ContentRoots) == 0 {
		s.ContentRoots = []ContentRoot{{Dir: s.Root}}
	}
	for _, d := range cfg.Static {
		s.StaticRoots = append(s.StaticRoots, s.abs(d))
	}
	if err := configureAdmonitions(cfg, s); err != nil {
		return nil, err
	}
	for _, b := range cfg.BaseURL {
		u, err := url.Parse(b)
		if err != nil || u.Host == "" {
			return nil, fmt.Errorf("baseURL %q: not an absolute URL", b)
		}
		s.BaseURLs = append(s.BaseURLs, u)
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

// EntryURL computes where a post is published: "/:path" under its content root.
func (s *Site) EntryURL(e *Entry) (string, []string) {
	root, ok := s.RootFor(e.Abs)
	dir := s.Root
	if ok {
		dir = root.Dir
	}
	rel, err := filepath.Rel(dir, e.Abs)
	if err != nil {
		rel = e.Path
	}
	rel = filepath.ToSlash(rel)
	rel = strings.TrimSuffix(rel, path.Ext(rel))
	rel = strings.TrimSuffix(strings.TrimSuffix(rel, "/index"), "index")
	return NormalizeURLPath(root.Base + "/" + rel), nil
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
	}
	return "", tried
}
