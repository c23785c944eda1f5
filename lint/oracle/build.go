package oracle

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// BuildSpec says how a generator builds a fixture site.
type BuildSpec struct {
	Name      string // cache folder prefix, e.g. "jekyll"
	Site      string // the fixture's source site (never written to)
	Toolchain string // generator version (and anything else that changes output), part of the cache key
	Output    string // folder the build writes, relative to the working copy: "_site", "public", "build"
	// Run builds the site in work, a fresh copy of Site.
	Run func(ctx context.Context, work string) error
}

// TreeHash is a hex sha256 over every file's relative path, mode and content
// under dir, in a fixed order.
func TreeHash(dir string) (string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("hashing %s: %w", dir, err)
	}
	sort.Strings(files)
	h := sha256.New()
	for _, p := range files {
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return "", err
		}
		fi, err := os.Lstat(p)
		if err != nil {
			return "", fmt.Errorf("hashing %s: %w", p, err)
		}
		_, _ = fmt.Fprintf(h, "%s\x00%o\x00", filepath.ToSlash(rel), fi.Mode())
		if fi.Mode()&fs.ModeSymlink != 0 {
			target, err := os.Readlink(p)
			if err != nil {
				return "", fmt.Errorf("hashing %s: %w", p, err)
			}
			_, _ = fmt.Fprintf(h, "%s\x00", target)
			continue
		}
		if err := hashFile(h, p); err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func hashFile(w io.Writer, p string) error {
	f, err := os.Open(p)
	if err != nil {
		return fmt.Errorf("hashing %s: %w", p, err)
	}
	defer func() { _ = f.Close() }()
	if _, err := io.Copy(w, f); err != nil {
		return fmt.Errorf("hashing %s: %w", p, err)
	}
	return nil
}

// Build returns the output folder of spec's build, reusing the one cached
// under cache for the same fixture content, toolchain and name. A new build
// runs in a copy of the site, so the fixture is never written to, and is
// moved into the cache only when it succeeded.
func Build(ctx context.Context, cache string, spec BuildSpec) (string, error) {
	tree, err := TreeHash(spec.Site)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(spec.Name + "\x00" + spec.Toolchain + "\x00" + spec.Output + "\x00" + tree))
	final := filepath.Join(cache, "oracle-builds", spec.Name+"-"+hex.EncodeToString(sum[:])[:16])
	if fi, err := os.Stat(final); err == nil && fi.IsDir() {
		return final, nil
	}
	if err := os.MkdirAll(filepath.Dir(final), 0o755); err != nil {
		return "", fmt.Errorf("build cache: %w", err)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(final), spec.Name+"-tmp-")
	if err != nil {
		return "", fmt.Errorf("build cache: %w", err)
	}
	defer func() { _ = os.RemoveAll(tmp) }()
	work := filepath.Join(tmp, "site")
	if err := os.CopyFS(work, os.DirFS(spec.Site)); err != nil {
		return "", fmt.Errorf("copying %s: %w", spec.Site, err)
	}
	if err := spec.Run(ctx, work); err != nil {
		return "", fmt.Errorf("building %s: %w", spec.Site, err)
	}
	built := filepath.Join(work, filepath.FromSlash(spec.Output))
	if fi, err := os.Stat(built); err != nil || !fi.IsDir() {
		return "", fmt.Errorf("building %s: the build wrote no %s folder", spec.Site, spec.Output)
	}
	if err := os.Rename(built, final); err != nil {
		// Another test process may have cached the same build meanwhile.
		if fi, serr := os.Stat(final); serr == nil && fi.IsDir() {
			return final, nil
		}
		return "", fmt.Errorf("build cache: %w", err)
	}
	return final, nil
}
