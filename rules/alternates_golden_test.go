package rules

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/contentlint/contentlint/lint"
	"github.com/contentlint/contentlint/lint/report"
)

var updateGolden = flag.Bool("update", false, "rewrite testdata/golden/alternates.sarif from the current output")

// fixtureRules are the rules the bilingual fixture exercises. The golden run
// uses only them, so that rules added later don't change this golden.
func fixtureRules() []*lint.Rule {
	return []*lint.Rule{AlternateBroken, AlternateLanguage, AlternateReciprocal, CoverMissing, CoverInvalid, ImageMissing}
}

// lintFixture lints testdata/sites/alternates with its own config and the
// fixture rules; finding paths are relative to the fixture.
func lintFixture(t *testing.T) (*lint.Result, *lint.Config) {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", "testdata", "sites", "alternates"))
	if err != nil {
		t.Fatal(err)
	}
	cfg, site, err := lint.Setup([]string{root}, filepath.Join(root, lint.ConfigFileName))
	if err != nil {
		t.Fatalf("setup: %v", err)
	}
	var paths []string
	for _, r := range site.ContentRoots {
		paths = append(paths, r.Dir)
	}
	eng := &lint.Engine{Rules: fixtureRules(), Config: cfg, Site: site, BaseDir: root,
		Options: lint.Options{Jobs: 2, Offline: true, Version: "test"}}
	res, err := eng.Run(context.Background(), paths)
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	if res.Err != nil {
		t.Fatalf("lint errors: %v", res.Err)
	}
	return res, cfg
}

// TestAlternatesFixture pins every finding of the fixture site: each file is
// one case, and the files not listed here must stay clean.
func TestAlternatesFixture(t *testing.T) {
	res, _ := lintFixture(t)
	checkFindings(t, res.Findings, []string{
		"content/en/body-images.md:5:35-5:59 image-missing",
		"content/en/body-images.md:7:11-7:24 image-missing",
		"content/en/body-images.md:9:19-9:20 image-missing",
		"content/en/broken-target.md:5:9-5:25 alternate-broken",
		"content/en/cover-missing.md:4:8-4:22 cover-missing",
		"content/en/cover-text.md:4:8-4:31 cover-invalid",
		"content/en/names-another.md:5:5-5:24 alternate-reciprocal",
		"content/en/one-way.md:5:5-5:24 alternate-reciprocal",
		"content/en/wrong-language.md:5:5-5:7 alternate-language",
	})
	if res.Files != 23 {
		t.Errorf("linted %d files, want the fixture's 23", res.Files)
	}
}

// TestAlternatesGoldenSARIF compares the SARIF report of the fixture with
// testdata/golden/alternates.sarif; -update rewrites it.
func TestAlternatesGoldenSARIF(t *testing.T) {
	res, cfg := lintFixture(t)
	run := &report.Run{Tool: "contentlint", Version: "test", InfoURI: "https://github.com/contentlint/contentlint",
		Findings: res.Findings, Rules: fixtureRules(), Severities: map[string]lint.Severity{}, Files: res.Files}
	for _, r := range run.Rules {
		run.Severities[r.ID] = cfg.RuleSeverity(r)
	}
	built, err := report.BuildSARIF(run)
	if err != nil {
		t.Fatal(err)
	}
	if err := built.Validate(); err != nil {
		t.Fatalf("sarif fails the 2.1.0 schema: %v", err)
	}
	var buf bytes.Buffer
	if err := report.SARIF(&buf, run); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("..", "testdata", "golden", "alternates.sarif")
	if *updateGolden {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run `go test ./rules -run TestAlternatesGoldenSARIF -update` to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("SARIF output differs from %s (check the diff, then run `go test ./rules -run TestAlternatesGoldenSARIF -update`)\n--- got\n%s", golden, buf.Bytes())
	}
}
