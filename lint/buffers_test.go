package lint_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/contentlint/contentlint/lint"
	"github.com/contentlint/contentlint/lint/linttest"
	"github.com/contentlint/contentlint/rules"
)

// A worker reuses its file buffers: linting many files on one worker must
// give each file exactly the findings it gets alone. Files alternate long
// and short, with and without front matter, multi-byte and not, so a
// buffer that leaked from one file into the next would show.
func TestReusedBuffersChangeNothing(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{}
	for i := range 12 {
		var b strings.Builder
		if i%2 == 0 {
			fmt.Fprintf(&b, "---\ntitle: Pöst %d é\ntags: [a, b]\ndate: 2024-13-01\n---\n", i)
		}
		for j := range (i % 3) * 40 {
			fmt.Fprintf(&b, "Line %d ünïcode [broken](./nope-%d.md) ![img](./none-%d.png)\n\n", j, j, j)
		}
		b.WriteString("## Heading é\n\n[frag](#nowhere) :::tip\n")
		files[fmt.Sprintf("content/p%02d.md", i)] = b.String()
	}
	files[lint.ConfigFileName] = "content: [content]\n"
	linttest.WriteTree(t, root, files)
	cfg, site, err := lint.Setup([]string{root}, filepath.Join(root, lint.ConfigFileName))
	if err != nil {
		t.Fatal(err)
	}
	run := func(paths ...string) []string {
		eng := &lint.Engine{Rules: rules.All(), Config: cfg, Site: site, Options: lint.Options{Offline: true, NoCache: true, Jobs: 1}, BaseDir: root}
		res, err := eng.Run(context.Background(), paths)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range res.Findings {
			out = append(out, fmt.Sprintf("%s:%v %s %s", f.File, f.Range, f.RuleID, f.Message))
		}
		return out
	}
	all := run(filepath.Join(root, "content"))
	var alone []string
	for i := range 12 {
		alone = append(alone, run(filepath.Join(root, "content", fmt.Sprintf("p%02d.md", i)))...)
	}
	if len(all) < 100 {
		t.Fatalf("only %d findings: the test site is not exercising the rules", len(all))
	}
	if strings.Join(all, "\n") != strings.Join(alone, "\n") {
		t.Errorf("findings differ between one run and a run per file:\n%s\n---\n%s", strings.Join(all, "\n"), strings.Join(alone, "\n"))
	}
}
