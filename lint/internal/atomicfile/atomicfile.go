// Package atomicfile writes files so that a reader, or a crash, never sees
// half of one: a temporary file in the same folder, renamed over the old.
package atomicfile

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Write creates path's folder if needed and replaces path with what write
// produces. On any error the old file is left as it was. A file that exists
// keeps its permission bits (a post stays 0644, a cache 0600); a new one is
// created 0600.
func Write(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	w := bufio.NewWriterSize(tmp, 1<<16)
	werr := write(w)
	if werr == nil {
		werr = w.Flush()
	}
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if fi, err := os.Stat(path); werr == nil && err == nil {
		werr = os.Chmod(tmp.Name(), fi.Mode().Perm())
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), path)
	}
	if werr != nil {
		_ = os.Remove(tmp.Name()) // best effort; werr is the error that matters
		return fmt.Errorf("write %s: %w", path, werr)
	}
	return nil
}
