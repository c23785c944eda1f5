package linkcheck

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// The cache path comes from .contentlint.yml, which a pull request controls:
// it must not let a run replace a post, a device node or any file that is
// not a contentlint cache.

// MaxCacheSize caps the cache file that is read: past it the cache is
// ignored (and replaced on save), since decoding costs several times its size.
const MaxCacheSize = 32 << 20

// cacheMagic starts every file Save writes; a file that starts otherwise is
// not a contentlint cache and is never replaced.
var cacheMagic = []byte(`{"version":`)

var errTooBig = errors.New("over the size limit")

// NotCacheError says that the file at the cache path is something else.
type NotCacheError struct{ What string }

func (e *NotCacheError) Error() string {
	return "is " + e.What + ", not a contentlint link cache: it is neither read nor replaced, and links are not cached"
}

// CheckCachePath refuses a cache path inside one of dirs (the content and
// static folders), where the cache would be published or linted, and a
// Markdown file anywhere. A folder that is the site root itself is not
// refused whole (a site without a content folder keeps .cache/ beside its
// posts): there the rule that only a cache is replaced protects the posts.
func CheckCachePath(path, root string, dirs []string) error {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".mdx", ".markdown":
		return fmt.Errorf("link cache %s is a Markdown file; name a .json file outside the content (links.cache.path)", path)
	}
	real := resolve(path)
	for _, d := range dirs {
		if resolve(d) == resolve(root) {
			continue
		}
		for _, dd := range []string{d, resolve(d)} {
			if r, err := filepath.Rel(dd, real); err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) {
				return fmt.Errorf("link cache %s is inside the content folder %s; put it outside the content (links.cache.path)", path, d)
			}
		}
	}
	return nil
}

// resolve follows the symlinks of p, or of its folder when p does not exist.
func resolve(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	if r, err := filepath.EvalSymlinks(filepath.Dir(p)); err == nil {
		return filepath.Join(r, filepath.Base(p))
	}
	return filepath.Clean(p)
}

// readCacheBytes reads the cache at path: a regular file that starts like
// one Save wrote, of at most MaxCacheSize bytes. It returns the error of a
// missing file as is.
func readCacheBytes(path string) ([]byte, error) {
	// O_NONBLOCK: opening a FIFO must not hang; the type is then checked
	// on the opened file.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }() // read-only
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, &NotCacheError{What: "a special file"}
	}
	if fi.Size() == 0 {
		return nil, &NotCacheError{What: "an empty file"}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxCacheSize+1))
	if err != nil {
		return nil, err
	}
	if !isCache(data) {
		return nil, &NotCacheError{What: "another file"}
	}
	if len(data) > MaxCacheSize {
		return nil, fmt.Errorf("%w of %d MiB", errTooBig, MaxCacheSize>>20)
	}
	return data, nil
}

// isCache: the file starts as Save writes it (so one cut short is still
// ours), or is a JSON object whose "version" is a number (one rewritten by
// another tool with its keys in another order).
func isCache(data []byte) bool {
	if bytes.HasPrefix(data, cacheMagic) {
		return true
	}
	var probe struct {
		Version *json.Number `json:"version"`
	}
	return json.Unmarshal(data, &probe) == nil && probe.Version != nil
}
