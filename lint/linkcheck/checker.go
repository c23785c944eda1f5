// Package linkcheck checks external URLs over HTTP: each unique URL once,
// within global and per-host limits, with retries, redirect handling,
// fragment checks, a private-address guard and a persistent cache.
package linkcheck

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/net/http/httpproxy"
)

// Defaults for zero Options fields.
const (
	DefaultTimeout       = 15 * time.Second
	DefaultMaxRetryAfter = 60 * time.Second
	// Chosen with BenchmarkLimits and the peers' comparison; the README's
	// External links section gives the figures and the reasoning.
	DefaultConcurrency = 64
	DefaultPerHost     = 4
	DefaultBackoff     = 500 * time.Millisecond
	DefaultMaxBackoff  = 10 * time.Second
	DefaultRetries     = 3
	MaxRedirects       = 10
)

// Options configure a Checker. Zero values take the defaults above.
type Options struct {
	Timeout       time.Duration
	Concurrency   int
	PerHost       int
	HostInterval  time.Duration
	Retries       int // retries after the first attempt
	MaxRetryAfter time.Duration
	Backoff       time.Duration // first retry delay; doubles each time, with jitter
	MaxBackoff    time.Duration // cap on one retry delay
	Accept        []string      // status codes or ranges, default 200-299
	// Hosts are status rules per host name (a name also covers its
	// subdomains): codes accepted besides Accept, and codes that make a
	// dead URL a warning.
	Hosts   map[string]HostRule
	Exclude []string // regular expressions of URLs never fetched
	// Headers are extra request headers per host name; values expand ${VAR}
	// from Getenv (default os.Getenv).
	Headers map[string]map[string]string
	Getenv  func(string) string
	// GitHubToken (GITHUB_TOKEN) is sent to github.com, api.github.com and
	// raw.githubusercontent.com only.
	GitHubToken  string
	AllowPrivate bool
	Fragments    bool
	UserAgent    string
	// Proxy picks a proxy per request; nil uses HTTP_PROXY, HTTPS_PROXY and
	// NO_PROXY from the environment.
	Proxy func(*url.URL) (*url.URL, error)
	Cache *Cache
	// Progress receives a progress bar; nil for none.
	Progress io.Writer
}

// HostRule is the status rules of one host.
type HostRule struct {
	Accept []string
	Warn   []string
}

type hostRule struct {
	name         string
	accept, warn []statusRange
}

// State is the verdict on a URL.
type State int

// States.
const (
	OK       State = iota
	Dead           // the URL is broken; Kind and Reason say how
	Skipped        // not fetched: the guard blocked a non-public address
	Excluded       // matched an exclusion pattern
	Canceled       // the run was interrupted before the URL was checked
)

// Failure kinds of a Dead result.
const (
	KindStatus    = "status"
	KindDNS       = "dns"
	KindTLS       = "tls"
	KindRefused   = "refused"
	KindReset     = "reset"
	KindTimeout   = "timeout"
	KindLoop      = "loop"
	KindRedirects = "redirects"
	KindInvalid   = "invalid"
	KindBlocked   = "blocked"
	KindError     = "error"
)

// Result is the verdict on one URL as written (fragment included). URLs in it
// are redacted.
type Result struct {
	URL    string
	State  State
	Kind   string
	Code   int    // final HTTP status, 0 without one
	Reason string // why it is dead or skipped, for people
	// Moved is where the leading permanent redirects (301, 308) lead, "" when
	// the first answer was not one; Final is the end of the chain.
	Moved string
	Final string
	// Fragment is the fragment looked for; FragmentMissing is true when the
	// page was read and has no such id or name.
	Fragment        string
	FragmentMissing bool
	Truncated       bool // the page was longer than MaxHTML
	Cached          bool
	// Net is the stage at which a dead URL failed without an answer
	// (NetDNS, NetResolver, NetConnect), "" when the server answered.
	Net string
	// Warn is true when the host's rules (Options.Hosts) make this dead
	// URL's final status a warning.
	Warn bool
	host string // the host:port the URL was fetched from
	// History is the failure streak of a dead URL, this run included; zero
	// without a cache.
	History History
}

// Checker checks URLs. It is safe to use once per run.
type Checker struct {
	opt      Options
	accept   []statusRange
	hostRule []hostRule // longest name first, so the most specific wins
	// token is GITHUB_TOKEN; tokenFor says which URLs may carry it.
	token    string
	tokenFor func(*url.URL) bool
	exclude  []*regexp.Regexp
	client   *http.Client
	guard    *guard
	hostsMu  sync.Mutex
	hosts    map[string]*host
	requests atomic.Int64
}

// New validates the options and builds a checker.
func New(opt Options) (*Checker, error) {
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.Concurrency <= 0 {
		opt.Concurrency = DefaultConcurrency
	}
	if opt.PerHost <= 0 {
		opt.PerHost = DefaultPerHost
	}
	if opt.MaxRetryAfter <= 0 {
		opt.MaxRetryAfter = DefaultMaxRetryAfter
	}
	if opt.Backoff <= 0 {
		opt.Backoff = DefaultBackoff
	}
	if opt.MaxBackoff <= 0 {
		opt.MaxBackoff = DefaultMaxBackoff
	}
	if opt.Retries < 0 {
		opt.Retries = 0
	}
	if opt.Getenv == nil {
		opt.Getenv = os.Getenv
	}
	if opt.UserAgent == "" {
		opt.UserAgent = UserAgent("dev")
	}
	if len(opt.Accept) == 0 {
		opt.Accept = []string{"200-299"}
	}
	c := &Checker{opt: opt, hosts: map[string]*host{}}
	var err error
	if c.accept, err = ParseAccept(opt.Accept); err != nil {
		return nil, err
	}
	for name, hr := range opt.Hosts {
		r := hostRule{name: strings.ToLower(strings.TrimSuffix(name, "."))}
		if r.accept, err = ParseAccept(hr.Accept); err != nil {
			return nil, fmt.Errorf("hosts.%s.accept: %w", name, err)
		}
		if r.warn, err = ParseAccept(hr.Warn); err != nil {
			return nil, fmt.Errorf("hosts.%s.warn: %w", name, err)
		}
		c.hostRule = append(c.hostRule, r)
	}
	sort.Slice(c.hostRule, func(a, b int) bool {
		x, y := c.hostRule[a].name, c.hostRule[b].name
		return len(x) > len(y) || len(x) == len(y) && x < y
	})
	c.token, c.tokenFor = strings.TrimSpace(opt.GitHubToken), isGitHub
	for i, x := range opt.Exclude {
		re, err := regexp.Compile(x)
		if err != nil {
			return nil, fmt.Errorf("exclude[%d]: %w", i, err)
		}
		c.exclude = append(c.exclude, re)
	}
	proxy := opt.Proxy
	if proxy == nil {
		proxy = httpproxy.FromEnvironment().ProxyFunc()
	}
	c.guard = newGuard(opt.AllowPrivate, proxy)
	transport := func() *http.Transport {
		return &http.Transport{
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          opt.Concurrency * 2,
			MaxIdleConnsPerHost:   opt.PerHost,
			IdleConnTimeout:       30 * time.Second,
			TLSHandshakeTimeout:   opt.Timeout,
			ExpectContinueTimeout: time.Second,
		}
	}
	direct, proxied := transport(), transport()
	direct.DialContext = c.guard.dial
	proxied.Proxy, proxied.DialContext = c.guard.proxyFor, c.guard.plain.DialContext
	c.client = &http.Client{
		Transport: &route{g: c.guard, direct: direct, proxied: proxied},
		// Redirects are followed by hand to detect loops, count hops and
		// check every hop's address.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	return c, nil
}

// UserAgent is the User-Agent header for a contentlint version.
func UserAgent(version string) string {
	return "contentlint/" + version + " (+https://github.com/contentlint/contentlint)"
}

// ValidateOptions checks the parts of the configuration that can be wrong
// (status ranges, patterns) without building a checker.
func ValidateOptions(accept, exclude []string) error {
	if _, err := ParseAccept(accept); err != nil {
		return err
	}
	for i, x := range exclude {
		if _, err := regexp.Compile(x); err != nil {
			return fmt.Errorf("exclude[%d]: %w", i, err)
		}
	}
	return nil
}

// Requests is the number of HTTP requests sent so far, retries included.
func (c *Checker) Requests() int64 { return c.requests.Load() }

// job is one unique URL to fetch.
type job struct {
	key      string
	u        *url.URL
	needBody bool
	out      outcome
	done     bool
	// Between attempts: the retries made so far, and whether HEAD has
	// already failed in a way that GET may not share.
	retries int
	useGet  bool
	hist    History
}

// Check checks urls (absolute http or https URLs, as written) and returns a
// result for each. Each URL is fetched at most once apart from retries,
// however often it appears and whatever its fragment. When ctx is canceled it
// returns early; unchecked URLs are Canceled.
func (c *Checker) Check(ctx context.Context, urls []string) map[string]*Result {
	results := make(map[string]*Result, len(urls))
	jobs := map[string]*job{}
	keyOf := map[string]string{}
	for _, raw := range urls {
		if _, ok := results[raw]; ok {
			continue
		}
		r := &Result{URL: Redact(raw)}
		results[raw] = r
		if c.excluded(raw) {
			r.State = Excluded
			continue
		}
		u, key, err := normalize(raw)
		if err != nil {
			r.State, r.Kind, r.Reason = Dead, KindInvalid, "invalid URL: "+err.Error()
			continue
		}
		frag, hasFrag := fragmentOf(raw)
		r.Fragment = frag
		j := jobs[key]
		if j == nil {
			j = &job{key: key, u: u}
			jobs[key] = j
		}
		if hasFrag && c.opt.Fragments {
			j.needBody = true
		}
		keyOf[raw] = key
	}

	var pending []*job
	for _, j := range jobs {
		if e := c.cached(j); e != nil {
			j.out, j.done = outcomeFromCache(e), true
			continue
		}
		pending = append(pending, j)
	}

	var bar *progressbar.ProgressBar
	if c.opt.Progress != nil && len(pending) > 0 {
		bar = progressbar.NewOptions(len(pending),
			progressbar.OptionSetWriter(c.opt.Progress),
			progressbar.OptionSetDescription("checking links"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("URL"),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	s := newScheduler(ctx, c, func(j *job) {
		c.store(j)
		if bar != nil {
			_ = bar.Add(1)
		}
	})
	s.run(pending)
	if bar != nil {
		_ = bar.Finish()
	}

	for raw, r := range results {
		key, ok := keyOf[raw]
		if !ok {
			continue
		}
		j := jobs[key]
		if !j.done {
			r.State = Canceled
			continue
		}
		c.fill(r, j)
	}
	return results
}

func (c *Checker) excluded(raw string) bool {
	for _, re := range c.exclude {
		if re.MatchString(raw) {
			return true
		}
	}
	return false
}

func (c *Checker) cached(j *job) *cacheEntry {
	if j.u.User != nil {
		return nil // never store or reuse credentials
	}
	e := c.opt.Cache.get(j.key)
	if e == nil || !c.accepted(j.u, e.Code) || (j.needBody && !e.Body) || (e.Unguarded && !c.opt.AllowPrivate) {
		return nil
	}
	return e
}

// store records successes in the cache, and the failure history of dead
// URLs; failures are always re-checked.
func (c *Checker) store(j *job) {
	o := j.out
	if j.u.User != nil || c.opt.Cache == nil {
		return
	}
	if o.state == Dead {
		j.hist = c.opt.Cache.failed(j.key)
		return
	}
	if o.state != OK {
		return
	}
	c.opt.Cache.succeeded(j.key)
	e := &cacheEntry{Checked: time.Now(), Code: o.code, Final: o.final, Moved: o.moved,
		Body: o.body, HTML: o.html, Truncated: o.truncated, Unguarded: c.opt.AllowPrivate}
	if o.body {
		e.Anchors = make([]string, 0, len(o.anchors))
		for a := range o.anchors {
			e.Anchors = append(e.Anchors, a)
		}
		sort.Strings(e.Anchors)
	}
	c.opt.Cache.put(j.key, e)
}

func outcomeFromCache(e *cacheEntry) outcome {
	o := outcome{state: OK, code: e.Code, final: e.Final, moved: e.Moved, body: e.Body, html: e.HTML,
		truncated: e.Truncated, cached: true}
	if e.Body {
		o.anchors = make(map[string]bool, len(e.Anchors))
		for _, a := range e.Anchors {
			o.anchors[a] = true
		}
	}
	return o
}

// fill turns a job's outcome into the result of one URL as written.
func (c *Checker) fill(r *Result, j *job) {
	o := j.out
	r.State, r.Kind, r.Code, r.Reason, r.Cached, r.Net, r.Warn = o.state, o.kind, o.code, o.reason, o.cached, o.net, o.warn
	r.host, r.History = hostKey(j.u), j.hist
	r.Moved, r.Final = Redact(o.moved), Redact(o.final)
	if o.state == OK && r.Fragment != "" && c.opt.Fragments && o.body && o.html && !hasAnchor(o.anchors, r.Fragment) {
		r.FragmentMissing = true
		r.Truncated = o.truncated
	}
}

// sortedJobs orders jobs by key, so that each host's queue is deterministic.
func sortedJobs(js []*job) []*job {
	sort.Slice(js, func(a, b int) bool { return js[a].key < js[b].key })
	return js
}

func (c *Checker) host(u *url.URL) *host {
	k := hostKey(u)
	c.hostsMu.Lock()
	defer c.hostsMu.Unlock()
	h := c.hosts[k]
	if h == nil {
		h = newHost(c.opt.PerHost, c.opt.HostInterval)
		c.hosts[k] = h
	}
	return h
}

// accepted reports a status accepted from u's host: by Accept, or by the
// host's own rule.
func (c *Checker) accepted(u *url.URL, code int) bool {
	if inRanges(c.accept, code) {
		return true
	}
	r := c.ruleFor(u)
	return r != nil && inRanges(r.accept, code)
}

// ruleFor is the most specific host rule that covers u's host, or nil.
func (c *Checker) ruleFor(u *url.URL) *hostRule {
	h := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	for i := range c.hostRule {
		n := c.hostRule[i].name
		if h == n || strings.HasSuffix(h, "."+n) {
			return &c.hostRule[i]
		}
	}
	return nil
}

func inRanges(rs []statusRange, code int) bool {
	for _, r := range rs {
		if code >= r.lo && code <= r.hi {
			return true
		}
	}
	return false
}

// headersFor returns the configured extra headers of a host, expanded.
func (c *Checker) headersFor(u *url.URL) map[string]string {
	for h, hs := range c.opt.Headers {
		if strings.EqualFold(h, u.Hostname()) || strings.EqualFold(h, u.Host) {
			out := make(map[string]string, len(hs))
			for k, v := range hs {
				out[k] = os.Expand(v, c.opt.Getenv)
			}
			return out
		}
	}
	return nil
}
