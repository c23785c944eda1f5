package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/contentlint/contentlint/lint"
)

// admonitionFindings keeps the admonition-* findings.
func admonitionFindings(fs []lint.Finding) []lint.Finding {
	var out []lint.Finding
	for _, f := range fs {
		if strings.HasPrefix(f.RuleID, "admonition-") {
			out = append(out, f)
		}
	}
	return out
}

type admonitionCase struct {
	name, src string
	want      []string // where() of each finding, in engine order
	msg       string   // a substring of the first finding's message
}

func runAdmonitionCases(t *testing.T, cfg string, files map[string]string, tests []admonitionCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := map[string]string{"a.md": tt.src}
			for k, v := range files {
				fs[k] = v
			}
			got := admonitionFindings(lintFiles(t, fs, cfg))
			checkFindings(t, got, tt.want)
			if tt.msg != "" && (len(got) == 0 || !strings.Contains(got[0].Message, tt.msg)) {
				t.Errorf("first message does not contain %q: %v", tt.msg, got)
			}
		})
	}
}

// The valid forms follow micromark-extension-directive's syntax notes and
// Docusaurus's admonition docs (titles, nesting with more colons outside,
// admonitions in lists and quotes, the legacy `:::note Title` form).
func TestAdmonitionsDocusaurus(t *testing.T) {
	tests := []admonitionCase{
		// Valid forms.
		{name: "basic", src: ":::note\n\nSome **content**.\n\n:::\n"},
		{name: "no blank lines inside", src: ":::tip\nSome content.\n:::\n"},
		{name: "every default keyword", src: ":::note\n:::\n\n:::tip\n:::\n\n:::info\n:::\n\n:::warning\n:::\n\n:::danger\n:::\n\n:::caution\n:::\n\n:::important\n:::\n\n:::success\n:::\n\n:::secondary\n:::\n"},
		{name: "legacy title", src: ":::note Your Title\n\nSome content.\n\n:::\n"},
		{name: "label", src: ":::tip[Custom *title*]\n\nx\n\n:::\n"},
		{name: "label with nested brackets", src: ":::tip[See [this] one]\n\nx\n\n:::\n"},
		{name: "attributes", src: ":::info{.big #intro title=\"Read me\" data-x='y' hidden}\n\nx\n\n:::\n"},
		{name: "label and attributes", src: ":::warning[Careful]{.wide}\n\nx\n\n:::\n"},
		{name: "nested with more colons outside", src: "::::info Parent\n\nParent content\n\n:::tip Child\n\nChild content\n\n:::\n\n::::\n"},
		{name: "three levels", src: ":::::info\n\n::::danger\n\n:::tip\n\nx\n\n:::\n\n::::\n\n:::::\n"},
		{name: "closer longer than opener", src: ":::note\n\nx\n\n:::::\n"},
		{name: "closer with trailing spaces", src: ":::note\n\nx\n\n:::   \n"},
		{name: "opener indented 3 spaces", src: "   :::note\n\n   x\n\n   :::\n"},
		{name: "in a list item", src: "- item\n\n  :::note\n\n  x\n\n  :::\n\n- next\n"},
		{name: "in an ordered list item", src: "1. step\n\n   :::tip\n\n   x\n\n   :::\n"},
		{name: "in a block quote", src: "> :::note\n>\n> x\n>\n> :::\n"},
		{name: "at end of file without newline", src: "Text.\n\n:::note\n\nx\n\n:::"},
		{name: "CRLF line endings", src: ":::note\r\n\r\nx\r\n\r\n:::\r\n"},
		{name: "in fenced code", src: "```md\n:::note\n:::tipp\n::: note Hello:::\n```\n\n~~~\n:::\n~~~\n"},
		{name: "fenced code in an admonition holding fences", src: ":::note\n\n```md\n:::tip\n:::\n```\n\n:::\n"},
		{name: "fenced code in a list in an admonition", src: ":::note\n\n- item\n\n  ```\n  :::\n  ```\n\n:::\n"},
		{name: "indented code", src: "Text.\n\n    :::tipp\n    :::\n"},
		{name: "HTML comment", src: "<!--\n:::tipp\n:::\n-->\n"},
		{name: "HTML comment in an admonition", src: ":::note\n\n<!--\n:::\n-->\n\n:::\n"},
		{name: "inline code", src: "Write `:::note` to open and `:::` to close.\n"},
		{name: "MDX comment", src: "{/*\n:::tipp\n*/}\n\n{/* commented out:\n\n:::note\n\nx\n */ }\n\nText.\n"},
		{name: "MDX comment in an admonition", src: ":::note\n\n{/*\n:::\n*/}\n\n:::\n"},
		{name: "MDX comment closed on one line", src: "{/* a */}\n\n:::note\n\nx\n\n:::\n"},
		{name: "two colons are text", src: "::youtube[Video]{v=1}\n\n::\n"},
		{name: "colons then punctuation are text", src: "::: -- :::)\n"},

		// Invalid forms: exact rule, line and column.
		{name: "unclosed", src: "Intro.\n\n:::note\n\nText.\n\n## Next\n\nMore text.\n",
			want: []string{"a.md:3:1-9:11 admonition-unclosed"}, msg: "`:::note` is never closed, so it swallows everything up to line 9 (the end of the file); close it with a line `:::`"},
		{name: "unclosed at end of file", src: ":::tip\n\nx",
			want: []string{"a.md:1:1-3:2 admonition-unclosed"}},
		{name: "unclosed opener alone", src: "x\n\n:::tip\n",
			want: []string{"a.md:3:1-3:7 admonition-unclosed"}},
		{name: "unclosed outer with many colons", src: "::::note\n\nx\n",
			want: []string{"a.md:1:1-3:2 admonition-unclosed"}, msg: "a line of at least 4 colons (`::::`)"},
		{name: "unclosed in a list item", src: "- item\n\n  :::note\n\n  x\n\n- next\n",
			want: []string{"a.md:3:3-5:4 admonition-unclosed"}, msg: "the end of its list item"},
		{name: "unclosed in a block quote", src: "> :::note\n> x\n\nafter\n",
			want: []string{"a.md:1:3-2:4 admonition-unclosed"}, msg: "the end of its block quote"},
		{name: "closer inside code does not close", src: ":::note\n\n```\n:::\n```\n",
			want: []string{"a.md:1:1-5:4 admonition-unclosed"}},
		{name: "unknown", src: ":::tipp\n\nx\n\n:::\n",
			want: []string{"a.md:1:4-1:8 admonition-unknown"}, msg: "unknown admonition type `tipp`; did you mean `tip`?"},
		{name: "unknown transposed", src: ":::ntoe\n\nx\n\n:::\n",
			want: []string{"a.md:1:4-1:8 admonition-unknown"}, msg: "did you mean `note`?"},
		{name: "unknown capitalised", src: ":::Warning\n\nx\n\n:::\n",
			want: []string{"a.md:1:4-1:11 admonition-unknown"}, msg: "did you mean `warning`?"},
		{name: "unknown with legacy title", src: ":::dangr Watch out\n\nx\n\n:::\n",
			want: []string{"a.md:1:4-1:9 admonition-unknown"}, msg: "did you mean `danger`?"},
		{name: "unknown far from all", src: ":::spoiler\n\nx\n\n:::\n",
			want: []string{"a.md:1:4-1:11 admonition-unknown"}, msg: "allowed: caution, danger"},
		{name: "unknown nested", src: "::::note\n\n:::tpi\n\nx\n\n:::\n\n::::\n",
			want: []string{"a.md:3:4-3:7 admonition-unknown"}, msg: "did you mean `tip`?"},
		{name: "stray closer", src: "Text.\n\n:::\n",
			want: []string{"a.md:3:1-3:4 admonition-syntax"}, msg: "closing fence `:::` closes nothing"},
		{name: "stray closer after a paragraph line", src: "Text.\n:::\n",
			want: []string{"a.md:2:1-2:4 admonition-syntax"}},
		{name: "space after colons", src: "::: note\n\nx\n\n:::\n",
			want: []string{"a.md:1:4-1:5 admonition-syntax"}, msg: "space between `:::` and `note`"},
		{name: "space after colons with title", src: ":::  tip Title\n\nx\n\n:::\n",
			want: []string{"a.md:1:4-1:6 admonition-syntax"}},
		{name: "prettier one-liner", src: "Intro.\n\n::: note Hello world:::\n",
			want: []string{"a.md:3:1-3:24 admonition-syntax"}, msg: "squeezes an opener"},
		{name: "trailing colons on the opener", src: ":::note:::\n",
			want: []string{"a.md:1:1-1:11 admonition-syntax"}},
		{name: "text after label", src: ":::note[Title] extra\n\nx\n\n:::\n",
			want: []string{"a.md:1:16-1:21 admonition-syntax"}, msg: "unexpected text `extra` after the label"},
		{name: "text after attributes", src: ":::note{.a} Title\n\nx\n\n:::\n",
			want: []string{"a.md:1:13-1:18 admonition-syntax"}, msg: "after the attributes"},
		{name: "punctuation after the name", src: ":::note.\n\nx\n\n:::\n",
			want: []string{"a.md:1:8-1:9 admonition-syntax"}, msg: "after the name"},
		{name: "unbalanced label", src: ":::note[Title\n\nx\n\n:::\n",
			want: []string{"a.md:1:8-1:9 admonition-syntax"}, msg: "not closed with `]`"},
		{name: "unbalanced attributes", src: ":::note{a=b\n\nx\n\n:::\n",
			want: []string{"a.md:1:8-1:9 admonition-syntax"}, msg: "not closed with `}`"},
		{name: "unbalanced quote", src: ":::note{title=\"x}\n\nx\n\n:::\n",
			want: []string{"a.md:1:15-1:16 admonition-syntax"}, msg: "not closed with `\"`"},
		{name: "no name", src: ":::{.callout-tip}\n\nx\n\n:::\n",
			want: []string{"a.md:1:1-1:5 admonition-syntax"}, msg: "has no name"},
		{name: "name ends in a dash", src: ":::note-\n\nx\n\n:::\n",
			want: []string{"a.md:1:4-1:9 admonition-syntax", "a.md:1:4-1:9 admonition-unknown"}, msg: "must not end in `-`"},
		{name: "mismatched nesting", src: ":::note\n\n:::tip\n\nx\n\n:::\n\n:::\n",
			want: []string{"a.md:3:1-3:7 admonition-syntax", "a.md:9:1-9:4 admonition-syntax"}, msg: "give the outer block more colons (`::::note`)"},
		{name: "inner closer too short for outer", src: "::::note\n\n:::tip\n\nx\n\n:::\n\n:::\n",
			want: []string{"a.md:1:1-9:4 admonition-unclosed", "a.md:9:1-9:4 admonition-syntax"}},
		// remark-directive reads a block right after a paragraph or a list,
		// and a paragraph right after a closer: no blank line is needed.
		{name: "opener right after a paragraph", src: "Some paragraph\n:::note\n\nx\n\n:::\n"},
		{name: "opener right after a list", src: "- item\n:::note\n\nx\n\n:::\n"},
		{name: "after a heading", src: "## Title\n:::note\n\nx\n\n:::\n"},
		{name: "text right after the closer", src: ":::note\n\nx\n\n:::\nMore text\n"},
		{name: "unknown name right after a paragraph", src: "Some paragraph\n:::tipp\nx\n:::\nMore text\n",
			want: []string{"a.md:2:4-2:8 admonition-unknown"}},
		{name: "after an MDX comment closed on its line", src: "{/* a */}\n\n:::tipp\n\nx\n\n:::\n",
			want: []string{"a.md:3:4-3:8 admonition-unknown"}},
		{name: "unclosed MDX comment hides nothing", src: "{/* never closed\n\n:::tipp\n\nx\n\n:::\n",
			want: []string{"a.md:3:4-3:8 admonition-unknown"}},
		{name: "columns count characters", src: ":::note[Été] extra\n\nx\n\n:::\n",
			want: []string{"a.md:1:14-1:19 admonition-syntax"}},
	}
	runAdmonitionCases(t, "admonitions:\n  dialect: docusaurus\n", nil, tests)
}

func TestAdmonitionsDocusaurusConfig(t *testing.T) {
	t.Run("types extend the defaults", func(t *testing.T) {
		runAdmonitionCases(t, "admonitions:\n  dialect: docusaurus\n  types: [spoiler]\n", nil, []admonitionCase{
			{name: "custom", src: ":::spoiler Title\n\nx\n\n:::\n"},
			{name: "default", src: ":::note\n\nx\n\n:::\n"},
		})
	})
	t.Run("types replace the defaults", func(t *testing.T) {
		runAdmonitionCases(t, "admonitions:\n  dialect: docusaurus\n  types: [spoiler]\n  extendDefaults: false\n", nil, []admonitionCase{
			{name: "custom", src: ":::spoiler\n\nx\n\n:::\n"},
			{name: "default gone", src: ":::note\n\nx\n\n:::\n", want: []string{"a.md:1:4-1:8 admonition-unknown"}},
		})
	})
	t.Run("keywords from docusaurus.config.js", func(t *testing.T) {
		conf := map[string]string{"docusaurus.config.js": "module.exports = {presets: [['classic', {docs: {admonitions: {\n  keywords: ['my-custom-admonition'],\n  extendDefaults: true,\n}}}]]};\n"}
		runAdmonitionCases(t, "admonitions:\n  dialect: docusaurus\n", conf, []admonitionCase{
			{name: "custom keyword with legacy title", src: ":::my-custom-admonition Custom Admonition\n\nIt works!\n\n:::\n"},
			{name: "typo of it", src: ":::my-custom-admonitio\n\nx\n\n:::\n", want: []string{"a.md:1:4-1:23 admonition-unknown"}, msg: "did you mean `my-custom-admonition`?"},
		})
	})
	t.Run("Docusaurus reads every file as MDX, which has no indented code", func(t *testing.T) {
		conf := map[string]string{"docusaurus.config.js": "module.exports = {};\n"}
		runAdmonitionCases(t, "preset: docusaurus\ncontent: [.]\n", conf, []admonitionCase{
			{name: "closer indented four spaces", src: ":::note\n\nInside.\n\n    :::\n\nAfter.\n"},
			{name: "closer indented a tab", src: ":::note\n\nInside.\n\n\t:::\n"},
		})
		runAdmonitionCases(t, "admonitions:\n  dialect: docusaurus\n", nil, []admonitionCase{
			{name: "plain Markdown: an indented closer is code", src: ":::note\n\nInside.\n\n    :::\n",
				want: []string{"a.md:1:1-5:8 admonition-unclosed"}},
		})
	})
	t.Run("dialect none", func(t *testing.T) {
		runAdmonitionCases(t, "admonitions:\n  dialect: none\n", nil, []admonitionCase{
			{name: "nothing checked", src: ":::tipp\n\n:::\n::: note\n"},
		})
	})
	t.Run("bad dialect", func(t *testing.T) {
		root := writeSite(t, map[string]string{"a.md": "x\n"}, "admonitions:\n  dialect: markdoc\n")
		if _, _, err := lint.Setup([]string{root}, filepath.Join(root, lint.ConfigFileName)); err == nil || !strings.Contains(err.Error(), "admonitions.dialect") {
			t.Errorf("want an admonitions.dialect error, got %v", err)
		}
	})
}

// The MDC forms follow Nuxt Content's block component syntax: `::name` …
// `::`, nested components with more colons inside, {props} and [slot].
func TestAdmonitionsMDC(t *testing.T) {
	comps := map[string]string{
		"components/content/Hero.vue":           "<template><slot /></template>\n",
		"components/content/Card.vue":           "<template><slot /></template>\n",
		"components/content/TableOfContent.vue": "<template><div /></template>\n",
		"components/content/prose/ProseImg.vue": "<template><img /></template>\n",
		"components/content/Alert.global.vue":   "<template><slot /></template>\n",
	}
	tests := []admonitionCase{
		// Valid forms.
		{name: "basic", src: "::hero\nDefault slot text.\n::\n"},
		{name: "slot label and props", src: "::card[Label]{title=\"A card\" :count=\"3\" .wide}\nx\n::\n"},
		{name: "nested with more colons inside", src: "::hero\n  :::card\n  A nested card\n  :::\n::\n"},
		{name: "deeply indented content is not code", src: "::hero\n  :::card\n    A nested [card](https://example.com)\n  :::\n::\n"},
		{name: "named slots", src: "::hero\n#title\nThe title\n\n#default\nThe body\n::\n"},
		{name: "component from PascalCase file", src: "::table-of-content\n::\n"},
		{name: "PascalCase usage", src: "::TableOfContent\n::\n"},
		{name: "nested folder component", src: "::prose-img{src=\"https://example.com/a.png\"}\n::\n"},
		{name: "global suffix", src: "::alert\nx\n::\n"},
		{name: "in a list", src: "- item\n\n  ::card\n  x\n  ::\n"},
		{name: "in a block quote", src: "> ::card\n> x\n> ::\n"},
		{name: "in fenced code", src: "```md\n::herro\n:: card\n```\n"},
		{name: "at end of file", src: "::card\nx\n::"},
		{name: "three colons are a nested-level fence only", src: "::hero\n:::card\nx\n:::\n::\n"},

		// Invalid forms.
		{name: "unclosed", src: "::hero\nx\n\nMore.\n",
			want: []string{"a.md:1:1-4:6 admonition-unclosed"}, msg: "close it with a line `::`"},
		{name: "more colons do not close", src: "::hero\nx\n:::\n",
			want: []string{"a.md:1:1-3:4 admonition-unclosed", "a.md:3:1-3:4 admonition-syntax"}, msg: "never closed"},
		{name: "unknown", src: "::herro\nx\n::\n",
			want: []string{"a.md:1:3-1:8 admonition-unknown"}, msg: "unknown component `herro`; did you mean `hero`?"},
		// remark-mdc tracks a nested opener with the same colons: the first
		// closer closes the child, the second the parent.
		{name: "same colons nested", src: "::hero\n::card\nx\n::\nStill hero.\n::\n"},
		{name: "same colons nested, parent left open", src: "::hero\n::card\nx\n::\n",
			want: []string{"a.md:1:1-4:3 admonition-unclosed"}},
		{name: "slot marker before a nested component", src: "::hero\n#title\n::card\nNew\n::\n#default\nText\n::\n"},
		{name: "opener right after a paragraph, text right after the closer", src: "Para.\n::card\nx\n::\nText after.\n"},
		{name: "unbalanced props quote", src: "::card{title=\"x}\nbroken\n::\n",
			want: []string{"a.md:1:14-1:15 admonition-syntax"}, msg: "not closed with `\"`"},
		// remark-mdc 3.11.1 has no escapes in quoted values: `\'` ends a
		// single-quoted value and the line is no component; inside the
		// other quote it is plain text.
		{name: "escaped quote in a single-quoted value", src: "::card{title='It\\'s'}\nx\n::\n",
			want: []string{"a.md:1:17-1:19 admonition-syntax"}, msg: "does not escape the quote in the value of `title`"},
		{name: "escaped double quote in a double-quoted value", src: "::card{title=\"say \\\"hi\\\"\"}\nx\n::\n",
			want: []string{"a.md:1:19-1:21 admonition-syntax"}},
		{name: "backslash quote inside the other quote", src: "::card{title=\"It\\'s\"}\nx\n::\n"},
		{name: "unbalanced props brace", src: "::card{title=\"x\"\nbroken\n::\n",
			want: []string{"a.md:1:7-1:8 admonition-syntax"}, msg: "not closed with `}`"},
		{name: "label after props", src: "::card{title=\"x\"}[Label]\nx\n::\n",
			want: []string{"a.md:1:18-1:25 admonition-syntax"}, msg: "the label `[Label]` must come before the attributes"},
		{name: "space after colons", src: ":: card\nx\n::\n",
			want: []string{"a.md:1:3-1:4 admonition-syntax"}},
		{name: "text after the name", src: "::card Title\nx\n::\n",
			want: []string{"a.md:1:8-1:13 admonition-syntax"}, msg: "unexpected text `Title` after the name"},
		{name: "stray closer", src: "Text.\n\n::\n",
			want: []string{"a.md:3:1-3:3 admonition-syntax"}, msg: "no component is open here"},
	}
	runAdmonitionCases(t, "admonitions:\n  dialect: mdc\n", comps, tests)

	t.Run("no components known: names are not checked", func(t *testing.T) {
		runAdmonitionCases(t, "admonitions:\n  dialect: mdc\n", nil, []admonitionCase{
			{name: "any name", src: "::whatever\nx\n::\n"},
		})
	})
	t.Run("configured folder", func(t *testing.T) {
		runAdmonitionCases(t, "admonitions:\n  dialect: mdc\n  components: ui/blocks\n", map[string]string{"ui/blocks/CallOut.vue": "<template />\n"}, []admonitionCase{
			{name: "known", src: "::call-out\nx\n::\n"},
			{name: "typo", src: "::callout\nx\n::\n", want: []string{"a.md:1:3-1:10 admonition-unknown"}, msg: "did you mean `call-out`?"},
		})
	})
	t.Run("missing configured folder", func(t *testing.T) {
		root := writeSite(t, map[string]string{"a.md": "x\n"}, "admonitions:\n  dialect: mdc\n  components: nope\n")
		if _, _, err := lint.Setup([]string{root}, filepath.Join(root, lint.ConfigFileName)); err == nil || !strings.Contains(err.Error(), "admonitions.components") {
			t.Errorf("want an admonitions.components error, got %v", err)
		}
	})
}

func TestAdmonitionsAuto(t *testing.T) {
	runAdmonitionCases(t, "admonitions:\n  dialect: auto\n", map[string]string{"components/content/Card.vue": "<template />\n"}, []admonitionCase{
		{name: "both dialects", src: ":::note\n\nx\n\n:::\n\n::card\ny\n::\n"},
		{name: "mdc nesting inside a component", src: "::card\n:::card\nx\n:::\n::\n"},
		{name: "docusaurus typo", src: ":::nte\n\nx\n\n:::\n", want: []string{"a.md:1:4-1:7 admonition-unknown"}, msg: "did you mean `note`?"},
		{name: "mdc typo", src: "::crad\nx\n::\n", want: []string{"a.md:1:3-1:7 admonition-unknown"}, msg: "did you mean `card`?"},
		{name: "mdc stray", src: "x\n\n::\n", want: []string{"a.md:3:1-3:3 admonition-syntax"}},
	})
}

// TestAdmonitionsCorpora lints the two published Docusaurus sites with no
// configuration: both were built and render their admonitions, so every
// admonition finding would be a false positive. (The ~150 `:::` lines in
// their code blocks, the Quarto fenced divs in cavo789's code samples and the
// Prettier one-liner shown in a code block of the admonitions doc must all be
// skipped.)
func TestAdmonitionsCorpora(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	corpora := filepath.Join(wd, "..", "..", "shared", "corpora")
	// Real defects found on these sites, with the reason; none so far.
	allow := map[string]string{}
	for _, name := range []string{"docusaurus-website", "cavo789-blog"} {
		t.Run(name, func(t *testing.T) {
			root := filepath.Join(corpora, name)
			if _, err := os.Stat(root); err != nil {
				t.Skipf("corpus %s absent: %v", root, err)
			}
			cfg, site, err := lint.Setup([]string{root}, "")
			if err != nil {
				t.Fatalf("setup: %v", err)
			}
			if site.Dialect != lint.DialectDocusaurus {
				t.Fatalf("dialect %q, want docusaurus from the preset", site.Dialect)
			}
			eng := &lint.Engine{Rules: []*lint.Rule{AdmonitionUnclosed, AdmonitionUnknown, AdmonitionSyntax}, Config: cfg, Site: site, BaseDir: root, Options: lint.Options{Jobs: 2, Offline: true}}
			res, err := eng.Run(t.Context(), []string{root})
			if err != nil {
				t.Fatal(err)
			}
			// Make sure the parser saw the admonitions, so that no finding
			// means they were checked.
			p := lint.NewParser(site)
			blocks := 0
			err = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
				if err != nil || d.IsDir() || !lint.IsMarkdown(path) {
					return err
				}
				src, err := os.ReadFile(path)
				if err != nil {
					return err
				}
				blocks += len(p.Parse(path, path, src).Blocks)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if min := map[string]int{"docusaurus-website": 1000, "cavo789-blog": 5}[name]; blocks < min {
				t.Fatalf("parsed %d admonitions, want at least %d", blocks, min)
			}
			for _, f := range res.Findings {
				if _, ok := allow[where(f)]; !ok {
					t.Errorf("%s: %s", where(f), f.Message)
				}
			}
		})
	}
}

// nested returns n Docusaurus admonitions nested in one another, the outer
// ones with more colons, each closed when close is set.
func nested(n int, close bool) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(":", 3+n-1-i) + "note\n\n")
	}
	if close {
		for i := range n {
			b.WriteString(strings.Repeat(":", 3+i) + "\n\n")
		}
	}
	return b.String()
}

// Nesting is capped: goldmark revisits every open block on every line, so
// 4,000 nested unclosed blocks used to take gigabytes.
func TestAdmonitionsNestingCap(t *testing.T) {
	deep := lint.MaxDirectiveDepth + 1
	tests := []admonitionCase{
		{name: "at the cap", src: nested(lint.MaxDirectiveDepth, true)},
		{name: "one past the cap", src: nested(deep, true),
			want: []string{
				fmt.Sprintf("a.md:%d:1-%d:8 admonition-syntax", 2*deep-1, 2*deep-1),
				fmt.Sprintf("a.md:%d:1-%d:4 admonition-syntax", 2*deep+1, 2*deep+1),
			},
			msg: "`:::note` is nested more than 32 blocks deep"},
		{name: "thousands unclosed, same colons", src: strings.Repeat(":::note\n\n", 4000)},
	}
	runAdmonitionCases(t, "admonitions:\n  dialect: docusaurus\n", nil, tests[:2])
	t.Run(tests[2].name, func(t *testing.T) {
		got := admonitionFindings(lintFiles(t, map[string]string{"a.md": tests[2].src}, "admonitions:\n  dialect: docusaurus\n"))
		deep := 0
		for _, f := range got {
			if strings.Contains(f.Message, "blocks deep") {
				if deep == 0 && where(f) != fmt.Sprintf("a.md:%d:1-%d:8 admonition-syntax", 2*lint.MaxDirectiveDepth+1, 2*lint.MaxDirectiveDepth+1) {
					t.Errorf("first too-deep finding at %s", where(f))
				}
				deep++
			}
		}
		if want := 4000 - lint.MaxDirectiveDepth; deep != want {
			t.Errorf("%d too-deep findings, want %d", deep, want)
		}
	})
}
