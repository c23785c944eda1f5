package lint

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/contentlint/contentlint/lint/linttest"
)

// astroEntries reads every Markdown file of a fixture through the model.
func astroEntries(t *testing.T, root string) (*astroSite, map[string]*astroEntry) {
	t.Helper()
	a := readAstroSite(root)
	out := map[string]*astroEntry{}
	var list []*astroEntry
	err := filepath.Walk(root, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() || !IsMarkdown(p) {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var fm *Value
		if f := ParseFrontMatter(b, NewLineIndex(b)); f != nil {
			fm = f.Root
		}
		e := a.entry(relSlash(root, p), fm)
		out[relSlash(root, p)] = &e
		list = append(list, &e)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	a.addFallbacks(list)
	return a, out
}

// The expected URLs are those the real Astro 5.9.4 build of each fixture
// gives (the oracle test compares them with a fresh build).
func TestAstroEntryURLs(t *testing.T) {
	cases := map[string]map[string]string{
		"astro": {
			"notes/_template.md":                    "-",
			"notes/deep/idea.md":                    "/notes/deep/idea",
			"notes/reading.md":                      "/notes/reading",
			"projects/compiler.md":                  "?",
			"src/content/blog/2024/Capital Name.md": "/blog/2024/capital-name",
			"src/content/blog/2024/second-post.md":  "/blog/2024/second-post",
			"src/content/blog/_hidden.md":           "/blog/_hidden",
			"src/content/blog/draft-post.md":        "-",
			"src/content/blog/first-post.md":        "/blog/first-post",
			"src/content/blog/series/index.md":      "/blog/series",
			"src/content/blog/series/part-1.md":     "/blog/series/the-first-part",
			"src/pages/about.md":                    "/about",
		},
		"starlight": {
			"src/content/docs/fr/guides/intro.md":    "/fr/guides/intro",
			"src/content/docs/fr/index.md":           "/fr",
			"src/content/docs/guides/asides.md":      "/guides/asides /fr/guides/asides /zh-cn/guides/asides",
			"src/content/docs/guides/component.mdx":  "/guides/component /fr/guides/component /zh-cn/guides/component",
			"src/content/docs/guides/draft.md":       "-",
			"src/content/docs/guides/intro.md":       "/guides/intro",
			"src/content/docs/index.md":              "/ /zh-cn",
			"src/content/docs/reference/api.md":      "/reference/api-v2 /fr/reference/api-v2 /zh-cn/reference/api-v2",
			"src/content/docs/reference/config.md":   "/reference/config /fr/reference/config /zh-cn/reference/config",
			"src/content/docs/zh-cn/guides/intro.md": "/zh-cn/guides/intro",
		},
		"astro-legacy": {
			"src/content/guides/Setup Guide.md":     "/guides/Setup Guide.md",
			"src/content/guides/index.md":           "/guides/index.md",
			"src/content/posts/Nested/Deep Post.md": "/posts/nested/deep-post",
			"src/content/posts/_draft.md":           "-",
			"src/content/posts/_parts/part.md":      "-",
			"src/content/posts/hello-world.md":      "/posts/hello-world",
		},
	}
	for name, want := range cases {
		t.Run(name, func(t *testing.T) {
			_, got := astroEntries(t, filepath.Join("..", "testdata", "oracle", name, "site"))
			g := map[string]string{}
			for rel, e := range got {
				switch {
				case !e.rendered:
					g[rel] = "-"
				case e.url == "":
					g[rel] = "?"
				default:
					g[rel] = strings.Join(append([]string{e.url}, e.fallbacks...), " ")
				}
			}
			if !reflect.DeepEqual(g, want) {
				for k := range want {
					if g[k] != want[k] {
						t.Errorf("%s: got %q, want %q", k, g[k], want[k])
					}
				}
				for k := range g {
					if _, ok := want[k]; !ok {
						t.Errorf("%s: unexpected %q", k, g[k])
					}
				}
			}
		})
	}
}

func TestAstroSiteNotesAndLocales(t *testing.T) {
	a := readAstroSite(filepath.Join("..", "testdata", "oracle", "astro", "site"))
	want := "collection projects: src/pages/work/[...path].astro computes its URLs; contentlint cannot know them (set permalink: {projects: /pattern/:slug} in .contentlint.yml)"
	if c := a.collection("projects"); c == nil || c.note != want || len(a.notes) != 0 {
		t.Errorf("notes = %q, projects %+v, want %q", a.notes, c, want)
	}
	if !reflect.DeepEqual(a.dynamicPrefixes, []string{"/work"}) {
		t.Errorf("dynamic prefixes = %q", a.dynamicPrefixes)
	}
	req := map[string][]string{}
	for _, c := range a.collections {
		req[c.name] = c.required
	}
	wantReq := map[string][]string{"authors": {"name"}, "blog": {"title", "pubDate"}, "notes": nil, "projects": {"title", "date"}}
	if !reflect.DeepEqual(req, wantReq) {
		t.Errorf("required = %q, want %q", req, wantReq)
	}
	sl := readAstroSite(filepath.Join("..", "testdata", "oracle", "starlight", "site"))
	wantLoc := []starlightLocale{{"", "en"}, {"fr", "fr"}, {"zh-cn", "zh-CN"}}
	if !reflect.DeepEqual(sl.locales, wantLoc) || sl.defaultLocale != "" {
		t.Errorf("locales = %+v default %q", sl.locales, sl.defaultLocale)
	}
}

func TestAstroSchemaRequired(t *testing.T) {
	src := `const base = z.object({ title: z.string().max(60) });
const withDate = base.extend({ date: z.coerce.date(), tags: z.array(z.string()).default([]) });`
	tests := []struct {
		schema string
		want   []string
		known  bool
	}{
		{"", nil, true},
		{"z.object({ title: z.string(), draft: z.boolean().optional() })", []string{"title"}, true},
		{"z.object({\n  title: z.string(),\n  pubDate: z.coerce.date(),\n  updated: z.string()\n    .optional()\n    .transform((s) => s),\n})", []string{"title", "pubDate"}, true},
		{"({ image }) => z.object({ cover: image(), alt: z.string().nullish() })", []string{"cover"}, true},
		{"({ image }) => (z.object({ cover: image() }))", []string{"cover"}, true},
		{"({ image }) => base.extend({ description: z.string(), cover: z.object({ src: image(), alt: z.string() }).optional() })", []string{"title", "description"}, true},
		{"withDate", []string{"title", "date"}, true},
		{"z.object({ title: z.string() }).partial()", nil, true},
		{"z.object({ title: z.string() }).strict()", []string{"title"}, true},
		{"docsSchema()", []string{"title"}, true},
		{"docsSchema({ extend: z.object({ banner: z.string(), hero: z.string().optional() }) })", []string{"title", "banner"}, true},
		{"docsSchema({ extend: (ctx) => blogSchema(ctx) })", []string{"title"}, true},
		{"imported", nil, false},
		{"base.merge(other)", nil, false},
	}
	for _, tt := range tests {
		got, known := schemaRequired(tt.schema, src)
		if !reflect.DeepEqual(got, tt.want) || known != tt.known {
			t.Errorf("schemaRequired(%q) = %q, %v; want %q, %v", tt.schema, got, known, tt.want, tt.known)
		}
	}
}

// glob() without a base reads the pattern from the project root; a computed
// base or a generateId makes the loader unknown.
func TestAstroGlobBase(t *testing.T) {
	root := t.TempDir()
	src := "export const collections = {\n" +
		"  a: defineCollection({ loader: glob({ pattern: 'posts/**/*.md' }) }),\n" +
		"  b: defineCollection({ loader: glob({ pattern: '*.md', base: dir }) }),\n" +
		"  c: defineCollection({ loader: glob({ pattern: '*.md', base: 'c', generateId: ({ entry }) => entry }) }),\n};\n"
	if err := os.MkdirAll(filepath.Join(root, "src"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "src", "content.config.ts"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	a := readAstroSite(root)
	got := map[string]string{}
	for _, c := range a.collections {
		got[c.name] = c.kind + " " + c.base + " " + strings.Join(c.include, ",")
	}
	want := map[string]string{"a": "content . posts/**/*.md", "b": "unknown  ", "c": "unknown  "}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("collections = %q, want %q", got, want)
	}
	if in, ok := a.collection("a").matches("posts/2024/x.md"); !ok || in != "posts/2024/x.md" {
		t.Errorf("matches = %q, %v", in, ok)
	}
}

// srcDir moves src/pages, src/content and the content config.
func TestAstroSrcDir(t *testing.T) {
	root := t.TempDir()
	linttest.WriteTree(t, root, map[string]string{
		"astro.config.mjs":                "export default defineConfig({ srcDir: './www' });\n",
		"www/content/config.ts":           "const posts = defineCollection({ schema: z.object({ title: z.string() }) });\nexport const collections = { posts };\n",
		"www/pages/p/[...slug].astro":     "---\nconst posts = await getCollection('posts');\nposts.map((p) => ({ params: { slug: p.slug } }));\n---\n",
		"www/pages/about.md":              "# About\n",
		"www/content/posts/Hello Post.md": "---\ntitle: Hello\n---\n",
	})
	a := readAstroSite(root)
	if e := a.entry("www/content/posts/Hello Post.md", nil); e.url != "/p/hello-post" {
		t.Errorf("post URL = %q", e.url)
	}
	if e := a.entry("www/pages/about.md", nil); e.url != "/about" {
		t.Errorf("page URL = %q", e.url)
	}
	if roots := (astro{}).Roots(root); len(roots) != 2 || roots[1].Dir != filepath.Join(root, "www", "pages") {
		t.Errorf("roots = %+v", roots)
	}
}
