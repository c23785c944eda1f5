package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/contentlint/contentlint/lint"
)

// Seeds cover each construct the scanners handle: openers with labels,
// attributes and titles, closers, nesting, code, comments, lists, quotes,
// tabs, CRLF and the malformed forms.
var admonitionSeeds = []string{
	":::note\n\nText [link](./a.md).\n\n:::\n",
	"::::info Parent\n\n:::tip[Child *t*]{.a #b c=\"d\" e='f' g=h}\n\nx\n\n:::\n\n::::\n",
	"- item\n\n  :::note\n\n  ```\n  :::\n  ```\n\n  :::\n",
	"> :::note\n> x\n> :::\n",
	"::: note Hello world:::\n:::note[a\n:::note{a=\"b\n:::{.x}\n:::\n",
	"Para\n:::note\nx\n:::\nPara\n",
	"<!--\n:::\n-->\n\n    :::\n\n`:::note`\n",
	"::hero\n  :::card{src=\"/a.png\" href='/b'}\n    nested\n  :::\n::\n::\n",
	"::card[Label]{title=\"x\"}\n#slot\ny\n::card\n::\n",
	"\t:::note\r\n\t\tx\r\n\t:::\r\n",
	":::note Été :::\n:::é\n:::\n",
	"---\ntitle: x\n---\n:::tip\n",
}

// fuzzAdmonitions runs the three admonition rules through the engine on one
// file per input: no input may panic or fail, and every finding must lie
// within the file's lines.
func fuzzAdmonitions(f *testing.F, dialect string) {
	for _, s := range admonitionSeeds {
		f.Add(s)
	}
	root := writeSite(f, map[string]string{"components/content/Card.vue": "<template />\n", "components/content/Hero.vue": "<template />\n"},
		"admonitions:\n  dialect: "+dialect+"\n")
	cfg, site, err := lint.Setup([]string{root}, filepath.Join(root, lint.ConfigFileName))
	if err != nil {
		f.Fatal(err)
	}
	eng := &lint.Engine{Rules: []*lint.Rule{AdmonitionUnclosed, AdmonitionUnknown, AdmonitionSyntax}, Config: cfg, Site: site, BaseDir: root, Options: lint.Options{Jobs: 1, Offline: true}}
	path := filepath.Join(root, "a.md")
	f.Fuzz(func(t *testing.T, src string) {
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := eng.Run(t.Context(), []string{path})
		if err != nil {
			t.Fatal(err)
		}
		if res.Err != nil {
			t.Fatalf("lint error: %v", res.Err)
		}
		lines := lint.NewLineIndex([]byte(src)).Lines()
		for _, fd := range res.Findings {
			r := fd.Range
			if r.Start.Line < 1 || r.End.Line > lines || r.Start.Col < 1 || r.End.Col < 1 || r.End.Before(r.Start) {
				t.Fatalf("%s outside the file's %d lines: %s", where(fd), lines, fd.Message)
			}
		}
	})
}

func FuzzAdmonitionsDocusaurus(f *testing.F) { fuzzAdmonitions(f, lint.DialectDocusaurus) }

func FuzzAdmonitionsMDC(f *testing.F) { fuzzAdmonitions(f, lint.DialectMDC) }
