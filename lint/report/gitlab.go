package report

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/contentlint/contentlint/lint"
)

// GitLab Code Quality: an array of Code Climate issues, the subset GitLab
// reads (docs.gitlab.com/ci/testing/code_quality, "Code Quality report
// format"), checked against GitLab's own codeclimate.json schema in tests.
type gitlabIssue struct {
	Type        string         `json:"type"`
	CheckName   string         `json:"check_name"`
	Description string         `json:"description"`
	Categories  []string       `json:"categories"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path      string          `json:"path"`
	Positions gitlabPositions `json:"positions"`
}

type gitlabPositions struct {
	Begin gitlabPos `json:"begin"`
	End   gitlabPos `json:"end"`
}

type gitlabPos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// GitLab writes a Code Quality report. The fingerprint is the SARIF one, so
// GitLab's merge request widget tracks a finding across line moves as code
// scanning does. I/O errors are not issues of a file; they go to stderr only.
func GitLab(w io.Writer, r *Run) error {
	issues := []gitlabIssue{}
	prints := r.fingerprints()
	for i, f := range r.Findings {
		rg := clamp(f.Range)
		issues = append(issues, gitlabIssue{Type: "issue", CheckName: f.RuleID, Description: f.Message,
			Categories: []string{"Style"}, Fingerprint: prints[i], Severity: gitlabSeverity(f.Severity),
			Location: gitlabLocation{Path: f.File, Positions: gitlabPositions{
				Begin: gitlabPos{rg.Start.Line, rg.Start.Col}, End: gitlabPos{rg.End.Line, rg.End.Col}}}})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(issues); err != nil {
		return fmt.Errorf("write gitlab report: %w", err)
	}
	return nil
}

// gitlabSeverity maps to Code Climate's scale: info, minor, major, critical,
// blocker. An error blocks publishing as broken content, but is not a
// security issue, so it is major.
func gitlabSeverity(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "major"
	case lint.Warning:
		return "minor"
	}
	return "info"
}
