package rules

import (
	"strings"
	"testing"

	"github.com/contentlint/contentlint/lint"
)

func TestDirectiveUnknown(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"known rule", "---\ntitle: x\n---\n<!-- contentlint-disable file-encoding -->\n", nil},
		{"unknown rule", "---\ntitle: x\n---\n<!-- contentlint-disable file-encodng -->\n",
			[]string{"a.md:4:26-4:38 directive-unknown"}},
		{"second of a list", "---\ntitle: x\n---\n<!-- contentlint-disable-next-line file-encoding, nope -->\n",
			[]string{"a.md:4:51-4:55 directive-unknown"}},
		{"multi-byte text before", "---\ntitle: x\n---\nÉté <!-- contentlint-disable-line nope -->\n",
			[]string{"a.md:4:35-4:39 directive-unknown"}},
		{"in fenced code", "---\ntitle: x\n---\n```md\n<!-- contentlint-disable nope -->\n```\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := onlyRule(lintFiles(t, map[string]string{"a.md": tt.src}, ""), "directive-unknown")
			checkFindings(t, got, tt.want)
			for _, f := range got {
				if !strings.Contains(f.Message, "unknown rule") {
					t.Errorf("message %q does not say unknown rule", f.Message)
				}
			}
		})
	}
}

func TestDirectiveUnused(t *testing.T) {
	const on = "preset: none\nrules: {directive-unused: info}\n"
	const fm = "---\ntitle: x\n---\n"
	tests := []struct {
		name, src, cfg string
		want           []string
	}{
		{"used next-line", fm + "<!-- contentlint-disable-next-line link-internal -->\n[a](/nowhere)\n", on, nil},
		{"unused next-line", fm + "<!-- contentlint-disable-next-line link-internal -->\n[a](#x)\n\n# X\n", on,
			[]string{"a.md:4:36-4:49 directive-unused"}},
		{"one of two names unused", fm + "<!-- contentlint-disable-next-line image-missing, link-internal -->\n[a](/nowhere)\n", on,
			[]string{"a.md:4:36-4:49 directive-unused"}},
		{"bare disable-line unused", fm + "Text <!-- contentlint-disable-line -->\n", on,
			[]string{"a.md:4:6-4:39 directive-unused"}},
		{"range disable used once", fm + "<!-- contentlint-disable link-internal -->\n\n[a](/nowhere)\n\n<!-- contentlint-enable link-internal -->\n", on, nil},
		{"disable after its enable", fm + "<!-- contentlint-disable link-internal -->\n<!-- contentlint-enable link-internal -->\n\n[a](/nowhere)\n", on,
			[]string{"a.md:4:26-4:39 directive-unused", "a.md:7:1-7:14 link-internal"}},
		{"unknown names are left to directive-unknown", fm + "<!-- contentlint-disable-file nope -->\n", on, nil},
		{"off by default", fm + "<!-- contentlint-disable-next-line link-internal -->\nText.\n", "preset: none\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lintFiles(t, map[string]string{"a.md": tt.src}, tt.cfg)
			var kept []lint.Finding
			for _, f := range got {
				if f.RuleID == "directive-unused" || f.RuleID == "link-internal" {
					kept = append(kept, f)
				}
			}
			checkFindings(t, kept, tt.want)
			for _, f := range kept {
				if f.RuleID == "directive-unused" && !strings.Contains(f.Message, "did not suppress") {
					t.Errorf("message %q", f.Message)
				}
			}
		})
	}
}

func TestDirectiveUnusedExcludePattern(t *testing.T) {
	cfg := "preset: none\nrules: {directive-unused: info}\nlinks:\n  exclude:\n    - '^https://used\\.example/'\n    - \"^https://(www\\\\.)?gone\\\\.example/\"\n"
	post := "---\ntitle: x\n---\n[a](https://used.example/page)\n"
	got := onlyRule(lintFiles(t, map[string]string{"a.md": post}, cfg), "directive-unused")
	checkFindings(t, got, []string{".contentlint.yml:6:7-6:42 directive-unused"})
	if len(got) == 1 && !strings.Contains(got[0].Message, `"^https://(www\\.)?gone\\.example/"`) {
		t.Errorf("message %q does not name the pattern", got[0].Message)
	}
	// Linting one file of a bigger site cannot judge the patterns.
	root := writeSite(t, map[string]string{"a.md": post, "b.md": "---\ntitle: b\n---\n"}, cfg)
	if fs := onlyRule(runSite(t, root, "b.md").Findings, "directive-unused"); len(fs) != 0 {
		t.Errorf("a partial run judged links.exclude: %v", fs)
	}
}
