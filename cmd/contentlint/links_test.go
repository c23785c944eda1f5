package main

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
)

const linksConfig = "preset: none\ncontent: [content]\nlinks:\n  allowPrivate: true\n  retries: 0\n"

func closedAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	return addr
}

// TestNoNetwork: when every host fails to connect the same way, the run
// reports one error naming the cause and --offline, exits 2, and lists no
// dead link.
func TestNoNetwork(t *testing.T) {
	var post strings.Builder
	post.WriteString("---\ntitle: Links\n---\n\n")
	for range 3 {
		a := closedAddr(t)
		post.WriteString("- [a](http://" + a + "/a) [b](http://" + a + "/b)\n")
	}
	dir := site(t, map[string]string{".contentlint.yml": linksConfig, "content/links.md": post.String()})
	r := runCLI(t, dir, "--no-cache")
	expect(t, r, 2)
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
