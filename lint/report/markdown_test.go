package report_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/contentlint/contentlint/lint"
	"github.com/contentlint/contentlint/lint/report"
)

func finding(file string, line, col int, rule string, sev lint.Severity, msg string) lint.Finding {
	return lint.Finding{RuleID: rule, Severity: sev, File: file, Message: msg,
		Range: lint.Range{Start: lint.Position{Line: line, Col: col}, End: lint.Position{Line: line, Col: col + 1}}}
}

func TestMarkdownEscapesCells(t *testing.T) {
	run := &report.Run{Tool: "contentlint", Files: 2, Findings: []lint.Finding{
		finding("posts/a_b.md", 3, 7, "link-internal", lint.Error, "link `x|y` → <img src=x onerror=alert(1)>\nsecond line & *more*"),
		finding("posts/c.md", 1, 1, "frontmatter-required", lint.Warning, "missing [title]"),
		finding("posts/d.md", 2, 1, "link-internal", lint.Error, "ok"),
	}, Errors: []error{errors.New("posts/e.md: permission denied")}}
	var buf bytes.Buffer
	if err := report.Markdown(&buf, run); err != nil {
		t.Fatal(err)
	}
	want := "## contentlint\n\n" +
		"**2 errors, 1 warning, 0 infos** in 2 files.\n\n" +
		"### Errors\n\nThese files could not be linted:\n\n- posts/e.md: permission denied\n\n" +
		"### Findings per rule\n\n| rule | severity | findings |\n| --- | --- | ---: |\n" +
		"| `link-internal` | error | 2 |\n" +
		"| `frontmatter-required` | warning | 1 |\n\n" +
		"### Findings\n\n| location | rule | severity | message |\n| --- | --- | --- | --- |\n" +
		"| posts/a\\_b.md:3:7 | `link-internal` | error | link \\`x\\|y\\` → &lt;img src=x onerror=alert(1)&gt;<br>second line &amp; \\*more\\* |\n" +
		"| posts/c.md:1:1 | `frontmatter-required` | warning | missing \\[title\\] |\n" +
		"| posts/d.md:2:1 | `link-internal` | error | ok |\n"
	if got := buf.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestMarkdownTruncates(t *testing.T) {
	run := &report.Run{Tool: "contentlint", Files: 1}
	for i := 1; i <= report.MarkdownMaxFindings+7; i++ {
		run.Findings = append(run.Findings, finding("a.md", i, 1, "r", lint.Info, fmt.Sprintf("m%d", i)))
	}
	var buf bytes.Buffer
	if err := report.Markdown(&buf, run); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	last := fmt.Sprintf("| a.md:%d:1 |", report.MarkdownMaxFindings)
	if !strings.Contains(got, last) || strings.Contains(got, fmt.Sprintf("| a.md:%d:1 |", report.MarkdownMaxFindings+1)) {
		t.Errorf("want rows up to line %d only:\n%s", report.MarkdownMaxFindings, got)
	}
	if !strings.HasSuffix(got, "\n7 findings of 57 not shown: run `contentlint` locally for the full list.\n") {
		t.Errorf("want the count of findings left out at the end:\n%s", got)
	}
	if !strings.Contains(got, "| `r` | info | 57 |") {
		t.Errorf("want the per-rule count of all findings, not only those shown:\n%s", got)
	}
}

func TestMarkdownClean(t *testing.T) {
	var buf bytes.Buffer
	if err := report.Markdown(&buf, &report.Run{Tool: "contentlint", Files: 1}); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), "## contentlint\n\nNo findings in 1 file.\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
