package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/contentlint/contentlint/lint"
)

// TestLinkBareIPURL: a bare URL on an IP host is extracted as GitHub renders
// it (the trailing period is not part of it), goes to link-skipped while the
// guard is on, and is checked once allowPrivate is set.
func TestLinkBareIPURL(t *testing.T) {
	s := newLinkServer(t)
	src := "---\ntitle: x\n---\nSee " + s.URL + "/ok. And (" + s.URL + "/dead)\n"
	guarded := strings.Replace(linkConfig, "allowPrivate: true", "allowPrivate: false", 1)
	got := runOnline(t, writeSite(t, map[string]string{"a.md": src}, guarded), lint.Options{NoCache: true})
	first, second := 5, 5+len(s.URL+"/ok. And (")
	checkFindings(t, got, []string{
		fmt.Sprintf("a.md:4:%d-4:%d link-skipped", first, first+len(s.URL+"/ok")),
		fmt.Sprintf("a.md:4:%d-4:%d link-skipped", second, second+len(s.URL+"/dead")),
	})
	if s.total() != 0 {
		t.Errorf("%d requests reached the loopback server with the guard on", s.total())
	}
	got = runOnline(t, writeSite(t, map[string]string{"a.md": src}, linkConfig), lint.Options{NoCache: true})
	checkFindings(t, got, []string{fmt.Sprintf("a.md:4:%d-4:%d link-dead", second, second+len(s.URL+"/dead"))})
	if s.count("/ok") != 1 || s.count("/dead") != 2 {
		t.Errorf("requests: /ok %d (want 1), /dead %d (want HEAD and GET)", s.count("/ok"), s.count("/dead"))
	}
}
