package fix

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/contentlint/contentlint/lint"
)

func withFix(file string, start, end int, rep string) lint.Finding {
	return lint.Finding{RuleID: "r", File: file, Fix: &lint.Fix{Start: start, End: end, Replacement: rep}}
}

func TestPlanOrderOverlapAndBounds(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("0123456789"), 0o644); err != nil {
		t.Fatal(err)
	}
	findings := []lint.Finding{
		withFix("a.md", 6, 8, "X"),   // applied
		withFix("a.md", 1, 3, "AB"),  // applied, though listed later in offset order
		withFix("a.md", 7, 9, "Y"),   // overlaps 6-8: left for a second run
		withFix("a.md", 5, 99, "Z"),  // past the end
		{RuleID: "r", File: "a.md"},  // no fix
		withFix("gone.md", 0, 1, ""), // unreadable: an error naming it
	}
	files, err := Plan(dir, findings)
	if err == nil || !strings.Contains(err.Error(), "fix gone.md") {
		t.Errorf("err = %v, want one naming gone.md", err)
	}
	if len(files) != 1 {
		t.Fatalf("%d files planned, want 1", len(files))
	}
	f := files[0]
	if string(f.New) != "0AB345X89" {
		t.Errorf("new content %q, want 0AB345X89", f.New)
	}
	if got := f.Fixed; len(got) != 2 || got[0] != 1 || got[1] != 0 {
		t.Errorf("Fixed = %v, want [1 0]", got)
	}
	if err := f.Write(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "a.md")); string(b) != "0AB345X89" {
		t.Errorf("written %q", b)
	}
	// Written once, the plan is stale: a second Write refuses.
	if err := f.Write(); err == nil || !strings.Contains(err.Error(), "changed") {
		t.Errorf("stale write: %v", err)
	}
}
