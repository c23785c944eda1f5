package linkcheck

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"
)

// TestGitHubToken: GITHUB_TOKEN reaches the GitHub host only, and no hop
// after a redirect that left it, even one that comes back.
func TestGitHubToken(t *testing.T) {
	other := serveOn(t, "127.0.0.2:0", func(w http.ResponseWriter, r *http.Request, _ int) {
		if r.URL.Path == "/back" {
			http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
		}
	})
	gh := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		switch r.URL.Path {
		case "/away":
			http.Redirect(w, r, other.URL+"/x", http.StatusFound)
		case "/round":
			http.Redirect(w, r, other.URL+"/back?to="+url.QueryEscape("http://"+r.Host+"/final"), http.StatusFound)
		}
	})
	ghURL, _ := url.Parse(gh.URL)
	run := func(token string) {
		opt := testOptions()
		opt.GitHubToken = token
		c, err := New(opt)
		if err != nil {
			t.Fatal(err)
		}
		c.tokenFor = func(u *url.URL) bool { return u.Host == ghURL.Host } // the loopback server plays GitHub
		res := c.Check(context.Background(), []string{gh.URL + "/ok", gh.URL + "/away", gh.URL + "/round", other.URL + "/direct"})
		for u, r := range res {
			if r.State != OK {
				t.Errorf("%s: %v %s", u, r.State, r.Reason)
			}
		}
	}
	run("ghp_s3cret")
	got := map[string]string{}
	for _, a := range gh.log() {
		got[a.path] = a.header.Get("Authorization")
	}
	want := map[string]string{"/ok": "Bearer ghp_s3cret", "/away": "Bearer ghp_s3cret", "/round": "Bearer ghp_s3cret", "/final": ""}
	for p, w := range want {
		if g, ok := got[p]; !ok || g != w {
			t.Errorf("GitHub host %s: Authorization %q (seen %v), want %q", p, g, ok, w)
		}
	}
	if len(other.log()) != 3 {
		t.Errorf("other host saw %d requests, want 3", len(other.log()))
	}
	for _, a := range other.log() {
		if a.header.Get("Authorization") != "" {
			t.Errorf("other host %s got Authorization %q", a.path, a.header.Get("Authorization"))
		}
	}
	n := len(gh.log())
	run("")
	for _, a := range gh.log()[n:] {
		if a.header.Get("Authorization") != "" {
			t.Errorf("without GITHUB_TOKEN, %s got Authorization %q", a.path, a.header.Get("Authorization"))
		}
	}
}

func TestIsGitHub(t *testing.T) {
	for raw, want := range map[string]bool{
		"https://github.com/o/r":                      true,
		"https://api.github.com/repos/o/r":            true,
		"https://raw.githubusercontent.com/o/r/x.md":  true,
		"https://GitHub.com./o/r":                     true,
		"https://github.com:443/o":                    true,
		"http://github.com/o/r":                       false, // never in clear text
		"https://github.com:8443/o":                   false,
		"https://gist.github.com/o":                   false,
		"https://github.com.evil.example/o":           false,
		"https://evilgithub.com/o":                    false,
		"https://objects.githubusercontent.com/x":     false,
		"https://raw.githubusercontent.com.example/x": false,
	} {
		u, err := url.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		if got := isGitHub(u); got != want {
			t.Errorf("isGitHub(%s) = %v, want %v", raw, got, want)
		}
	}
}

// TestGitHubRateLimit: a 403 with x-ratelimit-remaining: 0 is waited for
// until x-ratelimit-reset and retried, like a 429; a plain 403 is not.
func TestGitHubRateLimit(t *testing.T) {
	reset := time.Now().Add(time.Second).Unix() + 1
	s := serve(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.URL.Path == "/plain" {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		if n == 1 {
			w.Header().Set("X-Ratelimit-Remaining", "0")
			w.Header().Set("X-Ratelimit-Reset", strconv.FormatInt(reset, 10))
			w.WriteHeader(http.StatusForbidden)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
	opt := testOptions()
	opt.Concurrency = 1
	if r := checkOne(t, opt, s.URL+"/limited"); r.State != OK {
		t.Fatalf("rate-limited URL: %v %s, want OK after the reset", r.State, r.Reason)
	}
	log := s.log()
	if got := s.methods(); got != "HEAD,HEAD" {
		t.Errorf("server saw %s, want HEAD,HEAD (no GET fallback on a rate limit)", got)
	}
	if len(log) == 2 && log[1].at.Unix() < reset {
		t.Errorf("retried at %d, before x-ratelimit-reset %d", log[1].at.Unix(), reset)
	}
	r := checkOne(t, opt, s.URL+"/plain")
	if r.State != Dead || r.Reason != "403 Forbidden" {
		t.Errorf("plain 403: %v %q, want dead without retries", r.State, r.Reason)
	}
}

// TestHostRules: a host's own accepted codes and warning codes; a name
// covers its subdomains, and the most specific name wins.
func TestHostRules(t *testing.T) {
	s := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		switch r.URL.Path {
		case "/bot":
			w.WriteHeader(999)
		case "/forbidden":
			w.WriteHeader(http.StatusForbidden)
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	})
	opt := testOptions()
	opt.Hosts = map[string]HostRule{"127.0.0.1": {Accept: []string{"999"}, Warn: []string{"403"}}, "example.com": {Accept: []string{"404"}}}
	res := check(t, opt, s.URL+"/bot", s.URL+"/forbidden", s.URL+"/missing")
	if r := res[s.URL+"/bot"]; r.State != OK {
		t.Errorf("999 accepted for the host: %v %s", r.State, r.Reason)
	}
	if r := res[s.URL+"/forbidden"]; r.State != Dead || !r.Warn || r.Reason != "403 Forbidden" {
		t.Errorf("403 as a warning: %v warn=%v %q", r.State, r.Warn, r.Reason)
	}
	if r := res[s.URL+"/missing"]; r.State != Dead || r.Warn {
		t.Errorf("404 from another host's rule: %v warn=%v", r.State, r.Warn)
	}
	c, err := New(Options{Hosts: map[string]HostRule{"linkedin.com": {Accept: []string{"999"}}, "www.linkedin.com": {Warn: []string{"999"}}}})
	if err != nil {
		t.Fatal(err)
	}
	for host, want := range map[string]string{"linkedin.com": "linkedin.com", "uk.linkedin.com": "linkedin.com",
		"www.linkedin.com": "www.linkedin.com", "LinkedIn.com.": "linkedin.com", "notlinkedin.com": "", "linkedin.com.evil": ""} {
		r := c.ruleFor(&url.URL{Scheme: "https", Host: host})
		got := ""
		if r != nil {
			got = r.name
		}
		if got != want {
			t.Errorf("rule for %s: %q, want %q", host, got, want)
		}
	}
	if _, err := New(Options{Hosts: map[string]HostRule{"x.example": {Warn: []string{"4xx"}}}}); err == nil {
		t.Error("bad warn range: no error")
	}
}
