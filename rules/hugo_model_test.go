package rules

import (
	"testing"

	"github.com/contentlint/contentlint/lint"
)

// TestHugoModelFindings: what the Hugo model changes in the findings of a
// site with two languages in content folders: a file name language the
// config does not define is a warning, pages Hugo never renders need no
// title, a file outside every content folder is not linted, links follow
// Hugo's URLs (no /en/ prefix for the default language), and links under a
// content adapter's section are not judged; translations Hugo pairs
// (translationKey) confirm an alternate from the other side.
func TestHugoModelFindings(t *testing.T) {
	files := map[string]string{
		"hugo.toml": "baseURL = 'https://example.org/'\ndefaultContentLanguage = 'en'\n" +
			"[languages.en]\ncontentDir = 'content/en'\n[languages.fr]\ncontentDir = 'content/fr'\n",
		"content/en/contact.md":           "---\ntitle: Contact\nalternates: [{fr: /fr/a-propos/}]\n---\n",
		"content/LICENSE.md":              "no front matter, not content\n",
		"content/en/about.md":             "---\ntitle: About\ntranslationKey: about\nalternates: [{fr: /fr/a-propos/}]\n---\n[fr](/fr/a-propos/) [self](/about/#team) [guide](/guide.de/)\n\n## Team\n",
		"content/fr/a-propos.md":          "---\ntitle: À propos\ntranslationKey: about\n---\n[en](/about/) [bad](/en/about/) [made by an adapter](/fr/news/2024/)\n",
		"content/fr/news/_content.gotmpl": "{{ .AddPage (dict \"path\" \"2024\" \"title\" \"2024\") }}\n",
		"content/en/guide.de.md":          "---\ntitle: Anleitung\n---\n",
		"content/en/snippets/index.md":    "---\nheadless: true\n---\n",
		"content/en/hidden/_index.md":     "---\ncascade:\n  build:\n    render: never\n---\n",
		"content/en/hidden/page.md":       "---\ndescription: no title needed\n---\n",
		"content/en/drafts/wip.md":        "---\ndraft: true\n---\n",
		"content/en/blog/no-title.md":     "---\ndate: 2024-01-02 10:30:00 +0200\n---\n",
		"content/en/blog/bad-date.md":     "---\ntitle: Bad\ndate: 2024-02-30\n---\n",
		"content/en/blog/old-build.md":    "---\ntitle: Old\n_build:\n  render: never\n---\n",
		"content/en/blog/rfc1123.md":      "---\ntitle: RFC 1123\ndate: Tue, 02 Jan 2024 10:30:00 +0200\n---\n",
	}
	got := lintFiles(t, files, "")
	checkFindings(t, got, []string{
		"content/en/blog/bad-date.md:3:7-3:17 frontmatter-type",
		"content/en/blog/no-title.md:1:1-1:4 frontmatter-required",
		"content/en/blog/old-build.md:3:1-3:7 frontmatter-type",
		"content/en/contact.md:3:15-3:32 alternate-reciprocal",
		"content/en/guide.de.md:1:1-1:1 alternate-language",
		"content/fr/a-propos.md:5:15-5:32 link-internal",
	})
	for _, f := range got {
		if f.RuleID == "alternate-language" && f.Severity != lint.Warning {
			t.Errorf("%s: severity %v, want warning", where(f), f.Severity)
		}
	}
}
