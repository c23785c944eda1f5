package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/contentlint/contentlint/lint"
)

// MarkdownMaxFindings bounds the findings table: a step summary is capped at
// 1 MiB and nobody reads past the first screens of a table.
const MarkdownMaxFindings = 50

// Markdown writes a summary for GitHub's $GITHUB_STEP_SUMMARY or a PR comment:
// the tally, the findings per rule, then the first findings as a table.
func Markdown(w io.Writer, r *Run) error {
	var b strings.Builder
	b.WriteString("## contentlint\n\n")
	e, wn, i := Counts(r.Findings)
	if len(r.Findings) == 0 {
		fmt.Fprintf(&b, "No findings in %s.\n", plural(r.Files, "file"))
	} else {
		fmt.Fprintf(&b, "**%s, %s, %s** in %s.\n", plural(e, "error"), plural(wn, "warning"), plural(i, "info"), plural(r.Files, "file"))
	}
	if len(r.Errors) > 0 {
		fmt.Fprintf(&b, "\n### Errors\n\nThese files could not be linted:\n\n")
		for _, err := range r.Errors {
			fmt.Fprintf(&b, "- %s\n", mdEscape(err.Error()))
		}
	}
	if len(r.Findings) > 0 {
		b.WriteString("\n### Findings per rule\n\n| rule | severity | findings |\n| --- | --- | ---: |\n")
		for _, c := range perRule(r.Findings) {
			fmt.Fprintf(&b, "| `%s` | %s | %d |\n", c.rule, c.sev, c.n)
		}
		b.WriteString("\n### Findings\n\n| location | rule | severity | message |\n| --- | --- | --- | --- |\n")
		for n, f := range r.Findings {
			if n == MarkdownMaxFindings {
				break
			}
			fmt.Fprintf(&b, "| %s | `%s` | %s | %s |\n", mdEscape(fmt.Sprintf("%s:%d:%d", f.File, f.Range.Start.Line, f.Range.Start.Col)),
				f.RuleID, f.Severity, mdEscape(f.Message))
		}
		if left := len(r.Findings) - MarkdownMaxFindings; left > 0 {
			fmt.Fprintf(&b, "\n%s of %d not shown: run `contentlint` locally for the full list.\n", plural(left, "finding"), len(r.Findings))
		}
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write markdown report: %w", err)
	}
	return nil
}

type ruleCount struct {
	rule string
	sev  lint.Severity
	n    int
}

// perRule tallies findings by rule, most frequent first. A rule whose findings
// differ in severity (not possible today) shows the highest.
func perRule(fs []lint.Finding) []ruleCount {
	idx := map[string]int{}
	var out []ruleCount
	for _, f := range fs {
		i, ok := idx[f.RuleID]
		if !ok {
			i = len(out)
			idx[f.RuleID] = i
			out = append(out, ruleCount{rule: f.RuleID})
		}
		out[i].n++
		if f.Severity > out[i].sev {
			out[i].sev = f.Severity
		}
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].n != out[b].n {
			return out[a].n > out[b].n
		}
		return out[a].rule < out[b].rule
	})
	return out
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// mdEscaper keeps text from a post (a message quotes it) from breaking the
// table or rendering as Markdown or HTML.
var mdEscaper = strings.NewReplacer(
	"\\", "\\\\", "|", "\\|", "`", "\\`", "*", "\\*", "_", "\\_", "[", "\\[", "]", "\\]", "~", "\\~", "#", "\\#",
	"&", "&amp;", "<", "&lt;", ">", "&gt;",
	"\r\n", "<br>", "\n", "<br>", "\r", "<br>",
)

func mdEscape(s string) string { return mdEscaper.Replace(s) }
