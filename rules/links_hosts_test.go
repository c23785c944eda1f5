package rules

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/contentlint/contentlint/lint"
)

// TestLinkHostRules: links.hosts accepts a code from one host and makes
// another a warning; other hosts keep links.accept.
func TestLinkHostRules(t *testing.T) {
	s := newLinkServer(t) // 404 for /bot and /blocked
	cfg := linkConfig + "  hosts:\n    127.0.0.1:\n      accept: [404]\n"
	src := "---\ntitle: x\n---\n[a](" + s.URL + "/bot)\n"
	got := runOnline(t, writeSite(t, map[string]string{"a.md": src}, cfg), lint.Options{NoCache: true})
	checkFindings(t, got, nil)
	if s.count("/bot") != 1 {
		t.Errorf("/bot requested %d times, want one HEAD", s.count("/bot"))
	}

	cfg = linkConfig + "  hosts:\n    127.0.0.1: {warn: [400-499]}\n    example.net: {accept: [404]}\n"
	src = "---\ntitle: x\n---\nSee [b](" + s.URL + "/blocked).\n"
	got = runOnline(t, writeSite(t, map[string]string{"b.md": src}, cfg), lint.Options{NoCache: true})
	checkFindings(t, got, []string{fmt.Sprintf("b.md:4:5-4:%d link-dead", 5+len("[b]()/blocked")+len(s.URL))})
	if len(got) == 1 && (got[0].Severity != lint.Warning || got[0].Message != s.URL+"/blocked: 404 Not Found") {
		t.Errorf("finding %s %q, want a warning", got[0].Severity, got[0].Message)
	}
}

func TestLinkHostRulesInvalid(t *testing.T) {
	for cfg, want := range map[string]string{
		"links:\n  hosts:\n    linkedin.com:\n      accept: [999, 2xx]\n": `line 4: links.hosts.linkedin.com.accept: accept[1]: "2xx" is not a status code`,
		"links:\n  hosts:\n    x.example: {warn: [500-400]}\n":            `line 3: links.hosts.x.example.warn: accept[0]: "500-400"`,
		"links:\n  failAfter: -1\n":                                       "line 2: links.failAfter: -1 is below 1",
	} {
		root := writeSite(t, map[string]string{"a.md": "# a\n"}, cfg)
		_, _, err := lint.Setup([]string{root}, filepath.Join(root, lint.ConfigFileName))
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), lint.ConfigFileName) {
			t.Errorf("%q: error %v, want it to name the file and %q", cfg, err, want)
		}
	}
}
