package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"

	"github.com/contentlint/contentlint/lint/linttest"
)

func directiveParser4(t *testing.T, dialect string, files map[string]string) *Parser {
	t.Helper()
	root := t.TempDir()
	linttest.WriteTree(t, root, files)
	site, err := NewSite(&Config{Root: root, Preset: "none", Admonitions: AdmonitionsConfig{Dialect: dialect}})
	if err != nil {
		t.Fatal(err)
	}
	return NewParser(site)
}

// Content inside admonitions stays Markdown: links and images are extracted
// as anywhere else, and src/href attributes become component references.
func TestDirectiveContentAndRefs(t *testing.T) {
	p := directiveParser4(t, DialectAuto, nil)
	src := ":::note[Title]{href=\"/docs/a\"}\n\nSee [a](./a.md) and ![i](./i.png).\n\n:::\n\n::nuxt-image{src=\"/images/a.png\" alt=x}\n::\n"
	post := p.Parse("a.md", "/a.md", []byte(src))
	var got []string
	for _, r := range post.Refs {
		got = append(got, fmt.Sprintf("%s %s %d:%d-%d:%d %s", r.Kind, r.Dest, r.Range.Start.Line, r.Range.Start.Col, r.Range.End.Line, r.Range.End.Col, r.Attr))
	}
	want := []string{
		"component /docs/a 1:22-1:29 href",
		"link ./a.md 3:5-3:16 ",
		"image ./i.png 3:21-3:34 ",
		"component /images/a.png 7:19-7:32 src",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("refs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(post.Blocks) != 2 {
		t.Fatalf("blocks: %d, want 2", len(post.Blocks))
	}
	d := post.Blocks[0]
	if d.Dialect != DialectDocusaurus || d.Name != "note" || d.Label != "Title" || !d.Closed || d.Colons != 3 {
		t.Errorf("first block: %+v", d)
	}
	if _, ok := d.FirstChild().(*ast.Paragraph); !ok {
		t.Errorf("first child of the admonition is %T, want a paragraph", d.FirstChild())
	}
	if got := post.Lines.Pos(d.CloseStart); got != (Position{5, 1}) {
		t.Errorf("closer at %v, want 5:1", got)
	}
	if len(d.Attrs) != 1 || d.Attrs[0].Raw != `href="/docs/a"` {
		t.Errorf("attributes: %+v", d.Attrs)
	}
	if m := post.Blocks[1]; m.Dialect != DialectMDC || m.Name != "nuxt-image" || !m.Closed || len(m.Attrs) != 2 || m.Attrs[1].Value != "x" {
		t.Errorf("second block: %+v", m)
	}
}

func TestComponentNames(t *testing.T) {
	for in, want := range map[string]string{
		"TableOfContent.vue":  "table-of-content",
		"HTMLBlock.vue":       "html-block",
		"prose/ProseImg.vue":  "prose-img",
		"prose/Img.vue":       "prose-img",
		"Alert.global.vue":    "alert",
		"cards/index.vue":     "cards",
		"my_widget.vue":       "my-widget",
		"Video2Player.vue":    "video2-player",
		"ui/blocks/Hero.vue":  "ui-blocks-hero",
		"ui/UiButtonLink.vue": "ui-button-link",
	} {
		if got := componentName(in); got != want {
			t.Errorf("componentName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDocusaurusKeywords(t *testing.T) {
	root := t.TempDir()
	conf := "module.exports = {\n  presets: [['classic', {\n    docs: {admonitions: {keywords: ['spoiler', \"my-note\"], extendDefaults: false}},\n    blog: {admonitions: {keywords: ['aside']}},\n  }]],\n};\n"
	if err := os.WriteFile(filepath.Join(root, "docusaurus.config.js"), []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	kw, extend := docusaurusKeywords(root)
	if strings.Join(kw, ",") != "spoiler,my-note,aside" || extend {
		t.Errorf("keywords %v extend %v, want spoiler,my-note,aside and false", kw, extend)
	}
	site, err := NewSite(&Config{Root: root, Preset: "docusaurus"})
	if err != nil {
		t.Fatal(err)
	}
	if site.Dialect != DialectDocusaurus || strings.Join(site.AdmonitionTypes, ",") != "aside,my-note,spoiler" {
		t.Errorf("dialect %q types %v", site.Dialect, site.AdmonitionTypes)
	}
}

// Presets pick the dialect when the config does not.
func TestAdmonitionDialectFromPreset(t *testing.T) {
	for preset, want := range map[string]string{"docusaurus": DialectDocusaurus, "nuxt-content": DialectMDC, "hugo": DialectNone, "none": DialectNone} {
		site, err := NewSite(&Config{Root: t.TempDir(), Preset: preset})
		if err != nil {
			t.Fatal(err)
		}
		if site.Dialect != want {
			t.Errorf("preset %s: dialect %q, want %q", preset, site.Dialect, want)
		}
		if _, checked := site.AdmonitionNames(DialectDocusaurus); checked != (want == DialectDocusaurus) {
			t.Errorf("preset %s: docusaurus names checked = %v", preset, checked)
		}
	}
}

// Astro sites that load Starlight get its four asides; plain Astro sites have
// no admonitions.
func TestAdmonitionDialectStarlight(t *testing.T) {
	for _, tt := range []struct {
		config, dialect, names string
	}{
		{"import starlight from '@astrojs/starlight';\nexport default {integrations: [starlight()]};\n", DialectDocusaurus, "caution danger note tip"},
		{"export default {};\n", DialectNone, ""},
	} {
		root := t.TempDir()
		if err := os.WriteFile(filepath.Join(root, "astro.config.mjs"), []byte(tt.config), 0o644); err != nil {
			t.Fatal(err)
		}
		site, err := NewSite(&Config{Root: root, Preset: "astro"})
		if err != nil {
			t.Fatal(err)
		}
		if site.Dialect != tt.dialect || strings.Join(site.AdmonitionTypes, " ") != tt.names {
			t.Errorf("config %q: dialect %q names %q, want %q %q", tt.config, site.Dialect, site.AdmonitionTypes, tt.dialect, tt.names)
		}
	}
}

// MDC inline components with src/href props are references too; the same
// text in a code span, a URL or after a letter is not.
func TestInlineComponentRefs(t *testing.T) {
	p := directiveParser4(t, DialectMDC, nil)
	src := "Text :nuxt-img{src=\"/a.png\" alt=\"x y\"} and `:img{src=\"/b.png\"}`, a:b{src=c}, :x{src=\"open} and :link{href=/d}.\n"
	post := p.Parse("a.md", "/a.md", []byte(src))
	var got []string
	for _, r := range post.Refs {
		got = append(got, fmt.Sprintf("%s %s %d:%d-%d:%d %s", r.Kind, r.Dest, r.Range.Start.Line, r.Range.Start.Col, r.Range.End.Line, r.Range.End.Col, r.Attr))
	}
	want := "component /a.png 1:21-1:27 src\ncomponent /d 1:107-1:109 href"
	if strings.Join(got, "\n") != want {
		t.Errorf("refs:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}
