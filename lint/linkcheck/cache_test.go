package linkcheck

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCacheSecondRun(t *testing.T) {
	okSrv := serve(t, status(200))
	deadSrv := serve(t, status(404))
	page := serve(t, func(w http.ResponseWriter, _ *http.Request, _ int) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = io.WriteString(w, `<h2 id="a">A</h2>`) // a failed write shows up as the client's error
	})
	path := filepath.Join(t.TempDir(), "sub", "links.json")
	urls := []string{okSrv.URL + "/", deadSrv.URL + "/", page.URL + "/#a", page.URL + "/#b"}
	run := func() map[string]*Result {
		cache := OpenCache(path, time.Hour, nil)
		opt := testOptions()
		opt.Retries = 0
		opt.Cache = cache
		res := check(t, opt, urls...)
		if err := cache.Save(); err != nil {
			t.Fatal(err)
		}
		return res
	}
	first := run()
	okHits, deadHits, pageHits := okSrv.hits(), deadSrv.hits(), page.hits()
	if okHits != 1 || deadHits != 2 || pageHits != 1 {
		t.Fatalf("first run requests: ok %d dead %d page %d", okHits, deadHits, pageHits)
	}
	second := run()
	if okSrv.hits() != okHits || page.hits() != pageHits {
		t.Errorf("second run re-requested cached successes: ok %d page %d", okSrv.hits()-okHits, page.hits()-pageHits)
	}
	if deadSrv.hits() != 2*deadHits {
		t.Errorf("second run sent %d requests for the failure, want it re-checked (%d)", deadSrv.hits()-deadHits, deadHits)
	}
	for _, u := range urls {
		a, b := first[u], second[u]
		if a.State != b.State || a.FragmentMissing != b.FragmentMissing {
			t.Errorf("%s: first %v/%v, cached %v/%v", u, a.State, a.FragmentMissing, b.State, b.FragmentMissing)
		}
	}
	if !second[okSrv.URL+"/"].Cached || second[deadSrv.URL+"/"].Cached {
		t.Error("Cached flag wrong")
	}
	if !second[page.URL+"/#b"].FragmentMissing {
		t.Error("missing fragment not found from the cached anchors")
	}
	// No temporary files are left beside the cache, only its lock file.
	ents, _ := os.ReadDir(filepath.Dir(path))
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if got, want := strings.Join(names, " "), filepath.Base(path)+" "+filepath.Base(path)+".lock"; got != want {
		t.Errorf("cache folder holds %s, want %s", got, want)
	}
	var f cacheFile
	data, _ := os.ReadFile(path)
	if err := json.Unmarshal(data, &f); err != nil || len(f.Entries) != 2 {
		t.Errorf("cache file holds %d entries (%v), want the 2 successes", len(f.Entries), err)
	}
}

func TestCacheMaxAge(t *testing.T) {
	s := serve(t, status(200))
	path := filepath.Join(t.TempDir(), "links.json")
	old := cacheFile{Version: cacheVersion, Entries: map[string]*cacheEntry{
		s.URL + "/": {Checked: time.Now().Add(-2 * time.Hour), Code: 200},
	}}
	data, _ := json.Marshal(old)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	opt := testOptions()
	opt.Cache = OpenCache(path, time.Hour, nil)
	check(t, opt, s.URL+"/")
	if s.hits() != 1 {
		t.Errorf("%d requests for an expired entry, want 1", s.hits())
	}
	opt.Cache = OpenCache(path, 3*time.Hour, nil)
	check(t, opt, s.URL+"/")
	if s.hits() != 1 {
		t.Errorf("%d requests for a fresh entry, want none more", s.hits()-1)
	}
}

func TestCacheCorrupt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "links.json")
	// A cache cut short or of another version is still ours, so it is
	// replaced; a file that is not a cache at all never is (see
	// TestCacheNeverReplacesOtherFiles).
	for _, content := range []string{`{"version":2,"entries":{"x":`, `{"version":99,"entries":{}}`} {
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		var warn strings.Builder
		c := OpenCache(path, time.Hour, &warn)
		if c.Len() != 0 || !strings.Contains(warn.String(), "link cache "+path) || !strings.Contains(warn.String(), "ignored") {
			t.Errorf("%q: entries %d, warning %q", content, c.Len(), warn.String())
		}
		c.put("https://example.com/", &cacheEntry{Checked: time.Now(), Code: 200})
		if err := c.Save(); err != nil {
			t.Fatal(err)
		}
		var w2 strings.Builder
		if c2 := OpenCache(path, time.Hour, &w2); c2.Len() != 1 || w2.Len() != 0 {
			t.Errorf("after save: entries %d, warning %q", c2.Len(), w2.String())
		}
	}
	var warn strings.Builder
	if c := OpenCache(filepath.Join(t.TempDir(), "none.json"), time.Hour, &warn); c.Len() != 0 || warn.Len() != 0 {
		t.Errorf("missing file: warning %q", warn.String())
	}
}

func TestCacheSkipsCredentials(t *testing.T) {
	s := serve(t, status(200))
	path := filepath.Join(t.TempDir(), "links.json")
	opt := testOptions()
	opt.Cache = OpenCache(path, time.Hour, nil)
	check(t, opt, strings.Replace(s.URL, "://", "://u:secret@", 1)+"/")
	if err := opt.Cache.Save(); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if strings.Contains(string(data), "secret") || opt.Cache.Len() != 0 {
		t.Errorf("credentials in the cache: %s", data)
	}
}

// TestCacheRespectsGuard: a success recorded with allowPrivate must not let a
// later run without it report a loopback URL as checked instead of skipped.
func TestCacheRespectsGuard(t *testing.T) {
	s := serve(t, status(200))
	path := filepath.Join(t.TempDir(), "links.json")
	run := func(allowPrivate bool) *Result {
		opt := testOptions()
		opt.AllowPrivate = allowPrivate
		opt.Cache = OpenCache(path, time.Hour, nil)
		r := check(t, opt, s.URL+"/")[s.URL+"/"]
		if err := opt.Cache.Save(); err != nil {
			t.Fatal(err)
		}
		return r
	}
	if r := run(true); r.State != OK || s.hits() != 1 {
		t.Fatalf("first run: %v, %d requests", r.State, s.hits())
	}
	if r := run(false); r.State != Skipped || r.Cached {
		t.Errorf("guarded run: state %v cached %v, want skipped by the guard", r.State, r.Cached)
	}
	if r := run(true); r.State != OK || !r.Cached || s.hits() != 1 {
		t.Errorf("third run with allowPrivate: state %v cached %v, %d requests; want the cached success", r.State, r.Cached, s.hits())
	}
}

// TestCacheConcurrentRuns: runs that share a cache file and save at the same
// time each count their failure and keep their successes, and the file is
// always whole.
func TestCacheConcurrentRuns(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		if r.URL.Path == "/dead" {
			w.WriteHeader(http.StatusGone)
		}
	})
	path := filepath.Join(t.TempDir(), "links.json")
	const runs = 6
	errs := make(chan error, runs)
	for i := range runs {
		go func() {
			cache := OpenCache(path, time.Hour, nil)
			opt := testOptions()
			opt.Cache = cache
			c, err := New(opt)
			if err != nil {
				errs <- err
				return
			}
			c.Check(context.Background(), []string{srv.URL + "/dead", fmt.Sprintf("%s/ok/%d", srv.URL, i)})
			errs <- cache.Save()
		}()
	}
	for range runs {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	var f cacheFile
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatalf("cache file is not whole: %v", err)
	}
	if e := f.Failures[srv.URL+"/dead"]; e == nil || e.Runs != runs {
		t.Errorf("failure history %+v, want %d runs", e, runs)
	}
	if len(f.Entries) != runs {
		t.Errorf("%d successes kept, want one per run (%d)", len(f.Entries), runs)
	}
	if got := srv.hits(); got != runs*3 {
		t.Errorf("server saw %d requests, want %d (each run: HEAD+GET of the dead URL, HEAD of its own)", got, runs*3)
	}
}

// TestCacheHistory: a failure starts a streak, each failed run adds one, a
// success ends it; the history outlives the successes' maxAge.
func TestCacheHistory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "links.json")
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	open := func() *Cache {
		c := OpenCache(path, time.Minute, nil)
		c.now = func() time.Time { return now }
		return c
	}
	c := open()
	if h := c.failed("k"); h.Runs != 1 || !h.Since.Equal(now) {
		t.Errorf("first failure: %+v", h)
	}
	if h := c.failed("k"); h.Runs != 1 {
		t.Errorf("the same run counted twice: %+v", h)
	}
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	start := now
	now = now.Add(48 * time.Hour)
	c = open()
	if h := c.failed("k"); h.Runs != 2 || !h.Since.Equal(start) {
		t.Errorf("second run: %+v, want 2 runs since %v", h, start)
	}
	c.succeeded("k")
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	if h := open().failed("k"); h.Runs != 1 || !h.Since.Equal(now) {
		t.Errorf("after a success: %+v, want a new streak", h)
	}
}
