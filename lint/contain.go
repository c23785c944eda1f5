package lint

import (
	"context"
	"errors"
	"os"
	"path/filepath"
)

// Containment rule: a pull request controls the content, its symlinks and
// .contentlint.yml, so contentlint opens a path only when it lies inside the
// site root, or inside a content or static folder that the configuration
// names, both before and after symlinks are resolved. Anything else is
// "outside the site": it is reported without being looked at, so neither a
// message nor the presence of a finding tells what is there.

// allowedDirs are the folders whose contents may be opened, as written.
func (s *Site) allowedDirs() []string {
	dirs := make([]string, 0, 1+len(s.ContentRoots)+len(s.StaticRoots))
	dirs = append(dirs, s.Root)
	for _, r := range s.ContentRoots {
		dirs = append(dirs, r.Dir)
	}
	return append(dirs, s.StaticRoots...)
}

// Inside reports whether abs may be opened under the containment rule; also
// are further folders the configuration names (absolute, or relative to the
// site root). A path that does not exist is judged by its deepest existing
// parent, so a link through a symlinked folder to a missing file outside
// stays outside. For many paths, use a Containment.
func (s *Site) Inside(abs string, also ...string) bool {
	return s.NewContainment().Inside(abs, also...)
}

// Containment applies the containment rule to many paths, remembering the
// real path of each folder it resolved: resolving every path from the root
// cost a sixth of a lint. It is for one goroutine, and one run (a folder
// swapped for a symlink during the run is not noticed).
type Containment struct {
	site *Site
	real map[string]string // folder → its real path
}

// NewContainment starts an empty memo.
func (s *Site) NewContainment() *Containment {
	return &Containment{site: s, real: map[string]string{}}
}

func (c *Containment) realDir(d string) string {
	if r, ok := c.real[d]; ok {
		return r
	}
	r := resolveExisting(d)
	c.real[d] = r
	return r
}

// Inside is Site.Inside.
func (c *Containment) Inside(abs string, also ...string) bool {
	inside, _, _ := c.lstat(abs, also)
	return inside
}

// Stat is os.Stat of a path that Inside allows; inside is false, and the
// path was not looked at, when it does not. Its one Lstat serves both.
func (c *Containment) Stat(abs string) (fi os.FileInfo, inside bool, err error) {
	inside, fi, err = c.lstat(abs, nil)
	if !inside {
		return nil, false, nil
	}
	if err == nil && fi.Mode()&os.ModeSymlink != 0 {
		fi, err = os.Stat(abs)
	}
	return fi, true, err
}

// lstat applies the rule to abs and returns the Lstat it took on the way
// (nil, with no error, when the path was refused before any look).
func (c *Containment) lstat(abs string, also []string) (inside bool, fi os.FileInfo, err error) {
	abs = filepath.Clean(abs)
	dirs := c.site.allowedDirs()
	for _, d := range also {
		dirs = append(dirs, c.site.abs(d))
	}
	lexical := false
	for _, d := range dirs {
		if within(d, abs) {
			lexical = true
			break
		}
	}
	if !lexical {
		return false, nil, nil
	}
	// The folder comes from the memo; only the last element is looked at.
	real := filepath.Join(c.realDir(filepath.Dir(abs)), filepath.Base(abs))
	fi, err = os.Lstat(abs)
	if err == nil && fi.Mode()&os.ModeSymlink != 0 {
		real = resolveExisting(abs)
	}
	for _, d := range dirs {
		if within(c.realDir(d), real) {
			return true, fi, err
		}
	}
	return false, nil, nil
}

// resolveExisting resolves the symlinks of p's deepest existing ancestor
// and appends the rest of p to it.
func resolveExisting(p string) string {
	for q := p; ; {
		if r, err := filepath.EvalSymlinks(q); err == nil {
			rest, _ := filepath.Rel(q, p)
			return filepath.Join(r, rest)
		}
		parent := filepath.Dir(q)
		if parent == q {
			return p
		}
		q = parent
	}
}

// errOutside is what reading a site file that leaves the site returns.
var errOutside = errors.New("outside the site")

// maxSiteFileSize bounds a generator config or similar file read whole.
const maxSiteFileSize = 8 << 20

// readSiteFile reads root/rel, a file the generator's sources name (a
// generator config, versions.json), under the containment rule: inside the
// site root after symlinks, a regular file, and bounded. A committed
// docusaurus.config.js -> /proc/self/environ is then an absent config.
// readSiteAbs is readSiteFile for an absolute path.
func readSiteAbs(root, abs string) ([]byte, error) {
	rel, err := filepath.Rel(root, abs)
	if err != nil {
		return nil, errOutside
	}
	return readSiteFile(root, rel)
}

func readSiteFile(root, rel string) ([]byte, error) {
	p := filepath.Join(root, rel)
	if !within(root, p) || !within(resolveExisting(root), resolveExisting(p)) {
		return nil, errOutside
	}
	return ReadRegular(context.Background(), p, maxSiteFileSize)
}
