package linkcheck

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// drainLimit is how much of an unwanted body is read so the connection can
// be reused; beyond it the connection is closed instead.
const drainLimit = 64 << 10

// outcome is the result of fetching one unique URL.
type outcome struct {
	state     State
	kind      string
	code      int
	reason    string
	moved     string
	final     string
	body      bool // the page was read for anchors
	html      bool
	truncated bool
	anchors   map[string]bool
	cached    bool
	// retryAfter is the server's Retry-After on 429 or 503, 0 without one.
	retryAfter time.Duration
	retries    int
	// net says how a request failed before the server answered anything:
	// NetDNS, NetResolver or NetConnect, "" otherwise.
	net string
	// limited is true for a rate-limit answer: 429, or a 403 with GitHub's
	// x-ratelimit headers. It is retried and waited for like a 429.
	limited bool
	warn    bool // the host's rules make this status a warning
}

// retriable reports failures worth another attempt.
func (o *outcome) retriable() bool {
	switch o.kind {
	case KindTimeout, KindReset, KindRefused:
		return true
	case KindStatus:
		return o.code >= 500 || o.code == 408 || o.code == 429 || o.limited
	}
	return false
}

// headFallback reports a HEAD failure that GET may not share: servers that
// reject or mishandle HEAD. Waiting answers (429, 503) and network failures
// other than a reset are not retried with GET at once.
func (o *outcome) headFallback() bool {
	switch o.kind {
	case KindStatus:
		return o.code != 429 && o.code != 503 && !o.limited
	case KindReset, KindLoop, KindRedirects:
		return true
	}
	return false
}

// try makes one attempt at a URL: HEAD (or GET when the page is needed), and
// GET at once after a HEAD the server got wrong; GET then stays for the
// job's retries. held is the start host's slot, taken by the scheduler.
func (c *Checker) try(ctx context.Context, j *job, held *slot) outcome {
	if j.useGet || j.needBody {
		return c.chain(ctx, j.u, http.MethodGet, j.needBody, held)
	}
	o := c.chain(ctx, j.u, http.MethodHead, false, held)
	if o.state != OK && o.headFallback() && ctx.Err() == nil {
		j.useGet = true
		o = c.chain(ctx, j.u, http.MethodGet, j.needBody, held)
	}
	if ctx.Err() != nil {
		return outcome{state: Canceled}
	}
	return o
}

// backoff is the wait before retry attempt+1: exponential with jitter on the
// upper half, capped at MaxBackoff, and doubled by a loop that stops there so
// it cannot overflow.
func (c *Checker) backoff(attempt int) time.Duration {
	d := c.opt.Backoff
	for i := 0; i < attempt && d < c.opt.MaxBackoff; i++ {
		d *= 2
	}
	d = min(d, c.opt.MaxBackoff)
	return d/2 + rand.N(d/2+1) //nolint:gosec // jitter needs no crypto randomness
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// chain follows redirects by hand from start, up to MaxRedirects hops.
func (c *Checker) chain(ctx context.Context, start *url.URL, method string, needBody bool, held *slot) outcome {
	cur := start
	seen := map[string]bool{}
	var path []string
	moved := ""
	leading := true
	// GITHUB_TOKEN goes to GitHub only, and never again once a redirect
	// has left it.
	token := c.token != ""
	for hop := 0; ; hop++ {
		k := cur.String()
		if seen[k] {
			return outcome{state: Dead, kind: KindLoop, reason: "redirect loop: " + strings.Join(append(path, redactURL(cur)), " -> ")}
		}
		if hop > MaxRedirects {
			return outcome{state: Dead, kind: KindRedirects, reason: fmt.Sprintf("too many redirects (more than %d)", MaxRedirects)}
		}
		seen[k] = true
		path = append(path, redactURL(cur))
		token = token && c.tokenFor(cur)
		o, loc := c.do(ctx, method, cur, needBody, held, token)
		if loc == "" {
			o.final = cur.String()
			o.moved = moved
			return o
		}
		next, err := cur.Parse(loc)
		if err != nil || (next.Scheme != "http" && next.Scheme != "https") || next.Host == "" {
			return outcome{state: Dead, kind: KindInvalid, code: o.code,
				reason: fmt.Sprintf("%d redirect to an invalid or non-HTTP location %q", o.code, Redact(loc))}
		}
		next.Fragment, next.RawFragment = "", ""
		if leading && (o.code == http.StatusMovedPermanently || o.code == http.StatusPermanentRedirect) {
			moved = next.String()
		} else {
			leading = false
		}
		cur = next
	}
}

// do sends one request. It returns the Location of a redirect, or "". A
// request to the held slot's host uses that slot; any other host's slot is
// taken for this request only, after the held one is given up, so that no
// request holds one host's slot while it waits for another's.
func (c *Checker) do(ctx context.Context, method string, u *url.URL, needBody bool, held *slot, token bool) (outcome, string) {
	h, err := held.use(ctx, u)
	if err != nil {
		return outcome{state: Canceled}, ""
	}
	if h == nil {
		held.release()
		h = c.host(u)
		if err := h.acquire(ctx); err != nil {
			return outcome{state: Canceled}, ""
		}
		defer h.release()
	}
	rctx, cancel := context.WithTimeout(ctx, c.opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, method, u.String(), nil)
	if err != nil {
		return outcome{state: Dead, kind: KindInvalid, reason: "invalid URL"}, ""
	}
	req.Header.Set("User-Agent", c.opt.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
	if token {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	for k, v := range c.headersFor(u) {
		req.Header.Set(k, v)
	}
	c.requests.Add(1)
	resp, err := c.client.Do(req)
	if err != nil {
		o := c.failure(ctx, rctx, err)
		o.net = netStage(err)
		return o, ""
	}
	defer func() { _ = resp.Body.Close() }() // read or drained first; a close error changes nothing
	o := outcome{state: OK, code: resp.StatusCode}
	if resp.StatusCode >= 300 && resp.StatusCode < 400 {
		if loc := resp.Header.Get("Location"); loc != "" {
			drain(resp.Body)
			return o, loc
		}
	}
	limitWait, limited := c.rateLimit(resp)
	if !c.accepted(u, resp.StatusCode) {
		o.state, o.kind = Dead, KindStatus
		o.reason = statusText(resp.StatusCode)
		o.limited = resp.StatusCode == 429 || resp.StatusCode == 403 && limited
		if r := c.ruleFor(u); r != nil && inRanges(r.warn, resp.StatusCode) {
			o.warn = true
		}
		switch {
		case o.limited:
			o.retryAfter = c.retryAfter(resp.Header.Get("Retry-After"))
			if limitWait > 0 {
				o.retryAfter = max(o.retryAfter, limitWait)
			}
			h.throttle(o.retryAfter)
		case resp.StatusCode == 503:
			o.retryAfter = c.retryAfter(resp.Header.Get("Retry-After"))
			if o.retryAfter > 0 {
				h.pause(o.retryAfter)
			}
		}
		drain(resp.Body)
		return o, ""
	}
	if limited && limitWait > 0 {
		h.pause(limitWait) // the quota is spent: wait before the next request
	}
	if method != http.MethodGet || !needBody {
		drain(resp.Body)
		return o, ""
	}
	ct, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	o.body = true
	if ct != "text/html" && ct != "application/xhtml+xml" {
		drain(resp.Body)
		return o, ""
	}
	o.html = true
	o.anchors, o.truncated, err = anchors(resp.Body)
	if err != nil {
		f := c.failure(ctx, rctx, err)
		if f.state == Canceled || f.kind == KindTimeout || f.kind == KindReset {
			return f, ""
		}
	}
	return o, ""
}

// drain reads a little of a body so a small one frees its connection for
// reuse; a big one is not read further and its connection is closed.
func drain(r io.Reader) { _, _ = io.CopyN(io.Discard, r, drainLimit) }

func statusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return fmt.Sprintf("%d %s", code, t)
	}
	return fmt.Sprintf("status %d", code)
}

// rateLimit reads GitHub's rate-limit headers: limited is true when
// x-ratelimit-remaining is 0, and wait is the time until x-ratelimit-reset
// (Unix seconds), capped by MaxRetryAfter.
func (c *Checker) rateLimit(resp *http.Response) (wait time.Duration, limited bool) {
	if strings.TrimSpace(resp.Header.Get("X-Ratelimit-Remaining")) != "0" {
		return 0, false
	}
	reset, err := strconv.ParseInt(strings.TrimSpace(resp.Header.Get("X-Ratelimit-Reset")), 10, 64)
	if err != nil {
		return 0, true
	}
	if d := time.Until(time.Unix(reset, 0)); d > 0 {
		return min(d, c.opt.MaxRetryAfter), true
	}
	return 0, true
}

// retryAfter parses delay-seconds or an HTTP date, capped by MaxRetryAfter.
func (c *Checker) retryAfter(v string) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	var d time.Duration
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		d = time.Duration(n) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = time.Until(t)
	}
	if d <= 0 {
		return 0
	}
	return min(d, c.opt.MaxRetryAfter)
}

// failure classifies a transport error. Messages never include the URL, so
// credentials in it cannot leak.
func (c *Checker) failure(ctx, rctx context.Context, err error) outcome {
	if ctx.Err() != nil {
		return outcome{state: Canceled}
	}
	var be *BlockedError
	var dns *net.DNSError
	var ue *url.Error
	inner := err
	if errors.As(err, &ue) {
		inner = ue.Err
	}
	switch {
	case errors.As(err, &be):
		return outcome{state: Skipped, kind: KindBlocked, reason: be.Error()}
	case errors.Is(rctx.Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		return outcome{state: Dead, kind: KindTimeout, reason: fmt.Sprintf("timed out after %s", c.opt.Timeout)}
	case errors.As(err, &dns):
		o := outcome{state: Dead, kind: KindDNS, reason: "DNS lookup failed: " + dnsReason(dns)}
		if dns.IsTimeout || dns.IsTemporary {
			o.kind = KindTimeout
		}
		return o
	case errors.Is(err, syscall.ECONNREFUSED):
		return outcome{state: Dead, kind: KindRefused, reason: "connection refused"}
	case errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.EPIPE) || strings.Contains(inner.Error(), "server closed") ||
		strings.Contains(inner.Error(), "connection reset"):
		return outcome{state: Dead, kind: KindReset, reason: "connection reset"}
	case isTLS(err):
		return outcome{state: Dead, kind: KindTLS, reason: "TLS failure: " + inner.Error()}
	}
	return outcome{state: Dead, kind: KindError, reason: inner.Error()}
}

// isGitHub reports the URLs that may carry GITHUB_TOKEN: github.com,
// api.github.com and raw.githubusercontent.com, over HTTPS on the default
// port, and no other host (not even a subdomain).
func isGitHub(u *url.URL) bool {
	if p := u.Port(); u.Scheme != "https" || (p != "" && p != "443") {
		return false
	}
	switch strings.ToLower(strings.TrimSuffix(u.Hostname(), ".")) {
	case "github.com", "api.github.com", "raw.githubusercontent.com":
		return true
	}
	return false
}

// Stages at which a request failed without an answer.
const (
	NetDNS      = "dns"      // the name did not resolve
	NetResolver = "resolver" // the resolver itself could not be reached
	NetConnect  = "connect"  // no connection to the resolved address
)

// netStage tells at which stage err stopped a request before any answer.
func netStage(err error) string {
	var dns *net.DNSError
	if errors.As(err, &dns) {
		var op *net.OpError
		if errors.As(dns.UnwrapErr, &op) || strings.Contains(dns.Err, "connect: ") || strings.Contains(dns.Err, "network is unreachable") {
			return NetResolver
		}
		return NetDNS
	}
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return NetConnect
	}
	return ""
}

func dnsReason(e *net.DNSError) string {
	if e.IsNotFound {
		return "no such host " + e.Name
	}
	return e.Err + " (" + e.Name + ")"
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

func isTLS(err error) bool {
	var (
		ua  x509.UnknownAuthorityError
		hn  x509.HostnameError
		ci  x509.CertificateInvalidError
		cv  *tls.CertificateVerificationError
		rh  tls.RecordHeaderError
		al  tls.AlertError
		ech *tls.ECHRejectionError
	)
	return errors.As(err, &ua) || errors.As(err, &hn) || errors.As(err, &ci) || errors.As(err, &cv) ||
		errors.As(err, &rh) || errors.As(err, &al) || errors.As(err, &ech) ||
		strings.Contains(err.Error(), "tls: ")
}
