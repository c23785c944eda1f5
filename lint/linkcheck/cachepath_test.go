package linkcheck

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The cache replaces only a contentlint cache or nothing: a post named as
// the cache path used to be overwritten right after "corrupt and was
// ignored", and a device node replaced.
func TestCacheNeverReplacesOtherFiles(t *testing.T) {
	dir := t.TempDir()
	post := filepath.Join(dir, "keep.md")
	fifo := filepath.Join(dir, "fifo")
	big := filepath.Join(dir, "big.json")
	files := map[string][]byte{
		post:                            []byte("---\ntitle: keep\n---\n"),
		filepath.Join(dir, "empty"):     nil,
		filepath.Join(dir, "json.json"): []byte(`{"entries":{}}`),
		filepath.Join(dir, "pkg.json"):  []byte(`{"name":"x","version":"1.0.0"}`),
		filepath.Join(dir, "keys.json"): []byte(`{"entries":{},"version":2}`),
		big:                             append([]byte(`{"version":2,"entries":{"`), bytes.Repeat([]byte("x"), MaxCacheSize)...),
	}
	for p, b := range files {
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path, warn string
		replaced   bool
	}{
		{post, "is another file, not a contentlint link cache: it is neither read nor replaced, and links are not cached", false},
		{filepath.Join(dir, "empty"), "is an empty file, not a contentlint link cache", false},
		{filepath.Join(dir, "json.json"), "is another file, not a contentlint link cache", false},
		{filepath.Join(dir, "pkg.json"), "is another file, not a contentlint link cache", false},
		// A cache whose keys another tool reordered is still ours.
		{filepath.Join(dir, "keys.json"), "", true},
		{fifo, "is a special file, not a contentlint link cache", false},
		{"/dev/null", "is a special file, not a contentlint link cache", false},
		// Ours (it starts as Save writes it) but over the cap: ignored, then
		// replaced.
		{big, "ignored: over the size limit of 32 MiB", true},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			before, _ := os.Lstat(tt.path)
			var warn strings.Builder
			c := OpenCache(tt.path, time.Hour, &warn)
			if !strings.Contains(warn.String(), tt.warn) {
				t.Errorf("warning %q lacks %q", warn.String(), tt.warn)
			}
			c.put("https://example.com/", &cacheEntry{Checked: time.Now(), Code: 200})
			if err := c.Save(); err != nil {
				t.Fatal(err)
			}
			after, err := os.Lstat(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			if replaced := !os.SameFile(before, after); replaced != tt.replaced {
				t.Errorf("replaced = %v, want %v", replaced, tt.replaced)
			}
		})
	}
	if b, _ := os.ReadFile(post); string(b) != string(files[post]) {
		t.Errorf("the post changed: %q", b)
	}
}

func TestCheckCachePath(t *testing.T) {
	root := t.TempDir()
	content := filepath.Join(root, "content")
	if err := os.MkdirAll(filepath.Join(content, "posts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(content, "posts"), filepath.Join(root, "alias")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		ok   bool
	}{
		{filepath.Join(root, ".cache", "links.json"), true},
		{filepath.Join(root, "links.json"), true},
		{filepath.Join(content, "posts", "keep.md"), false},
		{filepath.Join(content, "new.json"), false},
		{filepath.Join(root, "alias", "x.json"), false}, // through a symlink
		{filepath.Join(root, "notes", "x.md"), false},
	}
	for _, tt := range tests {
		err := CheckCachePath(tt.path, root, []string{content, root})
		if (err == nil) != tt.ok {
			t.Errorf("%s: %v, want ok=%v", tt.path, err, tt.ok)
		}
		if err != nil && !strings.Contains(err.Error(), "is inside the content folder") && !strings.Contains(err.Error(), "is a Markdown file") {
			t.Errorf("%s: %v", tt.path, err)
		}
	}
}
