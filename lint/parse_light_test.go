package lint

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// sharedDir is ../shared next to the repository, or "" when absent.
func sharedDir(t testing.TB) string {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	d := filepath.Join(wd, "..", "..", "shared")
	if _, err := os.Stat(filepath.Join(d, "corpora")); err != nil {
		return ""
	}
	return d
}

func sortedAnchors(a []string) string {
	b := append([]string(nil), a...)
	sort.Strings(b)
	return strings.Join(b, " ")
}

func TestParseLightAnchors(t *testing.T) {
	cases := []struct{ name, src string }{
		{"atx and duplicates", "# A\n\n## A\n\n### A {#custom}\n\n## A\n"},
		{"inline markup", "## `code` and *emph* and [link](x) and snake_case_name\n"},
		{"reference link", "## See [the docs][d]\n\n[d]: https://x.io\n"},
		{"setext", "Title\n=====\n\nSub *title*\nover two lines\n---\n\n- item\n---\n"},
		{"fences", "````md\n```\n# not a heading\n```\n````\n~~~\n# no\n~~~\n## yes\n"},
		{"html ids", "<a name=\"top-link\"></a>\n\nText <span id=\"inline\">x</span> `<b id=\"code\">`\n\n<div id=\"block\">\n"},
		{"emoji and punctuation", "## Community plugins 🔌\n## What's new?\n"},
		{"front matter", "---\ntitle: x\n# comment\n---\n# Real\n"},
		{"closing hashes", "## Title ##\n#hashtag\n#\n"},
	}
	sameLightAnchors(t, NewParser(&Site{SlugStyle: "github"}), cases)
}

// sameLightAnchors fails for each case whose light anchors differ from the
// full parse's.
func sameLightAnchors(t *testing.T, p *Parser, cases []struct{ name, src string }) {
	t.Helper()
	for _, c := range cases {
		full := p.Parse("a.md", "/a.md", []byte(c.src))
		light := p.ParseLight("a.md", "/a.md", []byte(c.src))
		if sortedAnchors(full.Anchors) != sortedAnchors(light.Anchors) {
			t.Errorf("%s: light anchors %q, full %q", c.name, light.Anchors, full.Anchors)
		}
	}
	// kramdown (Jekyll): attribute lists after headings set or clear ids.
	k := NewParser(&Site{SlugStyle: "kramdown-gfm"})
	src := "# One\n{: #v1-0-0}\n\n## Two\n{: id=\"\"}\n\n## Three\n\n{: #not-the-heading}\n\n## Four\n{: .cls}\n"
	full := k.Parse("a.md", "/a.md", []byte(src))
	light := k.ParseLight("a.md", "/a.md", []byte(src))
	if got, want := sortedAnchors(full.Anchors), "four three v1-0-0"; got != want {
		t.Errorf("kramdown attribute lists: full anchors %q, want %q", got, want)
	}
	if sortedAnchors(full.Anchors) != sortedAnchors(light.Anchors) {
		t.Errorf("kramdown attribute lists: light anchors %q, full %q", light.Anchors, full.Anchors)
	}
}

// On real sites, the light index must give the same anchors as a full parse.
func TestParseLightAnchorsCorpora(t *testing.T) {
	shared := sharedDir(t)
	if shared == "" {
		t.Skip("../shared is absent")
	}
	for _, site := range []string{"docusaurus-website", "cavo789-blog"} {
		root := filepath.Join(shared, "corpora", site)
		cfg := &Config{Root: root}
		if err := ApplyPreset(cfg); err != nil {
			t.Fatal(err)
		}
		s, err := NewSite(cfg)
		if err != nil {
			t.Fatal(err)
		}
		p := NewParser(s)
		n := 0
		_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !IsMarkdown(path) {
				return err
			}
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			n++
			full, light := p.Parse("x", path, src), p.ParseLight("x", path, src)
			if f, l := sortedAnchors(full.Anchors), sortedAnchors(light.Anchors); f != l {
				t.Errorf("%s:\n full:  %s\n light: %s", path, f, l)
			}
			return nil
		})
		if n == 0 {
			t.Errorf("%s: no Markdown files", site)
		}
	}
}

// With Hugo's anchor options the light index still gives the full parse's
// anchors: definition terms (counted with the headings), a setext
// heading's last line, explicit ids in document order, shortcodes kept.
func TestParseLightAnchorsHugo(t *testing.T) {
	cases := []struct{ name, src string }{
		{"terms", "## cascade\n\ncascade\n: a term\n\nOther term\n: its definition\n"},
		{"setext last line", "First line\nsecond line\n---\n"},
		{"explicit after auto", "## Alpha\n\n## Beta {#alpha}\n\n## Alpha\n"},
		{"typographer", "## The --force flag\n\n## Q&amp;A...\n"},
	}
	s := &Site{Gen: hugo{}, SlugStyle: "hugo", Anchors: AnchorOptions{LastLine: true, TermIDs: true, FootnoteIDs: true}}
	s.Extensions = append(s.Extensions, hugoDefinitionList())
	p := NewParser(s)
	sameLightAnchors(t, p, cases)
	src := []byte("---\ntitle: x\n---\n{{< ref \"a.md\" >}}\n")
	if got := p.ParseLight("a.md", "/a.md", src).Shortcodes; len(got) != 1 || got[0].Range.Start.Line != 4 {
		t.Errorf("light shortcodes: %+v", got)
	}
}
