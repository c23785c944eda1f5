package main

import (
	"strings"
	"testing"
)

// An Astro 5 site whose collections are glob() loaders in
// src/content.config.ts, one with its base outside src/content, lints its
// files; the run's first line and routes say which collection's URLs are
// unknown, and a permalink for it in the config settles them.
func TestAstroContentLayerRun(t *testing.T) {
	files := map[string]string{
		".contentlint.yml": "preset: auto\n",
		"astro.config.mjs": "export default defineConfig({});\n",
		"src/content.config.ts": "export const collections = {\n" +
			"  blog: defineCollection({ loader: glob({ pattern: '**/*.md', base: './content/blog' }) }),\n" +
			"  work: defineCollection({ loader: glob({ pattern: '*.md', base: 'work' }) }),\n};\n",
		"src/pages/blog/[...slug].astro":     "---\nconst posts = await getCollection('blog');\nposts.map((p) => ({ params: { slug: p.id } }));\n---\n",
		"src/pages/projects/[...path].astro": "---\nconst w = await getCollection('work');\nw.map((p) => ({ params: { path: `x/${p.id}` } }));\n---\n",
		"content/blog/first.md":              "---\ntitle: First\n---\nSee [the project](/projects/x/compiler/).\n",
		"work/compiler.md":                   "---\ntitle: Compiler\n---\n",
	}
	dir := site(t, files)
	r := runCLI(t, dir, "--offline")
	expect(t, r, 0)
	first, _, _ := strings.Cut(r.stderr, "\n")
	if want := "contentlint: astro site; content: content/blog → /blog, work → (unknown URL), src/pages → /; languages: none declared"; first != want {
		t.Errorf("first line = %q, want %q", first, want)
	}
	if !strings.Contains(r.stderr, "contentlint: note: collection work: src/pages/projects/[...path].astro computes its URLs") ||
		!strings.Contains(r.stderr, "2 files linted") {
		t.Errorf("stderr = %q", r.stderr)
	}
	rt := runCLI(t, dir, "routes")
	expect(t, rt, 0)
	if !hasLine(strings.Split(rt.stdout, "\n"), "content/blog/first.md  -     /blog/first  -        -             -") {
		t.Errorf("routes:\n%s", rt.stdout)
	}

	files[".contentlint.yml"] = "preset: auto\npermalink:\n  work: /projects/x/:slug\n"
	dir = site(t, files)
	rt = runCLI(t, dir, "routes")
	expect(t, rt, 0)
	if !strings.Contains(rt.stdout, "work → /projects/x/:slug") || strings.Contains(rt.stdout, "note:") ||
		!strings.Contains(rt.stdout, "/projects/x/compiler") {
		t.Errorf("routes with a permalink:\n%s", rt.stdout)
	}
}
