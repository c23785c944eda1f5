package lint

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/contentlint/contentlint/lint/linttest"
)

// siteURLs writes files under a temporary site root, sets the site up the way
// the CLI does (config, preset detection) and returns every Markdown file's
// URL as "path -> url".
func siteURLs(t *testing.T, files map[string]string, cfgYAML string) (map[string]string, *Site) {
	t.Helper()
	root := t.TempDir()
	linttest.WriteTree(t, root, files)
	cfgPath := filepath.Join(root, ConfigFileName)
	if err := os.WriteFile(cfgPath, []byte(cfgYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, site, err := Setup([]string{root}, cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	_ = cfg
	out := map[string]string{}
	for name, body := range files {
		if !IsMarkdown(name) {
			continue
		}
		abs := filepath.Join(root, filepath.FromSlash(name))
		e := &Entry{Path: name, Abs: abs}
		if fm := ParseFrontMatter([]byte(body), NewLineIndex([]byte(body))); fm != nil {
			e.Fields = fm.Root
			e.Lang = e.Fields.Get("language").String()
		}
		u, _ := site.EntryURL(e)
		out[name] = u
	}
	return out, site
}

func checkURLs(t *testing.T, got map[string]string, want map[string]string) {
	t.Helper()
	var keys []string
	for k := range want {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if got[k] != want[k] {
			t.Errorf("%s: URL %q, want %q", k, got[k], want[k])
		}
	}
}

const docusaurusConfigJS = `// @ts-check
const config = {
  url: 'https://docs.example.com',
  staticDirectories: ['static', 'assets/public'],
  presets: [['classic', ({
    docs: { path: 'docs', /* routeBasePath: '/', */ sidebarPath: 'sidebars.js',
      versions: { current: { label: 'Next', path: 'ignored' } } },
    blog: { routeBasePath: '/news', editUrl: 'https://x.io/**/blog' },
  })]],
  plugins: [
    ['content-docs', /** @type {x} */ ({ id: 'community', path: 'community', routeBasePath: 'community' })],
    ['@docusaurus/plugin-content-docs', { id: 'api', path: 'api-docs', routeBasePath: '/reference' }],
  ],
};
`

func TestDocusaurusPreset(t *testing.T) {
	files := map[string]string{
		"docusaurus.config.js":                docusaurusConfigJS,
		"versions.json":                       `["2.0", "1.0"]`,
		"docs/intro.md":                       "# Intro\n",
		"docs/index.md":                       "# Home\n",
		"docs/01-guides/02-setup.md":          "# Setup\n",
		"docs/01-guides/README.md":            "# Guides\n",
		"docs/01-guides/guides.md":            "# Guides again\n",
		"docs/api/overview.md":                "---\nid: api-overview\n---\n",
		"docs/api/plugin.md":                  "---\nslug: /plugins/x\n---\n",
		"docs/api/relative.md":                "---\nslug: rel/here\n---\n",
		"docs/2021-01-01-dated.md":            "# Dated names keep their prefix\n",
		"docs/_partial.mdx":                   "## Partial\n",
		"versioned_docs/version-2.0/intro.md": "# Intro 2.0\n",
		"versioned_docs/version-1.0/intro.md": "# Intro 1.0\n",
		"blog/2024-01-02-hello.md":            "# Hello\n",
		"blog/2024-03-04-bundle/index.mdx":    "# Bundle\n",
		"blog/2024/05/06/deep/index.md":       "# Deep\n",
		"blog/releases/2.2/index.mdx":         "---\ndate: 2022-10-29\n---\n",
		"blog/with-slug.md":                   "---\nslug: custom\n---\n",
		"blog/2024-07-08-slugged.md":          "---\nslug: /abs-slug\n---\n",
		"community/0-support.md":              "# Support\n",
		"api-docs/intro.md":                   "# API\n",
		"src/pages/about.md":                  "# About\n",
		"src/pages/index.md":                  "# Welcome\n",
		"static/img/a.png":                    "x",
	}
	got, site := siteURLs(t, files, "")
	checkURLs(t, got, map[string]string{
		"docs/intro.md":                       "/docs/next/intro",
		"docs/index.md":                       "/docs/next",
		"docs/01-guides/02-setup.md":          "/docs/next/guides/setup",
		"docs/01-guides/README.md":            "/docs/next/guides",
		"docs/01-guides/guides.md":            "/docs/next/guides",
		"docs/api/overview.md":                "/docs/next/api/api-overview",
		"docs/api/plugin.md":                  "/docs/next/plugins/x",
		"docs/api/relative.md":                "/docs/next/api/rel/here",
		"docs/2021-01-01-dated.md":            "/docs/next/2021-01-01-dated",
		"docs/_partial.mdx":                   "",
		"versioned_docs/version-2.0/intro.md": "/docs/intro",
		"versioned_docs/version-1.0/intro.md": "/docs/1.0/intro",
		"blog/2024-01-02-hello.md":            "/news/2024/01/02/hello",
		"blog/2024-03-04-bundle/index.mdx":    "/news/2024/03/04/bundle",
		"blog/2024/05/06/deep/index.md":       "/news/2024/05/06/deep",
		"blog/releases/2.2/index.mdx":         "/news/releases/2.2",
		"blog/with-slug.md":                   "/news/custom",
		"blog/2024-07-08-slugged.md":          "/news/abs-slug",
		"community/0-support.md":              "/community/support",
		"api-docs/intro.md":                   "/reference/intro",
		"src/pages/about.md":                  "/about",
		"src/pages/index.md":                  "/",
	})
	if len(site.BaseURLs) != 1 || site.BaseURLs[0].Host != "docs.example.com" {
		t.Errorf("BaseURLs = %v, want the config's url", site.BaseURLs)
	}
	var static []string
	for _, d := range site.StaticRoots {
		static = append(static, site.Rel(d))
	}
	if strings.Join(static, ",") != "static,assets/public" {
		t.Errorf("StaticRoots = %v", static)
	}
	if site.Dialect != "docusaurus" || site.SlugStyle != "docusaurus" {
		t.Errorf("dialect %q, slug style %q", site.Dialect, site.SlugStyle)
	}
}

func TestDocusaurusPresetDefaults(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "docusaurus.config.js"), []byte("module.exports = {docs: false};\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := &Config{Root: root}
	if err := ApplyPreset(cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.Preset != "docusaurus" || cfg.Cover.Field != "image" || cfg.Alternates.Field != "alternates" {
		t.Errorf("preset %q, cover field %q, alternates field %q", cfg.Preset, cfg.Cover.Field, cfg.Alternates.Field)
	}
	if r := cfg.RequiredFields(); len(r) != 0 {
		t.Errorf("RequiredFields = %v, want none: Docusaurus falls back to the first heading", r)
	}
	// What the file sets wins.
	cfg = &Config{Root: root, Cover: CoverConfig{Field: "cover"}, Frontmatter: FrontmatterConfig{Required: &[]string{"title"}}}
	if err := ApplyPreset(cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.Cover.Field != "cover" || len(cfg.RequiredFields()) != 1 {
		t.Errorf("config values were overridden: %q %v", cfg.Cover.Field, cfg.RequiredFields())
	}
}

func TestOtherPresets(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		cfg   string
		want  map[string]string
	}{
		{"hugo", map[string]string{
			"hugo.toml":                     "baseURL = 'https://example.org/'\n",
			"content/_index.md":             "+++\ntitle = 'Home'\n+++\n",
			"content/posts/_index.md":       "---\ntitle: Posts\n---\n",
			"content/posts/First-Post.md":   "---\ntitle: x\n---\n",
			"content/posts/bundle/index.md": "---\ntitle: x\n---\n",
			"content/posts/slugged.md":      "---\nslug: Other-Name\n---\n",
			"content/about.md":              "---\nurl: /about-us/\n---\n",
		}, "", map[string]string{
			"content/_index.md":             "/",
			"content/posts/_index.md":       "/posts",
			"content/posts/First-Post.md":   "/posts/first-post",
			"content/posts/bundle/index.md": "/posts/bundle",
			"content/posts/slugged.md":      "/posts/other-name",
			"content/about.md":              "/about-us",
		}},
		{"jekyll", map[string]string{
			"_config.yml":                      "title: x\n",
			"_posts/2024-01-02-hello-world.md": "---\ntitle: x\n---\n",
			"_posts/2024-01-03-dated.md":       "---\ndate: 2024-02-05 10:00:00\n---\n",
			"_posts/2024-01-04-cats.md":        "---\ncategories: [News, Tech, news]\n---\n",
			"_posts/2024-01-05-one.md":         "---\ncategory: Misc\ncategories: [ignored]\n---\n",
			"_posts/2024-01-06-words.md":       "---\ncategories: a b\n---\n",
			"news/_posts/2024-01-07-folder.md": "---\ncategories: [x]\n---\n",
			"about.md":                         "---\npermalink: /about/\n---\n",
			"docs/guide.md":                    "---\ntitle: x\n---\n",
		}, "", map[string]string{
			"_posts/2024-01-02-hello-world.md": "/2024/01/02/hello-world.html",
			"_posts/2024-01-03-dated.md":       "/2024/02/05/dated.html",
			"_posts/2024-01-04-cats.md":        "/news/tech/2024/01/04/cats.html",
			"_posts/2024-01-05-one.md":         "/misc/2024/01/05/one.html",
			"_posts/2024-01-06-words.md":       "/a/b/2024/01/06/words.html",
			"news/_posts/2024-01-07-folder.md": "/news/x/2024/01/07/folder.html",
			"about.md":                         "/about/",
			"docs/guide.md":                    "/docs/guide.html",
		}},
		{"jekyll", map[string]string{
			"_config.yml":                      "title: x\npermalink: pretty\n",
			"_posts/2024-01-04-cats.md":        "---\ncategories: [news]\n---\n",
			"_posts/2024-01-02-hello-world.md": "---\ntitle: x\n---\n",
			"about.md":                         "---\ntitle: x\n---\n",
		}, "", map[string]string{
			"_posts/2024-01-04-cats.md":        "/news/2024/01/04/cats/",
			"_posts/2024-01-02-hello-world.md": "/2024/01/02/hello-world/",
			"about.md":                         "/about/",
		}},
		{"jekyll", map[string]string{
			"_config.yml":               "title: x\npermalink: /blog/:short_year/:i_month/:title:output_ext\n",
			"_posts/2024-01-04-cats.md": "---\ncategories: [news]\n---\n",
		}, "", map[string]string{
			"_posts/2024-01-04-cats.md": "/blog/24/1/cats.html",
		}},
		{"jekyll", map[string]string{
			"_config.yml":               "title: x\npermalink: none\n",
			"_posts/2024-01-04-cats.md": "---\ncategories: [news]\n---\n",
		}, "", map[string]string{
			"_posts/2024-01-04-cats.md": "/news/cats.html",
		}},
		{"hugo", map[string]string{
			"hugo.toml":                     "title = 'x'\n[permalinks]\nposts = '/:year/:month/:title/'\nnotes = '/:section/:slug/'\n",
			"content/posts/_index.md":       "---\ntitle: Posts\n---\n",
			"content/posts/my-post.md":      "---\ntitle: My Great Post!\ndate: 2024-03-05\n---\n",
			"content/posts/bundle/index.md": "---\ndate: 2023-12-01\n---\n",
			"content/notes/n.md":            "---\ntitle: A Note\nslug: Custom\n---\n",
			"content/other/o.md":            "---\ntitle: Other\n---\n",
			"content/posts/fixed.md":        "---\ntitle: x\nurl: /fixed/\n---\n",
		}, "", map[string]string{
			"content/posts/_index.md":       "/posts",
			"content/posts/my-post.md":      "/2024/03/my-great-post",
			"content/posts/bundle/index.md": "/2023/12/bundle",
			"content/notes/n.md":            "/notes/custom",
			"content/other/o.md":            "/other/o",
			"content/posts/fixed.md":        "/fixed",
		}},
		{"hugo", map[string]string{
			"hugo.yaml":          "title: x\npermalinks:\n  page:\n    posts: /blog/:contentbasename/\n",
			"content/posts/a.md": "---\ntitle: A\n---\n",
		}, "", map[string]string{
			"content/posts/a.md": "/blog/a",
		}},
		{"nuxt-content", map[string]string{
			"nuxt.config.ts":               "export default {}\n",
			"content/1.guide/2.install.md": "# x\n",
			"content/1.guide/index.md":     "# x\n",
			"content/_partial.md":          "# x\n",
		}, "", map[string]string{
			"content/1.guide/2.install.md": "/guide/install",
			"content/1.guide/index.md":     "/guide",
			"content/_partial.md":          "",
		}},
		{"astro", map[string]string{
			"astro.config.mjs":            "export default {}\n",
			"src/content/blog/first.md":   "# x\n",
			"src/content/blog/second.mdx": "---\nslug: 2nd\n---\n",
			"src/content/docs/a/index.md": "# x\n",
			"src/pages/about.md":          "# x\n",
			// Legacy collections (no content config): blog is rendered by a
			// page passing entry slugs; no page renders docs, so its URLs
			// are unknown.
			"src/pages/blog/[...slug].astro": "---\nconst posts = await getCollection('blog');\n" +
				"return posts.map((post) => ({ params: { slug: post.slug } }));\n---\n",
		}, "", map[string]string{
			"src/content/blog/first.md":   "/blog/first",
			"src/content/blog/second.mdx": "/blog/2nd",
			"src/content/docs/a/index.md": "",
			"src/pages/about.md":          "/about",
		}},
		{"generic tokens", map[string]string{
			"posts/2024-01-02-hello.md": "---\ndate: 2023-12-31\n---\n",
			"posts/tips/index.md":       "---\ndate: 2022-05-06T10:00:00Z\nslug: the-tips\n---\n",
			"posts/fr/bonjour.md":       "---\nlanguage: fr\ndate: 2021-02-03\n---\n",
			"posts/plain.md":            "# no date\n",
		}, "content: [posts]\npermalink: /:section/:year/:month/:day/:slug\n", map[string]string{
			"posts/2024-01-02-hello.md": "/2023/12/31/hello",
			"posts/tips/index.md":       "/tips/2022/05/06/the-tips",
			"posts/fr/bonjour.md":       "/fr/2021/02/03/bonjour",
			"posts/plain.md":            "/plain",
		}},
		{"per-language patterns", map[string]string{
			"c/en/hello.md": "---\nlanguage: en\n---\n",
			"c/fr/salut.md": "---\nlanguage: fr\n---\n",
			"c/de/hallo.md": "---\nlanguage: de\n---\n",
			"c/x/name.md":   "---\nlanguage: fr\npermalink: /fixed/\n---\n",
		}, "content: [c]\npermalink: {en: \"/en/:filename\", fr: \"/:filename\", default: \"/:lang/:path\"}\n", map[string]string{
			"c/en/hello.md": "/en/hello",
			"c/fr/salut.md": "/salut",
			"c/de/hallo.md": "/de/de/hallo",
			"c/x/name.md":   "/fixed",
		}},
		{"default /:path", map[string]string{
			"a/b.md":        "# x\n",
			"a/index.md":    "# x\n",
			"a/README.md":   "# x\n",
			"a/c/_index.md": "# x\n",
			"a/d.mdx":       "---\nslug: dd\nurl: /elsewhere\n---\n",
		}, "", map[string]string{
			"a/b.md":        "/a/b",
			"a/index.md":    "/a",
			"a/README.md":   "/a",
			"a/c/_index.md": "/a/c",
			"a/d.mdx":       "/elsewhere",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := siteURLs(t, tt.files, tt.cfg)
			checkURLs(t, got, tt.want)
		})
	}
}

func TestPermalinkErrors(t *testing.T) {
	for _, p := range []string{"permalink: /:nope\n", "permalink: no-slash\n", "baseURL: not-a-url\n"} {
		cfg, err := ParseConfig([]byte(p), "x.yml")
		if err != nil {
			t.Fatal(err)
		}
		cfg.Root = t.TempDir()
		if err := ApplyPreset(cfg); err != nil {
			t.Fatal(err)
		}
		if _, err := NewSite(cfg); err == nil {
			t.Errorf("%q: no error", p)
		}
	}
}

func TestIsInternalURL(t *testing.T) {
	cfg := &Config{Root: t.TempDir(), BaseURL: StringList{"https://Example.com", "https://x.github.io/repo/"}}
	if err := ApplyPreset(cfg); err != nil {
		t.Fatal(err)
	}
	s, err := NewSite(cfg)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"https://example.com/en/2023/03/x", "/en/2023/03/x", true},
		{"http://EXAMPLE.com/a", "/a", true},
		{"https://x.github.io/repo/page", "/repo/page", true},
		{"https://x.github.io/other/page", "", false},
		{"https://other.com/a", "", false},
		{"/local", "", false},
	}
	for _, tt := range tests {
		got, ok := s.IsInternalURL(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("IsInternalURL(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDetectPreset(t *testing.T) {
	tests := []struct {
		files []string
		want  string
	}{
		{[]string{"docusaurus.config.ts"}, "docusaurus"},
		{[]string{"hugo.toml"}, "hugo"},
		{[]string{"config.toml", "content/a.md"}, "hugo"},
		{[]string{"config.toml"}, ""},
		{[]string{"nuxt.config.ts", "content/a.md"}, "nuxt-content"},
		{[]string{"nuxt.config.ts"}, ""},
		{[]string{"_config.yml"}, "jekyll"},
		{[]string{"astro.config.mjs"}, "astro"},
		{nil, ""},
	}
	for _, tt := range tests {
		root := t.TempDir()
		for _, f := range tt.files {
			p := filepath.Join(root, f)
			_ = os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if got := DetectPreset(root); got != tt.want {
			t.Errorf("%v: DetectPreset = %q, want %q", tt.files, got, tt.want)
		}
	}
}

// Zero config: the site's own origin comes from the generator's config, so
// absolute links to it are resolved, never fetched.
func TestPresetBaseURL(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		cfg   string
		want  []string
	}{
		{"hugo toml", map[string]string{"hugo.toml": "title = 'x'\nbaseURL = 'https://example.org/'\n[params]\nbaseURL = 'https://wrong.example'\n"}, "", []string{"https://example.org/"}},
		{"hugo lower-case key", map[string]string{"config.toml": "baseurl = \"https://x.github.io/repo/\"\n", "content/a.md": ""}, "", []string{"https://x.github.io/repo/"}},
		{"hugo yaml", map[string]string{"hugo.yaml": "baseURL: https://yaml.example/\n"}, "", []string{"https://yaml.example/"}},
		{"hugo config dir", map[string]string{"hugo.toml": "title = 'x'\n", "config/_default/hugo.toml": "baseURL = 'https://dir.example/'\n"}, "", []string{"https://dir.example/"}},
		{"jekyll", map[string]string{"_config.yml": "title: x\nurl: \"https://blog.example.com\"\nbaseurl: /blog\n"}, "", []string{"https://blog.example.com/blog"}},
		{"jekyll without url", map[string]string{"_config.yml": "title: x\nbaseurl: ''\n"}, "", nil},
		{"astro", map[string]string{"astro.config.mjs": "export default defineConfig({\n  // site: 'https://old.example',\n  site: 'https://astro.example.com',\n  base: '/docs',\n});\n"}, "", []string{"https://astro.example.com/docs"}},
		{"nuxt", map[string]string{"nuxt.config.ts": "export default defineNuxtConfig({ site: { url: 'https://nuxt.example.com', name: 'x' } })\n", "content/a.md": ""}, "", []string{"https://nuxt.example.com"}},
		{"config wins", map[string]string{"hugo.toml": "baseURL = 'https://example.org/'\n"}, "baseURL: https://mine.example\n", []string{"https://mine.example"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, s := siteURLs(t, tt.files, tt.cfg)
			var got []string
			for _, u := range s.BaseURLs {
				got = append(got, u.String())
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("BaseURLs = %q, want %q", got, tt.want)
			}
		})
	}
}

// Nuxt serves Vue pages beside the content: a static page is a route, and a
// dynamic one below a prefix means any path there may exist. A dynamic page
// at the root is the content renderer itself and proves nothing.
func TestNuxtPages(t *testing.T) {
	_, s := siteURLs(t, map[string]string{
		"nuxt.config.ts":           "export default {}\n",
		"content/a.md":             "# a\n",
		"pages/index.vue":          "",
		"pages/about.vue":          "",
		"pages/team/index.vue":     "",
		"pages/shop/[id].vue":      "",
		"pages/[...slug].vue":      "",
		"app/pages/contact.vue":    "",
		"pages/docs/notes.md":      "",
		"pages/.hidden/secret.vue": "",
	}, "")
	tests := []struct {
		path            string
		generated, owns bool
	}{
		{"/about", true, true},
		{"/about/", true, true},
		{"/team", true, true},
		{"/contact", true, true},
		{"/shop", false, true},
		{"/shop/42", false, false},
		{"/guide/x", false, true},
		{"/docs/notes", false, true},
		{"/.hidden/secret", false, true},
	}
	for _, tt := range tests {
		if g := s.GeneratedRoute(tt.path); g != tt.generated {
			t.Errorf("GeneratedRoute(%s) = %v, want %v", tt.path, g, tt.generated)
		}
		if o := s.OwnsURL(tt.path); o != tt.owns {
			t.Errorf("OwnsURL(%s) = %v, want %v", tt.path, o, tt.owns)
		}
	}
}
