package lint

import (
	"bufio"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/contentlint/contentlint/lint/internal/atomicfile"
)

// The light index cache keeps each light entry (front matter tree, anchors,
// URL) per file, so that a pre-commit run does not read and parse the whole
// site again. It lives next to the link cache, one file per site root.

// indexCacheVersion changes when the file layout does; a file of another
// version is ignored. Code changes are caught by the fingerprint.
const indexCacheVersion = 2

// minCachedFiles is how many light files a run needs before the cache is
// used: below it, parsing them costs less than a few milliseconds, and a
// cache file per small (or temporary) site is not worth leaving behind.
const minCachedFiles = 256

// racyWindow: a file modified less than this before the run is not cached,
// because a second edit within the file system's timestamp granularity could
// keep its size and modification time (git's "racily clean" problem).
const racyWindow = 2 * time.Second

type indexHeader struct {
	Version     int
	Fingerprint string
}

// lightRecord is one file's light entry with the stat data that validates
// it. URL, aliases, language and id are kept too: the fingerprint covers all
// they derive from, and computing them is a fifth of a warm run.
type lightRecord struct {
	Path    string // site-relative, forward slashes
	Size    int64
	ModTime int64 // nanoseconds since the epoch
	// Mode: a chmod keeps the time but may make the file unreadable, which
	// must be reported as without the cache.
	Mode     fs.FileMode
	URL      string
	Unrouted bool
	Aliases  []string
	Lang     string
	ID       string
	Fields   *Value
	Anchors  []string
	// What the generator model decided about the file.
	TranslationKey, Unrendered, UnknownLang string
	Shortcodes                              []Shortcode
	ExtraURLs                               []string
	// FrontMatter and FrontMatterEnd let --fix edit a cached post (v2).
	FrontMatter    string
	FrontMatterEnd int
}

// entry rebuilds the light entry of the file at abs.
func (r *lightRecord) entry(abs string) *Entry {
	en := &Entry{Path: r.Path, Abs: abs, URL: r.URL, Unrouted: r.Unrouted, Aliases: r.Aliases, Lang: r.Lang, ID: r.ID,
		Fields: r.Fields, Anchors: make(map[string]bool, len(r.Anchors)), Light: true,
		TranslationKey: r.TranslationKey, Unrendered: r.Unrendered, UnknownLang: r.UnknownLang, Shortcodes: r.Shortcodes,
		ExtraURLs: r.ExtraURLs, FrontMatter: r.FrontMatter, FrontMatterEnd: r.FrontMatterEnd}
	for _, a := range r.Anchors {
		en.Anchors[a] = true
	}
	return en
}

// indexCache is loaded once before the workers start; lookup is then
// read-only and store is safe for concurrent use.
type indexCache struct {
	path        string
	fingerprint string
	warn        io.Writer
	start       time.Time
	old         map[string]*lightRecord

	mu    sync.Mutex
	fresh map[string]*lightRecord // a nil value drops a stale record
}

// indexCachePath is index-<hash of the site root>.gob in the user cache
// directory.
func indexCachePath(root string) (string, error) {
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("index cache: %w", err)
	}
	sum := sha256.Sum256([]byte(root))
	return filepath.Join(d, "contentlint", "index-"+hex.EncodeToString(sum[:8])+".gob"), nil
}

// indexFingerprint hashes everything besides a file's bytes that changes its
// light entry: this build of contentlint, the resolved configuration and the
// site model that the parser and URLs are made from.
func (e *Engine) indexFingerprint() (string, error) {
	b := fmt.Appendf(nil, "contentlint index %d\n", indexCacheVersion)
	// Any rebuild may change what a light entry holds; a stat tells one.
	exe, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("index cache: %w", err)
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return "", fmt.Errorf("index cache: %w", err)
	}
	b = fmt.Appendf(b, "exe %s %d %d\n", exe, fi.Size(), fi.ModTime().UnixNano())
	cfg, err := json.Marshal(e.Config)
	if err != nil {
		return "", fmt.Errorf("index cache: %w", err)
	}
	b = append(b, cfg...)
	s := e.Site
	b = fmt.Appendf(b, "\nsite %q %q %q %q %q %q %q %v %q %v\n", s.Root, s.Preset, s.SlugStyle, s.LangField,
		s.DefaultLang, s.Dialect, s.DateField, s.LowerURLs, s.AdmonitionTypes, s.Permalink)
	b = fmt.Appendf(b, "sections %v\n", s.SectionPermalinks)
	if f, ok := s.genData.(fingerprinter); ok {
		b = fmt.Appendf(b, "model %s\n", f.fingerprint())
	}
	for _, r := range s.ContentRoots {
		b = fmt.Appendf(b, "root %q %q %q\n", r.Dir, r.Base, r.Kind)
	}
	if cm, ok := s.gen().(ContentModel); ok {
		b = fmt.Appendf(b, "model %s\n", cm.Fingerprint())
	}
	// Extensions are configured from the fields above; their types suffice
	// (printing their values could print pointers, which vary per run).
	for _, x := range s.Extensions {
		b = fmt.Appendf(b, "ext %T\n", x)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

// openIndexCache reads the site's cache. A missing file, or one written for
// another configuration or build, is an empty cache; a corrupt one is too,
// with a warning. It returns nil when no cache can be used at all.
func (e *Engine) openIndexCache(start time.Time, warn io.Writer) *indexCache {
	path, err := indexCachePath(e.Site.Root)
	if err == nil {
		var fp string
		if fp, err = e.indexFingerprint(); err == nil {
			c := &indexCache{path: path, fingerprint: fp, warn: warn, start: start,
				old: map[string]*lightRecord{}, fresh: map[string]*lightRecord{}}
			c.load()
			return c
		}
	}
	warnf(warn, "contentlint: warning: no index cache: %v\n", err)
	return nil
}

func (c *indexCache) load() {
	f, err := os.Open(c.path)
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	if err != nil {
		warnf(c.warn, "contentlint: warning: index cache %s ignored: %v\n", c.path, err)
		return
	}
	defer f.Close() //nolint:errcheck // read-only
	dec := gob.NewDecoder(bufio.NewReaderSize(f, 1<<16))
	var hdr indexHeader
	var recs []*lightRecord
	if err = dec.Decode(&hdr); err == nil {
		if hdr.Version != indexCacheVersion || hdr.Fingerprint != c.fingerprint {
			return // another build or configuration: rebuilt, not corrupt
		}
		err = dec.Decode(&recs)
	}
	if err != nil {
		warnf(c.warn, "contentlint: warning: index cache %s is corrupt and was ignored: %v\n", c.path, err)
		return
	}
	for _, r := range recs {
		if r != nil {
			c.old[r.Path] = r
		}
	}
}

// lookup returns the cached light entry of a file if its size, modification
// time and mode are unchanged.
func (c *indexCache) lookup(rel string, fi fs.FileInfo) *lightRecord {
	if c == nil {
		return nil
	}
	r := c.old[rel]
	if r == nil || r.Size != fi.Size() || r.ModTime != fi.ModTime().UnixNano() || r.Mode != fi.Mode() {
		return nil
	}
	return r
}

// store records a freshly made light entry and the anchors it came from.
func (c *indexCache) store(fi fs.FileInfo, en *Entry, anchors []string) {
	if c == nil {
		return
	}
	var r *lightRecord
	if fi.ModTime().Before(c.start.Add(-racyWindow)) {
		r = &lightRecord{Path: en.Path, Size: fi.Size(), ModTime: fi.ModTime().UnixNano(), Mode: fi.Mode(), URL: en.URL,
			Unrouted: en.Unrouted, Aliases: en.Aliases, Lang: en.Lang, ID: en.ID, Fields: en.Fields, Anchors: anchors,
			TranslationKey: en.TranslationKey, Unrendered: en.Unrendered, UnknownLang: en.UnknownLang, Shortcodes: en.Shortcodes,
			ExtraURLs: en.ExtraURLs, FrontMatter: en.FrontMatter, FrontMatterEnd: en.FrontMatterEnd}
	} else if c.old[en.Path] == nil {
		return
	}
	c.mu.Lock()
	c.fresh[en.Path] = r
	c.mu.Unlock()
}

// save writes the records of the files in site (site-relative paths) if any
// changed or any file is gone, atomically: a temporary file in the same
// folder renamed over the old one.
func (c *indexCache) save(site []string) {
	if c == nil {
		return
	}
	changed := len(c.fresh) > 0
	recs := make([]*lightRecord, 0, len(site))
	for _, rel := range site {
		r, ok := c.fresh[rel]
		if !ok {
			r = c.old[rel]
		}
		if r != nil {
			recs = append(recs, r)
		}
	}
	kept := 0
	for _, rel := range site {
		if c.old[rel] != nil {
			kept++
		}
	}
	if !changed && kept == len(c.old) {
		return
	}
	sort.Slice(recs, func(i, j int) bool { return recs[i].Path < recs[j].Path })
	if err := c.write(recs); err != nil {
		warnf(c.warn, "contentlint: warning: %v\n", err)
	}
}

func (c *indexCache) write(recs []*lightRecord) error {
	err := atomicfile.Write(c.path, func(w io.Writer) error {
		enc := gob.NewEncoder(w)
		if err := enc.Encode(indexHeader{Version: indexCacheVersion, Fingerprint: c.fingerprint}); err != nil {
			return fmt.Errorf("encode header: %w", err)
		}
		if err := enc.Encode(recs); err != nil {
			return fmt.Errorf("encode records: %w", err)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("index cache: %w", err)
	}
	return nil
}

// warnf writes a warning to w unless w is nil; a warning that cannot be
// written has nowhere else to go.
func warnf(w io.Writer, format string, args ...any) {
	if w != nil {
		_, _ = fmt.Fprintf(w, format, args...)
	}
}
