package rules

import "testing"

// starlightSite is a Starlight site with a root locale and fr: fr has no
// translation of reference/api, so Starlight serves the English page there
// too (a fallback).
func starlightSite() map[string]string {
	return map[string]string{
		"astro.config.mjs": "import starlight from '@astrojs/starlight';\nexport default defineConfig({ integrations: [starlight({\n" +
			"  title: 'x', defaultLocale: 'root',\n  locales: { root: { label: 'English', lang: 'en' }, fr: { label: 'Français' } },\n})] });\n",
		"src/content.config.ts": "import { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\n" +
			"export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n",
		"src/content/docs/index.md":         "---\ntitle: Home\n---\n[api](/reference/api/) [guide](/guide/#über-uns-über-uns)\n",
		"src/content/docs/guide.md":         "---\ntitle: Guide\n---\n## Über uns {#über-uns}\n\n[bad](#über-uns) [good](#über-uns-über-uns)\n",
		"src/content/docs/reference/api.md": "---\ntitle: API\n---\n## Functions\n",
		"src/content/docs/fr/index.md": "---\ntitle: Accueil\n---\n[fallback](/fr/reference/api/#functions) [missing](/fr/nowhere/)\n" +
			"[english](/reference/api/)\n",
		"src/content/docs/_partial.md": "not a page: Starlight's loader skips _ files\n",
	}
}

// Starlight serves docs at /, locales at /<lang>/, and fallback pages where
// a locale has no translation; Astro has no {#id} syntax.
func TestLinkInternalStarlight(t *testing.T) {
	got := lintFiles(t, starlightSite(), "")
	checkFindings(t, onlyRule(got, "link-internal"), []string{
		"src/content/docs/fr/index.md:4:42-4:65 link-internal",
		"src/content/docs/guide.md:6:1-6:17 link-internal",
	})
}

// A Starlight page needs a title (docsSchema); a file the loader skips
// needs nothing.
func TestFrontmatterRequiredStarlight(t *testing.T) {
	files := starlightSite()
	files["src/content/docs/untitled.md"] = "---\ndescription: no title\n---\n"
	got := lintFiles(t, files, "")
	checkFindings(t, onlyRule(append(onlyRule(got, "frontmatter-required"), onlyRule(got, "frontmatter-syntax")...), "frontmatter-required"), []string{
		"src/content/docs/untitled.md:1:1-1:4 frontmatter-required",
	})
}

// An Astro 5 blog on the content layer: glob() bases inside and outside
// src/content, the routes its pages give, schemas that do or do not ask for
// a title, and a collection whose URLs a page computes.
func TestAstroContentLayer(t *testing.T) {
	files := map[string]string{
		"astro.config.mjs": "export default defineConfig({});\n",
		"src/content.config.ts": "const blog = defineCollection({\n  loader: glob({ pattern: '**/*.md', base: './src/content/blog' }),\n" +
			"  schema: z.object({ title: z.string(), draft: z.boolean().optional() }),\n});\n" +
			"const notes = defineCollection({ loader: glob({ pattern: '*.md', base: 'notes' }), schema: z.object({ summary: z.string().optional() }) });\n" +
			"const work = defineCollection({ loader: glob({ pattern: '*.md', base: 'work' }) });\n" +
			"export const collections = { blog, notes, work };\n",
		"src/pages/blog/[...slug].astro": "---\nconst posts = await getCollection('blog', ({ data }) => !data.draft);\n" +
			"return posts.map((post) => ({ params: { slug: post.id } }));\n---\n",
		"src/pages/notes/[id].astro":         "---\nconst notes = await getCollection('notes');\nnotes.map((n) => ({ params: { id: n.id } }));\n---\n",
		"src/pages/projects/[...path].astro": "---\nconst w = await getCollection('work');\nw.map((p) => ({ params: { path: `${p.data.year}/${p.id}` } }));\n---\n",
		"src/pages/about.astro":              "<h1>About</h1>\n",
		"src/content/blog/Hello World.md":    "---\ntitle: Hello\n---\n[note](/notes/idea/) [about](/about/) [work](/projects/2024/x/) [gone](/blog/nope/) [draft](/blog/draft/)\n",
		"src/content/blog/draft.md":          "---\ntitle: Draft\ndraft: true\n---\n",
		"src/content/blog/untitled.md":       "---\ndraft: false\n---\n[hello](/blog/hello-world/)\n",
		"notes/idea.md":                      "No front matter: the notes schema asks for nothing.\n",
		"work/x.md":                          "---\nyear: 2024\n---\n",
	}
	got := lintFiles(t, files, "")
	checkFindings(t, onlyRule(got, "link-internal"), []string{
		"src/content/blog/Hello World.md:4:65-4:84 link-internal",
		"src/content/blog/Hello World.md:4:85-4:106 link-internal",
	})
	checkFindings(t, append(onlyRule(got, "frontmatter-required"), onlyRule(got, "frontmatter-syntax")...), []string{
		"src/content/blog/untitled.md:1:1-1:4 frontmatter-required",
	})
}
