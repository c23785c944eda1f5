package report_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	sjs "github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/contentlint/contentlint/lint"
	"github.com/contentlint/contentlint/lint/report"
)

var schemaDir = filepath.Join("..", "..", "testdata", "schema")

// validateJUnit checks a JUnit report against testdata/schema/junit.xsd with
// xmllint (Debian's libxml2-utils, installed by .ci/run). Where xmllint is
// missing the check is skipped, except in CI (CONTENTLINT_CI=1), where a
// missing validator is a failure.
func validateJUnit(t *testing.T, out []byte) {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CONTENTLINT_CI") != "" {
			t.Fatal("xmllint not found; .ci/run installs libxml2-utils")
		}
		t.Skip("xmllint not found (apt-get install libxml2-utils)")
	}
	f := filepath.Join(t.TempDir(), "junit.xml")
	if err := os.WriteFile(f, out, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(xmllint, "--noout", "--schema", filepath.Join(schemaDir, "junit.xsd"), f)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("junit output fails junit.xsd: %v\n%s\n%s", err, msg, out)
	}
}

func compile(t *testing.T, name string) *sjs.Schema {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(schemaDir, name))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := sjs.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	c := sjs.NewCompiler()
	if err := c.AddResource(name, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(name)
	if err != nil {
		t.Fatalf("compile %s: %v", name, err)
	}
	return s
}

// validateGitLab checks a Code Quality report against the schema of
// GitLab's documented report format (testdata/schema).
func validateGitLab(t *testing.T, out []byte) {
	t.Helper()
	doc, err := sjs.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("gitlab output is not JSON: %v\n%s", err, out)
	}
	if err := compile(t, "gitlab-codequality-docs.json").Validate(doc); err != nil {
		t.Fatalf("gitlab output fails the documented format: %v\n%s", err, out)
	}
}

// Checkstyle's documented shape: <checkstyle version> holding <file name>
// elements holding <error line column severity message source>.
type csDoc struct {
	XMLName xml.Name `xml:"checkstyle"`
	Version string   `xml:"version,attr"`
	Files   []struct {
		Name   string `xml:"name,attr"`
		Errors []struct {
			Line     string `xml:"line,attr"`
			Column   string `xml:"column,attr"`
			Severity string `xml:"severity,attr"`
			Message  string `xml:"message,attr"`
			Source   string `xml:"source,attr"`
		} `xml:"error"`
	} `xml:"file"`
}

// validateCheckstyle checks well-formedness token by token (no element but
// checkstyle, file and error; no text content) and the documented shape.
func validateCheckstyle(t *testing.T, out []byte) csDoc {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(out))
	allowed := map[string]string{"checkstyle": "", "file": "checkstyle", "error": "file"}
	var stack []string
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("checkstyle output is not well-formed XML: %v\n%s", err, out)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			parent := ""
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			want, ok := allowed[tok.Name.Local]
			if !ok || want != parent {
				t.Fatalf("checkstyle: <%s> inside <%s>", tok.Name.Local, parent)
			}
			stack = append(stack, tok.Name.Local)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if strings.TrimSpace(string(tok)) != "" {
				t.Fatalf("checkstyle: text %q in <%s>", tok, stack[len(stack)-1])
			}
		}
	}
	var doc csDoc
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version == "" {
		t.Fatal("checkstyle: no version attribute")
	}
	for _, f := range doc.Files {
		if f.Name == "" {
			t.Fatal("checkstyle: <file> without name")
		}
		for _, e := range f.Errors {
			switch e.Severity {
			case "error", "warning", "info", "ignore":
			default:
				t.Fatalf("checkstyle: severity %q", e.Severity)
			}
			if e.Message == "" || e.Source == "" {
				t.Fatalf("checkstyle: error without message or source: %+v", e)
			}
		}
	}
	return doc
}

// hostile has the characters each format must escape, two findings in one
// file with the same message (distinct fingerprints), an info, and an I/O
// error.
func hostile() *report.Run {
	msg := `bad <tag> & "quote" ]]> 'x'` + "\nsecond line\x01"
	return &report.Run{Tool: "contentlint", Version: "v1.0.0",
		Files: 2,
		Findings: []lint.Finding{
			{RuleID: "link-internal", Severity: lint.Error, File: "content/a&b.md",
				Range: lint.Range{Start: lint.Position{Line: 3, Col: 5}, End: lint.Position{Line: 3, Col: 9}}, Message: msg},
			{RuleID: "link-internal", Severity: lint.Error, File: "content/a&b.md",
				Range: lint.Range{Start: lint.Position{Line: 7, Col: 1}, End: lint.Position{Line: 0, Col: 0}}, Message: msg},
			{RuleID: "link-redirect", Severity: lint.Info, File: "content/z.md",
				Range: lint.Range{Start: lint.Position{Line: 1, Col: 1}, End: lint.Position{Line: 1, Col: 2}}, Message: "moved"},
		},
		Errors: []error{errors.New("read content/c.md: permission denied")},
	}
}

func TestJUnitValidatesAndCounts(t *testing.T) {
	for name, run := range map[string]*report.Run{
		"hostile": hostile(),
		"clean":   {Tool: "contentlint", Version: "dev", Files: 4},
	} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := report.JUnit(&buf, run); err != nil {
				t.Fatal(err)
			}
			validateJUnit(t, buf.Bytes())
			var doc struct {
				Suites []struct {
					Name     string `xml:"name,attr"`
					Tests    int    `xml:"tests,attr"`
					Failures int    `xml:"failures,attr"`
					Errors   int    `xml:"errors,attr"`
					Cases    []struct {
						Name    string `xml:"name,attr"`
						Failure *struct {
							Message string `xml:"message,attr"`
						} `xml:"failure"`
					} `xml:"testcase"`
				} `xml:"testsuite"`
			}
			if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range doc.Suites {
				got = append(got, s.Name, strings.Repeat("t", s.Tests)+strings.Repeat("f", s.Failures)+strings.Repeat("e", s.Errors))
			}
			want := map[string]string{
				"hostile": "content/a&b.md ttff content/z.md tf contentlint te",
				"clean":   "contentlint t",
			}[name]
			if strings.Join(got, " ") != want {
				t.Fatalf("suites = %q, want %q", strings.Join(got, " "), want)
			}
			if name == "hostile" {
				c := doc.Suites[0].Cases[1]
				if c.Name != "link-internal at 7:1" || c.Failure == nil || !strings.HasPrefix(c.Failure.Message, "bad <tag> & \"quote\" ]]>") {
					t.Fatalf("case = %+v", c)
				}
			}
		})
	}
}

func TestGitLabValidatesAndFingerprints(t *testing.T) {
	run := hostile()
	var buf bytes.Buffer
	if err := report.GitLab(&buf, run); err != nil {
		t.Fatal(err)
	}
	validateGitLab(t, buf.Bytes())
	var issues []struct {
		CheckName   string `json:"check_name"`
		Fingerprint string `json:"fingerprint"`
		Severity    string `json:"severity"`
		Location    struct {
			Path      string `json:"path"`
			Positions struct {
				Begin, End struct{ Line, Column int }
			} `json:"positions"`
		} `json:"location"`
	}
	if err := json.Unmarshal(buf.Bytes(), &issues); err != nil {
		t.Fatal(err)
	}
	if len(issues) != 3 {
		t.Fatalf("%d issues, want 3 (I/O errors are not issues)", len(issues))
	}
	prints := report.Fingerprints(run.Findings)
	for i, is := range issues {
		if is.Fingerprint != prints[i] {
			t.Errorf("issue %d fingerprint %s, want the SARIF one %s", i, is.Fingerprint, prints[i])
		}
	}
	if issues[0].Fingerprint == issues[1].Fingerprint {
		t.Error("two findings with one message share a fingerprint")
	}
	if got := []string{issues[0].Severity, issues[2].Severity}; got[0] != "major" || got[1] != "info" {
		t.Errorf("severities %v, want major, info", got)
	}
	// An end before the start is clamped to the start, as in SARIF.
	if p := issues[1].Location.Positions; p.Begin.Line != 7 || p.Begin.Column != 1 || p.End.Line != 7 || p.End.Column != 1 {
		t.Errorf("positions %+v, want 7:1-7:1", p)
	}
	var empty bytes.Buffer
	if err := report.GitLab(&empty, &report.Run{Tool: "contentlint"}); err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(empty.String()) != "[]" {
		t.Errorf("a clean run gives %q, want []", empty.String())
	}
}

func TestCheckstyleShape(t *testing.T) {
	var buf bytes.Buffer
	if err := report.Checkstyle(&buf, hostile()); err != nil {
		t.Fatal(err)
	}
	doc := validateCheckstyle(t, buf.Bytes())
	var got []string
	for _, f := range doc.Files {
		for _, e := range f.Errors {
			got = append(got, f.Name+":"+e.Line+":"+e.Column+":"+e.Severity+":"+e.Source)
		}
	}
	want := "content/a&b.md:3:5:error:contentlint.link-internal content/a&b.md:7:1:error:contentlint.link-internal " +
		"content/z.md:1:1:info:contentlint.link-redirect contentlint:::error:contentlint"
	if strings.Join(got, " ") != want {
		t.Fatalf("checkstyle errors\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	if m := doc.Files[0].Errors[0].Message; !strings.HasPrefix(m, "bad <tag> & \"quote\" ]]> 'x'\nsecond line") {
		t.Errorf("message round trip: %q", m)
	}
}
