package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/contentlint/contentlint/lint"
	"github.com/contentlint/contentlint/lint/linkcheck"
)

// The external link family. The four rules share one check per run: the
// first of them to run fetches every URL (through Index.Memo) and each
// reports its own kind of result at every place the URL occurs.

// LinkDead reports external URLs that do not answer.
var LinkDead = &lint.Rule{
	ID:       "link-dead",
	Doc:      "an external URL does not answer with an accepted status",
	Severity: lint.Error,
	Help: "The URL was requested (HEAD, then GET when HEAD fails) and, after retries, answered with a status " +
		"that is not accepted (`links.accept`, default 200-299), or failed: DNS, TLS, connection refused or " +
		"reset, timeout, a redirect loop or more than 10 redirects. The message says which. With " +
		"`links.failAfter` or `links.grace`, a URL that has not yet failed in that many consecutive runs, or for " +
		"that long, is a warning whose message says since when it has been failing (the history is kept in the " +
		"link cache; a success clears it).\n\n" +
		"Bad:\n\n```md\nSee [the spec](https://example.com/old-spec).  <!-- 404 Not Found -->\n```\n\n" +
		"Good:\n\n```md\nSee [the spec](https://example.com/spec).\n```",
	CheckSite: func(p *lint.SitePass) {
		rep := reportExternal(p, func(r *linkcheck.Result) (string, bool) {
			if r.State != linkcheck.Dead {
				return "", false
			}
			return fmt.Sprintf("%s: %s", r.URL, r.Reason), true
		}, nil)
		if rep != nil && rep.netErr != nil {
			p.Fail(rep.netErr) // once, here: the other link rules report no dead URL
		}
	},
}

// LinkRedirect reports external URLs that moved permanently.
var LinkRedirect = &lint.Rule{
	ID:       "link-redirect",
	Doc:      "an external URL redirects permanently (301 or 308)",
	Severity: lint.Info,
	Help: "The server answered 301 or 308: the page has moved for good and the link should name the new " +
		"address, which saves readers a round trip and survives the old one going away.\n\n" +
		"Bad:\n\n```md\n[Go](http://golang.org/doc/)  <!-- 301 to https://go.dev/doc/ -->\n```\n\n" +
		"Good:\n\n```md\n[Go](https://go.dev/doc/)\n```",
	CheckSite: func(p *lint.SitePass) {
		reportExternal(p, func(r *linkcheck.Result) (string, bool) {
			if r.State != linkcheck.OK || r.Moved == "" {
				return "", false
			}
			return fmt.Sprintf("%s redirects permanently to %s", r.URL, r.Moved), true
		}, redirectFix)
	},
}

// LinkFragment reports fragments that the linked page does not define.
var LinkFragment = &lint.Rule{
	ID:       "link-fragment",
	Doc:      "the #fragment of an external URL names no id or name in the page",
	Severity: lint.Warning,
	Help: "For an HTML page, the part after `#` must match an element's `id` or `name` (GitHub's " +
		"`user-content-` prefix counts). `#:~:text=` fragments are not checked. Pages built by JavaScript may " +
		"add ids the HTML does not have; exclude those URLs or turn the rule off. Set `links.fragments: false` " +
		"to fetch status codes only.\n\n" +
		"Bad:\n\n```md\n[Install](https://example.com/docs#instal)\n```\n\n" +
		"Good:\n\n```md\n[Install](https://example.com/docs#install)\n```",
	CheckSite: func(p *lint.SitePass) {
		reportExternal(p, func(r *linkcheck.Result) (string, bool) {
			if r.State != linkcheck.OK || !r.FragmentMissing {
				return "", false
			}
			msg := fmt.Sprintf("%s: the page has no element with id or name %q", r.URL, r.Fragment)
			if r.Truncated {
				msg += fmt.Sprintf(" in its first %d MB", linkcheck.MaxHTML>>20)
			}
			return msg, true
		}, nil)
	},
}

// LinkSkipped reports URLs the private-address guard refused to fetch.
var LinkSkipped = &lint.Rule{
	ID:       "link-skipped",
	Doc:      "an external URL was not checked because it leads to a private or loopback address",
	Severity: lint.Info,
	Help: "By default contentlint connects to no loopback, private (RFC 1918, fc00::/7), link-local " +
		"(including 169.254.169.254) or unspecified address, checked on the resolved IP of every redirect " +
		"hop, so a post cannot make CI probe its internal network. Such links are listed here instead. " +
		"Set `links.allowPrivate: true` to check them, or exclude them with `links.exclude`.\n\n" +
		"Bad:\n\n```md\n[Dashboard](http://10.0.0.5:3000/)\n```\n\n" +
		"Good:\n\n```md\n[Dashboard](https://grafana.example.com/)\n```",
	CheckSite: func(p *lint.SitePass) {
		reportExternal(p, func(r *linkcheck.Result) (string, bool) {
			if r.State != linkcheck.Skipped {
				return "", false
			}
			return fmt.Sprintf("%s not checked: %s (set links.allowPrivate: true to check it)", r.URL, r.Reason), true
		}, nil)
	},
}

// externalOcc is one place an external URL is written.
type externalOcc struct {
	entry *lint.Entry
	rng   lint.Range
	url   string
	// start and end are the URL's byte span in the file, when known.
	start, end int
}

type externalReport struct {
	occ     []externalOcc
	results map[string]*linkcheck.Result
	// netErr is set when the network itself is missing; then no dead URL
	// is reported, only this error.
	netErr error
	// failAfter and grace (links.failAfter, links.grace) keep a dead URL a
	// warning until it has failed in that many runs and for that long.
	failAfter int
	grace     time.Duration
	now       time.Time
}

// history says how long a dead URL has been failing, when link-health
// history is on, and caps it at a warning while it is young.
func (rep *externalReport) history(r *linkcheck.Result) (note string, cap lint.Severity) {
	if r.State != linkcheck.Dead || (rep.failAfter <= 1 && rep.grace <= 0) || r.History.Runs == 0 {
		return "", lint.Off // no history without the cache: an error at once
	}
	h := r.History
	runs := "runs"
	if h.Runs == 1 {
		runs = "run"
	}
	note = fmt.Sprintf("; failing since %s (%d %s)", h.Since.UTC().Format("2006-01-02 15:04 UTC"), h.Runs, runs)
	if h.Runs < rep.failAfter || rep.now.Sub(h.Since) < rep.grace {
		cap = lint.Warning
	}
	return note, cap
}

// reportExternal runs the shared check and reports, at every occurrence, the
// results that message selects. fix, when set, gives the text that should
// replace the URL as written ("" for none).
func reportExternal(p *lint.SitePass, message func(*linkcheck.Result) (string, bool), fix func(r *linkcheck.Result, written string) string) *externalReport {
	rep, _ := p.Index.Memo("rules/links-external", func() any { return checkExternal(p) }).(*externalReport)
	if rep == nil {
		return nil
	}
	for _, o := range rep.occ {
		r := rep.results[o.url]
		if r == nil || (rep.netErr != nil && r.State == linkcheck.Dead) {
			continue
		}
		msg, ok := message(r)
		if !ok {
			continue
		}
		note, limit := rep.history(r)
		msg += note
		if r.State == linkcheck.Dead && r.Warn {
			limit = lint.Warning // links.hosts.<host>.warn
		}
		props := map[string]string{"url": r.URL}
		if r.Code != 0 {
			props["status"] = fmt.Sprint(r.Code)
		}
		if r.Moved != "" {
			props["redirect"] = r.Moved
			if r.Final != r.Moved {
				props["final"] = r.Final // later hops were temporary
			}
		}
		d := lint.Diagnostic{Range: o.rng, Message: msg, Properties: props, Cap: limit}
		if fix != nil && o.end > o.start {
			if rep := fix(r, o.url); rep != "" && rep != o.url {
				d.Fix = &lint.Fix{Message: "replace with " + rep, Start: o.start, End: o.end, Replacement: rep}
			}
		}
		p.Report(o.entry, d)
	}
	return rep
}

// redirectFix is the URL a permanent redirect leads to, keeping the
// fragment written (servers never see it, so the target has none). A URL
// with credentials is left alone: the redirect target was redacted.
func redirectFix(r *linkcheck.Result, written string) string {
	if r.Moved == "" || strings.Contains(r.Moved, "REDACTED") {
		return ""
	}
	moved := r.Moved
	if i := strings.IndexByte(written, '#'); i >= 0 && !strings.Contains(moved, "#") {
		moved += written[i:]
	}
	return moved
}

func checkExternal(p *lint.SitePass) *externalReport {
	rep := &externalReport{}
	if p.Options != nil && p.Options.Offline {
		return rep
	}
	rep.occ = collectExternal(p)
	if len(rep.occ) == 0 {
		return rep
	}
	opt, cache := linkOptions(p)
	c, err := linkcheck.New(opt)
	if err != nil {
		// The configuration was validated when it was read; a config built
		// in code can still get here.
		panic(fmt.Errorf("links: %w", err))
	}
	urls := make([]string, len(rep.occ))
	for i, o := range rep.occ {
		urls[i] = o.url
	}
	rep.results = c.Check(p.Ctx, urls)
	rep.netErr = linkcheck.NetworkDown(rep.results)
	if rep.netErr != nil {
		cache.ForgetFailures() // no link was judged, so no streak grows
	}
	rep.failAfter, rep.grace, rep.now = p.Config.Links.FailAfter, time.Duration(p.Config.Links.Grace), time.Now()
	if cache != nil {
		// Saved even when the run was interrupted: completed results count.
		if err := cache.Save(); err != nil {
			warnf(p, "contentlint: warning: %v\n", err)
		}
	}
	return rep
}

// warnf writes a warning if the run takes them. A warning that cannot be
// written has nowhere else to go, so the write error is dropped.
func warnf(p *lint.SitePass, format string, args ...any) {
	if p.Options != nil && p.Options.Warnings != nil {
		_, _ = fmt.Fprintf(p.Options.Warnings, format, args...)
	}
}

// linkOptions maps the links section of the configuration to the checker's
// options, and opens the cache unless --no-cache was given.
func linkOptions(p *lint.SitePass) (linkcheck.Options, *linkcheck.Cache) {
	lc := p.Config.Links
	retries := linkcheck.DefaultRetries
	if lc.Retries != nil {
		retries = *lc.Retries
	}
	fragments := (lc.Fragments == nil || *lc.Fragments) && !ruleOff(p.Config, "link-fragment")
	opt := linkcheck.Options{
		Timeout: time.Duration(lc.Timeout), Concurrency: lc.Concurrency, PerHost: lc.PerHost,
		HostInterval: time.Duration(lc.HostInterval), Retries: retries, MaxRetryAfter: time.Duration(lc.MaxRetryAfter),
		Backoff: time.Duration(lc.Backoff), MaxBackoff: time.Duration(lc.MaxBackoff),
		Accept: lc.Accept, Exclude: lc.Exclude, Headers: lc.Headers, AllowPrivate: lc.AllowPrivate,
		Fragments: fragments, Getenv: lint.AllowedGetenv(nil),
	}
	if len(lc.Hosts) > 0 {
		opt.Hosts = make(map[string]linkcheck.HostRule, len(lc.Hosts))
		for name, h := range lc.Hosts {
			opt.Hosts[name] = linkcheck.HostRule{Accept: h.Accept, Warn: h.Warn}
		}
	}
	if p.Options == nil {
		return opt, nil
	}
	version := p.Options.Version
	if version == "" {
		version = "dev"
	}
	opt.UserAgent = linkcheck.UserAgent(version)
	opt.Getenv = lint.AllowedGetenv(p.Options.AllowEnv)
	// GITHUB_TOKEN needs no allow-listing: the checker sends it to GitHub's
	// own hosts only, and no configuration can point it elsewhere.
	opt.GitHubToken = os.Getenv("GITHUB_TOKEN")
	opt.Progress = p.Options.Progress
	if p.Options.NoCache {
		return opt, nil
	}
	path := lc.Cache.Path
	if path == "" {
		var err error
		if path, err = linkcheck.DefaultCachePath(); err != nil {
			warnf(p, "contentlint: warning: %v; links are not cached\n", err)
			return opt, nil
		}
	} else if !filepath.IsAbs(path) {
		path = filepath.Join(p.Config.Root, filepath.FromSlash(path))
	}
	content := append([]string(nil), p.Site.StaticRoots...)
	for _, r := range p.Site.ContentRoots {
		content = append(content, r.Dir)
	}
	if err := linkcheck.CheckCachePath(path, p.Site.Root, content); err != nil {
		warnf(p, "contentlint: warning: %v; links are not cached\n", err)
		return opt, nil
	}
	maxAge := time.Duration(lc.Cache.MaxAge)
	if maxAge <= 0 {
		maxAge = 24 * time.Hour
	}
	opt.Cache = linkcheck.OpenCache(path, maxAge, p.Options.Warnings)
	return opt, opt.Cache
}

// collectExternal lists every http(s) URL in the target posts, in order:
// links, images, definitions, autolinks, raw HTML and components, then front
// matter fields declared as url or image. Links to the site's own baseURL
// are left to the internal link rule.
func collectExternal(p *lint.SitePass) []externalOcc {
	var fields []string
	for name, typ := range p.Config.FieldTypes() {
		if typ == "url" || typ == "image" {
			fields = append(fields, name)
		}
	}
	sort.Strings(fields)
	var out []externalOcc
	type place struct {
		e *lint.Entry
		r lint.Range
	}
	seen := map[place]bool{}
	add := func(e *lint.Entry, r lint.Range, written string, start, end int) {
		dest := strings.TrimSpace(written)
		if !isHTTPURL(dest) || seen[place{e, r}] {
			return
		}
		if _, internal := p.Site.IsInternalURL(dest); internal {
			return
		}
		seen[place{e, r}] = true
		if dest != written {
			start, end = 0, 0 // the span holds the spaces too
		}
		out = append(out, externalOcc{entry: e, rng: r, url: dest, start: start, end: end})
	}
	for _, e := range p.Targets {
		for _, ref := range e.Refs {
			s, en, _ := ref.DestSpan()
			add(e, ref.Range, ref.Dest, s, en)
		}
		for _, name := range fields {
			v := fieldValue(e.Fields, name)
			if v == nil {
				continue
			}
			switch v.Kind {
			case lint.Scalar:
				add(e, v.Range, v.Text, 0, 0)
			case lint.List:
				for _, it := range v.Items {
					if it.Kind == lint.Scalar {
						add(e, it.Range, it.Text, 0, 0)
					}
				}
			}
		}
	}
	return out
}

// fieldValue finds a front matter field; dotted names reach into maps.
func fieldValue(root *lint.Value, name string) *lint.Value {
	if v := root.Get(name); v != nil {
		return v
	}
	v := root
	for _, k := range strings.Split(name, ".") {
		if v = v.Get(k); v == nil {
			return nil
		}
	}
	return v
}

// ruleOff reports a rule turned off in the configuration. It takes the ID,
// not the rule value, which would make the rule refer to itself.
func ruleOff(cfg *lint.Config, id string) bool {
	s, ok := cfg.Rules[id]
	if !ok {
		return false
	}
	sev, err := lint.ParseSeverity(s)
	return err == nil && sev == lint.Off
}

func isHTTPURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}
