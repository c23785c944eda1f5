package lint

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/contentlint/contentlint/lint/linttest"
)

// TestNuxtCollections: page collections of content.config.ts give the URLs
// the oracle measured with Nuxt Content 3.6.3 (testdata/oracle/nuxt), and
// files no page collection takes are not rendered.
func TestNuxtCollections(t *testing.T) {
	files := map[string]string{
		"nuxt.config.ts": "export default defineNuxtConfig({\n  modules: ['@nuxt/content'],\n" +
			"  routeRules: { '/old': { redirect: '/guide/intro' }, '/gone': { redirect: { to: '/articles/hello', statusCode: 301 } } },\n" +
			"  i18n: { defaultLocale: 'en', locales: [{ code: 'en' }, { code: 'fr' }] },\n})\n",
		"content.config.ts": "import { defineCollection, defineContentConfig, z } from '@nuxt/content'\n" +
			"export default defineContentConfig({ collections: {\n" +
			"  guide: defineCollection({ type: 'page', source: '1.guide/**' }),\n" +
			"  blog: defineCollection({ type: 'page', source: { include: 'blog/**', prefix: '/articles', exclude: ['blog/drafts/**'] },\n" +
			"    schema: z.object({ title: z.string(), date: z.date() }) }),\n" +
			"  content_fr: defineCollection({ type: 'page', source: { include: 'fr/**', prefix: '/fr' } }),\n" +
			"  authors: defineCollection({ type: 'data', source: 'authors/*.md' }),\n" +
			"  landing: defineCollection({ type: 'page', source: [{ include: 'index.md' }, 'studio/index.md', { include: 'news/**', prefix: '/n' }] }),\n" +
			"}})\n",
		"content/1.guide/1.index.md":       "# Guide\n",
		"content/1.guide/2.intro.md":       "# Intro\n",
		"content/1.guide/3.deep/1.a.md":    "# A\n",
		"content/blog/hello.md":            "---\ntitle: Hello\n---\n",
		"content/blog/_draft.md":           "# Draft\n",
		"content/blog/drafts/wip.md":       "# WIP\n",
		"content/fr/1.guide/2.intro.md":    "# Intro\n",
		"content/authors/ann.md":           "name: Ann\n",
		"content/elsewhere.md":             "# Not in a collection\n",
		"content/1.guide/notes/.hidden.md": "# hidden\n",
		"content/index.md":                 "# Home\n",
		"content/studio/index.md":          "# Studio\n",
		"content/news/a.md":                "# A\n",
		"_redirects":                       "# host redirects\n/old-news /n/a 301\n/v2=https://v2.example.com\n/wild/* /n/a\n",
	}
	got, site := siteURLs(t, files, "")
	want := map[string]string{
		"content/1.guide/1.index.md":       "/guide",
		"content/1.guide/2.intro.md":       "/guide/intro",
		"content/1.guide/3.deep/1.a.md":    "/guide/deep/a",
		"content/blog/hello.md":            "/articles/hello",
		"content/blog/_draft.md":           "/articles/_draft",
		"content/blog/drafts/wip.md":       "",
		"content/fr/1.guide/2.intro.md":    "/fr/guide/intro",
		"content/authors/ann.md":           "",
		"content/elsewhere.md":             "",
		"content/1.guide/notes/.hidden.md": "/guide/notes/.hidden",
		"content/index.md":                 "/",
		"content/studio/index.md":          "/studio",
		"content/news/a.md":                "/n/a",
	}
	for _, p := range []string{"/old-news", "/v2"} {
		if !site.GeneratedRoute(p) {
			t.Errorf("%s, a _redirects source, is not a route", p)
		}
	}
	if site.GeneratedRoute("/wild/x") {
		t.Error("/wild/x: a splat source is not modelled, so it must not be a route")
	}
	for f, w := range want {
		if got[f] != w {
			t.Errorf("%s: URL %q, want %q", f, got[f], w)
		}
	}
	if r := site.Redirects["/guide/intro"]; !slices.Equal(r, []string{"/old"}) {
		t.Errorf("redirects to /guide/intro = %v, want [/old]", r)
	}
	if r := site.Redirects["/articles/hello"]; !slices.Equal(r, []string{"/gone"}) {
		t.Errorf("redirects to /articles/hello = %v, want [/gone]", r)
	}
	if !slices.Equal(site.Languages, []string{"en", "fr"}) {
		t.Errorf("languages %v, want [en fr]", site.Languages)
	}
	m := nuxtState(site)
	if c, _ := m.collectionFor("fr/1.guide/2.intro.md"); c == nil || c.lang != "fr" {
		t.Errorf("content_fr collection: %+v, want lang fr", c)
	}
	// blog's schema asks for a title; guide's (the default page schema) does not.
	if r := site.Required(site.abs("content/blog/hello.md"), nil, []string{"title", "date"}); !slices.Equal(r, []string{"title", "date"}) {
		t.Errorf("blog requires %v", r)
	}
	if r := site.Required(site.abs("content/1.guide/2.intro.md"), nil, []string{"title"}); len(r) != 0 {
		t.Errorf("guide requires %v, want nothing", r)
	}
}

// TestNuxtNoConfig: without content.config every file of content/ is a page
// at its path; Content 2 (no content.config, no Content 3 dependency) skips
// _ files.
func TestNuxtNoConfig(t *testing.T) {
	files := map[string]string{
		"nuxt.config.ts":    "export default defineNuxtConfig({})\n",
		"content/a/1.b.md":  "# B\n",
		"content/_part.md":  "# P\n",
		"content/index.md":  "# Home\n",
		"content/README.md": "# Readme\n",
	}
	got, _ := siteURLs(t, files, "")
	want := map[string]string{"content/a/1.b.md": "/a/b", "content/_part.md": "", "content/index.md": "/"}
	for f, w := range want {
		if got[f] != w {
			t.Errorf("%s: URL %q, want %q", f, got[f], w)
		}
	}
	files["package.json"] = `{"dependencies": {"@nuxt/content": "^3.6.3"}}`
	got, _ = siteURLs(t, files, "")
	if got["content/_part.md"] != "/_part" {
		t.Errorf("Content 3: content/_part.md URL %q, want /_part", got["content/_part.md"])
	}
}

// TestNuxtComponentNames: the names content can use come from the site's
// content and global components, native elements, and known layers and
// modules; an unknown one turns the check off with one note.
func TestNuxtComponentNames(t *testing.T) {
	base := map[string]string{
		"content/a.md":                       "# A\n",
		"components/content/HeroSection.vue": "<template />\n",
		"components/global/Badge2.vue":       "<template />\n",
		"components/Other.global.vue":        "<template />\n",
		"components/NotGlobal.vue":           "<template />\n",
		"modules/plain.ts":                   "export default defineNuxtModule({ setup() { nuxt.options.routeRules['/releases'] = { redirect: '/x' } } })\n",
	}
	tests := []struct {
		name, config string
		has, hasNot  []string
		checked      bool
	}{
		{"docus layer", "export default defineNuxtConfig({ extends: ['docus'], modules: ['@nuxt/content', 'nuxt-studio'] })\n",
			[]string{"hero-section", "badge2", "other", "div", "details", "note", "prose-note", "card-group", "u-page-section", "u-page-feature"},
			[]string{"not-global", "page-section"}, true},
		{"no layer", "export default defineNuxtConfig({ modules: [['@nuxt/content', {}], '@nuxt/image'] })\n",
			[]string{"hero-section", "nuxt-img", "span"}, []string{"note", "u-page-section"}, true},
		{"unknown module", "export default defineNuxtConfig({ modules: ['@nuxt/content', 'some-ui-kit'] })\n",
			[]string{"hero-section"}, nil, false},
		{"remote layer", "export default defineNuxtConfig({ extends: ['github:acme/theme'] })\n", nil, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"nuxt.config.ts": tt.config}
			for k, v := range base {
				files[k] = v
			}
			_, site := siteURLs(t, files, "")
			names, checked := site.AdmonitionNames(DialectMDC)
			if checked != tt.checked {
				t.Errorf("checked = %v, want %v (notes %v)", checked, tt.checked, site.Notes)
			}
			for _, n := range tt.has {
				if !slices.Contains(names, n) {
					t.Errorf("%q missing from %d names", n, len(names))
				}
			}
			for _, n := range tt.hasNot {
				if slices.Contains(names, n) {
					t.Errorf("%q should not be a name", n)
				}
			}
			notes := 0
			for _, n := range site.Notes {
				if strings.Contains(n, "components contentlint cannot see") {
					notes++
				}
			}
			if want := map[bool]int{true: 0, false: 1}[tt.checked]; notes != want {
				t.Errorf("%d notes about unseen components, want %d: %v", notes, want, site.Notes)
			}
			if !site.GeneratedRoute("/releases") {
				t.Error("/releases, set by modules/plain.ts, is not a route")
			}
		})
	}
}

// TestNuxtTranslations: pages of collections in two locales are each
// other's translations when their paths match without the locale prefix.
func TestNuxtTranslations(t *testing.T) {
	files := map[string]string{
		"nuxt.config.ts": "export default defineNuxtConfig({ i18n: { defaultLocale: 'en', locales: ['en', 'fr'] } })\n",
		"content.config.ts": "export default defineContentConfig({ collections: {\n" +
			"  content_en: defineCollection({ type: 'page', source: { include: 'en/**', prefix: '' } }),\n" +
			"  content_fr: defineCollection({ type: 'page', source: { include: 'fr/**', prefix: '/fr' } }),\n}})\n",
		"content/en/1.guide.md": "# Guide\n",
		"content/fr/1.guide.md": "# Guide\n",
		"content/en/only.md":    "# Only\n",
	}
	urls, site := siteURLs(t, files, "")
	var entries []*Entry
	for _, p := range []string{"content/en/1.guide.md", "content/fr/1.guide.md", "content/en/only.md"} {
		e := &Entry{Path: p, Abs: site.abs(p), URL: urls[p]}
		_, _ = nuxtContent{}.PageURL(site, e, ContentRoot{}, "")
		entries = append(entries, e)
	}
	nuxtContent{}.LinkEntries(site, entries)
	if urls["content/en/1.guide.md"] != "/guide" || urls["content/fr/1.guide.md"] != "/fr/guide" {
		t.Fatalf("URLs %v", urls)
	}
	if got := entries[0].Translations["fr"]; got != "content/fr/1.guide.md" {
		t.Errorf("en guide: fr translation %q", got)
	}
	if got := entries[1].Translations["en"]; got != "content/en/1.guide.md" {
		t.Errorf("fr guide: en translation %q", got)
	}
	if len(entries[2].Translations) != 0 || entries[1].Lang != "fr" || entries[2].Lang != "en" {
		t.Errorf("only.md translations %v, langs %q %q", entries[2].Translations, entries[1].Lang, entries[2].Lang)
	}
}

// A local layer outside the site root is not read (containment): its
// components count as unseen, so names are not judged, with one note.
func TestNuxtLayerOutsideTheSite(t *testing.T) {
	layer := t.TempDir() // a sibling of the site folder made next
	linttest.WriteTree(t, layer, map[string]string{"nuxt.config.ts": "export default {}\n", "components/content/Secret.vue": "<template />\n"})
	_, site := siteURLs(t, map[string]string{"content/a.md": "# A\n",
		"nuxt.config.ts": "export default defineNuxtConfig({ extends: ['../" + filepath.Base(layer) + "'] })\n"}, "")
	names, checked := site.AdmonitionNames(DialectMDC)
	if checked || slices.Contains(names, "secret") {
		t.Errorf("checked = %v, names include secret = %v: the layer outside the site was read", checked, slices.Contains(names, "secret"))
	}
}
