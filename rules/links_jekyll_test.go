package rules

import (
	"strings"
	"testing"

	"github.com/contentlint/contentlint/lint"
)

// jekyllLinkPost exercises Liquid destinations, relative links against the
// page's URL, and what Jekyll serves.
const jekyllLinkPost = `---
title: Links
---
# Links

[link ok]({% link _docs/api.md %}) [link bad]({% link _docs/nope.md %})
[post ok]({% post_url 2024-01-02-hello %}) [post bad]({% post_url 2024-01-03-nope %})
[filter ok]({{ '/docs/api/' | relative_url }}) [filter bad]({{ "/docs/gone/" | absolute_url }}) [prepend ok]({{ '/about/' | prepend: site.baseurl | prepend: site.url }})
[base ok]({{ site.baseurl }}/about/) [base bad]({{ site.baseurl }}/nowhere/)
[repo]({{ site.repository }}/issues/1) [other]({{ page.url }}) [prepend bad]({{ '/x/' | prepend: site.baseurl }}) [nospace]({{site.baseurl}}/about/)
[help](/help/) [raw](/raw.md) [draft](/draft/) [tag](/tags/#go)
[case ok](/MIGRATION/) [case bad](/migration/)

` + "```md\n[in code]({% link _docs/nope.md %})\n```\n" + `
{% raw %}[in raw]({% link _docs/nope.md %}){% endraw %}
<a href="{{ '/about/' | relative_url }}">ok</a> <a href="{{ '/gone/' | relative_url }}">bad</a>
![img ok]({{ '/img/a.png' | relative_url }}) ![img bad]({{ "/img/b.png" | relative_url }})
[outside]({% link ../../etc/passwd %})
`

var jekyllLinkSite = map[string]string{
	"_config.yml":                "title: x\nrepository: https://github.com/x/y\npermalink: pretty\ncollections:\n  docs:\n    output: true\nplugins: [jekyll-redirect-from]\n",
	"links.md":                   jekyllLinkPost,
	"about.md":                   "---\ntitle: About\nredirect_from: /help/index.html\n---\n# About\n",
	"raw.md":                     "# copied as-is, no front matter\n",
	"_drafts/draft.md":           "---\ntitle: Draft\n---\n",
	"_docs/api.md":               "---\ntitle: API\n---\n![up](../../img/a.png) ![wrong](img/a.png) [rel page](../../about/)\n",
	"_posts/2024-01-02-hello.md": "---\ntitle: Hello\n---\n[sibling](../hello/) [bad sibling](../../../02/hello/)\n",
	"img/a.png":                  "png",
	"MIGRATION.md":               "---\ntitle: Migration\n---\n",
	"tags.html":                  "---\npermalink: /tags/\n---\n{% for t in site.tags %}<h2 id=\"{{ t[0] | slugify }}\">{{ t[0] }}</h2>{% endfor %}\n",
}

func TestLinkInternalJekyll(t *testing.T) {
	fs := lintFiles(t, jekyllLinkSite, "")
	var links []lint.Finding
	msgs := map[string]string{}
	for _, f := range fs {
		if f.RuleID == "link-internal" || f.RuleID == "image-missing" {
			links = append(links, f)
			msgs[where(f)] = f.Message
		}
	}
	checkFindings(t, links, []string{
		"_docs/api.md:4:24-4:43 image-missing",               // img/a.png from /docs/api/
		"_posts/2024-01-02-hello.md:4:22-4:55 link-internal", // from /2024/01/02/hello/
		"links.md:6:47-6:71 link-internal",
		"links.md:7:55-7:85 link-internal",
		"links.md:8:61-8:95 link-internal",
		"links.md:9:49-9:76 link-internal",
		"links.md:10:78-10:113 link-internal",
		"links.md:11:31-11:47 link-internal", // drafts are not published
		"links.md:11:48-11:64 link-internal", // a warning: Liquid writes the ids of tags.html
		"links.md:12:24-12:47 link-internal", // MIGRATION.md is served at /MIGRATION/ only
		"links.md:19:58-19:87 link-internal",
		"links.md:20:57-20:90 image-missing",
		"links.md:21:11-21:38 link-internal", // {% link %} leaving the site: never looked at
	})
	for k, want := range map[string]string{
		"links.md:6:47-6:71 link-internal":   "{% link %} names _docs/nope.md, which is not a published file; the build stops here",
		"links.md:7:55-7:85 link-internal":   "{% post_url %} names no published post; the build stops here",
		"links.md:8:61-8:95 link-internal":   `link "{{ \"/docs/gone/\" | absolute_url }}" reaches no post or file`,
		"links.md:21:11-21:38 link-internal": `link "{% link ../../etc/passwd %}" points outside the site`,
	} {
		if !strings.HasPrefix(msgs[k], want) {
			t.Errorf("%s: message %q, want it to start with %q", k, msgs[k], want)
		}
	}
}
