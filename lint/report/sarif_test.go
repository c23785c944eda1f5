package report_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/contentlint/contentlint/lint"
	"github.com/contentlint/contentlint/lint/report"
)

var (
	ruleA = &lint.Rule{ID: "frontmatter-type", Doc: "a value has the wrong type", Severity: lint.Warning,
		Help: "Values must match their declared type.\nSee the config.\n\nBad:\n\n```yaml\ndate: soon\n```"}
	ruleB = &lint.Rule{ID: "link-internal", Doc: "an internal link reaches nothing", Severity: lint.Error, Help: "Links must resolve."}
	ruleC = &lint.Rule{ID: "link-redirect", Doc: "a link redirects", Severity: lint.Info, Help: "Update it."}
)

func at(l1, c1, l2, c2 int) lint.Range {
	return lint.Range{Start: lint.Position{Line: l1, Col: c1}, End: lint.Position{Line: l2, Col: c2}}
}

func testRun(findings ...lint.Finding) *report.Run {
	return &report.Run{Tool: "contentlint", Version: "v1.2.3", InfoURI: "https://example.org/contentlint",
		Rules: []*lint.Rule{ruleA, ruleB, ruleC}, Findings: findings, Files: 3,
		Severities: map[string]lint.Severity{"frontmatter-type": lint.Error, "link-internal": lint.Error, "link-redirect": lint.Off}}
}

// sarifDoc is the subset of the written SARIF the tests read back.
type sarifDoc struct {
	Version string `json:"version"`
	Runs    []struct {
		ColumnKind         string `json:"columnKind"`
		OriginalURIBaseIDs map[string]struct {
			URI string `json:"uri"`
		} `json:"originalUriBaseIds"`
		Tool struct {
			Driver struct {
				Name            string `json:"name"`
				Version         string `json:"version"`
				SemanticVersion string `json:"semanticVersion"`
				InformationURI  string `json:"informationUri"`
				Rules           []struct {
					ID               string                `json:"id"`
					Name             string                `json:"name"`
					ShortDescription struct{ Text string } `json:"shortDescription"`
					FullDescription  struct{ Text string } `json:"fullDescription"`
					Help             struct{ Text, Markdown string }
					Default          struct {
						Enabled bool   `json:"enabled"`
						Level   string `json:"level"`
					} `json:"defaultConfiguration"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region map[string]int `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Fixes               []json.RawMessage `json:"fixes"`
		} `json:"results"`
		Invocations []struct {
			ExecutionSuccessful bool `json:"executionSuccessful"`
			Notifications       []struct {
				Level   string `json:"level"`
				Message struct{ Text string }
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
	} `json:"runs"`
}

func writeSARIF(t *testing.T, run *report.Run) (sarifDoc, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := report.SARIF(&buf, run); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, run, buf.Bytes())
	var doc sarifDoc
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Runs) != 1 {
		t.Fatalf("want one run, got %d", len(doc.Runs))
	}
	return doc, buf.Bytes()
}

func TestSARIFDriverAndRules(t *testing.T) {
	doc, _ := writeSARIF(t, testRun())
	r := doc.Runs[0]
	if doc.Version != "2.1.0" || r.ColumnKind != "unicodeCodePoints" {
		t.Errorf("version %q columnKind %q", doc.Version, r.ColumnKind)
	}
	d := r.Tool.Driver
	if d.Name != "contentlint" || d.Version != "1.2.3" || d.SemanticVersion != "1.2.3" || d.InformationURI != "https://example.org/contentlint" {
		t.Errorf("driver = %+v", d)
	}
	if len(d.Rules) != 3 {
		t.Fatalf("want 3 rules, got %d", len(d.Rules))
	}
	a := d.Rules[0]
	if a.ID != "frontmatter-type" || a.Name != "FrontmatterType" || a.ShortDescription.Text != ruleA.Doc ||
		a.FullDescription.Text != "Values must match their declared type. See the config." ||
		a.Help.Text != ruleA.Help || a.Help.Markdown != ruleA.Help {
		t.Errorf("rule metadata = %+v", a)
	}
	// The effective severity wins over the default; an off rule is disabled
	// but keeps its default level.
	for i, want := range []struct {
		level   string
		enabled bool
	}{{"error", true}, {"error", true}, {"note", false}} {
		if got := d.Rules[i].Default; got.Level != want.level || got.Enabled != want.enabled {
			t.Errorf("rule %s defaultConfiguration = %+v, want %+v", d.Rules[i].ID, got, want)
		}
	}
	if len(r.Results) != 0 || !r.Invocations[0].ExecutionSuccessful {
		t.Errorf("empty run: results %d, invocation %+v", len(r.Results), r.Invocations)
	}
}

func TestSARIFResults(t *testing.T) {
	run := testRun(
		lint.Finding{RuleID: "frontmatter-type", Severity: lint.Error, File: "content/en/a b.md", Range: at(3, 7, 3, 12), Message: "date: not a date"},
		lint.Finding{RuleID: "link-internal", Severity: lint.Warning, File: "content/en/a b.md", Range: at(9, 4, 9, 2), Message: "broken"},
		lint.Finding{RuleID: "link-internal", Severity: lint.Warning, File: "content/en/a b.md", Range: at(12, 0, 0, 0), Message: "broken"},
		lint.Finding{RuleID: "link-redirect", Severity: lint.Info, File: "/abs/x.md", Range: at(2, 5, 4, 0), Message: "moved",
			Fix: &lint.Fix{Message: "use the new URL", Start: 10, End: 20, Replacement: "https://new"}},
		lint.Finding{RuleID: "made-up", Severity: lint.Warning, File: "c.md", Range: at(1, 1, 1, 2), Message: "engine"},
	)
	doc, _ := writeSARIF(t, run)
	res := doc.Runs[0].Results
	if len(res) != 5 {
		t.Fatalf("want 5 results, got %d", len(res))
	}
	type want struct {
		rule      string
		index     int
		level     string
		uri, base string
		l1, c1    int
		l2, c2    int
	}
	for i, w := range []want{
		{"frontmatter-type", 0, "error", "content/en/a%20b.md", "%SRCROOT%", 3, 7, 3, 12},
		{"link-internal", 1, "warning", "content/en/a%20b.md", "%SRCROOT%", 9, 4, 9, 4}, // end clamped to start
		{"link-internal", 1, "warning", "content/en/a%20b.md", "%SRCROOT%", 12, 1, 12, 1},
		{"link-redirect", 2, "note", "file:///abs/x.md", "", 2, 5, 4, 1},
		{"made-up", 3, "warning", "c.md", "%SRCROOT%", 1, 1, 1, 2}, // unknown rule gets a descriptor
	} {
		r := res[i]
		loc := r.Locations[0].PhysicalLocation
		reg := loc.Region
		if r.RuleID != w.rule || r.RuleIndex != w.index || r.Level != w.level ||
			loc.ArtifactLocation.URI != w.uri || loc.ArtifactLocation.URIBaseID != w.base ||
			reg["startLine"] != w.l1 || reg["startColumn"] != w.c1 || reg["endLine"] != w.l2 || reg["endColumn"] != w.c2 {
			t.Errorf("result %d = %s/%d %s %+v %v, want %+v", i, r.RuleID, r.RuleIndex, r.Level, loc.ArtifactLocation, reg, w)
		}
	}
	if n := len(doc.Runs[0].Tool.Driver.Rules); n != 4 {
		t.Errorf("want 4 rule descriptors, got %d", n)
	}
	var fix bytes.Buffer
	if len(res[3].Fixes) != 1 || json.Compact(&fix, res[3].Fixes[0]) != nil ||
		!strings.Contains(fix.String(), `"deletedRegion":{"byteLength":10,"byteOffset":10},"insertedContent":{"text":"https://new"}`) {
		t.Errorf("fix = %s", fix.String())
	}
	// Identical findings in one file get distinct fingerprints.
	fp := func(i int) string { return res[i].PartialFingerprints[report.FingerprintKey] }
	if fp(1) == "" || fp(1) == fp(2) {
		t.Errorf("fingerprints of two identical findings: %q %q", fp(1), fp(2))
	}
	if fp(1) != report.Fingerprint("link-internal", "content/en/a b.md", "broken", 0) ||
		fp(2) != report.Fingerprint("link-internal", "content/en/a b.md", "broken", 1) {
		t.Errorf("fingerprint is not the documented hash")
	}
}

// A finding that moves down the file (a line inserted above it) keeps its
// fingerprint, so code scanning sees the same alert.
func TestSARIFFingerprintIgnoresLines(t *testing.T) {
	before, _ := writeSARIF(t, testRun(lint.Finding{RuleID: "link-internal", Severity: lint.Error, File: "a.md", Range: at(3, 1, 3, 9), Message: "x"}))
	after, _ := writeSARIF(t, testRun(lint.Finding{RuleID: "link-internal", Severity: lint.Error, File: "a.md", Range: at(8, 4, 8, 12), Message: "x"}))
	other, _ := writeSARIF(t, testRun(lint.Finding{RuleID: "link-internal", Severity: lint.Error, File: "b.md", Range: at(8, 4, 8, 12), Message: "x"}))
	a := before.Runs[0].Results[0].PartialFingerprints[report.FingerprintKey]
	b := after.Runs[0].Results[0].PartialFingerprints[report.FingerprintKey]
	c := other.Runs[0].Results[0].PartialFingerprints[report.FingerprintKey]
	if a != b || a == c || len(a) != 32 {
		t.Errorf("fingerprints: moved %q vs %q, other file %q", a, b, c)
	}
}

func TestSARIFErrorsAndSrcRoot(t *testing.T) {
	run := testRun()
	run.Version = "dev"
	run.SrcRoot = "/home/me/my site"
	run.Errors = []error{errors.New("content/x.md: permission denied"), errors.New("content/loop: symlink loop")}
	doc, _ := writeSARIF(t, run)
	r := doc.Runs[0]
	if r.Tool.Driver.Version != "0.0.0-dev" || r.Tool.Driver.SemanticVersion != "" {
		t.Errorf("version %q semantic %q", r.Tool.Driver.Version, r.Tool.Driver.SemanticVersion)
	}
	if got := r.OriginalURIBaseIDs["%SRCROOT%"].URI; got != "file:///home/me/my%20site/" {
		t.Errorf("%%SRCROOT%% = %q", got)
	}
	inv := r.Invocations[0]
	if inv.ExecutionSuccessful || len(inv.Notifications) != 2 ||
		inv.Notifications[0].Level != "error" || inv.Notifications[0].Message.Text != "content/x.md: permission denied" ||
		inv.Notifications[1].Message.Text != "content/loop: symlink loop" {
		t.Errorf("invocation = %+v", inv)
	}
}

func TestGitHub(t *testing.T) {
	run := testRun(
		lint.Finding{RuleID: "frontmatter-type", Severity: lint.Error, File: "content/a,b:c.md", Range: at(3, 7, 3, 12), Message: "100% wrong\r\nsecond line: yes, really"},
		lint.Finding{RuleID: "link-internal", Severity: lint.Warning, File: "b.md", Range: at(9, 4, 9, 2), Message: "broken"},
		lint.Finding{RuleID: "link-redirect", Severity: lint.Info, File: "c.md", Range: at(0, 0, 0, 0), Message: "moved"},
		lint.Finding{RuleID: "admonition-unclosed", Severity: lint.Error, File: "e.md", Range: at(5, 1, 40, 9), Message: "never closed"},
	)
	run.Errors = []error{errors.New("d.md: permission denied")}
	var buf bytes.Buffer
	if err := report.GitHub(&buf, run); err != nil {
		t.Fatal(err)
	}
	want := "::error file=content/a%2Cb%3Ac.md,line=3,col=7,endLine=3,endColumn=12,title=frontmatter-type::100%25 wrong%0D%0Asecond line: yes, really\n" +
		"::warning file=b.md,line=9,col=4,endLine=9,endColumn=4,title=link-internal::broken\n" +
		"::notice file=c.md,line=1,col=1,endLine=1,endColumn=1,title=link-redirect::moved\n" +
		"::error file=e.md,line=5,col=1,title=admonition-unclosed::never closed\n" +
		"::error title=contentlint::d.md: permission denied\n"
	if got := buf.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
