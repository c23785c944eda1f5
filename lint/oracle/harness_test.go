package oracle_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/contentlint/contentlint/lint"
	"github.com/contentlint/contentlint/lint/linttest"
	"github.com/contentlint/contentlint/lint/oracle"
)

func TestOutputURL(t *testing.T) {
	for _, tc := range []struct{ file, want string }{
		{"index.html", "/"},
		{"about/index.html", "/about/"},
		{"docs/a/b/index.html", "/docs/a/b/"},
		{"x.html", "/x.html"},
		{"docs/x.html", "/docs/x.html"},
		{filepath.Join("a", "index.html"), "/a/"},
	} {
		if got := oracle.OutputURL(tc.file); got != tc.want {
			t.Errorf("OutputURL(%q) = %q, want %q", tc.file, got, tc.want)
		}
	}
}

// builtSite is a tiny hand-written output folder.
var builtSite = map[string]string{
	"index.html": `<!DOCTYPE html><html><body><header id="nav"><h1 id="site">S</h1></header>
<main id="layout"><h1 id="home">Home</h1><p><a id="x" href="/about/">a</a></p><h2 id="home">again</h2></main></body></html>`,
	"about/index.html": `<html><body><main><h2 id="intro">Intro</h2><div><span id="deep"></span></div></main>
<footer id="foot"></footer></body></html>`,
	"x.html":         `<html><body><main></main></body></html>`,
	"nomain.html":    `<html><body><h1 id="lost">no main</h1></body></html>`,
	"old/index.html": `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=https://example.com/about/"></head><body><h1 id="r">Redirecting</h1></body></html>`,
	"old.html":       `<html><head><META HTTP-EQUIV="Refresh" CONTENT="0;URL='/x.html'"></head></html>`,
	"assets/a.css":   `#main { color: red }`,
	"feed.xml":       `<feed/>`,
}

func TestReadOutput(t *testing.T) {
	dir := t.TempDir()
	linttest.WriteTree(t, dir, builtSite)
	scope, err := oracle.Selector("main")
	if err != nil {
		t.Fatal(err)
	}
	out, err := oracle.ReadOutput(dir, scope)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]*oracle.OutPage{
		"/":            {File: "index.html", URL: "/", Scoped: true, IDs: []string{"home", "x"}},
		"/about/":      {File: "about/index.html", URL: "/about/", Scoped: true, IDs: []string{"deep", "intro"}},
		"/x.html":      {File: "x.html", URL: "/x.html", Scoped: true, IDs: []string{}},
		"/nomain.html": {File: "nomain.html", URL: "/nomain.html", Scoped: false, IDs: []string{}},
	}
	if !reflect.DeepEqual(out.Pages, want) {
		for u, p := range out.Pages {
			t.Logf("%s: %+v", u, *p)
		}
		t.Errorf("pages differ from %v", want)
	}
	wantRedirects := map[string]string{"/old/": "https://example.com/about/", "/old.html": "/x.html"}
	if !reflect.DeepEqual(out.Redirects, wantRedirects) {
		t.Errorf("redirects = %v, want %v", out.Redirects, wantRedirects)
	}
}

func TestReadOutputBadFolder(t *testing.T) {
	_, err := oracle.ReadOutput(filepath.Join(t.TempDir(), "missing"), func(*html.Node) bool { return true })
	if err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("err = %v, want one naming the folder", err)
	}
}

func TestSelector(t *testing.T) {
	dir := t.TempDir()
	linttest.WriteTree(t, dir, map[string]string{
		"index.html": `<html><body><div id="a" class="x"><p id="in-a"></p></div>
<article class="post markdown"><p id="in-article"></p></article>
<div class="markdown"><p id="in-div"></p></div></body></html>`,
	})
	for _, tc := range []struct {
		sel  string
		want []string
	}{
		{"", []string{"a", "in-a", "in-article", "in-div"}},
		{"#a", []string{"in-a"}},
		{"div#a.x", []string{"in-a"}},
		{"div.x#b", []string{}},
		{".markdown", []string{"in-article", "in-div"}},
		{"article.markdown.post", []string{"in-article"}},
		{"div.markdown", []string{"in-div"}},
		{"main", []string{}},
	} {
		scope, err := oracle.Selector(tc.sel)
		if err != nil {
			t.Fatalf("Selector(%q): %v", tc.sel, err)
		}
		out, err := oracle.ReadOutput(dir, scope)
		if err != nil {
			t.Fatal(err)
		}
		if got := out.Pages["/"].IDs; !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Selector(%q): ids %v, want %v", tc.sel, got, tc.want)
		}
	}
	for _, bad := range []string{"main article", "div > p", "a[href]", "p:first-child", "div.", "#"} {
		if _, err := oracle.Selector(bad); err == nil {
			t.Errorf("Selector(%q): no error", bad)
		}
	}
}

func TestParseAllow(t *testing.T) {
	good := `# the Hugo taxonomies
url /tags/**   # taxonomy lists are generated, no file
id /about/#top  # the layout's back-to-top link sits inside main

noid /a/#b # kramdown strips it
`
	a, err := oracle.ParseAllow(strings.NewReader(good), "allow.txt")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range a.Entries {
		got = append(got, e.Kind+"|"+e.Target+"|"+e.Reason)
	}
	want := []string{"url|/tags/**|taxonomy lists are generated, no file", "id|/about/#top|the layout's back-to-top link sits inside main", "noid|/a/#b|kramdown strips it"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("entries = %q, want %q", got, want)
	}
	if a.Entries[2].Line != 5 {
		t.Errorf("line = %d, want 5", a.Entries[2].Line)
	}
	for _, tc := range []struct{ text, err string }{
		{"url /x/\n", "allow.txt:1: url /x/ has no reason (add `# why`)"},
		{"\n\nid /x/#a #\n", "allow.txt:3: id /x/#a has no reason (add `# why`)"},
		{"url /x/ because\n", "allow.txt:1: url /x/ has no reason (add `# why`)"},
		{"page /x/ # r\n", `allow.txt:1: unknown kind "page" (want url, id or noid)`},
		{"id /x/ # r\n", "allow.txt:1: id /x/: want <path>#<id>"},
		{"noid /x/# # r\n", "allow.txt:1: noid /x/#: want <path>#<id>"},
		{"url /x/#a # r\n", "allow.txt:1: url /x/#a: a url entry names a path, not an id"},
		{"url\n", "allow.txt:1: want `url|id|noid <target>  # reason`"},
		{"url /x/[ # r\n", "allow.txt:1: bad pattern /x/[: syntax error in pattern"},
	} {
		_, err := oracle.ParseAllow(strings.NewReader(tc.text), "allow.txt")
		if err == nil || err.Error() != tc.err {
			t.Errorf("ParseAllow(%q) error = %v, want %q", tc.text, err, tc.err)
		}
	}
}

func TestLoadAllowMissing(t *testing.T) {
	a, err := oracle.LoadAllow(filepath.Join(t.TempDir(), "allow.txt"))
	if err != nil || len(a.Entries) != 0 {
		t.Errorf("LoadAllow(missing) = %v, %v; want an empty list", a, err)
	}
}

// modelJSON is what `contentlint routes --format json` prints for builtSite,
// with deliberate disagreements.
const modelJSON = `{"generator": "jekyll",
 "contentRoots": [{"dir": ".", "base": "/"}],
 "languages": [], "notes": [],
 "pages": [
  {"file": "about.md", "rendered": true, "urls": ["/about/"], "aliases": ["/old/"], "anchors": ["intro", "setup"]},
  {"file": "index.md", "rendered": true, "urls": ["/"], "anchors": ["home", "x"]},
  {"file": "gone.md", "rendered": true, "urls": ["/gone/"], "aliases": ["/older/"]},
  {"file": "raw.md", "rendered": false},
  {"file": "x.md", "rendered": true, "urls": ["/x.html"], "aliases": ["/nomain.html"]},
  {"file": "y.md", "rendered": true, "urls": ["/x.html"]}
 ]}`

func readBuilt(t *testing.T) *oracle.Output {
	t.Helper()
	dir := t.TempDir()
	linttest.WriteTree(t, dir, builtSite)
	scope, err := oracle.Selector("main")
	if err != nil {
		t.Fatal(err)
	}
	out, err := oracle.ReadOutput(dir, scope)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCompare(t *testing.T) {
	var m lint.RouteTable
	if err := json.Unmarshal([]byte(modelJSON), &m); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range oracle.Compare(&m, readBuilt(t)) {
		got = append(got, d.String())
	}
	want := []string{
		"id   /about/#deep  (generator: id in about/index.html; model: no anchor in about.md)",
		"noid /about/#setup  (model: anchor of about.md; generator: no such id in about/index.html)",
		"url  /gone/  (model: page of gone.md; generator: no page)",
		"url  /nomain.html  (model: alias of x.md; generator: a page (nomain.html))",
		"url  /old.html  (generator: redirect page to /x.html; model: no alias)",
		"url  /older/  (model: alias of gone.md; generator: no redirect page)",
		"url  /x.html  (model: 2 files claim this URL: x.md, y.md)",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("differences:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestCompareAgrees(t *testing.T) {
	out := readBuilt(t)
	m := &lint.RouteTable{Pages: []lint.RoutePage{
		{File: "about.md", Rendered: true, URLs: []string{"/about"}, Aliases: []string{"/old"}, Anchors: []string{"deep", "intro"}},
		{File: "index.md", Rendered: true, URLs: []string{"/index.html"}, Anchors: []string{"home", "x"}},
		{File: "x.md", Rendered: true, URLs: []string{"/x.html"}, Aliases: []string{"/old.html"}},
		{File: "nomain.md", Rendered: true, URLs: []string{"/nomain.html"}},
		{File: "raw.md"},
	}}
	// One file serves a folder and its index.html: both name one page.
	if diffs := oracle.Compare(m, out); len(diffs) != 0 {
		t.Errorf("diffs = %v, want none", diffs)
	}
	m.Pages[1].URLs = []string{"/index.htm"}
	diffs := oracle.Compare(m, out)
	if len(diffs) != 2 || diffs[0].Target != "/" || diffs[1].Target != "/index.htm" {
		t.Errorf("diffs = %v, want / and /index.htm only", diffs)
	}
	m.Pages[1].URLs = []string{"/"}
	// A redirect to another page than the alias's own.
	m.Pages[0].Aliases = []string{"/old.html"}
	m.Pages[2].Aliases = []string{"/old/"}
	var got []string
	for _, d := range oracle.Compare(m, out) {
		got = append(got, d.String())
	}
	want := []string{
		"url  /old.html  (model: alias of about.md (/about); generator: redirect to /x.html)",
		"url  /old/  (model: alias of x.md (/x.html); generator: redirect to https://example.com/about/)",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("differences:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestReport(t *testing.T) {
	var m lint.RouteTable
	if err := json.Unmarshal([]byte(modelJSON), &m); err != nil {
		t.Fatal(err)
	}
	diffs := oracle.Compare(&m, readBuilt(t))
	allow, err := oracle.ParseAllow(strings.NewReader(`
url /old*   # two old redirects
noid /about#setup # written by a plugin the fixture lacks
id /about/#deep # layout id
url /x.html # two files
url /gone/ # deleted
url /nomain.html # alias page
url /never/ # stale
id /about/#nothing # stale too
`), "testdata/allow.txt")
	if err != nil {
		t.Fatal(err)
	}
	got := oracle.Report(diffs, allow)
	want := `2 allow-list entr(y/ies) matched no difference; remove them:
  testdata/allow.txt:8: url /never/  # stale
  testdata/allow.txt:9: id /about/#nothing  # stale too
`
	if got != want {
		t.Errorf("Report:\n%s\nwant:\n%s", got, want)
	}
	got = oracle.Report(diffs, nil)
	if !strings.HasPrefix(got, "7 difference(s) between the model (contentlint routes) and the generator's output:\n  id   /about/#deep") ||
		!strings.Contains(got, "list a difference in allow.txt as `<kind> <target>  # reason`") {
		t.Errorf("Report without allow-list:\n%s", got)
	}
	if got := oracle.Report(nil, &oracle.Allow{}); got != "" {
		t.Errorf("Report(no differences) = %q, want empty", got)
	}
}

func TestBuildCache(t *testing.T) {
	site := t.TempDir()
	linttest.WriteTree(t, site, map[string]string{"index.md": "---\n---\n# Hi\n", "sub/a.md": "a"})
	cache := t.TempDir()
	runs := 0
	spec := oracle.BuildSpec{
		Name: "fake", Site: site, Toolchain: "fake 1.0", Output: "_site",
		Run: func(_ context.Context, work string) error {
			runs++
			b, err := os.ReadFile(filepath.Join(work, "sub", "a.md"))
			if err != nil {
				return err
			}
			linttest.WriteTree(t, work, map[string]string{"_site/index.html": "<main>" + string(b) + "</main>"})
			return nil
		},
	}
	ctx := context.Background()
	first, err := oracle.Build(ctx, cache, spec)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(first, "index.html")); err != nil || string(b) != "<main>a</main>" {
		t.Fatalf("built index.html = %q, %v", b, err)
	}
	if _, err := os.Stat(filepath.Join(site, "_site")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the build wrote into the fixture: %v", err)
	}
	again, err := oracle.Build(ctx, cache, spec)
	if err != nil || again != first || runs != 1 {
		t.Errorf("second build: dir %s (first %s), runs %d, err %v; want the cached build", again, first, runs, err)
	}
	spec.Toolchain = "fake 1.1"
	other, err := oracle.Build(ctx, cache, spec)
	if err != nil || other == first || runs != 2 {
		t.Errorf("new toolchain: dir %s, runs %d, err %v; want a new build", other, runs, err)
	}
	linttest.WriteTree(t, site, map[string]string{"sub/a.md": "b"})
	changed, err := oracle.Build(ctx, cache, spec)
	if err != nil || changed == other || runs != 3 {
		t.Errorf("changed fixture: dir %s, runs %d, err %v; want a new build", changed, runs, err)
	}

	spec.Toolchain = "broken"
	spec.Run = func(context.Context, string) error { return errors.New("exit status 1") }
	if _, err := oracle.Build(ctx, cache, spec); err == nil || !strings.Contains(err.Error(), "building "+site+": exit status 1") {
		t.Errorf("failing build: err = %v", err)
	}
	spec.Run = func(context.Context, string) error { return nil }
	if _, err := oracle.Build(ctx, cache, spec); err == nil || !strings.Contains(err.Error(), "the build wrote no _site folder") {
		t.Errorf("build without output: err = %v", err)
	}
	ents, err := os.ReadDir(filepath.Join(cache, "oracle-builds"))
	if err != nil || len(ents) != 3 {
		t.Errorf("cache holds %d entries (%v), want the 3 good builds and no leftovers", len(ents), err)
	}
}

func TestTreeHash(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	linttest.WriteTree(t, a, map[string]string{"x/y.md": "1", "z.md": "2"})
	linttest.WriteTree(t, b, map[string]string{"x/y.md": "1", "z.md": "2"})
	ha, err := oracle.TreeHash(a)
	if err != nil {
		t.Fatal(err)
	}
	if hb, _ := oracle.TreeHash(b); hb != ha {
		t.Errorf("same trees hash differently: %s %s", ha, hb)
	}
	linttest.WriteTree(t, b, map[string]string{"x/z.md": "1"})
	if hb, _ := oracle.TreeHash(b); hb == ha {
		t.Error("an added file does not change the hash")
	}
	if err := os.Rename(filepath.Join(a, "z.md"), filepath.Join(a, "w.md")); err != nil {
		t.Fatal(err)
	}
	if h, _ := oracle.TreeHash(a); h == ha {
		t.Error("a renamed file does not change the hash")
	}
}

func TestCacheDir(t *testing.T) {
	t.Setenv("CONTENTLINT_ORACLE_CACHE", "")
	t.Setenv("XDG_CACHE_HOME", "/x/cache")
	if got := oracle.CacheDir(); got != "/x/cache/contentlint-ci" {
		t.Errorf("CacheDir() = %q", got)
	}
	t.Setenv("CONTENTLINT_ORACLE_CACHE", "/y")
	if got := oracle.CacheDir(); got != "/y" {
		t.Errorf("CacheDir() = %q", got)
	}
}
