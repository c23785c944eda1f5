package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/contentlint/contentlint/lint"
)

const linkPostA = `---
title: A
---
# A

## Section One

[ok rel](./b.md) [ok frag](b.md#b-heading) [ok dir](sub/) [ok bundle](./files/doc.pdf)
[bad rel](./c.md)
[bad frag](b.md#b-headin)
[same page](#section-one) [top](#top) [empty]()
[same bad](#sectin-one)
[abs](/b) [slash](/b/) [html](/b.html) [query](/b?x=1#b-heading)
[abs bad](/bb)
[self origin](https://example.com/b#b-heading) [root](https://example.com)
[self origin bad](https://example.com/zzz)
[other host](https://other.com/x) [mail](mailto:a@b.c) [tel](tel:123) [data](data:text/plain,x)
[proto](//cdn.example.com/x) [tmpl](/blog/{slug}) [tmpl2](${base}/x) [hugo]({{< ref "x" >}})
[static](/img/logo.png) [static bad](/img/logo.jpg)
<a href="/missing">html</a> <a href="#html-anchor">to html id</a> <span id="html-anchor"></span>
[ref style][def]

[def]: ../posts/b.md#nothing-here

` + "```md\n[in code](./nowhere.md)\n```\n"

var linkSite = map[string]string{
	"posts/a.md":           linkPostA,
	"posts/b.md":           "---\ntitle: B\n---\n## B heading\n\n## B heading\n\n[dup](#b-heading-1) [back](./a.md#section-one)\n",
	"posts/sub/index.md":   "---\ntitle: Sub\n---\n[up](../a.md) [up url](../a) [sibling url](b)\n",
	"posts/files/doc.pdf":  "%PDF",
	"static/img/logo.png":  "png",
	"posts/nested/deep.md": "---\ntitle: Deep\n---\n[wrong depth](../../b.md) [right](../../posts/b.md)\n",
}

const linkCfg = "content: [posts]\nstatic: [static]\nbaseURL: https://example.com\n"

func TestLinkInternal(t *testing.T) {
	got := onlyRule(lintFiles(t, linkSite, linkCfg), "link-internal")
	checkFindings(t, got, []string{
		"posts/a.md:9:1-9:18 link-internal",
		"posts/a.md:10:1-10:26 link-internal",
		"posts/a.md:12:1-12:24 link-internal",
		"posts/a.md:14:1-14:15 link-internal",
		"posts/a.md:16:1-16:43 link-internal",
		"posts/a.md:19:25-19:52 link-internal",
		"posts/a.md:20:10-20:18 link-internal",
		"posts/a.md:23:1-23:34 link-internal",
		"posts/nested/deep.md:4:1-4:26 link-internal",
	})
	msgs := map[string]string{}
	for _, f := range got {
		msgs[where(f)] = f.Message
	}
	wantMsg := map[string][]string{
		"posts/a.md:9:1-9:18 link-internal":    {`"./c.md" reaches no post or file`, "posts/c.md", `did you mean "./b.md"?`},
		"posts/a.md:10:1-10:26 link-internal":  {`no heading or anchor "b-headin" in posts/b.md`, "did you mean #b-heading?"},
		"posts/a.md:12:1-12:24 link-internal":  {`"sectin-one" in this post`, "did you mean #section-one?"},
		"posts/a.md:14:1-14:15 link-internal":  {"post URL /bb", `did you mean "/b"?`},
		"posts/a.md:16:1-16:43 link-internal":  {"https://example.com/zzz", "post URL /zzz"},
		"posts/a.md:19:25-19:52 link-internal": {"/img/logo.jpg", "static/img/logo.jpg"},
		"posts/a.md:20:10-20:18 link-internal": {`"/missing"`},
		"posts/a.md:23:1-23:34 link-internal":  {`"nothing-here" in posts/b.md`},
	}
	for k, parts := range wantMsg {
		for _, p := range parts {
			if !strings.Contains(msgs[k], p) {
				t.Errorf("%s: message %q lacks %q", k, msgs[k], p)
			}
		}
	}
}

// Only the given file is reported on, and the rest of the site, indexed
// light, still resolves its links and anchors.
func TestLinkInternalOneFile(t *testing.T) {
	root := writeSite(t, linkSite, linkCfg)
	res := runSite(t, root, "posts/nested/deep.md")
	checkFindings(t, onlyRule(res.Findings, "link-internal"), []string{
		"posts/nested/deep.md:4:1-4:26 link-internal",
	})
	res = runSite(t, root, "posts/b.md")
	checkFindings(t, onlyRule(res.Findings, "link-internal"), nil)
	// b.md is indexed light here, yet "b.md#b-heading" resolves and
	// "b.md#b-headin" does not, exactly as in the full run.
	res = runSite(t, root, "posts/a.md")
	checkFindings(t, onlyRule(res.Findings, "link-internal"), []string{
		"posts/a.md:9:1-9:18 link-internal",
		"posts/a.md:10:1-10:26 link-internal",
		"posts/a.md:12:1-12:24 link-internal",
		"posts/a.md:14:1-14:15 link-internal",
		"posts/a.md:16:1-16:43 link-internal",
		"posts/a.md:19:25-19:52 link-internal",
		"posts/a.md:20:10-20:18 link-internal",
		"posts/a.md:23:1-23:34 link-internal",
	})
}

// Docusaurus locales: a page's site-absolute URL links resolve under its
// locale (the locale's baseUrl), an untranslated page is served in every
// locale, the generated pages exist per locale, a Markdown file path is a
// file, and a translation's anchors are its own.
func TestLinkInternalDocusaurusLocales(t *testing.T) {
	fr := "i18n/fr/docusaurus-plugin-content-docs/current/"
	files := map[string]string{
		"docusaurus.config.js": "module.exports = { i18n: { defaultLocale: 'en', locales: ['en', 'fr'] } };\n",
		"docs/intro.md":        "## Hello\n\n[guide](/docs/guide) [fr guide](/fr/docs/guide) [fr blog](/fr/blog) [orphan](/fr/docs/orphan)\n",
		"docs/guide.md":        "## Steps\n",
		fr + "intro.md": "## Bonjour\n\n[guide](/docs/guide#steps) [blog](/blog) [file](/intro.md) [self](#hello)\n" +
			"[missing](/docs/nope) [en anchor](/docs/intro#hello) [untranslated](guide.md#steps) [nowhere](gone.md)\n",
		fr + "orphan.md":       "## Seul\n",
		"blog/2024-01-02-a.md": "## Post\n",
	}
	got := onlyRule(lintFiles(t, files, ""), "link-internal")
	// orphan.md has no default-locale original, so Docusaurus never
	// renders it.
	checkFindings(t, got, []string{
		"docs/intro.md:3:69-3:94 link-internal",
		fr + "intro.md:3:60-3:74 link-internal",
		fr + "intro.md:4:1-4:22 link-internal",
		fr + "intro.md:4:23-4:53 link-internal",
		fr + "intro.md:4:85-4:103 link-internal",
	})
}

// Docusaurus: relative Markdown paths also resolve from the content root,
// links outside the content's URL space are not judged, generated routes
// exist, and mdx-code-block ids are anchors.
func TestLinkInternalDocusaurus(t *testing.T) {
	files := map[string]string{
		"docusaurus.config.js": "module.exports = { url: 'https://docs.example.com' };\n",
		"docs/intro.md": "# Intro\n\n[from root](guides/setup.md) [showcase](/showcase) [tags](/blog/tags/x) [cat](/docs/category/guides)\n" +
			"[bad doc](/docs/instal) [node](#node-env) [feed](/blog/rss.xml)\n\n```mdx-code-block\n<details id=\"node-env\">\n```\n",
		"docs/guides/setup.md":  "---\nslug: /install\n---\n## Setup\n\n[intro](../intro.md) [by url](/docs/install) [old url](/docs/guides/setup)\n",
		"blog/2024-01-02-hi.md": "# Hi\n\n[doc](/docs/install#setup) [bad anchor](/docs/install#nope)\n",
	}
	got := onlyRule(lintFiles(t, files, ""), "link-internal")
	checkFindings(t, got, []string{
		"blog/2024-01-02-hi.md:3:28-3:60 link-internal",
		"docs/guides/setup.md:6:46-6:75 link-internal",
		"docs/intro.md:4:1-4:24 link-internal",
	})
	for _, f := range got {
		if f.File == "docs/intro.md" && !strings.Contains(f.Message, `did you mean "/docs/install"?`) {
			t.Errorf("no suggestion in %q", f.Message)
		}
	}
}

// A reference definition used only by images is reported once, by
// image-missing at the image; one a link uses is reported at the definition.
func TestReferenceDefinitionReportedOnce(t *testing.T) {
	got := lintFiles(t, map[string]string{
		"posts/a.md": "---\ntitle: A\n---\n![a][img] [b][lnk] ![c][both] [d][both]\n\n" +
			"[img]: ./nope.png\n[lnk]: ./nope.md\n[Both]: ./gone.png\n[unused]: ./unused.md\n",
	}, "content: [posts]\n")
	var links []lint.Finding
	for _, f := range got {
		if f.RuleID == "link-internal" || f.RuleID == "image-missing" {
			links = append(links, f)
		}
	}
	checkFindings(t, links, []string{
		"posts/a.md:4:1-4:2 image-missing",
		"posts/a.md:4:20-4:21 image-missing",
		"posts/a.md:7:1-7:17 link-internal",
		"posts/a.md:8:1-8:19 link-internal",
		"posts/a.md:9:1-9:22 link-internal",
	})
}

// Tables wrapped in a JSX component (Docusaurus's APITable pattern) give
// each body row the id of its first cell, prefixed by the component's name
// attribute; the same anchors come out of the light index (pre-commit).
func TestLinkInternalComponentTableAnchors(t *testing.T) {
	api := "---\ntitle: API\n---\nimport APITable from '@site/src/components/APITable';\n\n" +
		"<APITable>\n\n| Name | Type |\n| --- | --- |\n| `disableInDev` | `boolean` |\n| [`sizes`](#disableInDev) | `number[]` |\n\n</APITable>\n\n" +
		"```mdx-code-block\n<APITable name=\"theme\">\n```\n\n| Name | Type |\n| --- | --- |\n| `colorMode` | `object` |\n\n```mdx-code-block\n</APITable>\n```\n\n" +
		"| Plain | Table |\n| --- | --- |\n| `outside` | no id |\n\n`<APITable>` in code is text.\n\n| Not | Wrapped |\n| --- | --- |\n| `stillOutside` | no id |\n"
	from := "---\ntitle: From\n---\n[a](api.md#disableInDev) [b](api.md#sizes) [c](api.md#theme-colorMode)\n" +
		"[d](api.md#colorMode) [e](api.md#outside) [f](api.md#stillOutside) [g](api.md#Name)\n"
	files := map[string]string{"docs/api.md": api, "docs/from.md": from}
	want := []string{
		"docs/from.md:5:1-5:22 link-internal",
		"docs/from.md:5:23-5:42 link-internal",
		"docs/from.md:5:43-5:67 link-internal",
		"docs/from.md:5:68-5:84 link-internal",
	}
	root := writeSite(t, files, "content: [docs]\npreset: docusaurus\n")
	checkFindings(t, onlyRule(runSite(t, root).Findings, "link-internal"), want)
	// Pre-commit: api.md is only indexed light.
	checkFindings(t, onlyRule(runSite(t, root, "docs/from.md").Findings, "link-internal"), want)
}

// Hugo renders a list page for each top-level section, _index.md or not;
// deeper folders are sections only with an _index.md.
func TestLinkInternalHugoSections(t *testing.T) {
	got := lintFiles(t, map[string]string{
		"hugo.toml":                    "title = 'x'\n",
		"content/posts/b/index.md":     "---\ntitle: B\n---\n",
		"content/posts/sub/c.md":       "---\ntitle: C\n---\n",
		"content/docs/_index.md":       "---\ntitle: Docs\n---\n",
		"content/docs/guide/_index.md": "---\ntitle: Guide\n---\n",
		"content/a.md": "---\ntitle: A\n---\n[s](/posts/) [t](/posts) [d](/docs/) [g](/docs/guide/)\n" +
			"[nested](/posts/sub/) [none](/nosection/)\n",
	}, "preset: hugo\ncontent: [content]\n")
	checkFindings(t, onlyRule(got, "link-internal"), []string{
		"content/a.md:5:1-5:22 link-internal",
		"content/a.md:5:23-5:42 link-internal",
	})
}

// Links and images inside a multi-line MDX comment are not rendered, so they
// are not checked; a one-line comment and a .md file outside Docusaurus keep
// theirs.
func TestLinkInternalMDXComments(t *testing.T) {
	post := "---\ntitle: A\n---\n{/*\n[gone](./nowhere.md) ![x](./nope.png)\n*/}\n\n" +
		"{/* one line */} [kept](./missing.md)\n"
	got := lintFiles(t, map[string]string{"docs/a.mdx": post, "docs/b.md": post}, "content: [docs]\n")
	checkFindings(t, ofRules(got, "link-internal", "image-missing"), []string{
		"docs/a.mdx:8:18-8:38 link-internal",
		"docs/b.md:5:1-5:21 link-internal",
		"docs/b.md:5:22-5:38 image-missing",
		"docs/b.md:8:18-8:38 link-internal",
	})
}

// A baseURL with a path (a site served under /blog/) is stripped the same way
// by every rule that resolves absolute URLs of the site.
func TestBaseURLWithPath(t *testing.T) {
	png := pngOf(t, 2, 2)
	got := lintFiles(t, map[string]string{
		"content/a.md": "---\ntitle: A\nlanguage: en\nalternates: [{fr: 'https://example.com/blog/b'}, {de: 'https://example.com/blog/zz'}]\n---\n" +
			"[ok](https://example.com/blog/b) [bad](https://example.com/blog/zz)\n\n" +
			"![ok](https://example.com/blog/s.png) ![bad](https://example.com/blog/zz.png)\n",
		"content/b.md": "---\ntitle: B\nlanguage: fr\nalternates: [{en: /a}]\n---\n",
		"static/s.png": png,
	}, "content: [content]\nstatic: [static]\nbaseURL: https://example.com/blog/\n")
	checkFindings(t, ofRules(got, "link-internal", "image-missing", "alternate-broken"), []string{
		"content/a.md:4:55-4:84 alternate-broken",
		"content/a.md:6:34-6:68 link-internal",
		"content/a.md:8:39-8:78 image-missing",
	})
}

// A broken link among thousands of same-named files still gets the nearest
// one as its suggestion, from a bounded set of candidates.
func TestNearIsBounded(t *testing.T) {
	n := newNearIndex()
	for i := range 3000 {
		n.add(fmt.Sprintf("content/copy-%04d/docs/installation.md", i))
	}
	for i := range 3000 {
		n.add(fmt.Sprintf("content/big/page-%04d.md", i))
	}
	for _, tt := range []struct{ want, best string }{
		{"content/kopy-1234/docs/installation.md", "content/copy-1234/docs/installation.md"}, // the right name in a wrong folder
		{"content/big/page-1234.mdx", "content/big/page-1234.md"},                            // a typo at the end, in a folder of 3,000
		{"content/big/xage-2345.md", "content/big/page-2345.md"},                             // and at the start of the name
		{"content/big/page-0000.md", "content/big/page-0001.md"},                             // itself excluded: the first of the folder
	} {
		got := n.near(tt.want, "content/big/page-0000.md")
		if len(got) == 0 || len(got) > maxNear {
			t.Fatalf("%s: %d candidates, want 1 to %d", tt.want, len(got), maxNear)
		}
		if s := closest(tt.want, got); s != tt.best {
			t.Errorf("%s: suggestion %q, want %q", tt.want, s, tt.best)
		}
	}
}
