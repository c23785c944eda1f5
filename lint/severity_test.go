package lint

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// A diagnostic's own severity replaces the rule's default, but a severity the
// user configured for the rule wins over both.
func TestDiagnosticSeverity(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "a.md"), []byte("# a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rule := &Rule{ID: "x-rule", Severity: Warning, Check: func(p *Pass) {
		p.Report(Diagnostic{Range: Range{Start: Position{Line: 1, Col: 1}, End: Position{Line: 1, Col: 2}}, Message: "m", Severity: Error})
		p.Reportf(Range{Start: Position{Line: 1, Col: 1}, End: Position{Line: 1, Col: 2}}, "plain")
	}}
	for _, tc := range []struct {
		configured string
		want       []Severity
	}{
		{"", []Severity{Error, Warning}},
		{"info", []Severity{Info, Info}},
	} {
		cfg := &Config{Root: root}
		if tc.configured != "" {
			cfg.Rules = map[string]string{"x-rule": tc.configured}
		}
		site, err := NewSite(cfg)
		if err != nil {
			t.Fatal(err)
		}
		res, err := (&Engine{Rules: []*Rule{rule}, Config: cfg, Site: site, Options: Options{Offline: true, NoCache: true}, BaseDir: root}).Run(context.Background(), []string{root})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]Severity{}
		for _, f := range res.Findings {
			got[f.Message] = f.Severity
		}
		if len(res.Findings) != 2 || got["m"] != tc.want[0] || got["plain"] != tc.want[1] {
			t.Errorf("configured %q: severities %v, want m=%v plain=%v", tc.configured, got, tc.want[0], tc.want[1])
		}
	}
}
