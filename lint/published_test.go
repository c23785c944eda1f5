package lint

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRedirects(t *testing.T) {
	root := t.TempDir()
	static := filepath.Join(root, "static")
	files := map[string]string{
		"static/_redirects": "# moved posts\n/blog/old-post  /blog/new-post  301\n/docs/v1/*  /docs/:splat  301\n",
		"netlify.toml":      "[[redirects]]\nfrom = \"/news/:year/:slug\"\nto = \"/blog/:slug\"\n",
		"vercel.json":       `{"redirects": [{"source": "/guides/:path*", "destination": "/docs/:path*"}], "rewrites": [{"source": "/feed", "destination": "/rss.xml"}]}`,
	}
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r, err := LoadRedirects(&Site{Root: root, StaticRoots: []string{static}})
	if err != nil {
		t.Fatal(err)
	}
	for u, want := range map[string]bool{
		"/blog/old-post":         true,
		"/blog/old-post/":        true,
		"/blog/other":            false,
		"/docs/v1/setup/install": true,
		"/docs/v2/setup":         false,
		"/news/2024/hello":       true,
		"/news/2024":             false,
		"/guides/a/b":            true,
		"/feed":                  true,
	} {
		if got := r.Matches(u); got != want {
			t.Errorf("Matches(%q) = %v, want %v", u, got, want)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "vercel.json"), []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadRedirects(&Site{Root: root}); err == nil {
		t.Error("a broken vercel.json gave no error")
	}
}
