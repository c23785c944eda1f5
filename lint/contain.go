package lint

import (
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
// stays outside.
func (s *Site) Inside(abs string, also ...string) bool {
	abs = filepath.Clean(abs)
	dirs := s.allowedDirs()
	for _, d := range also {
		dirs = append(dirs, s.abs(d))
	}
	lexical := false
	for _, d := range dirs {
		if within(d, abs) {
			lexical = true
			break
		}
	}
	if !lexical {
		return false
	}
	real := resolveExisting(abs)
	for _, d := range dirs {
		if within(resolveExisting(d), real) {
			return true
		}
	}
	return false
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
