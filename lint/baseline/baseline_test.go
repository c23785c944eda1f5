package baseline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/contentlint/contentlint/lint"
	"github.com/contentlint/contentlint/lint/report"
)

func finding(file string, line int, msg string) lint.Finding {
	return lint.Finding{RuleID: "link-internal", Severity: lint.Error, File: file,
		Range: lint.Range{Start: lint.Position{Line: line, Col: 1}, End: lint.Position{Line: line, Col: 2}}, Message: msg}
}

func TestRoundTripAndOrdinals(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "baseline.json")
	// Two identical findings in one file: only the first is in the baseline.
	old := []lint.Finding{finding("a.md", 3, "same")}
	if err := Write(path, old); err != nil {
		t.Fatal(err)
	}
	b, err := Load(path)
	if err != nil || b == nil || len(b.Findings) != 1 {
		t.Fatalf("Load = %+v, %v", b, err)
	}
	now := []lint.Finding{finding("a.md", 9, "same"), finding("a.md", 12, "same"), finding("b.md", 1, "x")}
	out := b.Filter(now, map[string]bool{"a.md": true, "b.md": true})
	if out.Known != 1 || out.Gone != 0 || len(out.Findings) != 2 || out.Findings[0].Range.Start.Line != 12 {
		t.Fatalf("Filter = %+v", out)
	}
	// The second identical finding keeps the fingerprint of ordinal 1.
	if want := report.Fingerprint("link-internal", "a.md", "same", 1); out.Fingerprints[0] != want {
		t.Errorf("fingerprint %s, want %s", out.Fingerprints[0], want)
	}
	gone := b.Filter(nil, map[string]bool{"a.md": true})
	if gone.Gone != 1 {
		t.Errorf("a fixed finding: Gone = %d, want 1", gone.Gone)
	}
	if notLinted := b.Filter(nil, map[string]bool{"b.md": true}); notLinted.Gone != 0 {
		t.Errorf("an entry of a file not linted counted as gone")
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	if b, err := Load(filepath.Join(dir, "none.json")); b != nil || err != nil {
		t.Errorf("missing file: %v, %v; want nil, nil", b, err)
	}
	bad := filepath.Join(dir, "v9.json")
	if err := os.WriteFile(bad, []byte(`{"version": 9, "findings": []}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(bad); err == nil || !strings.Contains(err.Error(), "version 9") {
		t.Errorf("version 9: %v", err)
	}
}
