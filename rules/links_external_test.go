package rules

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/contentlint/contentlint/lint"
)

// linkServer is a loopback server that answers by path and counts what
// arrived, per path.
type linkServer struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func newLinkServer(t *testing.T) *linkServer {
	t.Helper()
	s := &linkServer{hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		switch {
		case strings.HasPrefix(r.URL.Path, "/ok"), r.URL.Path == "/img.png":
			w.Header().Set("Content-Type", "text/html")
			_, _ = io.WriteString(w, `<h2 id="present">x</h2>`) // a failed write shows up as the client's error
		case r.URL.Path == "/moved":
			http.Redirect(w, r, "/ok-new", http.StatusMovedPermanently)
		case r.URL.Path == "/gone":
			w.WriteHeader(http.StatusGone)
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *linkServer) total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, v := range s.hits {
		n += v
	}
	return n
}

func (s *linkServer) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// runOnline lints root with the network on, as the CLI does without
// --offline, and keeps the findings of the external link rules.
func runOnline(t *testing.T, root string, opt lint.Options) []lint.Finding {
	t.Helper()
	cfg, site, err := lint.Setup([]string{root}, filepath.Join(root, lint.ConfigFileName))
	if err != nil {
		t.Fatalf("setup: %v", err)
	}
	var dirs []string
	for _, r := range site.ContentRoots {
		dirs = append(dirs, r.Dir)
	}
	opt.Jobs = 2
	eng := &lint.Engine{Rules: All(), Config: cfg, Site: site, BaseDir: root, Options: opt}
	res, err := eng.Run(context.Background(), dirs)
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	if res.Err != nil {
		t.Fatalf("lint errors: %v", res.Err)
	}
	var out []lint.Finding
	for _, f := range res.Findings {
		switch f.RuleID {
		case "link-dead", "link-redirect", "link-fragment", "link-skipped":
			out = append(out, f)
		}
	}
	return out
}

const linkConfig = `baseURL: https://example.org
frontmatter:
  fields: {homepage: url, cover: image}
links:
  allowPrivate: true
  timeout: 2s
  retries: 0
`

func TestLinkExternal(t *testing.T) {
	s := newLinkServer(t)
	u := s.URL
	n := len(u)
	src := "---\n" +
		"title: Links\n" +
		"homepage: " + u + "/nothing\n" +
		"cover: " + u + "/img.png\n" +
		"---\n" +
		"[ok](" + u + "/ok) [dead](" + u + "/dead)\n" + // line 6
		"<a href=\"" + u + "/moved\">m</a>\n" + // line 7
		"Bare http://nowhere.invalid/gone here.\n" + // line 8, linkified
		"[frag](" + u + "/ok#missing) and [frag2](" + u + "/ok#present)\n" + // line 9
		"[ref][r] and [internal](https://example.org/blog/post)\n" + // line 10
		"`" + u + "/code-span`\n" + // line 11
		"<!-- [c](" + u + "/comment) -->\n" + // line 12
		"```\n" + u + "/fenced\n```\n" + // lines 13-15
		"\n[r]: " + u + "/dead\n" // line 17
	got := runOnline(t, writeSite(t, map[string]string{"post.md": src}, linkConfig), lint.Options{NoCache: true})
	c := func(base int) int { return base + n }
	want := []string{
		fmt.Sprintf("post.md:3:11-3:%d link-dead", c(11+len("/nothing"))),
		fmt.Sprintf("post.md:6:%d-6:%d link-dead", c(len("[ok]()/ok ")+1), c(len("[ok]()/ok [dead]()/dead")+n+1)),
		fmt.Sprintf("post.md:7:10-7:%d link-redirect", c(10+len("/moved"))),
		"post.md:8:6-8:33 link-dead",
		fmt.Sprintf("post.md:9:1-9:%d link-fragment", c(len("[frag]()/ok#missing")+1)),
		fmt.Sprintf("post.md:17:1-17:%d link-dead", c(1+len("[r]: /dead"))),
	}
	checkFindings(t, got, want)
	wantMsg := map[string]string{
		"3:link-dead":     u + "/nothing: 404 Not Found",
		"6:link-dead":     u + "/dead: 404 Not Found",
		"7:link-redirect": u + "/moved redirects permanently to " + u + "/ok-new",
		"8:link-dead":     "http://nowhere.invalid/gone: DNS lookup failed: no such host nowhere.invalid",
		"9:link-fragment": u + "/ok#missing: the page has no element with id or name \"missing\"",
		"17:link-dead":    u + "/dead: 404 Not Found",
	}
	for _, f := range got {
		if w := wantMsg[fmt.Sprintf("%d:%s", f.Range.Start.Line, f.RuleID)]; f.Message != w {
			t.Errorf("%s: message %q, want %q", where(f), f.Message, w)
		}
	}
	// One request per unique URL (a failing HEAD is followed by one GET),
	// and nothing from code, comments or internal links.
	wantHits := map[string]int{"/nothing": 2, "/img.png": 1, "/ok": 1, "/dead": 2, "/moved": 1, "/ok-new": 1}
	for p, w := range wantHits {
		if g := s.count(p); g != w {
			t.Errorf("%s requested %d times, want %d", p, g, w)
		}
	}
	if s.total() != 8 {
		t.Errorf("%d requests in all, want 8: %v", s.total(), s.hits)
	}
}

func TestLinkExternalOnceAcrossPosts(t *testing.T) {
	s := newLinkServer(t)
	files := map[string]string{}
	var want []string
	for i := range 50 {
		name := fmt.Sprintf("p%02d.md", i)
		files[name] = "---\ntitle: x\n---\nSee [it](" + s.URL + "/dead).\n"
		want = append(want, fmt.Sprintf("%s:4:5-4:%d link-dead", name, 5+len("[it]()/dead")+len(s.URL)))
	}
	got := runOnline(t, writeSite(t, files, linkConfig), lint.Options{NoCache: true})
	checkFindings(t, got, want)
	if s.count("/dead") != 2 {
		t.Errorf("the URL of 50 posts was requested %d times, want once (HEAD, then GET)", s.count("/dead"))
	}
}

func TestLinkExternalPrivateSkipped(t *testing.T) {
	s := newLinkServer(t)
	src := "---\ntitle: x\n---\n[a](" + s.URL + "/ok)\n"
	cfg := strings.Replace(linkConfig, "allowPrivate: true", "allowPrivate: false", 1)
	got := runOnline(t, writeSite(t, map[string]string{"a.md": src}, cfg), lint.Options{NoCache: true})
	checkFindings(t, got, []string{fmt.Sprintf("a.md:4:1-4:%d link-skipped", 1+len("[a]()/ok")+len(s.URL))})
	if len(got) == 1 && !strings.Contains(got[0].Message, "127.0.0.1 is a non-public address") {
		t.Errorf("message %q", got[0].Message)
	}
	if s.total() != 0 {
		t.Errorf("%d requests reached the loopback server", s.total())
	}
}

func TestLinkExternalOffline(t *testing.T) {
	s := newLinkServer(t)
	src := "---\ntitle: x\n---\n[a](" + s.URL + "/dead)\n"
	got := runOnline(t, writeSite(t, map[string]string{"a.md": src}, linkConfig), lint.Options{Offline: true, NoCache: true})
	checkFindings(t, got, nil)
	if s.total() != 0 {
		t.Errorf("%d requests with --offline", s.total())
	}
}

func TestLinkExternalFragmentsOff(t *testing.T) {
	s := newLinkServer(t)
	src := "---\ntitle: x\n---\n[a](" + s.URL + "/ok#missing)\n"
	cfg := linkConfig + "rules: {link-fragment: off}\n"
	got := runOnline(t, writeSite(t, map[string]string{"a.md": src}, cfg), lint.Options{NoCache: true})
	checkFindings(t, got, nil)
	if s.count("/ok") != 1 {
		t.Errorf("%d requests, want one HEAD", s.count("/ok"))
	}
}

func TestLinkExternalCache(t *testing.T) {
	s := newLinkServer(t)
	src := "---\ntitle: x\n---\n[a](" + s.URL + "/ok) [b](" + s.URL + "/dead)\n"
	root := writeSite(t, map[string]string{"a.md": src}, linkConfig+"  cache: {path: .cache/links.json, maxAge: 1h}\n")
	var warn strings.Builder
	first := runOnline(t, root, lint.Options{Warnings: &warn})
	second := runOnline(t, root, lint.Options{Warnings: &warn})
	if len(first) != 1 || len(second) != 1 || first[0].Message != second[0].Message {
		t.Errorf("findings differ between runs: %v / %v", first, second)
	}
	if s.count("/ok") != 1 {
		t.Errorf("cached success requested %d times in two runs, want 1", s.count("/ok"))
	}
	if s.count("/dead") != 4 {
		t.Errorf("failure requested %d times in two runs, want 4 (re-checked)", s.count("/dead"))
	}
	runOnline(t, root, lint.Options{NoCache: true, Warnings: &warn})
	if s.count("/ok") != 2 {
		t.Errorf("--no-cache did not bypass the cache")
	}
	cachePath := filepath.Join(root, ".cache", "links.json")
	if err := os.WriteFile(cachePath, []byte(`{"version":2,"entries":{`), 0o644); err != nil {
		t.Fatal(err)
	}
	if warn.Len() != 0 {
		t.Errorf("unexpected warnings: %s", warn.String())
	}
	runOnline(t, root, lint.Options{Warnings: &warn})
	if !strings.Contains(warn.String(), "is corrupt and was ignored") || s.count("/ok") != 3 {
		t.Errorf("corrupt cache: warning %q, requests %d", warn.String(), s.count("/ok"))
	}
}

// A cache path that names a post, or any file that is not a cache, never
// replaces it: posts/keep.md used to become {"version":2,"entries":{}}.
func TestLinkExternalCacheNeverReplacesContent(t *testing.T) {
	s := newLinkServer(t)
	src := "---\ntitle: x\n---\n[a](" + s.URL + "/ok)\n"
	for _, tt := range []struct{ cfg, keep, warn string }{
		{"content: [posts]\n", "posts/keep.json", "is inside the content folder"},
		{"", "notes.txt", "is another file, not a contentlint link cache"},
		{"", "posts/keep.md", "is a Markdown file"},
	} {
		root := writeSite(t, map[string]string{"posts/a.md": src, "posts/keep.md": src, "posts/keep.json": "mine\n", "notes.txt": "mine\n"},
			tt.cfg+linkConfig+"  cache: {path: "+tt.keep+"}\n")
		var warn strings.Builder
		runOnline(t, root, lint.Options{Warnings: &warn})
		if !strings.Contains(warn.String(), tt.warn) {
			t.Errorf("%s: warning %q lacks %q", tt.keep, warn.String(), tt.warn)
		}
		if b, _ := os.ReadFile(filepath.Join(root, tt.keep)); string(b) != src && string(b) != "mine\n" {
			t.Errorf("%s was replaced: %q", tt.keep, b)
		}
	}
}

func TestLinkConfigInvalid(t *testing.T) {
	for cfg, want := range map[string]string{
		"links:\n  exclude: [\"(\"]\n": "links.exclude[0]: error parsing regexp",
		"links:\n  accept: [2xx]\n":    `links.accept[0]: "2xx" is not a status code`,
	} {
		root := writeSite(t, map[string]string{"a.md": "# a\n"}, cfg)
		_, _, err := lint.Setup([]string{root}, filepath.Join(root, lint.ConfigFileName))
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), lint.ConfigFileName) {
			t.Errorf("%q: error %v, want it to name the file and %q", cfg, err, want)
		}
	}
}
