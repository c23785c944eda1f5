package linkcheck

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/contentlint/contentlint/lint/internal/atomicfile"
)

// cacheVersion changes when the file layout or meaning does; other versions
// are ignored. 2: entries say whether the private-address guard was off.
const cacheVersion = 2

// DefaultCachePath is links.json in the user cache directory.
func DefaultCachePath() (string, error) {
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("link cache: %w", err)
	}
	return filepath.Join(d, "contentlint", "links.json"), nil
}

// cacheEntry is a successful check. Failures are never stored.
type cacheEntry struct {
	Checked time.Time `json:"checked"`
	Code    int       `json:"code"`
	Final   string    `json:"final,omitempty"`
	Moved   string    `json:"moved,omitempty"`
	// Body is true when the page was read for fragments; Anchors then holds
	// its ids and names (none for a page that is not HTML).
	Body      bool     `json:"body,omitempty"`
	HTML      bool     `json:"html,omitempty"`
	Truncated bool     `json:"truncated,omitempty"`
	Anchors   []string `json:"anchors,omitempty"`
	// Unguarded is true when the check ran with allowPrivate, so the URL
	// may lead to a private address: only such runs may reuse the entry.
	Unguarded bool `json:"unguarded,omitempty"`
}

type cacheFile struct {
	Version int                    `json:"version"`
	Entries map[string]*cacheEntry `json:"entries"`
}

// Cache is the persistent record of URLs found alive, with a maximum age.
type Cache struct {
	path    string
	maxAge  time.Duration
	now     func() time.Time
	mu      sync.Mutex
	entries map[string]*cacheEntry
	// keep is set when the file at path is not a contentlint cache: it
	// must not be replaced.
	keep bool
}

// OpenCache reads the cache at path. A missing file is an empty cache; an
// unreadable or corrupt one is ignored with a warning to warn (may be nil).
func OpenCache(path string, maxAge time.Duration, warn io.Writer) *Cache {
	c := &Cache{path: path, maxAge: maxAge, now: time.Now, entries: map[string]*cacheEntry{}}
	data, err := readCacheFile(path)
	if err != nil {
		var nc *NotCacheError
		if errors.As(err, &nc) {
			c.keep = true
			warnf(warn, "contentlint: warning: link cache %s %v\n", path, err)
		} else if !os.IsNotExist(err) {
			warnf(warn, "contentlint: warning: link cache %s ignored: %v\n", path, err)
		}
		return c
	}
	var f cacheFile
	if err := json.Unmarshal(data, &f); err != nil {
		warnf(warn, "contentlint: warning: link cache %s is corrupt and was ignored: %v\n", path, err)
		return c
	}
	if f.Version != cacheVersion {
		warnf(warn, "contentlint: warning: link cache %s has version %d, not %d, and was ignored\n", path, f.Version, cacheVersion)
		return c
	}
	for k, e := range f.Entries {
		if e != nil && c.fresh(e) {
			c.entries[k] = e
		}
	}
	return c
}

// warnf writes a warning to w unless w is nil. A warning that cannot be
// written has nowhere else to go, so the write error is dropped.
func warnf(w io.Writer, format string, args ...any) {
	if w != nil {
		_, _ = fmt.Fprintf(w, format, args...)
	}
}

func (c *Cache) fresh(e *cacheEntry) bool {
	age := c.now().Sub(e.Checked)
	return age >= 0 && age < c.maxAge
}

func (c *Cache) get(key string) *cacheEntry {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.entries[key]
	if e == nil || !c.fresh(e) {
		return nil
	}
	return e
}

func (c *Cache) put(key string, e *cacheEntry) {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.entries[key] = e
	c.mu.Unlock()
}

// Len is the number of live entries.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}

// Save writes the cache atomically: a temporary file in the same folder,
// renamed over the old one, so a crash never leaves half a file.
func (c *Cache) Save() error {
	if c.keep {
		return nil // OpenCache said why, once
	}
	c.mu.Lock()
	f := cacheFile{Version: cacheVersion, Entries: make(map[string]*cacheEntry, len(c.entries))}
	for k, e := range c.entries {
		if c.fresh(e) {
			f.Entries[k] = e
		}
	}
	data, err := json.Marshal(f)
	c.mu.Unlock()
	if err != nil {
		return fmt.Errorf("link cache: %w", err)
	}
	err = atomicfile.Write(c.path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return fmt.Errorf("link cache: %w", err)
	}
	return nil
}
