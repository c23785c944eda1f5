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

// Each generator's model reads the redirects its config declares; the
// url-removed check takes them from the site.
func TestRedirectsFromGeneratorConfigs(t *testing.T) {
	for _, tc := range []struct {
		file, src string
		served    []string
		notServed []string
		unknown   bool
	}{
		{"astro.config.mjs", "export default defineConfig({\n  redirects: {\n    '/old': '/new',\n    \"/blog/[...slug]\": '/articles/[...slug]',\n    '/tag/[tag]': '/tags/[tag]',\n  },\n  site: 'https://example.org',\n});\n",
			[]string{"/old", "/blog/2024/x", "/tag/go"}, []string{"/tag/go/more", "/new"}, false},
		{"nuxt.config.ts", "export default defineNuxtConfig({\n  routeRules: {\n    '/old-page': { redirect: '/new-page' },\n    '/legacy/**': { redirect: { to: '/', statusCode: 301 } },\n    '/api/**': { cors: true },\n  },\n})\n",
			[]string{"/old-page", "/legacy/a/b"}, []string{"/api/x", "/new-page"}, false},
		{"docusaurus.config.js", "module.exports = {\n  plugins: [['@docusaurus/plugin-client-redirects', {\n    redirects: [\n      {to: '/docs/new', from: ['/docs/old', '/docs/older']},\n      {to: '/blog', from: '/news'},\n    ],\n  }]],\n};\n",
			[]string{"/docs/old", "/docs/older", "/news"}, []string{"/docs/new"}, false},
		{"docusaurus.config.js", "module.exports = {plugins: [['@docusaurus/plugin-client-redirects', {createRedirects(p) { return [p + '-old']; }}]]};\n",
			nil, nil, true},
	} {
		root := t.TempDir()
		if err := os.WriteFile(filepath.Join(root, tc.file), []byte(tc.src), 0o644); err != nil {
			t.Fatal(err)
		}
		// The generator's model reads its own config (Nuxt needs content/).
		if err := os.Mkdir(filepath.Join(root, "content"), 0o755); err != nil {
			t.Fatal(err)
		}
		cfg := &Config{Root: root}
		if err := ApplyPreset(cfg); err != nil {
			t.Fatal(err)
		}
		site, err := NewSite(cfg)
		if err != nil {
			t.Fatal(err)
		}
		r, err := LoadRedirects(site)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range tc.served {
			if !r.Matches(u) {
				t.Errorf("%s: %s not served by a redirect", tc.file, u)
			}
		}
		for _, u := range tc.notServed {
			if r.Matches(u) {
				t.Errorf("%s: %s served by a redirect", tc.file, u)
			}
		}
		if (r.Unknown != "") != tc.unknown {
			t.Errorf("%s: Unknown = %q, want %v", tc.file, r.Unknown, tc.unknown)
		}
	}
}
