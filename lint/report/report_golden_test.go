package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/contentlint/contentlint/lint"
	"github.com/contentlint/contentlint/lint/report"
	"github.com/contentlint/contentlint/rules"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the current output")

// lintSite runs the real engine with every rule over a fixture site, offline,
// with paths relative to the site and a fixed version so goldens are stable.
func lintSite(t *testing.T, dir string) *report.Run {
	t.Helper()
	site, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	cfg, model, err := lint.Setup([]string{site}, "")
	if err != nil {
		t.Fatalf("setup %s: %v", dir, err)
	}
	all := rules.All()
	if err := cfg.ValidateRules(all); err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, r := range model.ContentRoots {
		paths = append(paths, r.Dir)
	}
	eng := &lint.Engine{Rules: all, Config: cfg, Site: model, BaseDir: site,
		Options: lint.Options{Offline: true, Version: "test", Jobs: 2}}
	res, err := eng.Run(context.Background(), paths)
	if err != nil {
		t.Fatalf("lint %s: %v", dir, err)
	}
	if res.Err != nil {
		t.Fatalf("lint %s: unexpected I/O errors: %v", dir, res.Err)
	}
	run := &report.Run{Tool: "contentlint", Version: "test", InfoURI: "https://github.com/contentlint/contentlint",
		Findings: res.Findings, Rules: all, Severities: map[string]lint.Severity{}, Files: res.Files}
	for _, r := range all {
		run.Severities[r.ID] = cfg.RuleSeverity(r)
	}
	return run
}

// validateSARIF checks written SARIF against the 2.1.0 schema with go-sarif:
// the log as built (before defaults are dropped), and the bytes as written,
// read back the way go-sarif reads a file.
func validateSARIF(t *testing.T, run *report.Run, out []byte) *sarif.Report {
	t.Helper()
	built, err := report.BuildSARIF(run)
	if err != nil {
		t.Fatal(err)
	}
	if err := built.Validate(); err != nil {
		t.Fatalf("built sarif fails the 2.1.0 schema: %v", err)
	}
	log, err := sarif.FromBytes(out)
	if err != nil {
		t.Fatalf("sarif output does not parse: %v", err)
	}
	if err := log.Validate(); err != nil {
		t.Fatalf("sarif output fails the 2.1.0 schema: %v", err)
	}
	return log
}

func TestGoldenSite(t *testing.T) {
	run := lintSite(t, filepath.Join("..", "..", "testdata", "site"))
	run.Started = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	if len(run.Findings) == 0 {
		t.Fatal("the example site has deliberate defects but gave no finding")
	}
	for _, tc := range []struct{ format, file string }{
		{"text", "site.txt"},
		{"json", "site.json"},
		{"sarif", "site.sarif"},
		{"github", "site.github"},
		{"markdown", "site.md"},
		{"junit", "site.junit.xml"},
		{"gitlab", "site.gitlab.json"},
		{"checkstyle", "site.checkstyle.xml"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := report.Formats()[tc.format](&buf, run); err != nil {
				t.Fatal(err)
			}
			got := buf.Bytes()
			switch tc.format {
			case "sarif":
				validateSARIF(t, run, got)
			case "junit":
				validateJUnit(t, got)
			case "gitlab":
				validateGitLab(t, got)
			case "checkstyle":
				validateCheckstyle(t, got)
			case "json":
				if !json.Valid(got) {
					t.Fatalf("json output is not JSON:\n%s", got)
				}
			}
			golden := filepath.Join("..", "..", "testdata", "golden", tc.file)
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run `go test ./lint/report -update` to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s output differs from %s (run `go test ./lint/report -update` after checking the diff)\n--- got\n%s\n--- want\n%s",
					tc.format, golden, got, want)
			}
		})
	}
}
