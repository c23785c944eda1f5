// Package report writes findings in each output format, one file per format.
// Reporters see only sorted findings and rule metadata; they know no rule.
package report

import (
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/contentlint/contentlint/lint"
)

// Run is what every reporter receives.
type Run struct {
	Tool     string // "contentlint"
	Version  string
	InfoURI  string
	Findings []lint.Finding
	Rules    []*lint.Rule
	// Severities are the effective severity of each rule ID in this run.
	Severities map[string]lint.Severity
	Files      int
	// Errors are I/O or internal problems; they make the run unsuccessful.
	Errors []error
	Color  bool
	// SrcRoot is the absolute folder that finding paths are relative to; SARIF
	// gives it as %SRCROOT%. Empty leaves the base unstated (stable goldens).
	SrcRoot string
	// Started is when the run began (JUnit's timestamp); zero in goldens.
	Started time.Time
	// Fingerprints, when set, are those of Findings as computed over the
	// whole run before a baseline dropped some, so each finding keeps its
	// identity; nil computes them from Findings.
	Fingerprints []string
}

func (r *Run) fingerprints() []string {
	if len(r.Fingerprints) == len(r.Findings) {
		return r.Fingerprints
	}
	return Fingerprints(r.Findings)
}

// Reporter writes one format.
type Reporter func(w io.Writer, r *Run) error

// Formats lists the reporters by name.
func Formats() map[string]Reporter {
	return map[string]Reporter{
		"text":       Text,
		"json":       JSON,
		"sarif":      SARIF,
		"github":     GitHub,
		"markdown":   Markdown,
		"junit":      JUnit,
		"gitlab":     GitLab,
		"checkstyle": Checkstyle,
	}
}

// FormatNames lists the format names in a stable order.
func FormatNames() []string {
	var names []string
	for n := range Formats() {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Counts tallies findings per severity.
func Counts(fs []lint.Finding) (errs, warns, infos int) {
	for _, f := range fs {
		switch f.Severity {
		case lint.Error:
			errs++
		case lint.Warning:
			warns++
		case lint.Info:
			infos++
		}
	}
	return
}

// Summary is the one-line tally printed after text output.
func Summary(r *Run) string {
	e, w, i := Counts(r.Findings)
	return fmt.Sprintf("%d files linted: %d errors, %d warnings, %d infos", r.Files, e, w, i)
}
