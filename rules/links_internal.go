package rules

import (
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/contentlint/contentlint/lint"
)

// LinkInternal reports links to the site itself that reach nothing.
var LinkInternal = &lint.Rule{
	ID:       "link-internal",
	Doc:      "a link to the site itself reaches no post or file, or its #fragment names no anchor",
	Severity: lint.Error,
	Help: "Relative links (`../other.md`, `./other.mdx`, `other/`), site-absolute links (`/blog/2023/02/slug`, " +
		"with or without a trailing slash or `.html`) and links to the site's own `baseURL` must reach a post " +
		"(by file or by its published URL), a file next to the post, or a file under a static folder. A " +
		"`#fragment` must name a heading anchor (built with the generator's slug rules), an explicit `{#id}`, " +
		"or an HTML `id`/`name` in the target. Links to other hosts, `mailto:`, `tel:` and `data:` URLs, " +
		"protocol-relative URLs and template placeholders are not checked.\n\n" +
		"Bad:\n\n```md\nSee [the setup guide](../guides/setup.md#instal) and [the release](/blog/2023/02/relase).\n```\n\n" +
		"Good:\n\n```md\nSee [the setup guide](../guides/setup.md#install) and [the release](/blog/2023/02/release).\n```",
	CheckSite: checkInternalLinks,
}

var placeholderRE = regexp.MustCompile(`\{\{|\{%|\$\{|<%|^\{|\{[^}]*\}`)

func checkInternalLinks(p *lint.SitePass) {
	near := &nearIndexes{}
	workers := lint.EachTarget(p, func(q *lint.SitePass) *linkChecker {
		return &linkChecker{p: q, suggestions: map[string]string{}, near: near, contain: q.Site.NewContainment()}
	}, func(lc *linkChecker, e *lint.Entry) {
		for _, ref := range e.Refs {
			switch ref.Kind {
			case lint.RefLink, lint.RefDefinition, lint.RefAutolink, lint.RefHTMLHref:
				lc.check(e, ref)
			}
		}
	})
	templates := 0
	for _, lc := range workers {
		templates += lc.templates
	}
	noteTemplates(p, templates)
}

// linkChecker is one worker's state.
type linkChecker struct {
	p *lint.SitePass
	// templates counts destinations in a template language that the site
	// model cannot read; a note says how many.
	templates int
	// suggestions memoizes closest(): the same broken target is often
	// linked from many posts, and each lookup scans every entry.
	suggestions map[string]string
	near        *nearIndexes
	contain     *lint.Containment
}

// nearIndexes are the suggestion indexes, shared by the workers and built
// on the first broken link.
type nearIndexes struct {
	once        sync.Once
	paths, urls *nearIndex
}

func (n *nearIndexes) get(ix *lint.Index) (paths, urls *nearIndex) {
	n.once.Do(func() {
		n.paths, n.urls = newNearIndex(), newNearIndex()
		for _, en := range ix.Entries {
			n.paths.add(en.Path)
			if en.URL != "" {
				n.urls.add(en.URL)
			}
		}
	})
	return n.paths, n.urls
}

// target is what a link resolved to: a post, or a plain file.
type target struct {
	entry *lint.Entry
	file  string
	// outside is a path that leaves the site: it is reported as such and
	// never looked at.
	outside bool
}

func (lc *linkChecker) check(e *lint.Entry, ref lint.Ref) {
	dest := strings.TrimSpace(ref.Dest)
	dest = strings.TrimSuffix(strings.TrimPrefix(dest, "<"), ">")
	if lc.p.Site.Traits().TemplateLinks && (strings.Contains(dest, "{{") || strings.Contains(dest, "{%")) {
		tl, ok := lc.p.Site.TemplateLink(dest)
		switch {
		case !ok:
			lc.templates++ // not judged; counted in one note
			return
		case tl.File != "" || tl.Post != nil:
			lc.checkTemplateTarget(e, ref, tl)
			return
		}
		dest = tl.URL
	}
	// The byte checks keep the regexps off the hot path: most links have
	// neither braces nor a scheme.
	if dest == "" || (strings.ContainsAny(dest, "{%$<") && placeholderRE.MatchString(dest)) || strings.HasPrefix(dest, "//") {
		return
	}
	if strings.IndexByte(dest, ':') >= 0 && schemeRE.MatchString(dest) {
		p, ok := lc.p.Site.IsInternalURL(dest)
		if !ok {
			return
		}
		u, err := url.Parse(dest)
		if err != nil {
			return
		}
		dest = lc.p.Site.StripBasePath(p)
		if dest == "" {
			dest = "/"
		}
		if u.RawQuery != "" {
			dest += "?" + u.RawQuery
		}
		if u.Fragment != "" {
			dest += "#" + u.EscapedFragment()
		}
	}
	pth, frag, _ := strings.Cut(dest, "#")
	if i := strings.IndexByte(pth, '?'); i >= 0 {
		pth = pth[:i]
	}
	if dec, err := url.PathUnescape(pth); err == nil {
		pth = dec
	}
	if dec, err := url.PathUnescape(frag); err == nil {
		frag = dec
	}
	var t target
	var tried []string
	judged := true
	switch {
	case pth == "":
		t = target{entry: e}
	case strings.HasPrefix(pth, "/"):
		t, tried, judged = lc.resolveAbs(lc.p.Site.LocalizeLink(e, pth))
	default:
		t, tried, judged = lc.resolveRel(e, pth)
	}
	if t.outside {
		lc.p.Report(e, lint.Diagnostic{Range: ref.Range, Properties: map[string]string{"url": ref.Dest},
			Message: fmt.Sprintf("link %q points outside the site; files outside the site root are not looked at", ref.Dest)})
		return
	}
	if t.entry == nil && t.file == "" {
		// A render hook may resolve the link its own way (.GetPage).
		en, owned := lc.p.Site.LinkPage(lc.p.Index, e, dest)
		if owned {
			return
		}
		if en != nil {
			t, judged = target{entry: en}, true
		}
	}
	if t.entry == nil && t.file == "" {
		if !judged {
			return
		}
		d := lint.Diagnostic{Range: ref.Range, Properties: map[string]string{"url": ref.Dest}}
		d.Message = fmt.Sprintf("link %q reaches no post or file (tried %s)", ref.Dest, strings.Join(tried, ", "))
		if s := lc.suggest(e, pth); s != "" {
			d.Message += fmt.Sprintf("; did you mean %q?", s)
			d.Properties["suggestion"] = s
		}
		lc.p.Report(e, d)
		return
	}
	if frag == "" || t.entry == nil || strings.EqualFold(frag, "top") || t.entry.Anchors[frag] {
		return
	}
	d := lint.Diagnostic{Range: ref.Range, Properties: map[string]string{"url": ref.Dest}}
	where := "this post"
	if t.entry != e {
		where = t.entry.Path
	}
	d.Message = fmt.Sprintf("link %q: no heading or anchor %q in %s", ref.Dest, frag, where)
	if t.entry.OpenAnchors != "" {
		// The page may have the anchor from content its source does not
		// show: likely wrong, not proven broken.
		d.Severity = lint.Warning
		d.Message += "; it may have one contentlint cannot see: " + t.entry.OpenAnchors
	}
	anchors := make([]string, 0, len(t.entry.Anchors))
	for a := range t.entry.Anchors {
		anchors = append(anchors, a)
	}
	if s := closest(frag, anchors); s != "" {
		d.Message += fmt.Sprintf("; did you mean #%s?", s)
		d.Properties["suggestion"] = "#" + s
	}
	lc.p.Report(e, d)
}

// checkTemplateTarget checks a template tag that names a source file or a
// post ({% link %}, {% post_url %}): the generator stops the build when it
// names nothing it publishes.
func (lc *linkChecker) checkTemplateTarget(e *lint.Entry, ref lint.Ref, tl lint.TemplateLink) {
	if tl.File != "" {
		abs := filepath.Join(lc.p.Site.Root, filepath.FromSlash(tl.File))
		if !lc.contain.Inside(abs) {
			lc.p.Report(e, outsideDiag("link", ref.Dest, ref.Range))
			return
		}
		if en := lc.p.Index.ByPath(tl.File); en != nil {
			if en.URL != "" || en.Fields == nil {
				return // a page, or a file copied as-is
			}
		} else if lint.FileExists(abs) {
			return // a static file
		}
		d := lint.Diagnostic{Range: ref.Range, Properties: map[string]string{"url": ref.Dest}}
		d.Message = fmt.Sprintf("%s names %s, which is not a published file; the build stops here", tl.Tag, tl.File)
		if s := lc.suggest(e, "/"+tl.File); s != "" && !strings.HasPrefix(s, "/") {
			d.Message += fmt.Sprintf("; did you mean %q?", s)
			d.Properties["suggestion"] = s
		}
		lc.p.Report(e, d)
		return
	}
	for _, en := range lc.p.Index.Entries {
		if en.URL != "" && tl.Post.MatchString(en.Path) {
			return
		}
	}
	d := lint.Diagnostic{Range: ref.Range, Properties: map[string]string{"url": ref.Dest}}
	d.Message = fmt.Sprintf("%s names no published post; the build stops here", tl.Tag)
	lc.p.Report(e, d)
}

// noteTemplates says once how many template destinations were not judged.
func noteTemplates(p *lint.SitePass, n int) {
	if n == 0 || p.Options == nil || p.Options.Warnings == nil {
		return
	}
	// A note that can't be written changes no finding.
	_, _ = fmt.Fprintf(p.Options.Warnings, "contentlint: %s: %d links written in a template language the site model cannot read were not checked\n", p.Rule.ID, n)
}

// urlCandidates spells a URL path the ways generators serve it: with or
// without index.html or .html (hosts serve x.html at x, x/index.html at x/).
func urlCandidates(p string) []string {
	out := []string{p}
	for _, suf := range []string{"/index.html", "/index.htm", ".html", ".htm"} {
		if strings.HasSuffix(p, suf) {
			out = append(out, strings.TrimSuffix(p, suf))
			return out
		}
	}
	if t := strings.TrimSuffix(p, "/"); t != "" && path.Ext(t) == "" {
		out = append(out, t+".html", t+"/index.html")
	}
	return out
}

// resolveAbs finds a site-absolute path among post URLs, then under the static
// folders; a path to a Markdown file is also looked up as a file under the
// content roots and the site root, as Docusaurus does.
//
// judged is false when nothing was found but the path lies outside what the
// site's sources describe (pages written in code, plugin routes), so a miss
// proves nothing.
func (lc *linkChecker) resolveAbs(p string) (t target, tried []string, judged bool) {
	s := lc.p.Site
	for _, c := range urlCandidates(p) {
		if en := lc.p.Index.ByURL(c); en != nil {
			return target{entry: en}, nil, true
		}
		if s.GeneratedRoute(c) {
			return target{file: c}, nil, true
		}
	}
	tried = append(tried, "post URL "+lint.NormalizeURLPath(p))
	rel := filepath.FromSlash(strings.TrimPrefix(p, "/"))
	if lint.IsMarkdown(p) {
		roots := []string{s.Root}
		for _, r := range s.ContentRoots {
			roots = append(roots, r.Dir)
		}
		for _, r := range roots {
			if t, ok := lc.file(filepath.Join(r, rel)); ok {
				return t, nil, true
			}
		}
	}
	staticExists := false
	for _, d := range s.StaticRoots {
		f := filepath.Join(d, rel)
		if t, ok := lc.file(f); ok {
			return t, nil, true
		}
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			staticExists = true
			tried = append(tried, s.Rel(f))
		}
	}
	if f, ok := s.MountedFile(p); ok {
		return target{file: f}, nil, true
	}
	if s.OwnsURL(p) {
		return target{}, tried, true
	}
	// Outside the content's URL space only a file path can be judged, and
	// only when a static folder exists to hold it.
	return target{}, tried, staticExists && isAssetPath(p)
}

var assetExtRE = regexp.MustCompile(`\.[a-zA-Z][a-zA-Z0-9]{0,5}$`)

// isAssetPath reports whether p names a file rather than a page: it has a
// file extension, and not one a generator also uses for pages and feeds.
func isAssetPath(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	switch ext {
	case ".html", ".htm", ".xml", ".json", ".txt":
		return false
	}
	return assetExtRE.MatchString(p)
}

// file resolves a path on disk: a post, any other file, or a folder holding
// an index page.
func (lc *linkChecker) file(abs string) (target, bool) {
	s := lc.p.Site
	if en := lc.p.Index.ByPath(s.Rel(abs)); en != nil && en.Abs == filepath.Clean(abs) {
		return target{entry: en}, true // read inside the site by this run: no look needed
	}
	fi, inside, err := lc.contain.Stat(abs)
	if !inside {
		return target{outside: true}, true
	}
	if err == nil {
		if !fi.IsDir() {
			if en := lc.p.Index.ByPath(s.Rel(abs)); en != nil {
				return target{entry: en}, true
			}
			return target{file: abs}, true
		}
		for _, n := range []string{"index.md", "index.mdx", "README.md", "readme.md", "_index.md", "index.markdown"} {
			if en := lc.p.Index.ByPath(s.Rel(filepath.Join(abs, n))); en != nil {
				return target{entry: en}, true
			}
		}
		for _, n := range []string{"index.html", "index.htm"} {
			if lint.FileExists(filepath.Join(abs, n)) {
				return target{file: filepath.Join(abs, n)}, true
			}
		}
	}
	return target{}, false
}

// resolveRel tries a relative link as a file next to the post, then as a URL
// relative to the post's URL, with and without a trailing slash (generators
// differ in which one they serve).
func (lc *linkChecker) resolveRel(e *lint.Entry, p string) (target, []string, bool) {
	s := lc.p.Site
	if s.Traits().RelativeToURL && e.URL == "" && !lint.IsMarkdown(p) {
		return target{}, nil, false // an unpublished page has no URL to resolve from
	}
	if s.Traits().RelativeToURL && !lint.IsMarkdown(p) {
		// Only the page's URL counts, as in the browser.
		t, tried, judged := lc.resolveAbs(againstURL(e.URL, p))
		return t, tried, judged
	}
	f := filepath.Join(filepath.Dir(e.Abs), filepath.FromSlash(p))
	if t, ok := lc.file(f); ok {
		return t, nil, true
	}
	tried := []string{s.Rel(f)}
	if alt, ok := s.SourceFallback(f); ok {
		// A translation's link to a file only the default locale has.
		if t, ok := lc.file(alt); ok {
			return t, nil, true
		}
		tried = append(tried, s.Rel(alt))
	}
	if s.Traits().LinksFromRoot && lint.IsMarkdown(p) {
		// Some generators then resolve a Markdown path from the content root.
		if root, ok := s.RootFor(e.Abs); ok {
			f := filepath.Join(root.Dir, filepath.FromSlash(p))
			if t, ok := lc.file(f); ok {
				return t, nil, true
			}
			tried = append(tried, s.Rel(f))
		}
	}
	if e.URL == "" || lint.IsMarkdown(p) || isAssetPath(p) {
		return target{}, tried, true
	}
	seen := map[string]bool{}
	judged := true
	bases := []string{e.URL + "/", path.Dir(e.URL) + "/"}
	if strings.HasSuffix(e.URL, "/") {
		bases = []string{e.URL} // the published URL is a folder: the browser's base
	}
	for _, base := range bases {
		u := path.Join(base, p)
		if seen[u] {
			continue
		}
		seen[u] = true
		t, more, j := lc.resolveAbs(u)
		if t.entry != nil || t.file != "" {
			return t, nil, true
		}
		judged = judged && j
		tried = append(tried, more...)
	}
	return target{}, dedupe(tried), judged
}

// againstURL resolves a relative path as a browser does on the page at
// pageURL: from the URL itself when it ends in /, else from its folder.
func againstURL(pageURL, rel string) string {
	base := pageURL
	if !strings.HasSuffix(base, "/") {
		base = path.Dir(base) + "/"
	}
	u := path.Join(base, rel)
	if strings.HasSuffix(rel, "/") && u != "/" {
		u += "/"
	}
	return u
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	out := xs[:0]
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// suggest names the closest post: by file path (written relative to the post)
// for relative Markdown links, by URL otherwise.
func (lc *linkChecker) suggest(e *lint.Entry, p string) string {
	key := e.Path + "\x00" + p
	if strings.HasPrefix(p, "/") {
		key = p
	}
	if s, ok := lc.suggestions[key]; ok {
		return s
	}
	s := lc.suggestUncached(e, p)
	lc.suggestions[key] = s
	return s
}

func (lc *linkChecker) suggestUncached(e *lint.Entry, p string) string {
	if p == "" {
		return ""
	}
	paths, urls := lc.near.get(lc.p.Index)
	if !strings.HasPrefix(p, "/") && lint.IsMarkdown(p) {
		want := lc.p.Site.Rel(filepath.Join(filepath.Dir(e.Abs), filepath.FromSlash(p)))
		best := closest(want, paths.near(want, e.Path))
		if best == "" {
			return ""
		}
		rel, err := filepath.Rel(filepath.Dir(e.Abs), filepath.Join(lc.p.Site.Root, filepath.FromSlash(best)))
		if err != nil {
			return best
		}
		rel = filepath.ToSlash(rel)
		if !strings.HasPrefix(rel, ".") {
			rel = "./" + rel
		}
		return rel
	}
	want := p
	if !strings.HasPrefix(p, "/") && e.URL != "" {
		want = path.Join(path.Dir(e.URL), p)
	}
	want = lint.NormalizeURLPath(want)
	return closest(want, urls.near(want, e.URL))
}

// nearIndex groups slash paths by folder and by last segment, so that a
// suggestion is sought among the likely ones (a typo in the name, or the
// right name in another folder) instead of the whole site.
type nearIndex struct {
	byDir, byBase map[string]*nearList
}

// nearList is one group, sorted once, forwards and by reversed string: the
// paths that share the longest start or end with a wanted one lie next to
// where it would sort, so they are found without scoring the whole group.
type nearList struct {
	fwd, rev []string // rev holds the paths reversed
	once     sync.Once
}

func newNearIndex() *nearIndex {
	return &nearIndex{byDir: map[string]*nearList{}, byBase: map[string]*nearList{}}
}

func (n *nearIndex) add(p string) {
	for _, g := range []struct {
		m map[string]*nearList
		k string
	}{{n.byDir, path.Dir(p)}, {n.byBase, path.Base(p)}} {
		l := g.m[g.k]
		if l == nil {
			l = &nearList{}
			g.m[g.k] = l
		}
		l.fwd = append(l.fwd, p)
	}
}

// maxNear bounds the candidates that get an edit distance: a folder of
// 200,000 posts, or a name in every copy of a site, made each suggestion
// cost a scan of them all, and a lint quadratic in the number of posts.
const maxNear = 64

// near returns at most maxNear paths likely to be near want: those of its
// folder and those of its name (see nearList.near). It is safe for
// concurrent use once every path was added.
func (n *nearIndex) near(want, self string) []string {
	var out []string
	for _, l := range []*nearList{n.byDir[path.Dir(want)], n.byBase[path.Base(want)]} {
		if l != nil {
			out = append(out, l.near(want)...)
		}
	}
	slices.Sort(out)
	out = slices.Compact(out)
	return slices.DeleteFunc(out, func(c string) bool { return c == self })
}

// newNearList is a group of xs.
func newNearList(xs []string) *nearList { return &nearList{fwd: xs} }

// sort readies a group on its first use: most groups of a big site are
// never asked, and sorting them all cost a one-file run a tenth.
func (l *nearList) sort() {
	slices.Sort(l.fwd)
	l.fwd = slices.Compact(l.fwd)
	l.rev = make([]string, len(l.fwd))
	for i, p := range l.fwd {
		l.rev[i] = reverse(p)
	}
	slices.Sort(l.rev)
}

// near is at most maxNear/2 strings of the group likely to be near want:
// all of a small group, and of a big one those next to want in either
// order (a typo leaves most of a string alone, at one end or the other).
func (l *nearList) near(want string) []string {
	l.once.Do(l.sort)
	if len(l.fwd) <= maxNear/2 {
		return l.fwd
	}
	out := slices.Clone(window(l.fwd, want, maxNear/4))
	for _, r := range window(l.rev, reverse(want), maxNear/4) {
		out = append(out, reverse(r))
	}
	return out
}

// window is the k strings of sorted xs around where x sorts.
func window(xs []string, x string, k int) []string {
	i, _ := slices.BinarySearch(xs, x)
	lo := max(0, min(i-k/2, len(xs)-k))
	return xs[lo:min(len(xs), lo+k)]
}

func reverse(s string) string {
	r := []byte(s)
	slices.Reverse(r)
	return string(r)
}

// closest returns the candidate nearest to want by edit distance, when it is
// near enough to be a likely typo; ties go to the first in sorted order.
func closest(want string, cands []string) string {
	return lint.Closest(want, cands, len([]rune(want))/3+1)
}
