package report_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/contentlint/contentlint/lint"
	"github.com/contentlint/contentlint/lint/report"
)

func TestEscapeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain été 日本", "plain été 日本"},
		{"a\nb\r\n", `a\nb\r\n`},
		{"\x1b[2J\x1b]0;x\a", `\x1b[2J\x1b]0;x\a`},
		{"tab\there", `tab\there`},
		{"del\x7f c1\u0085 \u009b", `del\x7f c1\u0085 \u009b`},
		{"bidi \u202egnp.exe \u2066x\u2069", `bidi \u202egnp.exe \u2066x\u2069`},
		{"ls\u2028ps\u2029", `ls\u2028ps\u2029`},
		{"caf\xe9 \xff\xfe", `caf\xe9 \xff\xfe`},
		{`back\slash`, `back\slash`},
	}
	for _, tt := range tests {
		if got := report.EscapeText(tt.in); got != tt.want {
			t.Errorf("EscapeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// User text that would forge a workflow command or drive the terminal:
// a file name with a newline, a message with ESC and BEL.
var hostileFinding = lint.Finding{RuleID: "link-internal", Severity: lint.Error,
	File: "::add-mask::x\n::error file=a::pwned.md", Range: at(1, 2, 1, 3),
	Message: "link \"x\n::stop-commands::t\x1b[2J\a\" reaches nothing"}

func TestTextNeverStartsAWorkflowCommand(t *testing.T) {
	var b bytes.Buffer
	if err := report.Text(&b, testRun(hostileFinding)); err != nil {
		t.Fatal(err)
	}
	want := `./::add-mask::x\n::error file=a::pwned.md:1:2: error: link "x\n::stop-commands::t\x1b[2J\a" reaches nothing (link-internal)` + "\n"
	if b.String() != want {
		t.Errorf("got  %q\nwant %q", b.String(), want)
	}
}

func TestSafeWriter(t *testing.T) {
	var b bytes.Buffer
	w := report.NewSafeWriter(&b)
	for _, s := range []string{"contentlint: warning: x\x1b[31m\n", "::add-mask::secret\n", "two\n::stop-commands::x\nend", " :: not at the start\n", "::", "\n", "  -quiet\tprint findings only\n"} {
		if _, err := w.Write([]byte(s)); err != nil {
			t.Fatal(err)
		}
	}
	want := "contentlint: warning: x\\x1b[31m\n ::add-mask::secret\ntwo\n ::stop-commands::x\nend :: not at the start\n ::\n  -quiet\tprint findings only\n"
	if b.String() != want {
		t.Errorf("got  %q\nwant %q", b.String(), want)
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, "::") {
			t.Errorf("line starts with '::': %q", line)
		}
	}
}

// One rule for invalid UTF-8 in JSON and SARIF: each bad byte is U+FFFD, and
// the SARIF URI is the percent-encoding of that same repaired path.
func TestInvalidUTF8InJSONAndSARIF(t *testing.T) {
	f := lint.Finding{RuleID: "link-internal", Severity: lint.Error, File: "posts/caf\xe9.md", Range: at(1, 1, 1, 2), Message: "bad \xff\xfe byte"}
	var j bytes.Buffer
	if err := report.JSON(&j, testRun(f)); err != nil {
		t.Fatal(err)
	}
	var jd struct {
		Findings []struct{ File, Message string }
	}
	if err := json.Unmarshal(j.Bytes(), &jd); err != nil {
		t.Fatal(err)
	}
	var s bytes.Buffer
	if err := report.SARIF(&s, testRun(f)); err != nil {
		t.Fatal(err)
	}
	var sd sarifDoc
	if err := json.Unmarshal(s.Bytes(), &sd); err != nil {
		t.Fatal(err)
	}
	res := sd.Runs[0].Results[0]
	if got := jd.Findings[0].File; got != "posts/caf\uFFFD.md" {
		t.Errorf("JSON file %q", got)
	}
	if got := jd.Findings[0].Message; got != "bad \uFFFD\uFFFD byte" {
		t.Errorf("JSON message %q", got)
	}
	if got := res.Locations[0].PhysicalLocation.ArtifactLocation.URI; got != "posts/caf%EF%BF%BD.md" {
		t.Errorf("SARIF uri %q", got)
	}
	if got := res.Message.Text; got != "bad \uFFFD\uFFFD byte" {
		t.Errorf("SARIF message %q", got)
	}
}
