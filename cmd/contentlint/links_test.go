package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/contentlint/contentlint/lint/linttest"
)

const linksConfig = "preset: none\ncontent: [content]\nlinks:\n  allowPrivate: true\n  retries: 0\n"

// TestNoNetwork: when every host fails to connect the same way, the run
// reports one error naming the cause and --offline, exits 2, and lists no
// dead link.
func TestNoNetwork(t *testing.T) {
	var post strings.Builder
	post.WriteString("---\ntitle: Links\n---\n\n")
	for range 3 {
		a := linttest.ClosedAddr(t)
		post.WriteString("- [a](http://" + a + "/a) [b](http://" + a + "/b)\n")
	}
	cfg := linksConfig + "  failAfter: 2\n  cache: {path: .cache/links.json}\n"
	dir := site(t, map[string]string{".contentlint.yml": cfg, "content/links.md": post.String()})
	r := runCLI(t, dir)
	expect(t, r, 2)
	// No link was judged, so no failure streak was started.
	data, err := os.ReadFile(filepath.Join(dir, ".cache", "links.json"))
	if err != nil || strings.Contains(string(data), `"failures"`) {
		t.Errorf("link cache after a run without network: %s (%v), want no failure history", data, err)
	}
	if strings.Contains(r.stdout, "link-dead") {
		t.Errorf("per-link findings with no network:\n%s", r.stdout)
	}
	if n := strings.Count(r.stderr, "no network: "); n != 1 {
		t.Errorf("stderr names the missing network %d times, want once:\n%s", n, r.stderr)
	}
	if !strings.Contains(r.stderr, "contentlint: error: rule link-dead: no network: connect failed for every one of the 3 hosts tried (connection refused)") ||
		!strings.Contains(r.stderr, "use --offline") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
}

// TestOneHostMissing: a host that does not exist while another answers is
// a dead link, exit 1.
func TestOneHostMissing(t *testing.T) {
	var hits atomic.Int64
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { hits.Add(1) }))
	defer s.Close()
	post := "---\ntitle: Links\n---\n\n[up](" + s.URL + "/) and [gone](http://nowhere.invalid/)\n"
	dir := site(t, map[string]string{".contentlint.yml": linksConfig, "content/links.md": post})
	r := runCLI(t, dir, "--no-cache")
	expect(t, r, 1)
	want := "content/links.md:5:" + strconv.Itoa(len("[up]("+s.URL+"/) and ")+1) +
		": error: http://nowhere.invalid/: DNS lookup failed: no such host nowhere.invalid (link-dead)"
	if !hasLine(r.lines(), want) || len(r.lines()) != 1 {
		t.Errorf("stdout:\n%s\nwant the one line\n%s", r.stdout, want)
	}
	if strings.Contains(r.stderr, "no network") || hits.Load() != 1 {
		t.Errorf("stderr %q, server hits %d (want 1)", r.stderr, hits.Load())
	}
}

// TestGitHubTokenStaysHome: with GITHUB_TOKEN set, a link to another host
// gets no Authorization header.
func TestGitHubTokenStaysHome(t *testing.T) {
	t.Setenv("GITHUB_TOKEN", "ghp_not_for_you")
	var auth atomic.Value
	auth.Store("")
	var hits atomic.Int64
	s := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if a := r.Header.Get("Authorization"); a != "" {
			auth.Store(a)
		}
	}))
	defer s.Close()
	post := "---\ntitle: Links\n---\n\n[up](" + s.URL + "/)\n"
	dir := site(t, map[string]string{".contentlint.yml": linksConfig, "content/links.md": post})
	expect(t, runCLI(t, dir, "--no-cache"), 0)
	if hits.Load() != 1 || auth.Load().(string) != "" {
		t.Errorf("server saw %d requests, Authorization %q; want 1 request without it", hits.Load(), auth.Load())
	}
}

// TestConcurrentRunsShareHistory: two processes check the same dead link at
// the same time with one cache file; each counts its run, and the file stays
// whole.
func TestConcurrentRunsShareHistory(t *testing.T) {
	arrived := make(chan struct{}, 8)
	release := make(chan struct{})
	var once atomic.Bool
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		arrived <- struct{}{}
		<-release // both runs are in flight before either can finish
		w.WriteHeader(http.StatusInternalServerError)
	}))
	defer s.Close()
	go func() {
		<-arrived
		<-arrived
		if once.CompareAndSwap(false, true) {
			close(release)
		}
	}()
	cfg := linksConfig + "  failAfter: 3\n  cache: {path: .cache/links.json}\n"
	post := "---\ntitle: Links\n---\n\n[down](" + s.URL + "/page)\n"
	dir := site(t, map[string]string{".contentlint.yml": cfg, "content/links.md": post})
	var cmds []*exec.Cmd
	var outs []*bytes.Buffer
	for range 2 {
		cmd := exec.Command(binary, "--format", "json")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+t.TempDir())
		out := &bytes.Buffer{}
		cmd.Stdout, cmd.Stderr = out, out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds, outs = append(cmds, cmd), append(outs, out)
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("run %d: %v\n%s", i+1, err, outs[i])
		}
		if !strings.Contains(outs[i].String(), "failing since ") || !strings.Contains(outs[i].String(), `"severity": "warning"`) {
			t.Errorf("run %d: want a link-dead warning with its history:\n%s", i+1, outs[i])
		}
	}
	data, err := os.ReadFile(filepath.Join(dir, ".cache", "links.json"))
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Failures map[string]struct{ Runs int } `json:"failures"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatalf("cache file is not whole: %v", err)
	}
	if got := f.Failures[s.URL+"/page"].Runs; got != 2 {
		t.Errorf("failure history counts %d runs, want 2: %s", got, data)
	}
}
