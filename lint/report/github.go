package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/contentlint/contentlint/lint"
)

// GitHub writes GitHub Actions workflow commands, one annotation per finding:
//
//	::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=rule-id::message
//
// Run errors become annotations without a file, so an unreadable post shows
// up on the run page too.
func GitHub(w io.Writer, r *Run) error {
	for _, f := range r.Findings {
		rg := clamp(f.Range)
		// Check annotations take columns only within one line, and a PR diff
		// pins a multi-line annotation to its last line; a finding that spans
		// lines (an unclosed block) is pinned to where it starts instead.
		loc := fmt.Sprintf("line=%d,col=%d,endLine=%d,endColumn=%d", rg.Start.Line, rg.Start.Col, rg.End.Line, rg.End.Col)
		if rg.End.Line != rg.Start.Line {
			loc = fmt.Sprintf("line=%d,col=%d", rg.Start.Line, rg.Start.Col)
		}
		_, err := fmt.Fprintf(w, "::%s file=%s,%s,title=%s::%s\n",
			githubLevel(f.Severity), escapeProperty(f.File), loc, escapeProperty(f.RuleID), escapeData(f.Message))
		if err != nil {
			return fmt.Errorf("write github report: %w", err)
		}
	}
	for _, e := range r.Errors {
		if _, err := fmt.Fprintf(w, "::error title=%s::%s\n", escapeProperty(r.Tool), escapeData(e.Error())); err != nil {
			return fmt.Errorf("write github report: %w", err)
		}
	}
	return nil
}

func githubLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "notice"
}

// The runner's escaping rules: in a command's message %, CR and LF are
// percent-encoded so a message cannot end the command or start another; in a
// property, : and , are encoded too since they separate properties.
var dataEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")

var propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
