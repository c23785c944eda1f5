package lint

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// cacheSiteFiles is enough light files for the engine to use the cache.
const cacheSiteFiles = minCachedFiles + 20

// cacheSite writes a site of Markdown posts aged an hour (older than the
// racy window) and points the user cache folder at a fresh temporary one.
func cacheSite(t *testing.T) string {
	t.Helper()
	home := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", home)
	t.Setenv("HOME", home)
	t.Setenv("LocalAppData", home)
	root := t.TempDir()
	writeFile(t, filepath.Join(root, ConfigFileName), "content: [docs]\n")
	old := time.Now().Add(-time.Hour)
	for i := range cacheSiteFiles {
		// Front matter of every shape: scalars, lists (one empty), a map,
		// aliases; headings with duplicates, explicit ids and HTML anchors.
		src := fmt.Sprintf("---\ntitle: Post %d\nid: p%03d\nslug: /s/%d\ntags: [a, b]\nempty: []\n"+
			"nested:\n  k: v\n  list:\n    - 1\n    - x: y\naliases: [/old/%d]\nlanguage: fr\n---\n\n"+
			"# Alpha\n\n## Alpha\n\n### Named {#named}\n\n<a id=\"html-%d\"></a>\n\n```\n# not a heading\n```\n",
			i, i, i, i, i)
		p := filepath.Join(root, "docs", fmt.Sprintf("p%03d.md", i))
		writeFile(t, p, src)
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, filepath.Join(root, "docs", "plain.md"), "no front matter\n")
	if err := os.Chtimes(filepath.Join(root, "docs", "plain.md"), old, old); err != nil {
		t.Fatal(err)
	}
	return root
}

func writeFile(t *testing.T, p, src string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

// cacheRun lints docs/p000.md alone and returns the light entries of the
// site index by path, as site rules see them.
func cacheRun(t *testing.T, root string, opts Options) map[string]*Entry {
	t.Helper()
	cfg, site, err := Setup([]string{root}, filepath.Join(root, ConfigFileName))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]*Entry{}
	capture := &Rule{ID: "capture", Severity: Warning, CheckSite: func(sp *SitePass) {
		for _, en := range sp.Index.Entries {
			if en.Light {
				got[en.Path] = en
			}
		}
	}}
	opts.Jobs, opts.Offline = 2, true
	eng := &Engine{Rules: []*Rule{capture}, Config: cfg, Site: site, Options: opts, BaseDir: root}
	res, err := eng.Run(context.Background(), []string{filepath.Join(root, "docs", "p000.md")})
	if err != nil {
		t.Fatal(err)
	}
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if len(got) != res.Indexed-1 {
		t.Fatalf("%d light entries, want %d", len(got), res.Indexed-1)
	}
	return got
}

func cacheFile(t *testing.T, root string) string {
	t.Helper()
	p, err := indexCachePath(root)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// cachedPaths reads the cache file as the engine would for root.
func cachedPaths(t *testing.T, root string) map[string]*lightRecord {
	t.Helper()
	cfg, site, err := Setup([]string{root}, filepath.Join(root, ConfigFileName))
	if err != nil {
		t.Fatal(err)
	}
	var warn bytes.Buffer
	c := (&Engine{Config: cfg, Site: site, Options: Options{Warnings: &warn}}).openIndexCache(time.Now(), &warn)
	if c == nil || warn.Len() > 0 {
		t.Fatalf("cache did not open: %s", warn.String())
	}
	return c.old
}

// editInPlace rewrites a file with same-size content and puts its
// modification time back, so only a cache that ignores the change keeps
// the old anchors.
func editInPlace(t *testing.T, p, from, to string) {
	t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(from) != len(to) || !bytes.Contains(src, []byte(from)) {
		t.Fatalf("bad edit %q -> %q", from, to)
	}
	if err := os.WriteFile(p, bytes.Replace(src, []byte(from), []byte(to), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(p, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
}

func sameEntries(t *testing.T, got, want map[string]*Entry) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d entries, want %d", len(got), len(want))
	}
	for p, w := range want {
		if g := got[p]; !reflect.DeepEqual(g, w) {
			t.Fatalf("%s: cached entry differs from a fresh light parse:\n got %+v\nwant %+v", p, g, w)
		}
	}
}

func TestIndexCacheHit(t *testing.T) {
	root := cacheSite(t)
	fresh := cacheRun(t, root, Options{NoCache: true})
	if e := fresh["docs/p001.md"]; e == nil || !e.Anchors["alpha-1"] || !e.Anchors["html-1"] || e.URL != "/s/1" || e.Lang != "fr" {
		t.Fatalf("fixture not indexed as expected: %+v", e)
	}
	sameEntries(t, cacheRun(t, root, Options{}), fresh) // cold: writes the cache
	if n := len(cachedPaths(t, root)); n != cacheSiteFiles {
		t.Fatalf("cache holds %d files, want %d (every light file)", n, cacheSiteFiles)
	}
	before, err := os.Stat(cacheFile(t, root))
	if err != nil {
		t.Fatal(err)
	}
	sameEntries(t, cacheRun(t, root, Options{}), fresh) // warm: read back
	if after, err := os.Stat(cacheFile(t, root)); err != nil || !os.SameFile(before, after) {
		t.Errorf("an unchanged site rewrote the cache (%v)", err)
	}

	// Proof that the warm run reads the cache and not the file.
	editInPlace(t, filepath.Join(root, "docs", "p001.md"), "# Alpha\n", "# Omega\n")
	if got := cacheRun(t, root, Options{}); !got["docs/p001.md"].Anchors["alpha"] {
		t.Fatalf("anchors %v: the cache was not used", got["docs/p001.md"].Anchors)
	}
	if got := cacheRun(t, root, Options{NoCache: true}); !got["docs/p001.md"].Anchors["omega"] {
		t.Fatalf("anchors %v: --no-cache read the cache", got["docs/p001.md"].Anchors)
	}
}

func TestIndexCacheInvalidation(t *testing.T) {
	root := cacheSite(t)
	cacheRun(t, root, Options{})
	docs := filepath.Join(root, "docs")

	// Touched: same size, new modification time.
	editInPlace(t, filepath.Join(docs, "p001.md"), "# Alpha\n", "# Omega\n")
	later := time.Now().Add(-30 * time.Minute)
	if err := os.Chtimes(filepath.Join(docs, "p001.md"), later, later); err != nil {
		t.Fatal(err)
	}
	// Edited: new size, same modification time.
	fi, err := os.Stat(filepath.Join(docs, "p002.md"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(docs, "p002.md"), "---\ntitle: Two\n---\n# Beta\n")
	if err := os.Chtimes(filepath.Join(docs, "p002.md"), fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
	// Mode changed, nothing else.
	editInPlace(t, filepath.Join(docs, "p006.md"), "# Alpha\n", "# Gamma\n")
	if err := os.Chmod(filepath.Join(docs, "p006.md"), 0o600); err != nil {
		t.Fatal(err)
	}
	// Removed, and added.
	if err := os.Remove(filepath.Join(docs, "p003.md")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(docs, "new.md"), "# New\n")
	if err := os.Chtimes(filepath.Join(docs, "new.md"), later, later); err != nil {
		t.Fatal(err)
	}

	got := cacheRun(t, root, Options{})
	sameEntries(t, got, cacheRun(t, root, Options{NoCache: true}))
	if !got["docs/p001.md"].Anchors["omega"] || !got["docs/p002.md"].Anchors["beta"] || !got["docs/p006.md"].Anchors["gamma"] || got["docs/new.md"] == nil {
		t.Fatalf("stale entries: p001 %v, p002 %v", got["docs/p001.md"].Anchors, got["docs/p002.md"].Anchors)
	}
	recs := cachedPaths(t, root)
	if recs["docs/p003.md"] != nil {
		t.Error("the removed file is still cached")
	}
	if r := recs["docs/new.md"]; r == nil || !reflect.DeepEqual(r.Anchors, []string{"new"}) {
		t.Errorf("new file cached as %+v", r)
	}
	if r := recs["docs/p002.md"]; r == nil || r.Fields.Get("title").String() != "Two" {
		t.Errorf("edited file cached as %+v", r)
	}

	// Only a removal: the cache is still rewritten without it.
	if err := os.Remove(filepath.Join(docs, "p004.md")); err != nil {
		t.Fatal(err)
	}
	cacheRun(t, root, Options{})
	if recs := cachedPaths(t, root); recs["docs/p004.md"] != nil || recs["docs/p005.md"] == nil {
		t.Error("the cache was not pruned of a removed file")
	}
}

func TestIndexCacheRacyFileNotStored(t *testing.T) {
	root := cacheSite(t)
	writeFile(t, filepath.Join(root, "docs", "fresh.md"), "# Just written\n")
	got := cacheRun(t, root, Options{})
	if !got["docs/fresh.md"].Anchors["just-written"] {
		t.Fatalf("anchors %v", got["docs/fresh.md"].Anchors)
	}
	recs := cachedPaths(t, root)
	if recs["docs/fresh.md"] != nil || recs["docs/p001.md"] == nil {
		t.Errorf("a file modified within %v was cached, or an old one was not", racyWindow)
	}
}

func TestIndexCacheConfigChange(t *testing.T) {
	root := cacheSite(t)
	cacheRun(t, root, Options{})
	editInPlace(t, filepath.Join(root, "docs", "p001.md"), "# Alpha\n", "# Omega\n")
	if got := cacheRun(t, root, Options{}); !got["docs/p001.md"].Anchors["alpha"] {
		t.Fatal("the cache was not used")
	}
	// Same site, one more configuration key: every record is void.
	writeFile(t, filepath.Join(root, ConfigFileName), "content: [docs]\nrules: {capture: info}\n")
	got := cacheRun(t, root, Options{})
	if !got["docs/p001.md"].Anchors["omega"] {
		t.Fatalf("anchors %v: a configuration change kept the cache", got["docs/p001.md"].Anchors)
	}
	sameEntries(t, got, cacheRun(t, root, Options{NoCache: true}))
}

func TestIndexCacheCorrupt(t *testing.T) {
	root := cacheSite(t)
	fresh := cacheRun(t, root, Options{NoCache: true})
	path := cacheFile(t, root)
	for _, tc := range []struct {
		name string
		data []byte // nil: half of a real cache
	}{{"garbage", []byte("not a gob file")}, {"truncated", nil}} {
		data := tc.data
		t.Run(tc.name, func(t *testing.T) {
			if data == nil {
				cacheRun(t, root, Options{})
				b, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				data = b[:len(b)/2]
			}
			writeFile(t, path, string(data))
			var warn bytes.Buffer
			sameEntries(t, cacheRun(t, root, Options{Warnings: &warn}), fresh)
			if !strings.Contains(warn.String(), "index cache "+path+" is corrupt and was ignored") {
				t.Errorf("warning %q", warn.String())
			}
			// The run rewrote it: the next one reads it without a word.
			warn.Reset()
			sameEntries(t, cacheRun(t, root, Options{Warnings: &warn}), fresh)
			if warn.Len() > 0 {
				t.Errorf("second run warned %q", warn.String())
			}
		})
	}
}

func TestIndexCacheNoCache(t *testing.T) {
	root := cacheSite(t)
	path := cacheFile(t, root)
	cacheRun(t, root, Options{NoCache: true})
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("--no-cache wrote %s (%v)", path, err)
	}
	cacheRun(t, root, Options{})
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	// A file gone and a file changed: a cached run would rewrite the cache.
	if err := os.Remove(filepath.Join(root, "docs", "p003.md")); err != nil {
		t.Fatal(err)
	}
	editInPlace(t, filepath.Join(root, "docs", "p001.md"), "# Alpha\n", "# Omega\n")
	if got := cacheRun(t, root, Options{NoCache: true}); !got["docs/p001.md"].Anchors["omega"] {
		t.Fatal("--no-cache read the cache")
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fi2, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) || !os.SameFile(fi, fi2) {
		t.Error("--no-cache rewrote the cache")
	}
}

// Small sites and full runs leave no cache file behind.
func TestIndexCacheUnused(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", home)
	t.Setenv("HOME", home)
	t.Setenv("LocalAppData", home)
	root := t.TempDir()
	writeFile(t, filepath.Join(root, ConfigFileName), "content: [docs]\n")
	old := time.Now().Add(-time.Hour)
	for i := range minCachedFiles { // one target, minCachedFiles-1 light
		p := filepath.Join(root, "docs", fmt.Sprintf("p%03d.md", i))
		writeFile(t, p, "# A\n")
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	cacheRun(t, root, Options{})
	cfg, site, err := Setup([]string{root}, filepath.Join(root, ConfigFileName))
	if err != nil {
		t.Fatal(err)
	}
	eng := &Engine{Config: cfg, Site: site, Options: Options{Offline: true}, BaseDir: root}
	if _, err := eng.Run(context.Background(), []string{filepath.Join(root, "docs")}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(cacheFile(t, root)); !os.IsNotExist(err) {
		t.Fatalf("a cache was written (%v)", err)
	}
}
