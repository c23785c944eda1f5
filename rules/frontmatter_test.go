package rules

import (
	"strings"
	"testing"
)

// fmCase is one post, linted alone in a fresh site under cfg, with the
// findings of rule expected at exact places ("a.md:L:C-L:C rule") and, when
// msg is set, a message containing msg on the first finding.
type fmCase struct {
	name, src, cfg string
	file           string // default a.md
	want           []string
	msg            string
}

func runFMCases(t *testing.T, rule string, tests []fmCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := tt.file
			if file == "" {
				file = "a.md"
			}
			got := onlyRule(lintFiles(t, map[string]string{file: tt.src}, tt.cfg), rule)
			checkFindings(t, got, tt.want)
			if tt.msg != "" && len(got) > 0 && !strings.Contains(got[0].Message, tt.msg) {
				t.Errorf("message %q does not contain %q", got[0].Message, tt.msg)
			}
		})
	}
}

func TestFrontmatterSyntax(t *testing.T) {
	const r = " frontmatter-syntax"
	runFMCases(t, "frontmatter-syntax", []fmCase{
		{name: "valid", src: "---\ntitle: x\n---\nbody\n"},
		{name: "unterminated", src: "---\ntitle: x\nbody\n", want: []string{"a.md:1:1-1:4" + r}, msg: "never closed"},
		{name: "unterminated after blank lines", src: "\n\n+++\ntitle = 'x'\n", want: []string{"a.md:3:1-3:4" + r}},
		{name: "yaml error at the parser's line", src: "---\ntitle: x\n  bad: y\n---\n", want: []string{"a.md:3:1-3:9" + r}, msg: "invalid YAML"},
		{name: "yaml error crlf", src: "---\r\ntitle: x\r\n  bad: y\r\n---\r\n", want: []string{"a.md:3:1-3:9" + r}},
		{name: "duplicate key", src: "---\ntitle: a\ndate: 2024-01-02\ntitle: b\n---\n", want: []string{"a.md:4:1-4:6" + r}, msg: "first set on line 2"},
		{name: "duplicate key twice", src: "---\ntitle: a\ntitle: b\ntitle: c\n---\n", want: []string{"a.md:3:1-3:6" + r, "a.md:4:1-4:6" + r}},
		{name: "nested duplicate", src: "---\ntitle: a\nparams:\n  k: 1\n  k: 2\n---\n", want: []string{"a.md:5:3-5:4" + r}},
		{name: "missing block", src: "# Hello\n", want: []string{"a.md:1:1-1:1" + r}, msg: `"title"`},
		{name: "empty file", src: "", want: []string{"a.md:1:1-1:1" + r}},
		{name: "missing block, nothing required", src: "# Hello\n", cfg: "frontmatter:\n  required: []\n"},
		{name: "toml error", src: "+++\ntitle = \"x\n+++\n", want: []string{"a.md:2:11-2:11" + r}, msg: "invalid TOML"},
		{name: "toml duplicate", src: "+++\ntitle = \"a\"\ntitle = \"b\"\n+++\n", want: []string{"a.md:3:1-3:12" + r}},
		{name: "toml valid", src: "+++\ntitle = \"a\"\n+++\n"},
		{name: "json error", src: "{\n  \"title\" \"x\"\n}\n", want: []string{"a.md:2:1-2:14" + r}, msg: "invalid JSON"},
		{name: "json duplicate", src: "{\n  \"title\": \"a\",\n  \"title\": \"b\"\n}\n", want: []string{"a.md:3:3-3:10" + r}},
		{name: "json valid, body right after", src: "{\n  \"title\": \"a\"\n}\nbody\n"},
		{name: "not a mapping", src: "---\n- a\n---\n", want: []string{"a.md:2:1-2:4" + r}},
		{name: "bom", src: "\xEF\xBB\xBF---\ntitle: a\ntitle: b\n---\n", want: []string{"a.md:3:1-3:6" + r}},
	})
}

func TestFrontmatterRequired(t *testing.T) {
	const r = " frontmatter-required"
	runFMCases(t, "frontmatter-required", []fmCase{
		{name: "present", src: "---\ntitle: x\n---\n"},
		{name: "absent", src: "---\ndate: 2024-01-02\n---\n", want: []string{"a.md:1:1-1:4" + r}, msg: `"title" is missing`},
		{name: "absent after blank line", src: "\n---\ndate: 2024-01-02\n---\n", want: []string{"a.md:2:1-2:4" + r}},
		{name: "empty string", src: "---\ntitle: \"\"\n---\n", want: []string{"a.md:2:8-2:10" + r}, msg: "is empty"},
		{name: "blank string", src: "---\ntitle: '  '\n---\n", want: []string{"a.md:2:8-2:12" + r}},
		{name: "null shows at the key", src: "---\ntitle:\n---\n", want: []string{"a.md:2:1-2:6" + r}},
		{name: "explicit null", src: "---\ntitle: ~\n---\n", want: []string{"a.md:2:8-2:9" + r}},
		{name: "configured list", src: "---\ntitle: x\ntags: []\n---\n", cfg: "frontmatter:\n  required: [title, date, tags]\n",
			want: []string{"a.md:1:1-1:4" + r, "a.md:3:7-3:9" + r}},
		{name: "nothing required", src: "---\n---\n", cfg: "frontmatter:\n  required: []\n"},
		{name: "toml absent", src: "+++\ndate = 2024-01-02\n+++\n", want: []string{"a.md:1:1-1:4" + r}},
		{name: "toml empty", src: "+++\ntitle = \"\"\n+++\n", want: []string{"a.md:2:9-2:11" + r}},
		{name: "json absent", src: "{\n  \"date\": \"2024-01-02\"\n}\n", want: []string{"a.md:1:1-1:2" + r}},
		{name: "json empty", src: "{\n  \"title\": \"\"\n}\n", want: []string{"a.md:2:12-2:14" + r}},
		{name: "bom", src: "\xEF\xBB\xBF---\ndate: 2024-01-02\n---\n", want: []string{"a.md:1:1-1:4" + r}},
		{name: "unparsable block is not also missing fields", src: "---\ntitle: [x\n---\n"},
	})
}

func TestFrontmatterType(t *testing.T) {
	const r = " frontmatter-type"
	fields := "frontmatter:\n  fields:\n    link: url\n    cover: image\n    kind: enum(post, page)\n    summary: string\n    src: path\n"
	runFMCases(t, "frontmatter-type", []fmCase{
		{name: "well-known fields valid", src: "---\ntitle: x\ndate: 2024-01-02\nlastmod: 2024-01-02T10:00:00Z\ndraft: false\ntags: [a]\ncategories:\n  - b\nlanguage: pt-BR\nlang: en\n---\n"},
		{name: "date slashes", src: "---\ntitle: x\ndate: 02/01/2024\n---\n", want: []string{"a.md:3:7-3:17" + r}, msg: `field "date": want a date (YYYY-MM-DD or RFC 3339), got "02/01/2024"`},
		{name: "date out of range", src: "---\ntitle: x\ndate: 2024-13-01\n---\n", want: []string{"a.md:3:7-3:17" + r}},
		{name: "date with zone offset", src: "---\ntitle: x\ndate: 2024-01-02T10:00:00+02:00\n---\n"},
		{name: "yaml timestamp with space", src: "---\ntitle: x\ndate: 2024-01-02 10:00:00\n---\n"},
		{name: "timestamp without zone", src: "---\ntitle: x\ndate: \"2024-01-02T10:00:00\"\n---\n"},
		{name: "date as a list", src: "---\ntitle: x\ndate: [2024-01-02]\n---\n", want: []string{"a.md:3:7-3:19" + r}, msg: "got a list"},
		{name: "language underscore", src: "---\ntitle: x\nlanguage: en_US\n---\n", want: []string{"a.md:3:11-3:16" + r}, msg: `use "en-US"`},
		{name: "language word", src: "---\ntitle: x\nlang: english\n---\n", want: []string{"a.md:3:7-3:14" + r}, msg: "BCP 47"},
		{name: "tags scalar", src: "---\ntitle: x\ntags: go, web\n---\n", want: []string{"a.md:3:7-3:14" + r}, msg: `want a list, got "go, web"`},
		{name: "draft string", src: "---\ntitle: x\ndraft: \"true\"\n---\n", want: []string{"a.md:3:8-3:14" + r}, msg: "want a bool"},
		{name: "draft int", src: "---\ntitle: x\ndraft: 1\n---\n", want: []string{"a.md:3:8-3:9" + r}, msg: `int "1"`},
		{name: "null is left to required", src: "---\ntitle: x\ndate:\n---\n"},
		{name: "configured valid", cfg: fields, src: "---\ntitle: x\nlink: https://example.com/a\ncover: ./c.png\nkind: page\nsummary: s\nsrc: a/b\n---\n"},
		{name: "site-absolute url", cfg: fields, src: "---\ntitle: x\nlink: /docs/intro\n---\n"},
		{name: "relative url", cfg: fields, src: "---\ntitle: x\nlink: docs/intro\n---\n", want: []string{"a.md:3:7-3:17" + r}, msg: "absolute http(s) URL"},
		{name: "ftp url", cfg: fields, src: "---\ntitle: x\nlink: ftp://example.com\n---\n", want: []string{"a.md:3:7-3:24" + r}},
		{name: "empty image", cfg: fields, src: "---\ntitle: x\ncover: \"\"\n---\n", want: []string{"a.md:3:8-3:10" + r}, msg: "want a non-empty image"},
		{name: "enum", cfg: fields, src: "---\ntitle: x\nkind: draft\n---\n", want: []string{"a.md:3:7-3:12" + r}, msg: `want one of post, page, got "draft"`},
		{name: "string given a map", cfg: fields, src: "---\ntitle: x\nsummary:\n  a: b\n---\n", want: []string{"a.md:4:3-4:7" + r}, msg: "got a map"},
		{name: "several in key order", cfg: fields, src: "---\ntitle: x\nlink: x\ndate: no\n---\n", want: []string{"a.md:3:7-3:8" + r, "a.md:4:7-4:9" + r}},
		{name: "multi-byte before the value", src: "---\ntitle: x\n\"ü\": 1\ndate: \"Été\"\n---\n", want: []string{"a.md:4:7-4:12" + r}},
		{name: "toml bad date", src: "+++\ntitle = \"x\"\ndate = \"tomorrow\"\n+++\n", want: []string{"a.md:3:8-3:18" + r}},
		{name: "toml dates valid", src: "+++\ntitle = \"x\"\ndate = 2024-01-02\nlastmod = 2024-01-02T10:00:00Z\n+++\n"},
		{name: "toml tags string", src: "+++\ntitle = \"x\"\ntags = \"go\"\n+++\n", want: []string{"a.md:3:8-3:12" + r}},
		{name: "json language", src: "{\n  \"title\": \"x\",\n  \"language\": \"en_US\"\n}\n", want: []string{"a.md:3:15-3:22" + r}},
	})
}

func TestFrontmatterUniqueID(t *testing.T) {
	const r = " frontmatter-type"
	post := func(id, lang string) string {
		return "---\ntitle: t\nid: " + id + "\nlanguage: " + lang + "\n---\n"
	}
	files := map[string]string{
		"content/a.md":     post("p1", "en"),
		"content/b.md":     post("p1", "fr"), // a translation shares the id
		"content/c.md":     post("p1", "en"),
		"content/d/e.md":   post("p1", "en"),
		"content/f.md":     post("p2", "en"),
		"content/g.md":     "---\ntitle: t\n---\n", // no id
		"content/h.md":     "---\ntitle: t\n---\n",
		"content/i.md":     post("'p3'", "en"),
		"content/sub/j.md": post("p3", "en"),
	}
	cfg := "content: [content]\n"
	root := writeSite(t, files, cfg)

	res := runSite(t, root)
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	got := onlyRule(res.Findings, "frontmatter-type")
	checkFindings(t, got, []string{"content/c.md:3:5-3:7" + r, "content/d/e.md:3:5-3:7" + r, "content/sub/j.md:3:5-3:7" + r})
	if len(got) > 0 && !strings.Contains(got[0].Message, `id "p1" is already used by content/a.md (language en)`) {
		t.Errorf("message %q does not name the first post", got[0].Message)
	}

	// Only targets are reported, but every post is compared.
	checkFindings(t, onlyRule(runSite(t, root, "content/a.md").Findings, "frontmatter-type"), nil)
	checkFindings(t, onlyRule(runSite(t, root, "content/c.md").Findings, "frontmatter-type"), []string{"content/c.md:3:5-3:7" + r})
}

func TestFrontmatterUniqueIDDocusaurus(t *testing.T) {
	// Docusaurus qualifies a doc id with its folder: versioned docs and other
	// folders may reuse it.
	post := "---\ntitle: t\nid: intro\n---\n"
	files := map[string]string{
		"docusaurus.config.js":                       "module.exports = {};\n",
		"docs/guides/a.md":                           post,
		"docs/guides/b.md":                           post,
		"docs/i18n/c.md":                             post,
		"versioned_docs/version-1.0/guides/a.md":     post,
		"versioned_docs/version-1.0/guides/other.md": "---\ntitle: t\nid: other\n---\n",
	}
	got := onlyRule(lintFiles(t, files, ""), "frontmatter-type")
	checkFindings(t, got, []string{"docs/guides/b.md:3:5-3:10 frontmatter-type"})
}
