package linkcheck

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/contentlint/contentlint/lint/linttest"
)

// server is a real loopback HTTP server that records what arrived.
type server struct {
	*httptest.Server
	mu       sync.Mutex
	arrivals []arrival
	inflight atomic.Int64
	peak     atomic.Int64
}

type arrival struct {
	method, path string
	at           time.Time
	header       http.Header
}

// serve starts a server on 127.0.0.1. h gets the 1-based arrival number.
func serve(t *testing.T, h func(w http.ResponseWriter, r *http.Request, n int)) *server {
	t.Helper()
	return serveOn(t, "127.0.0.1:0", h)
}

func serveOn(t *testing.T, addr string, h func(w http.ResponseWriter, r *http.Request, n int)) *server {
	t.Helper()
	s := &server{}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cur := s.inflight.Add(1)
		defer s.inflight.Add(-1)
		for {
			p := s.peak.Load()
			if cur <= p || s.peak.CompareAndSwap(p, cur) {
				break
			}
		}
		s.mu.Lock()
		s.arrivals = append(s.arrivals, arrival{r.Method, r.URL.Path, time.Now(), r.Header.Clone()})
		n := len(s.arrivals)
		s.mu.Unlock()
		h(w, r, n)
	}))
	l, err := net.Listen("tcp", addr)
	if err != nil {
		t.Skipf("cannot listen on %s: %v", addr, err)
	}
	if err := s.Listener.Close(); err != nil {
		t.Fatal(err)
	}
	s.Listener = l
	s.Start()
	t.Cleanup(s.Close)
	return s
}

func (s *server) hits() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.arrivals)
}

func (s *server) log() []arrival {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]arrival(nil), s.arrivals...)
}

func (s *server) methods() string {
	var m []string
	for _, a := range s.log() {
		m = append(m, a.method)
	}
	return strings.Join(m, ",")
}

// testOptions allow loopback and keep retries fast.
func testOptions() Options {
	return Options{AllowPrivate: true, Timeout: 5 * time.Second, Retries: 2, Backoff: 10 * time.Millisecond,
		Fragments: true, UserAgent: UserAgent("test")}
}

func check(t *testing.T, opt Options, urls ...string) map[string]*Result {
	t.Helper()
	c, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	return c.Check(context.Background(), urls)
}

func checkOne(t *testing.T, opt Options, u string) *Result {
	t.Helper()
	return check(t, opt, u)[u]
}

func status(code int) func(http.ResponseWriter, *http.Request, int) {
	return func(w http.ResponseWriter, _ *http.Request, _ int) { w.WriteHeader(code) }
}

func TestStatusCodes(t *testing.T) {
	tests := []struct {
		code    int
		state   State
		reason  string
		methods string
	}{
		{200, OK, "", "HEAD"},
		{204, OK, "", "HEAD"},
		{404, Dead, "404 Not Found", "HEAD,GET"},
		{410, Dead, "410 Gone", "HEAD,GET"},
		// HEAD 500, GET 500, then two GET retries.
		{500, Dead, "500 Internal Server Error (after 2 retries)", "HEAD,GET,GET,GET"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.code), func(t *testing.T) {
			s := serve(t, status(tt.code))
			r := checkOne(t, testOptions(), s.URL+"/page")
			if r.State != tt.state || r.Reason != tt.reason || r.Code != tt.code {
				t.Errorf("got state %v code %d reason %q, want %v %d %q", r.State, r.Code, r.Reason, tt.state, tt.code, tt.reason)
			}
			if tt.state == Dead && r.Kind != KindStatus {
				t.Errorf("kind %q, want status", r.Kind)
			}
			if got := s.methods(); got != tt.methods {
				t.Errorf("server saw %s, want %s", got, tt.methods)
			}
		})
	}
}

func TestAcceptConfigured(t *testing.T) {
	s := serve(t, status(403))
	opt := testOptions()
	opt.Accept = []string{"200-299", "403"}
	if r := checkOne(t, opt, s.URL); r.State != OK {
		t.Errorf("403 with accept 403: %v %s", r.State, r.Reason)
	}
	if s.hits() != 1 {
		t.Errorf("requests %d, want 1", s.hits())
	}
	for _, bad := range [][]string{{"2xx"}, {"299-200"}, {"99"}, {"200-"}} {
		if _, err := New(Options{Accept: bad}); err == nil {
			t.Errorf("accept %q: no error", bad)
		}
	}
	if _, err := New(Options{Exclude: []string{"("}}); err == nil || !strings.Contains(err.Error(), "exclude[0]") {
		t.Errorf("bad exclude: %v", err)
	}
}

func TestRetry503Then200(t *testing.T) {
	s := serve(t, func(w http.ResponseWriter, _ *http.Request, n int) {
		if n <= 2 {
			w.WriteHeader(503)
			return
		}
		w.WriteHeader(200)
	})
	r := checkOne(t, testOptions(), s.URL)
	if r.State != OK {
		t.Fatalf("state %v (%s), want OK", r.State, r.Reason)
	}
	// 503 is not retried with GET at once: it asks to wait.
	if got := s.methods(); got != "HEAD,HEAD,HEAD" {
		t.Errorf("server saw %s, want three HEADs", got)
	}
}

func TestRetryAfterHonoured(t *testing.T) {
	s := serve(t, func(w http.ResponseWriter, _ *http.Request, n int) {
		if n == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(429)
			return
		}
		w.WriteHeader(200)
	})
	r := checkOne(t, testOptions(), s.URL)
	if r.State != OK {
		t.Fatalf("state %v (%s), want OK", r.State, r.Reason)
	}
	log := s.log()
	if len(log) != 2 {
		t.Fatalf("%d requests, want 2", len(log))
	}
	if gap := log[1].at.Sub(log[0].at); gap < time.Second {
		t.Errorf("second request %v after the 429, before its Retry-After of 1s", gap)
	}
}

func TestRetryAfterCapped(t *testing.T) {
	s := serve(t, func(w http.ResponseWriter, _ *http.Request, n int) {
		if n == 1 {
			w.Header().Set("Retry-After", "3600")
			w.WriteHeader(503)
			return
		}
		w.WriteHeader(200)
	})
	opt := testOptions()
	opt.MaxRetryAfter = 50 * time.Millisecond
	if r := checkOne(t, opt, s.URL); r.State != OK {
		t.Fatalf("state %v (%s), want OK", r.State, r.Reason)
	}
	log := s.log()
	if len(log) != 2 || log[1].at.Sub(log[0].at) > 30*time.Second {
		t.Errorf("retry not capped: %d requests", len(log))
	}
}

func TestThrottleAfter429(t *testing.T) {
	h := newHost(8, 0)
	h.throttle(0)
	if h.limit != 4 {
		t.Errorf("limit %d after a 429, want 4", h.limit)
	}
	for range 5 {
		h.throttle(0)
	}
	if h.limit != 1 {
		t.Errorf("limit %d, want it to stop at 1", h.limit)
	}
	// One burst answered with 429s while the host waits out the first: one
	// halving.
	h = newHost(8, 0)
	for range 4 {
		h.throttle(time.Hour)
	}
	if h.limit != 4 {
		t.Errorf("limit %d after four 429s of one burst, want 4 (halved once)", h.limit)
	}
}

func TestTimeout(t *testing.T) {
	s := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	opt := testOptions()
	opt.Timeout = 100 * time.Millisecond
	opt.Retries = 1
	r := checkOne(t, opt, s.URL)
	if r.State != Dead || r.Kind != KindTimeout {
		t.Fatalf("got %v %s %q, want a timeout", r.State, r.Kind, r.Reason)
	}
	if want := "timed out after 100ms (after 1 retry)"; r.Reason != want {
		t.Errorf("reason %q, want %q", r.Reason, want)
	}
	if s.hits() != 2 {
		t.Errorf("%d requests, want 2 (first try and one retry)", s.hits())
	}
}

// hijackClose drops the connection without an answer.
func hijackClose(w http.ResponseWriter) {
	c, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		panic(err)
	}
	if tc, ok := c.(*net.TCPConn); ok {
		_ = tc.SetLinger(0) // an RST, not a FIN
	}
	_ = c.Close() // the abrupt close is the point; the client sees the error
}

func TestConnectionReset(t *testing.T) {
	t.Run("recovers", func(t *testing.T) {
		s := serve(t, func(w http.ResponseWriter, _ *http.Request, n int) {
			if n <= 2 {
				hijackClose(w)
				return
			}
			w.WriteHeader(200)
		})
		r := checkOne(t, testOptions(), s.URL)
		if r.State != OK {
			t.Fatalf("state %v (%s), want OK", r.State, r.Reason)
		}
		// A reset on HEAD falls back to GET at once, then GET is retried.
		if got := s.methods(); got != "HEAD,GET,GET" {
			t.Errorf("server saw %s, want HEAD,GET,GET", got)
		}
	})
	t.Run("always", func(t *testing.T) {
		s := serve(t, func(w http.ResponseWriter, _ *http.Request, _ int) { hijackClose(w) })
		r := checkOne(t, testOptions(), s.URL)
		if r.State != Dead || r.Kind != KindReset || r.Reason != "connection reset (after 2 retries)" {
			t.Errorf("got %v %s %q", r.State, r.Kind, r.Reason)
		}
		if s.hits() != 4 {
			t.Errorf("%d requests, want 4", s.hits())
		}
	})
}

func TestConnectionRefused(t *testing.T) {
	addr := linttest.ClosedAddr(t)
	opt := testOptions()
	opt.Retries = 1
	r := checkOne(t, opt, "http://"+addr+"/")
	if r.State != Dead || r.Kind != KindRefused || r.Reason != "connection refused (after 1 retry)" {
		t.Errorf("got %v %s %q", r.State, r.Kind, r.Reason)
	}
}

func TestRedirects(t *testing.T) {
	s := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		p := r.URL.Path
		switch {
		case p == "/perm":
			http.Redirect(w, r, "/perm2", http.StatusMovedPermanently)
		case p == "/perm2":
			http.Redirect(w, r, "/final", http.StatusPermanentRedirect)
		case p == "/temp":
			http.Redirect(w, r, "/final", http.StatusFound)
		case p == "/perm-then-temp":
			http.Redirect(w, r, "/temp", http.StatusMovedPermanently)
		case p == "/a":
			http.Redirect(w, r, "/b", http.StatusFound)
		case p == "/b":
			http.Redirect(w, r, "/a", http.StatusFound)
		case strings.HasPrefix(p, "/hop/"):
			n, err := strconv.Atoi(strings.TrimPrefix(p, "/hop/"))
			if err != nil {
				w.WriteHeader(http.StatusBadRequest)
				return
			}
			if n == 0 {
				w.WriteHeader(200)
				return
			}
			http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusFound)
		case p == "/final":
			w.WriteHeader(200)
		default:
			w.WriteHeader(404)
		}
	})
	tests := []struct {
		path  string
		state State
		kind  string
		moved string
	}{
		{"/perm", OK, "", "/final"},
		{"/temp", OK, "", ""},
		{"/perm-then-temp", OK, "", "/temp"},
		{"/a", Dead, KindLoop, ""},
		{"/hop/10", OK, "", ""},
		{"/hop/11", Dead, KindRedirects, ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := checkOne(t, testOptions(), s.URL+tt.path)
			if r.State != tt.state || r.Kind != tt.kind {
				t.Fatalf("got %v %q %q, want %v %q", r.State, r.Kind, r.Reason, tt.state, tt.kind)
			}
			want := ""
			if tt.moved != "" {
				want = s.URL + tt.moved
			}
			if r.Moved != want {
				t.Errorf("moved %q, want %q", r.Moved, want)
			}
		})
	}
	r := checkOne(t, testOptions(), s.URL+"/a")
	if want := "redirect loop: " + s.URL + "/a -> " + s.URL + "/b -> " + s.URL + "/a"; r.Reason != want {
		t.Errorf("reason %q, want %q", r.Reason, want)
	}
}

func TestHeadFallback(t *testing.T) {
	for _, code := range []int{405, 404, 403, 501} {
		t.Run(fmt.Sprint(code), func(t *testing.T) {
			s := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
				if r.Method == http.MethodHead {
					w.WriteHeader(code)
					return
				}
				w.WriteHeader(200)
			})
			if r := checkOne(t, testOptions(), s.URL); r.State != OK {
				t.Errorf("state %v (%s), want OK", r.State, r.Reason)
			}
			if got := s.methods(); got != "HEAD,GET" {
				t.Errorf("server saw %s, want HEAD,GET", got)
			}
		})
	}
}

// bigBody serves 20 MB and reports how much was written before the client
// went away, and whether all of it was.
func bigBody(t *testing.T, contentType string, prefix string) (*server, chan int64) {
	done := make(chan int64, 4)
	s := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		if r.Method == http.MethodHead {
			w.WriteHeader(405)
			return
		}
		w.Header().Set("Content-Type", contentType)
		w.Header().Set("Content-Length", fmt.Sprint(20<<20))
		var n int64
		m, err := w.Write([]byte(prefix))
		n += int64(m)
		chunk := []byte(strings.Repeat("<p>filler</p>\n", 32<<10/14+1))[:32<<10]
		for err == nil && n < 20<<20 {
			m, err = w.Write(chunk[:min(int64(len(chunk)), 20<<20-n)])
			n += int64(m)
		}
		done <- n
	})
	return s, done
}

func TestLargeBodyNotRead(t *testing.T) {
	t.Run("status only", func(t *testing.T) {
		s, done := bigBody(t, "application/octet-stream", "")
		if r := checkOne(t, testOptions(), s.URL); r.State != OK {
			t.Fatalf("state %v (%s)", r.State, r.Reason)
		}
		select {
		case n := <-done:
			if n >= 20<<20 {
				t.Errorf("server wrote all %d bytes: the body was read whole", n)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("server handler still writing: client did not abort")
		}
	})
	t.Run("fragment", func(t *testing.T) {
		s, done := bigBody(t, "text/html", `<h1 id="top-heading">x</h1>`)
		// Scanning 5 MB of HTML under -race on a busy machine can take
		// longer than the usual test timeout; this test is about bytes.
		opt := testOptions()
		opt.Timeout = time.Minute
		res := check(t, opt, s.URL+"#top-heading", s.URL+"#nowhere")
		if r := res[s.URL+"#top-heading"]; r.State != OK || r.FragmentMissing {
			t.Errorf("fragment at the start: %v missing=%v", r.State, r.FragmentMissing)
		}
		if r := res[s.URL+"#nowhere"]; !r.FragmentMissing || !r.Truncated {
			t.Errorf("fragment absent: missing=%v truncated=%v", r.FragmentMissing, r.Truncated)
		}
		select {
		case n := <-done:
			if n >= 20<<20 {
				t.Errorf("server wrote all %d bytes: the body was read whole", n)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("server handler still writing: client did not abort")
		}
	})
}

const page = `<!doctype html><html><body>
<h2 id="intro">Intro</h2>
<a name="legacy"></a>
<div id="user-content-readme">x</div>
<!-- <p id="commented"></p> -->
</body></html>`

func TestFragments(t *testing.T) {
	s := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = io.WriteString(w, page) // a failed write shows up as the client's error
	})
	tests := []struct {
		frag    string
		missing bool
	}{
		{"#intro", false},
		{"#legacy", false},
		{"#readme", false}, // GitHub's user-content- prefix
		{"#missing", true},
		{"#commented", true},
		{"#:~:text=Intro", false},
		{"#intro:~:text=Intro", false},
		{"#", false},
		{"#top", false},
	}
	var urls []string
	for _, tt := range tests {
		urls = append(urls, s.URL+"/doc"+tt.frag)
	}
	res := check(t, testOptions(), urls...)
	for _, tt := range tests {
		r := res[s.URL+"/doc"+tt.frag]
		if r.State != OK || r.FragmentMissing != tt.missing {
			t.Errorf("%s: state %v missing %v, want missing %v", tt.frag, r.State, r.FragmentMissing, tt.missing)
		}
	}
	if got := s.methods(); got != "GET" {
		t.Errorf("server saw %s, want one GET for all fragments", got)
	}

	opt := testOptions()
	opt.Fragments = false
	if r := checkOne(t, opt, s.URL+"/other#missing"); r.FragmentMissing {
		t.Error("fragment checked with fragments off")
	}
}

func TestFragmentNotHTML(t *testing.T) {
	s := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"id":"x"}`) // a failed write shows up as the client's error
	})
	if r := checkOne(t, testOptions(), s.URL+"/#x"); r.State != OK || r.FragmentMissing {
		t.Errorf("non-HTML page: %v missing=%v", r.State, r.FragmentMissing)
	}
}

func TestDeduplicated(t *testing.T) {
	s := serve(t, status(200))
	var urls []string
	for range 50 {
		urls = append(urls, s.URL+"/same")
	}
	u, _ := url.Parse(s.URL)
	urls = append(urls, "HTTP://"+strings.ToUpper(u.Host)+"/same", s.URL+"/same#a", s.URL+"/same#b")
	res := check(t, testOptions(), urls...)
	if len(res) != 4 {
		t.Errorf("%d results, want one per distinct spelling (4)", len(res))
	}
	for k, r := range res {
		if r.State != OK {
			t.Errorf("%s: %v", k, r.State)
		}
	}
	if s.hits() != 1 {
		t.Errorf("%d requests (%s), want exactly 1", s.hits(), s.methods())
	}
}

func TestPerHostLimit(t *testing.T) {
	s := serve(t, func(w http.ResponseWriter, _ *http.Request, _ int) {
		time.Sleep(20 * time.Millisecond)
		w.WriteHeader(200)
	})
	opt := testOptions()
	opt.PerHost = 3
	var urls []string
	for i := range 40 {
		urls = append(urls, fmt.Sprintf("%s/p%d", s.URL, i))
	}
	for u, r := range check(t, opt, urls...) {
		if r.State != OK {
			t.Errorf("%s: %v %s", u, r.State, r.Reason)
		}
	}
	if p := s.peak.Load(); p > 3 {
		t.Errorf("%d requests in flight at once, over the per-host limit of 3", p)
	} else if p < 2 {
		t.Errorf("peak %d in flight: requests were not concurrent at all", p)
	}
	if s.hits() != 40 {
		t.Errorf("%d requests, want 40", s.hits())
	}
}

// HostInterval spaces the starts of requests to one host. The schedule is
// checked on a fake clock, so the test measures no time; the loopback run
// checks that every request still goes out.
func TestHostInterval(t *testing.T) {
	h := newHost(3, 100*time.Millisecond)
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	var starts []time.Duration
	t0 := now
	h.now = func() time.Time { return now }
	h.wait = func(_ context.Context, d time.Duration) error { now = now.Add(d); return nil }
	for range 3 {
		if err := h.acquire(context.Background()); err != nil {
			t.Fatal(err)
		}
		starts = append(starts, now.Sub(t0))
		now = now.Add(10 * time.Millisecond) // the request takes 10ms
		h.release()
	}
	if want := []time.Duration{0, 100 * time.Millisecond, 200 * time.Millisecond}; !slices.Equal(starts, want) {
		t.Errorf("starts at %v, want %v", starts, want)
	}
	// A pause (a 429's Retry-After) holds the next start back further.
	h.pause(time.Second)
	if err := h.acquire(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := now.Sub(t0); got != 210*time.Millisecond+time.Second {
		t.Errorf("start after a 1s pause at %v, want %v", got, 210*time.Millisecond+time.Second)
	}
	h.release()

	s := serve(t, status(200))
	opt := testOptions()
	opt.HostInterval = 20 * time.Millisecond
	check(t, opt, s.URL+"/1", s.URL+"/2", s.URL+"/3")
	if n := len(s.log()); n != 3 {
		t.Fatalf("%d requests, want 3", n)
	}
}

func TestPrivateBlocked(t *testing.T) {
	s := serve(t, status(200))
	u, _ := url.Parse(s.URL)
	opt := testOptions()
	opt.AllowPrivate = false
	urls := []string{s.URL + "/", "http://localhost:" + u.Port() + "/"}
	res := check(t, opt, urls...)
	for _, raw := range urls {
		r := res[raw]
		if r.State != Skipped || r.Kind != KindBlocked || !strings.Contains(r.Reason, "127.0.0.1") {
			t.Errorf("%s: got %v %s %q, want skipped", raw, r.State, r.Kind, r.Reason)
		}
	}
	if s.hits() != 0 {
		t.Errorf("%d requests reached the loopback server", s.hits())
	}
}

// TestPrivateBlockedOnRedirect checks every hop: the first server is allowed,
// the redirect target on 127.0.0.2 plays the private address.
func TestPrivateBlockedOnRedirect(t *testing.T) {
	inner := serveOn(t, "127.0.0.2:0", status(200))
	outer := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		http.Redirect(w, r, inner.URL+"/latest/meta-data/", http.StatusFound)
	})
	c, err := New(Options{Retries: 1, Backoff: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	private := netip.MustParseAddr("127.0.0.2")
	c.guard.blocked = func(ip netip.Addr) bool { return ip == private }
	r := c.Check(context.Background(), []string{outer.URL})[outer.URL]
	if r.State != Skipped || r.Reason != "127.0.0.2 is a non-public address" {
		t.Errorf("got %v %q, want skipped", r.State, r.Reason)
	}
	if outer.hits() == 0 || inner.hits() != 0 {
		t.Errorf("outer saw %d, inner %d requests; want some and none", outer.hits(), inner.hits())
	}
}

func TestIsPrivate(t *testing.T) {
	for _, s := range []string{"127.0.0.1", "127.8.9.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
		"169.254.169.254", "0.0.0.0", "0.1.2.3", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"} {
		if !isPrivate(netip.MustParseAddr(s)) {
			t.Errorf("%s not blocked", s)
		}
	}
	for _, s := range []string{"8.8.8.8", "172.32.0.1", "192.169.0.1", "2606:4700::1111", "203.0.113.7"} {
		if isPrivate(netip.MustParseAddr(s)) {
			t.Errorf("%s blocked", s)
		}
	}
}

func TestProxy(t *testing.T) {
	proxy := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		if r.URL.Host != "203.0.113.7" {
			w.WriteHeader(502)
			return
		}
		w.WriteHeader(200)
	})
	pu, _ := url.Parse(proxy.URL)
	opt := testOptions()
	opt.AllowPrivate = false // the proxy itself is trusted configuration
	opt.Proxy = func(*url.URL) (*url.URL, error) { return pu, nil }
	res := check(t, opt, "http://203.0.113.7/page", "http://127.0.0.1:9/admin")
	if r := res["http://203.0.113.7/page"]; r.State != OK {
		t.Errorf("through the proxy: %v %s", r.State, r.Reason)
	}
	if r := res["http://127.0.0.1:9/admin"]; r.State != Skipped {
		t.Errorf("private target through the proxy: %v %s, want skipped", r.State, r.Reason)
	}
	if proxy.hits() != 1 {
		t.Errorf("proxy saw %d requests, want 1", proxy.hits())
	}
}

// TestProxyUnresolvedTarget checks that the guard fails open on a name the
// local resolver cannot answer: the proxy resolves it (Go never sends .onion
// names to DNS, RFC 7686, so the local lookup fails without the network).
func TestProxyUnresolvedTarget(t *testing.T) {
	const target = "http://example2onionaddressxyz.onion/page"
	proxy := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		if r.URL.String() != target {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
	pu, _ := url.Parse(proxy.URL)
	opt := testOptions()
	opt.AllowPrivate = false
	opt.Proxy = func(*url.URL) (*url.URL, error) { return pu, nil }
	res := check(t, opt, target)
	if r := res[target]; r.State != OK {
		t.Errorf("unresolved name through the proxy: %v %s, want OK", r.State, r.Reason)
	}
	if proxy.hits() != 1 {
		t.Errorf("proxy saw %d requests, want 1", proxy.hits())
	}
}

func TestHeadersAndCredentials(t *testing.T) {
	other := serveOn(t, "127.0.0.2:0", status(404))
	s := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		if r.URL.Path == "/away" {
			http.Redirect(w, r, strings.Replace(other.URL, "://", "://bob:hunter2@", 1)+"/gone", http.StatusFound)
			return
		}
		w.WriteHeader(200)
	})
	opt := testOptions()
	opt.Headers = map[string]map[string]string{"127.0.0.1": {"Authorization": "Bearer ${TEST_TOKEN}"}}
	opt.Getenv = func(k string) string { return map[string]string{"TEST_TOKEN": "t0k3n"}[k] }
	withCreds := strings.Replace(s.URL, "://", "://alice:s3cret@", 1)
	res := check(t, opt, s.URL+"/ok", withCreds+"/away")
	a := s.log()[0]
	if got := a.header.Get("Authorization"); got != "Bearer t0k3n" {
		t.Errorf("Authorization %q, want the expanded token", got)
	}
	if got := a.header.Get("User-Agent"); got != "contentlint/test (+https://github.com/contentlint/contentlint)" {
		t.Errorf("User-Agent %q", got)
	}
	for _, a := range other.log() {
		if strings.Contains(a.header.Get("Authorization"), "t0k3n") {
			t.Error("the token for 127.0.0.1 was sent to another host after a redirect")
		}
	}
	r := res[withCreds+"/away"]
	if r.State != Dead {
		t.Errorf("state %v, want dead", r.State)
	}
	all := fmt.Sprintf("%+v", *r)
	if strings.Contains(all, "s3cret") || strings.Contains(all, "hunter2") || strings.Contains(all, "alice") {
		t.Errorf("credentials leak in %s", all)
	}
	if bad := checkOne(t, opt, "http://carol:pw@exa mple.com/"); strings.Contains(fmt.Sprintf("%+v", *bad), "pw") ||
		bad.Kind != KindInvalid {
		t.Errorf("invalid URL result %+v", *bad)
	}
}

func TestExcluded(t *testing.T) {
	s := serve(t, status(500))
	opt := testOptions()
	opt.Exclude = []string{`/private/`}
	if r := checkOne(t, opt, s.URL+"/private/x"); r.State != Excluded {
		t.Errorf("state %v, want excluded", r.State)
	}
	if s.hits() != 0 {
		t.Errorf("%d requests to an excluded URL", s.hits())
	}
}

func TestCancel(t *testing.T) {
	fast := serve(t, status(200))
	slowHit := make(chan struct{}, 1)
	slow := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		slowHit <- struct{}{}
		<-r.Context().Done()
	})
	cache := OpenCache(t.TempDir()+"/links.json", time.Hour, nil)
	opt := testOptions()
	opt.Cache = cache
	c, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-slowHit
		for deadline := time.Now().Add(5 * time.Second); cache.Len() == 0 && time.Now().Before(deadline); {
			time.Sleep(5 * time.Millisecond)
		}
		cancel()
	}()
	res := c.Check(ctx, []string{fast.URL + "/", slow.URL + "/"})
	if r := res[fast.URL+"/"]; r.State != OK {
		t.Errorf("fast: %v", r.State)
	}
	if r := res[slow.URL+"/"]; r.State != Canceled {
		t.Errorf("slow: %v, want canceled", r.State)
	}
	if err := cache.Save(); err != nil {
		t.Fatal(err)
	}
	again := OpenCache(cache.path, time.Hour, nil)
	if again.get(fast.URL+"/") == nil || again.Len() != 1 {
		t.Errorf("saved cache holds %d entries, want the completed one", again.Len())
	}
}

func TestProgress(t *testing.T) {
	s := serve(t, status(200))
	var buf strings.Builder
	opt := testOptions()
	opt.Progress = &buf
	check(t, opt, s.URL+"/1", s.URL+"/2")
	if !strings.Contains(buf.String(), "checking links") || !strings.Contains(buf.String(), "/2, ") {
		t.Errorf("progress output %q", buf.String())
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, key string }{
		{"HTTPS://Example.COM", "https://example.com/"},
		{"https://example.com:443/a?b=1#frag", "https://example.com/a?b=1"},
		{"http://example.com:80/", "http://example.com/"},
		{"http://example.com:8080/x", "http://example.com:8080/x"},
		{"http://[::1]:80/", "http://[::1]/"},
	}
	for _, tt := range tests {
		_, key, err := normalize(tt.in)
		if err != nil || key != tt.key {
			t.Errorf("normalize(%q) = %q, %v; want %q", tt.in, key, err, tt.key)
		}
	}
	for _, bad := range []string{"ftp://x/", "http:///path", "mailto:a@b"} {
		if _, _, err := normalize(bad); err == nil {
			t.Errorf("normalize(%q): no error", bad)
		}
	}
}

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://user:pass@example.com/x", "https://REDACTED@example.com/x"},
		{"https://token@example.com/", "https://REDACTED@example.com/"},
		{"https://example.com/a@b", "https://example.com/a@b"},
		{"http://u:p@exa mple.com/", "http://REDACTED@exa mple.com/"},
	}
	for _, tt := range tests {
		if got := Redact(tt.in); got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestBlockedErrorIs(t *testing.T) {
	var be *BlockedError
	err := fmt.Errorf("dial: %w", &BlockedError{Host: "h", IP: netip.MustParseAddr("10.0.0.1")})
	if !errors.As(err, &be) || be.Error() != "h resolves to the non-public address 10.0.0.1" {
		t.Errorf("got %v", err)
	}
}

// TestBackoffCapped: the exponential wait stops growing at MaxBackoff, the
// and never overflows with many retries.
func TestBackoffCapped(t *testing.T) {
	c, err := New(Options{Backoff: time.Second, MaxBackoff: 5 * time.Second, Retries: 100})
	if err != nil {
		t.Fatal(err)
	}
	for attempt := 0; attempt < 100; attempt++ {
		if d := c.backoff(attempt); d <= 0 || d > 5*time.Second {
			t.Fatalf("attempt %d: backoff %v, want within (0, 5s]", attempt, d)
		}
	}
	if d := c.backoff(0); d < 500*time.Millisecond || d > time.Second {
		t.Errorf("first backoff %v, want 0.5-1s", d)
	}
}

// TestProxyAddressNotExemptWhenDirect: the proxy's own address is trusted only
// for proxied requests. A link straight to it that is not proxied (loopback
// targets never are, as with NO_PROXY) still goes through the guard.
func TestProxyAddressNotExemptWhenDirect(t *testing.T) {
	proxy := serve(t, status(200))
	pu, _ := url.Parse(proxy.URL)
	opt := testOptions()
	opt.AllowPrivate = false
	opt.Proxy = func(u *url.URL) (*url.URL, error) {
		if ip := net.ParseIP(u.Hostname()); ip != nil && ip.IsLoopback() {
			return nil, nil // what httpproxy does for loopback targets
		}
		return pu, nil
	}
	c, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	if r := c.Check(context.Background(), []string{"http://203.0.113.7/page"})["http://203.0.113.7/page"]; r.State != OK {
		t.Fatalf("through the proxy: %v %s", r.State, r.Reason)
	}
	direct := proxy.URL + "/admin"
	if r := c.Check(context.Background(), []string{direct})[direct]; r.State != Skipped {
		t.Errorf("direct link to the proxy's loopback address: %v %s, want skipped", r.State, r.Reason)
	}
	if proxy.hits() != 1 {
		t.Errorf("proxy saw %d requests, want only the proxied one", proxy.hits())
	}
}

// checkWhileRetrying checks urls with retries that wait an hour, and cancels
// the check once want URLs have succeeded (or after 10 s, which fails the
// test): a retry that held a worker or a host slot while it waits would keep
// them from being checked.
func checkWhileRetrying(t *testing.T, opt Options, want int, urls ...string) map[string]*Result {
	t.Helper()
	opt.Retries, opt.Backoff, opt.MaxBackoff = 1, time.Hour, time.Hour
	opt.Cache = OpenCache(filepath.Join(t.TempDir(), "links.json"), time.Hour, nil)
	c, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		defer cancel()
		for deadline := time.Now().Add(10 * time.Second); opt.Cache.Len() < want && time.Now().Before(deadline); {
			time.Sleep(5 * time.Millisecond)
		}
	}()
	return c.Check(ctx, urls)
}

// TestRetryHoldsNoWorker: with one worker, a URL waiting out its backoff
// leaves the worker to the other URLs.
func TestRetryHoldsNoWorker(t *testing.T) {
	failing := serve(t, status(500))
	ok := serve(t, status(200))
	opt := testOptions()
	opt.Concurrency = 1
	res := checkWhileRetrying(t, opt, 3, failing.URL+"/a", ok.URL+"/1", ok.URL+"/2", ok.URL+"/3")
	for _, p := range []string{"/1", "/2", "/3"} {
		if r := res[ok.URL+p]; r.State != OK {
			t.Errorf("%s: %v, want OK while the other URL waits to retry", p, r.State)
		}
	}
	if r := res[failing.URL+"/a"]; r.State != Canceled {
		t.Errorf("failing URL: %v %q, want canceled while it waits", r.State, r.Reason)
	}
	if got := failing.methods(); got != "HEAD,GET" {
		t.Errorf("failing server saw %s, want HEAD,GET (the retry still waiting)", got)
	}
}

// TestRetryHoldsNoHostSlot: with one slot per host, a URL waiting to retry
// lets the host's other URLs through.
func TestRetryHoldsNoHostSlot(t *testing.T) {
	s := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		if r.URL.Path == "/a" {
			w.WriteHeader(502)
		}
	})
	opt := testOptions()
	opt.Concurrency, opt.PerHost = 4, 1
	res := checkWhileRetrying(t, opt, 2, s.URL+"/a", s.URL+"/b", s.URL+"/c")
	for _, p := range []string{"/b", "/c"} {
		if r := res[s.URL+p]; r.State != OK {
			t.Errorf("%s: %v, want OK while /a waits to retry", p, r.State)
		}
	}
	var paths []string
	for _, a := range s.log() {
		paths = append(paths, a.method+" "+a.path)
	}
	if got, want := strings.Join(paths, ","), "HEAD /a,GET /a,HEAD /b,HEAD /c"; got != want {
		t.Errorf("server saw %s, want %s", got, want)
	}
	if p := s.peak.Load(); p > 1 {
		t.Errorf("%d requests in flight at once, over the per-host limit of 1", p)
	}
}
