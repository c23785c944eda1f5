package rules

import (
	"fmt"
	"path/filepath"

	"github.com/contentlint/contentlint/lint"
)

// URLRemoved reports URLs the site published at the --changed-since
// revision that nothing serves any more: broken inbound links and lost
// search ranking, which no link checker of the new site can see.
var URLRemoved = &lint.Rule{
	ID:       "url-removed",
	Doc:      "a URL published at the --changed-since revision has no page, alias or redirect now",
	Severity: lint.Error,
	Help: "Runs with `--changed-since REF`. The site at REF is read from git (no checkout) and its URLs, " +
		"aliases included, are compared with the working tree's. A URL that no page, alias " +
		"(`aliases`, `redirect_from`) or host redirect (Netlify `_redirects` or `netlify.toml`, Vercel " +
		"`vercel.json` redirects and rewrites) or generator redirect setting (Astro `redirects`, Nuxt " +
		"`routeRules` redirects, the Docusaurus client-redirects plugin's `from`) serves any more breaks every link to it from elsewhere. " +
		"It is reported on the file that served it: where git saw it renamed to, the same file when its " +
		"slug or permalink changed, or the deleted path.\n\n" +
		"Bad: `blog/hello.md` renamed to `blog/hello-world.md`, so `/blog/hello` is gone.\n\n" +
		"Good: the renamed post keeps the old address:\n\n```yaml\n---\ntitle: Hello\naliases: [/blog/hello]\n---\n```",
	CheckSite: func(p *lint.SitePass) {
		if p.Options == nil || len(p.Options.Published) == 0 {
			return
		}
		red, err := lint.LoadRedirects(p.Site)
		if err != nil {
			warnf(p, "contentlint: warning: %v; url-removed reads no redirects from it\n", err)
		}
		if red != nil && red.Unknown != "" {
			// Redirects made in code could serve any old URL: say so once
			// rather than guess.
			warnf(p, "contentlint: note: %s computes redirects in code (createRedirects); url-removed cannot judge removed URLs\n", p.Site.Rel(red.Unknown))
			return
		}
		key := aliasKey(p.Index)
		for _, pub := range p.Options.Published {
			if p.Ctx.Err() != nil {
				return
			}
			if served(p.Index, red, pub.URL) {
				continue
			}
			at := lint.Range{Start: lint.Position{Line: 1, Col: 1}, End: lint.Position{Line: 1, Col: 1}}
			if pub.Now == "" {
				p.Report(&lint.Entry{Abs: filepath.Join(p.Site.Root, filepath.FromSlash(pub.Was))}, lint.Diagnostic{Range: at,
					Message: fmt.Sprintf("%s was published at %s by %s, which is deleted, and nothing serves it now; "+
						"add `%s: [%s]` to the front matter of the page that replaces it, or a redirect from %s",
						pub.URL, pub.Rev, pub.Was, key, pub.URL, pub.URL),
					Properties: map[string]string{"url": pub.URL, "alias": key + ": [" + pub.URL + "]", lint.PropAboutChange: "true"}})
				continue
			}
			e := &lint.Entry{Abs: pub.Now}
			now := ""
			if rel := p.Site.Rel(pub.Now); rel != "" {
				if cur := p.Index.ByPath(rel); cur != nil {
					e, now = cur, cur.URL
				}
			}
			moved := ""
			if now != "" {
				moved = " (it is now at " + now + ")"
			}
			p.Report(e, lint.Diagnostic{Range: at,
				Message: fmt.Sprintf("%s was published at %s by %s and nothing serves it now%s; add `%s: [%s]` to this file's front matter, or a redirect",
					pub.URL, pub.Rev, pub.Was, moved, key, pub.URL),
				Properties: map[string]string{"url": pub.URL, "alias": key + ": [" + pub.URL + "]", lint.PropAboutChange: "true"}})
		}
	},
}

// served reports whether a page, an alias (the index holds both) or a
// redirect answers u, in any
// of the spellings hosts serve one page under (with or without .html or
// /index.html), as an alias or redirect may be written either way.
func served(ix *lint.Index, red *lint.Redirects, u string) bool {
	for _, f := range urlCandidates(u) {
		if ix.ByURL(f) != nil || red.Matches(f) {
			return true
		}
	}
	return false
}

// aliasKey is the front matter key the site already uses for old
// addresses, so the suggested line matches the site's habit; aliases when
// no post has either.
func aliasKey(ix *lint.Index) string {
	n := map[string]int{}
	for _, e := range ix.Entries {
		for _, k := range []string{"aliases", "redirect_from"} {
			if e.Fields != nil && e.Fields.Get(k) != nil {
				n[k]++
			}
		}
	}
	if n["redirect_from"] > n["aliases"] {
		return "redirect_from"
	}
	return "aliases"
}
