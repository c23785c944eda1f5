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

	"github.com/gofrs/flock"

	"github.com/contentlint/contentlint/lint/internal/atomicfile"
)

// cacheVersion changes when the file layout or meaning does; other versions
// are ignored. 2: entries say whether the private-address guard was off.
// Failures, added later, are optional, so files with and without them are
// both version 2.
const cacheVersion = 2

// DefaultCachePath is links.json in the user cache directory.
func DefaultCachePath() (string, error) {
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("link cache: %w", err)
	}
	return filepath.Join(d, "contentlint", "links.json"), nil
}

// cacheEntry is a successful check. Failures never make a check skipped;
// they are counted apart, in failureEntry.
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

// failureEntry is the health history of a URL that failed in its latest
// check: since when, and in how many consecutive runs. A success deletes it.
type failureEntry struct {
	Since time.Time `json:"since"`
	Last  time.Time `json:"last"`
	Runs  int       `json:"runs"`
}

// History is what a Result says about a URL's failures in earlier runs and
// this one: the first failure of the current streak and the number of runs
// in it. Zero without a cache.
type History struct {
	Since time.Time
	Runs  int
}

// historyMaxAge is how long the failure record of a URL no run checks any
// more is kept.
const historyMaxAge = 90 * 24 * time.Hour

type cacheFile struct {
	Version int                    `json:"version"`
	Entries map[string]*cacheEntry `json:"entries"`
	// Failures are kept apart from the successes: they never make a URL
	// skip a check, they only count how long it has been failing.
	Failures map[string]*failureEntry `json:"failures,omitempty"`
}

// Cache is the persistent record of URLs found alive, with a maximum age,
// and of the failure streaks of URLs found dead.
type Cache struct {
	path     string
	maxAge   time.Duration
	now      func() time.Time
	mu       sync.Mutex
	entries  map[string]*cacheEntry
	failures map[string]*failureEntry
	// This run's verdicts, applied again to the file's latest state when it
	// is saved, so that concurrent runs each count.
	failedNow map[string]time.Time
	okNow     map[string]bool
	stored    map[string]bool
	before    map[string]*failureEntry // the history a failure of this run replaced
	// keep is why the file at path must not be replaced, if it must not.
	keep error
}

// OpenCache reads the cache at path. A missing file is an empty cache; an
// unreadable or corrupt one is ignored with a warning to warn (may be nil).
func OpenCache(path string, maxAge time.Duration, warn io.Writer) *Cache {
	c := &Cache{path: path, maxAge: maxAge, now: time.Now, entries: map[string]*cacheEntry{},
		failures: map[string]*failureEntry{}, failedNow: map[string]time.Time{}, okNow: map[string]bool{},
		stored: map[string]bool{}, before: map[string]*failureEntry{}}
	f, err := readCacheFile(path)
	if err != nil {
		var nc *NotCacheError
		if errors.As(err, &nc) {
			c.keep = err
		}
		warnf(warn, "contentlint: warning: %v\n", err)
		return c
	}
	for k, e := range f.Entries {
		if e != nil && c.fresh(e) {
			c.entries[k] = e
		}
	}
	for k, e := range f.Failures {
		if e != nil && e.Runs > 0 && c.now().Sub(e.Last) < historyMaxAge {
			c.failures[k] = e
		}
	}
	return c
}

// readCacheFile reads a cache file; a missing one is empty. The error of an
// unreadable, corrupt or other-version file says that it is ignored.
func readCacheFile(path string) (*cacheFile, error) {
	f := &cacheFile{}
	data, err := readCacheBytes(path)
	if err != nil {
		var nc *NotCacheError
		switch {
		case os.IsNotExist(err):
			return f, nil
		case errors.As(err, &nc):
			return f, fmt.Errorf("link cache %s %w", path, err)
		}
		return f, fmt.Errorf("link cache %s ignored: %w", path, err)
	}
	if err := json.Unmarshal(data, f); err != nil {
		return &cacheFile{}, fmt.Errorf("link cache %s is corrupt and was ignored (link history starts afresh): %w", path, err)
	}
	if f.Version != cacheVersion {
		return &cacheFile{}, fmt.Errorf("link cache %s has version %d, not %d, and was ignored", path, f.Version, cacheVersion)
	}
	return f, nil
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
	c.stored[key] = true
	c.mu.Unlock()
}

// failed records that key failed in this run and returns its history, this
// run included.
func (c *Cache) failed(key string) History {
	if c == nil {
		return History{}
	}
	now := c.now()
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.failedNow[key]; !ok {
		c.failedNow[key] = now
		c.before[key] = c.failures[key]
		e := c.failures[key]
		if e == nil {
			e = &failureEntry{Since: now}
		}
		c.failures[key] = &failureEntry{Since: e.Since, Last: now, Runs: e.Runs + 1}
	}
	e := c.failures[key]
	return History{Since: e.Since, Runs: e.Runs}
}

// ForgetFailures takes back this run's failures: they say nothing about
// the URLs when the network itself was missing.
func (c *Cache) ForgetFailures() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range c.failedNow {
		if e := c.before[k]; e != nil {
			c.failures[k] = e
		} else {
			delete(c.failures, k)
		}
	}
	c.failedNow, c.before = map[string]time.Time{}, map[string]*failureEntry{}
}

// succeeded clears key's failure history.
func (c *Cache) succeeded(key string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	delete(c.failures, key)
	delete(c.failedNow, key)
	c.okNow[key] = true
	c.mu.Unlock()
}

// Len is the number of live entries.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}

// Save writes the cache atomically: a temporary file in the same folder,
// renamed over the old one, so a crash never leaves half a file. Under a
// lock file beside it, it reads the file again and applies this run's
// results to what is there, so a run that saved in the meantime keeps its
// successes and its failure counts.
func (c *Cache) Save() error {
	if c.keep != nil {
		return nil // OpenCache said why, once
	}
	if err := os.MkdirAll(filepath.Dir(c.path), 0o755); err != nil {
		return fmt.Errorf("link cache: %w", err)
	}
	lock := flock.New(c.path + ".lock")
	if err := lock.Lock(); err != nil {
		return fmt.Errorf("link cache: lock %s: %w", lock.Path(), err)
	}
	defer func() { _ = lock.Unlock() }() // the lock also goes with the process
	disk, err := readCacheFile(c.path)
	var nc *NotCacheError
	if errors.As(err, &nc) {
		return nil // something else took the path since it was opened: leave it be
	}
	if err != nil {
		disk = &cacheFile{} // warned about when it was opened; replaced now
	}
	c.mu.Lock()
	f := c.merge(disk)
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

// merge applies this run's results to the file's latest state and makes
// the result this cache's own state, so a second Save adds nothing twice.
// c.mu is held.
func (c *Cache) merge(disk *cacheFile) cacheFile {
	f := cacheFile{Version: cacheVersion, Entries: map[string]*cacheEntry{}, Failures: map[string]*failureEntry{}}
	for k, e := range disk.Entries {
		if e != nil && c.fresh(e) {
			f.Entries[k] = e
		}
	}
	for k := range c.stored {
		if e := c.entries[k]; e != nil && c.fresh(e) {
			if old := f.Entries[k]; old == nil || !old.Checked.After(e.Checked) {
				f.Entries[k] = e
			}
		}
	}
	for k, e := range disk.Failures {
		if e != nil && e.Runs > 0 && c.now().Sub(e.Last) < historyMaxAge {
			f.Failures[k] = e
		}
	}
	for k := range c.okNow {
		delete(f.Failures, k)
	}
	for k, at := range c.failedNow {
		e := f.Failures[k]
		if e == nil { // a first failure, or a run since found it alive
			e = &failureEntry{Since: at}
		}
		f.Failures[k] = &failureEntry{Since: e.Since, Last: at, Runs: e.Runs + 1}
	}
	c.entries, c.failures = f.Entries, f.Failures
	c.failedNow, c.okNow, c.stored, c.before = map[string]time.Time{}, map[string]bool{}, map[string]bool{}, map[string]*failureEntry{}
	return f
}
