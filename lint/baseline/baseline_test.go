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
	out := b.Filter(now, nil, map[string]bool{"a.md": true, "b.md": true})
	if out.Known != 1 || out.Gone != 0 || len(out.Findings) != 2 || out.Findings[0].Range.Start.Line != 12 {
		t.Fatalf("Filter = %+v", out)
	}
	// The second identical finding keeps the fingerprint of ordinal 1.
	if want := report.Fingerprint("link-internal", "a.md", "same", 1); out.Fingerprints[0] != want {
		t.Errorf("fingerprint %s, want %s", out.Fingerprints[0], want)
	}
	gone := b.Filter(nil, nil, map[string]bool{"a.md": true})
	if gone.Gone != 1 {
		t.Errorf("a fixed finding: Gone = %d, want 1", gone.Gone)
	}
	if notLinted := b.Filter(nil, nil, map[string]bool{"b.md": true}); notLinted.Gone != 0 {
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

// With --new-only some findings are dropped before the baseline is applied;
// the fingerprints computed over the whole run keep each finding's ordinal,
// so a duplicate the baseline holds is still known.
func TestFilterWithRunFingerprints(t *testing.T) {
	path := filepath.Join(t.TempDir(), "baseline.json")
	run := []lint.Finding{finding("a.md", 3, "same"), finding("a.md", 7, "same")}
	if err := Write(path, run[1:2]); err != nil { // the baseline holds ordinal 0 only
		t.Fatal(err)
	}
	b, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	prints := report.Fingerprints(run)
	// --new-only kept only the first duplicate: its ordinal over the run is
	// 0, as in the baseline.
	if out := b.Filter(run[:1], prints[:1], map[string]bool{"a.md": true}); out.Known != 1 || len(out.Findings) != 0 {
		t.Errorf("first duplicate: %+v, want it known", out)
	}
	// Kept only the second: ordinal 1 over the run, not in the baseline,
	// though recomputed over what is left it would be ordinal 0.
	if out := b.Filter(run[1:], prints[1:], map[string]bool{"a.md": true}); out.Known != 0 || len(out.Findings) != 1 {
		t.Errorf("second duplicate: %+v, want it new", out)
	}
	if out := b.Filter(run[1:], nil, map[string]bool{"a.md": true}); out.Known != 1 {
		t.Errorf("recomputed over the rest, the second duplicate takes ordinal 0: %+v", out)
	}
}
