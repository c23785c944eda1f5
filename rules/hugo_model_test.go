package rules

import (
	"testing"

	"github.com/contentlint/contentlint/lint"
)

// TestHugoModelFindings: what the Hugo model changes in the findings of a
// site with two languages in content folders: a file name language the
// config does not define is a warning, pages Hugo never renders need no
// title, a file outside every content folder is not linted, and links
// follow Hugo's URLs (no /en/ prefix for the default language).
func TestHugoModelFindings(t *testing.T) {
	files := map[string]string{
		"hugo.toml": "baseURL = 'https://example.org/'\ndefaultContentLanguage = 'en'\n" +
			"[languages.en]\ncontentDir = 'content/en'\n[languages.fr]\ncontentDir = 'content/fr'\n",
		"content/LICENSE.md":           "no front matter, not content\n",
		"content/en/about.md":          "---\ntitle: About\n---\n[fr](/fr/a-propos/) [self](/about/#team) [guide](/guide.de/)\n\n## Team\n",
		"content/fr/a-propos.md":       "---\ntitle: À propos\n---\n[en](/about/) [bad](/en/about/)\n",
		"content/en/guide.de.md":       "---\ntitle: Anleitung\n---\n",
		"content/en/snippets/index.md": "---\nheadless: true\n---\n",
		"content/en/hidden/_index.md":  "---\ncascade:\n  build:\n    render: never\n---\n",
		"content/en/hidden/page.md":    "---\ndescription: no title needed\n---\n",
		"content/en/drafts/wip.md":     "---\ndraft: true\n---\n",
		"content/en/blog/no-title.md":  "---\ndate: 2024-01-02 10:30:00 +0200\n---\n",
		"content/en/blog/bad-date.md":  "---\ntitle: Bad\ndate: 2024-02-30\n---\n",
		"content/en/blog/rfc1123.md":   "---\ntitle: RFC 1123\ndate: Tue, 02 Jan 2024 10:30:00 +0200\n---\n",
	}
	got := lintFiles(t, files, "")
	checkFindings(t, got, []string{
		"content/en/blog/bad-date.md:3:7-3:17 frontmatter-type",
		"content/en/blog/no-title.md:1:1-1:4 frontmatter-required",
		"content/en/guide.de.md:1:1-1:1 alternate-language",
		"content/fr/a-propos.md:4:15-4:32 link-internal",
	})
	for _, f := range got {
		if f.RuleID == "alternate-language" && f.Severity != lint.Warning {
			t.Errorf("%s: severity %v, want warning", where(f), f.Severity)
		}
	}
}
