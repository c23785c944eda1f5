package rules

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/contentlint/contentlint/lint"
)

// healthServer answers /page with 500 while down is set, 200 otherwise, and
// counts the requests.
type healthServer struct {
	*httptest.Server
	down atomic.Bool
	hits atomic.Int64
}

func newHealthServer(t *testing.T) *healthServer {
	t.Helper()
	s := &healthServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		s.hits.Add(1)
		if s.down.Load() {
			w.WriteHeader(http.StatusInternalServerError)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

// historyConfig caches no success for long, so that every run checks the
// URL again; the failure history does not expire with maxAge.
const historyConfig = linkConfig + "  cache: {path: .cache/links.json, maxAge: 1ns}\n"

// historySite is one post linking to s's /page on line 4, column 5.
func historySite(t *testing.T, s *healthServer, extra string) string {
	t.Helper()
	return writeSite(t, map[string]string{"a.md": "---\ntitle: x\n---\nSee [it](" + s.URL + "/page).\n"}, historyConfig+extra)
}

var sinceRE = regexp.MustCompile(`failing since \d{4}-\d\d-\d\d \d\d:\d\d UTC`)

// verdict is "" without a finding, else "severity: message" with the date
// replaced by DATE.
func verdict(t *testing.T, got []lint.Finding) string {
	t.Helper()
	switch len(got) {
	case 0:
		return ""
	case 1:
		f := got[0]
		if f.RuleID != "link-dead" || f.Range.Start.Line != 4 || f.Range.Start.Col != 5 {
			t.Errorf("finding %s %s at %d:%d, want link-dead at 4:5", f.RuleID, f.Message, f.Range.Start.Line, f.Range.Start.Col)
		}
		return f.Severity.String() + ": " + sinceRE.ReplaceAllString(f.Message, "failing since DATE")
	}
	t.Fatalf("%d findings, want at most one: %v", len(got), got)
	return ""
}

func TestLinkHistoryFailAfter(t *testing.T) {
	s := newHealthServer(t)
	root := historySite(t, s, "  failAfter: 3\n")
	dead := s.URL + "/page: 500 Internal Server Error"
	steps := []struct {
		down bool
		opt  lint.Options
		want string
	}{
		{true, lint.Options{}, "warning: " + dead + "; failing since DATE (1 run)"},
		{true, lint.Options{}, "warning: " + dead + "; failing since DATE (2 runs)"},
		{true, lint.Options{}, "error: " + dead + "; failing since DATE (3 runs)"},
		{true, lint.Options{}, "error: " + dead + "; failing since DATE (4 runs)"},
		// --no-cache ignores the history: an error at once, and the file
		// keeps its count.
		{true, lint.Options{NoCache: true}, "error: " + dead},
		{false, lint.Options{}, ""}, // a success clears the history
		{true, lint.Options{}, "warning: " + dead + "; failing since DATE (1 run)"},
	}
	for i, st := range steps {
		s.down.Store(st.down)
		before := s.hits.Load()
		var warn strings.Builder
		st.opt.Warnings = &warn
		if got := verdict(t, runOnline(t, root, st.opt)); got != st.want {
			t.Errorf("run %d: got %q, want %q", i+1, got, st.want)
		}
		if s.hits.Load() == before {
			t.Errorf("run %d: the URL was not checked again", i+1)
		}
		if warn.Len() != 0 {
			t.Errorf("run %d: warnings %q", i+1, warn.String())
		}
	}
	var f struct {
		Failures map[string]struct{ Runs int } `json:"failures"`
	}
	data, err := os.ReadFile(filepath.Join(root, ".cache", "links.json"))
	if err != nil || json.Unmarshal(data, &f) != nil {
		t.Fatalf("cache file: %v", err)
	}
	if len(f.Failures) != 1 || f.Failures[s.URL+"/page"].Runs != 1 {
		t.Errorf("history after a success and one failure: %+v", f.Failures)
	}
}

func TestLinkHistoryGrace(t *testing.T) {
	s := newHealthServer(t)
	s.down.Store(true)
	root := historySite(t, s, "  grace: 24h\n")
	dead := s.URL + "/page: 500 Internal Server Error"
	if got, want := verdict(t, runOnline(t, root, lint.Options{})), "warning: "+dead+"; failing since DATE (1 run)"; got != want {
		t.Errorf("first run: %q, want %q", got, want)
	}
	// The failure began two days ago: past the grace period.
	path := filepath.Join(root, ".cache", "links.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var f map[string]any
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-48 * time.Hour).UTC()
	f["failures"].(map[string]any)[s.URL+"/page"].(map[string]any)["since"] = old.Format(time.RFC3339)
	data, _ = json.Marshal(f)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("error: %s; failing since %s (2 runs)", dead, old.Format("2006-01-02 15:04 UTC"))
	if got := runOnline(t, root, lint.Options{}); len(got) != 1 || got[0].Severity.String()+": "+got[0].Message != want {
		t.Errorf("after the grace period: %v, want %q", got, want)
	}
}

func TestLinkHistoryCorrupt(t *testing.T) {
	s := newHealthServer(t)
	s.down.Store(true)
	root := historySite(t, s, "  failAfter: 2\n")
	dead := s.URL + "/page: 500 Internal Server Error"
	runOnline(t, root, lint.Options{})
	if err := os.WriteFile(filepath.Join(root, ".cache", "links.json"), []byte(`{"version":2,"failures":{`), 0o644); err != nil {
		t.Fatal(err)
	}
	var warn strings.Builder
	got := verdict(t, runOnline(t, root, lint.Options{Warnings: &warn}))
	if want := "warning: " + dead + "; failing since DATE (1 run)"; got != want {
		t.Errorf("after the corrupt file: %q, want %q (a fresh start)", got, want)
	}
	if !strings.Contains(warn.String(), "is corrupt and was ignored (link history starts afresh)") {
		t.Errorf("warning %q", warn.String())
	}
	warn.Reset()
	got = verdict(t, runOnline(t, root, lint.Options{Warnings: &warn}))
	if want := "error: " + dead + "; failing since DATE (2 runs)"; got != want || warn.Len() != 0 {
		t.Errorf("the run after: %q (warnings %q), want %q", got, warn.String(), want)
	}
}
