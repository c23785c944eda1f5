package rules

import (
	"regexp"
	"strings"
	"testing"

	"github.com/contentlint/contentlint/lint"
)

var ruleIDRE = regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)

// TestRuleMetadata holds every rule to the house style: a unique kebab-case
// ID, a one-line doc, a help text with a bad and a good example, a severity
// and at least one check.
func TestRuleMetadata(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range All() {
		if !ruleIDRE.MatchString(r.ID) {
			t.Errorf("rule ID %q is not kebab-case", r.ID)
		}
		if seen[r.ID] {
			t.Errorf("rule ID %q is listed twice", r.ID)
		}
		seen[r.ID] = true
		if r.Doc == "" || strings.Contains(r.Doc, "\n") || strings.HasSuffix(r.Doc, ".") {
			t.Errorf("%s: Doc %q must be one line without a final period", r.ID, r.Doc)
		}
		if !strings.Contains(r.Help, "Bad") || !strings.Contains(r.Help, "Good") {
			t.Errorf("%s: Help lacks a bad and a good example", r.ID)
		}
		if i, j := strings.Index(r.Help, "Bad"), strings.Index(r.Help, "Good"); i > j {
			t.Errorf("%s: Help gives the good example before the bad one", r.ID)
		}
		if strings.Count(r.Help, "```")%2 != 0 {
			t.Errorf("%s: Help has an unbalanced code fence", r.ID)
		}
		switch r.Severity {
		case lint.Error, lint.Warning, lint.Info:
		default:
			t.Errorf("%s: severity %v", r.ID, r.Severity)
		}
		if r.Check == nil && r.CheckSite == nil {
			t.Errorf("%s: no check function", r.ID)
		}
	}
}
