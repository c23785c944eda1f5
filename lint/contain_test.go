package lint

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/contentlint/contentlint/lint/linttest"
)

// Containment.Stat answers as Inside and os.Stat together, without looking
// at what lies outside.
func TestContainmentStat(t *testing.T) {
	outside := t.TempDir()
	root := filepath.Join(outside, "site")
	linttest.WriteTree(t, outside, map[string]string{"site/content/p.md": "x\n", "site/static/s.txt": "x\n", "secret.md": "x\n"})
	for link, target := range map[string]string{
		"content/alias.md": filepath.Join(root, "content", "p.md"),
		"content/out.md":   filepath.Join(outside, "secret.md"),
		"content/dir":      filepath.Join(root, "static"),
		"content/away":     outside,
	} {
		if err := os.Symlink(target, filepath.Join(root, link)); err != nil {
			t.Skipf("no symlinks here: %v", err)
		}
	}
	cfg := &Config{Root: root, Content: []string{"content"}, Static: []string{"static"}}
	s, err := NewSite(cfg)
	if err != nil {
		t.Fatal(err)
	}
	c := s.NewContainment()
	tests := []struct {
		rel     string
		inside  bool
		regular bool
		missing bool
	}{
		{"content/p.md", true, true, false},
		{"content/alias.md", true, true, false}, // a symlink inside: its target's info
		{"content/nothing.md", true, false, true},
		{"content/dir", true, false, false},
		{"content/out.md", false, false, false},
		{"content/away/secret.md", false, false, false},
		{"content/away/nothing.md", false, false, false},
		{"../secret.md", false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.rel, func(t *testing.T) {
			abs := filepath.Join(root, tt.rel)
			fi, inside, err := c.Stat(abs)
			if inside != tt.inside || inside != c.Inside(abs) {
				t.Fatalf("inside = %v (Inside %v), want %v", inside, c.Inside(abs), tt.inside)
			}
			if !inside {
				if fi != nil || err != nil {
					t.Errorf("outside, yet looked at: %v %v", fi, err)
				}
				return
			}
			if got := errors.Is(err, fs.ErrNotExist); got != tt.missing {
				t.Fatalf("err = %v, want missing %v", err, tt.missing)
			}
			if !tt.missing && fi.Mode().IsRegular() != tt.regular {
				t.Errorf("mode %v, want regular %v", fi.Mode(), tt.regular)
			}
		})
	}
}
