package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/contentlint/contentlint/lint"
)

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[34m"
	ansiDim    = "\x1b[2m"
)

// Text writes compiler-style lines: path:line:col: severity: message (rule).
// Paths and messages are escaped (see EscapeText), and a path that would
// start the line with "::" is written "./::…", the same file.
func Text(w io.Writer, r *Run) error {
	for _, f := range r.Findings {
		sev := f.Severity.String()
		file, msg := EscapeText(f.File), EscapeText(f.Message)
		if strings.HasPrefix(file, "::") {
			file = "./" + file
		}
		var err error
		if r.Color {
			c := ansiBlue
			switch f.Severity {
			case lint.Error:
				c = ansiRed
			case lint.Warning:
				c = ansiYellow
			}
			_, err = fmt.Fprintf(w, "%s%s:%d:%d:%s %s%s%s: %s %s(%s)%s\n", ansiBold, file, f.Range.Start.Line, f.Range.Start.Col, ansiReset,
				c, sev, ansiReset, msg, ansiDim, f.RuleID, ansiReset)
		} else {
			_, err = fmt.Fprintf(w, "%s:%d:%d: %s: %s (%s)\n", file, f.Range.Start.Line, f.Range.Start.Col, sev, msg, f.RuleID)
		}
		if err != nil {
			return fmt.Errorf("write text report: %w", err)
		}
	}
	return nil
}

// Tally is the per-rule count that ends a text run, most frequent first, so
// a long result can be read at a glance: "  12  error    link-internal".
// It is empty when there are no findings.
func Tally(r *Run) string {
	var b strings.Builder
	for _, c := range perRule(r.Findings) {
		fmt.Fprintf(&b, "%6d  %-7s  %s\n", c.n, c.sev, c.rule)
	}
	return b.String()
}
