package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/contentlint/contentlint/lint"
)

// TestCorporaExpected lints both shared corpora with no configuration and
// every rule, offline, as `contentlint --offline <site>` does, and compares the
// findings with the reviewed list in testdata/corpora-expected.txt, where
// each line carries its verdict (real defect, or known false positive) after
// a " # ". A new finding, or one that disappeared, fails the test.
func TestCorporaExpected(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	corpora := filepath.Join(wd, "..", "..", "shared", "corpora")
	if _, err := os.Stat(corpora); err != nil {
		t.Skipf("../shared is absent: %v", err)
	}
	var got []string
	for _, name := range []string{"docusaurus-website", "cavo789-blog"} {
		root := filepath.Join(corpora, name)
		cfg, site, err := lint.Setup([]string{root}, "")
		if err != nil {
			t.Fatalf("%s: setup: %v", name, err)
		}
		if cfg.File != "" || site.Preset != "docusaurus" {
			t.Fatalf("%s: config %q, preset %q: want no config file and the docusaurus preset", name, cfg.File, site.Preset)
		}
		eng := &lint.Engine{Rules: All(), Config: cfg, Site: site, BaseDir: corpora, Options: lint.Options{Jobs: 2, Offline: true}}
		res, err := eng.Run(t.Context(), []string{root})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if res.Err != nil {
			t.Errorf("%s: errors: %v", name, res.Err)
		}
		for _, f := range res.Findings {
			got = append(got, fmt.Sprintf("%s:%d:%d %s", f.File, f.Range.Start.Line, f.Range.Start.Col, f.RuleID))
		}
	}
	want := readExpected(t, filepath.Join(wd, "..", "testdata", "corpora-expected.txt"))
	diff := func(a, b []string) []string {
		in := map[string]int{}
		for _, x := range b {
			in[x]++
		}
		var out []string
		for _, x := range a {
			if in[x] > 0 {
				in[x]--
				continue
			}
			out = append(out, x)
		}
		return out
	}
	if extra := diff(got, want); len(extra) > 0 {
		t.Errorf("%d findings not in testdata/corpora-expected.txt (review each: a real defect, or a false positive to fix):\n  %s", len(extra), strings.Join(extra, "\n  "))
	}
	if gone := diff(want, got); len(gone) > 0 {
		t.Errorf("%d expected findings are gone (update testdata/corpora-expected.txt if that is right):\n  %s", len(gone), strings.Join(gone, "\n  "))
	}
}

// readExpected returns the "file:line:col rule" part of each line; blank
// lines and lines starting with # are comments.
func readExpected(t *testing.T, path string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for line := range strings.Lines(string(data)) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if i := strings.Index(line, " # "); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		out = append(out, line)
	}
	sort.Strings(out)
	return out
}
