package rules

// Shared helpers for rule tests: they write a small site to t.TempDir() and run
// it through the real engine with every rule, as the CLI does.

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/contentlint/contentlint/lint"

	"github.com/contentlint/contentlint/lint/linttest"
)

// writeSite writes files (site-relative slash paths to contents) and a
// .contentlint.yml holding cfgYAML under a fresh temporary folder, and returns
// that folder. The config file is always written, so that no stray
// .contentlint.yml above the temporary folder is picked up.
func writeSite(t testing.TB, files map[string]string, cfgYAML string) string {
	t.Helper()
	root := t.TempDir()
	linttest.WriteTree(t, root, files)
	if err := os.WriteFile(filepath.Join(root, lint.ConfigFileName), []byte(cfgYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	return root
}

// runSite lints the site at root with every rule. With no paths it lints the
// content roots, as the CLI does; paths are relative to root. Findings name
// files relative to root. It fails the test on a setup error, but returns the
// per-file errors in Result.Err for the caller to judge.
func runSite(t testing.TB, root string, paths ...string) *lint.Result {
	t.Helper()
	cfg, site, err := lint.Setup([]string{root}, filepath.Join(root, lint.ConfigFileName))
	if err != nil {
		t.Fatalf("setup: %v", err)
	}
	all := All()
	if err := cfg.ValidateRules(all); err != nil {
		t.Fatalf("config: %v", err)
	}
	abs := make([]string, 0, len(paths))
	for _, p := range paths {
		abs = append(abs, filepath.Join(root, filepath.FromSlash(p)))
	}
	if len(abs) == 0 {
		for _, r := range site.ContentRoots {
			abs = append(abs, r.Dir)
		}
	}
	eng := &lint.Engine{Rules: all, Config: cfg, Site: site, BaseDir: root, Options: lint.Options{Jobs: 2, Offline: true}}
	res, err := eng.Run(context.Background(), abs)
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	return res
}

// lintFiles writes files and cfgYAML to a temporary site, lints all of it and
// returns the findings. Any per-file error fails the test.
func lintFiles(t testing.TB, files map[string]string, cfgYAML string) []lint.Finding {
	t.Helper()
	res := runSite(t, writeSite(t, files, cfgYAML))
	if res.Err != nil {
		t.Fatalf("lint errors: %v", res.Err)
	}
	return res.Findings
}

// onlyRule keeps the findings of one rule.
func onlyRule(fs []lint.Finding, id string) []lint.Finding {
	var out []lint.Finding
	for _, f := range fs {
		if f.RuleID == id {
			out = append(out, f)
		}
	}
	return out
}

// where formats a finding's place as "file:L:C-L:C rule-id", the form the
// table tests compare; the message is left out so tests check it separately.
func where(f lint.Finding) string {
	r := f.Range
	return fmt.Sprintf("%s:%d:%d-%d:%d %s", f.File, r.Start.Line, r.Start.Col, r.End.Line, r.End.Col, f.RuleID)
}

// checkFindings compares findings (in engine order) with want, each in the
// form produced by where. On a mismatch it prints both lists with messages.
func checkFindings(t testing.TB, got []lint.Finding, want []string) {
	t.Helper()
	g := make([]string, len(got))
	for i, f := range got {
		g[i] = where(f)
	}
	if strings.Join(g, "\n") == strings.Join(want, "\n") {
		return
	}
	var b strings.Builder
	for _, f := range got {
		fmt.Fprintf(&b, "  %s: %s\n", where(f), f.Message)
	}
	t.Errorf("findings differ\ngot:\n%swant:\n  %s", b.String(), strings.Join(want, "\n  "))
}
