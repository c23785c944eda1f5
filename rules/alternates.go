package rules

import (
	"fmt"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/contentlint/contentlint/lint"
)

// AlternateBroken reports translation alternates that reach no post.
var AlternateBroken = &lint.Rule{
	ID:       "alternate-broken",
	Doc:      "a translation alternate points at a URL that reaches no post",
	Severity: lint.Error,
	Help: "Each entry of the alternates field (`alternates` unless `alternates.field` says otherwise) must " +
		"reach a post of the site: by its URL path, by an absolute URL on one of the site's `baseURL` " +
		"origins, or by a relative path to its Markdown file. Alternates on other origins are left to the " +
		"external link checker.\n\n" +
		"Bad:\n\n```yaml\nalternates:\n  - fr: /fr/2024/01/bonjour-le-monde   # no post is published there\n```\n\n" +
		"Good:\n\n```yaml\nalternates:\n  - fr: /fr/2024/01/bonjour\n```",
	CheckSite: func(p *lint.SitePass) { newAltChecker(p).broken() },
}

// AlternateLanguage reports alternates whose language key is wrong.
var AlternateLanguage = &lint.Rule{
	ID:       "alternate-language",
	Doc:      "an alternate's language is not a BCP 47 tag, is the post's own, or is not the target's",
	Severity: lint.Error,
	Help: "The key of an alternate (or its `hreflang`) is the language of the translation it points at. It " +
		"must be a BCP 47 tag (`fr`, `pt-BR`, `x-default`), must differ from the post's own language, must " +
		"not be listed twice, and must agree with the `language` field of the target post (`fr` agrees " +
		"with `fr-CA`). A translation named by its file (`about.de.md`) must be in a " +
		"language the site's config defines; otherwise the generator publishes it as a page of its own " +
		"(a warning).\n\n" +
		"Bad:\n\n```yaml\nlanguage: en\nalternates:\n  - de: /fr/2024/01/bonjour   # that post says language: fr\n```\n\n" +
		"Good:\n\n```yaml\nlanguage: en\nalternates:\n  - fr: /fr/2024/01/bonjour\n```",
	CheckSite: func(p *lint.SitePass) { newAltChecker(p).languages() },
}

// AlternateReciprocal reports one-way translation links.
var AlternateReciprocal = &lint.Rule{
	ID:       "alternate-reciprocal",
	Doc:      "the target of an alternate does not name this post among its own alternates",
	Severity: lint.Warning,
	Help: "Search engines ignore hreflang pairs that are not confirmed from both sides, and readers of the " +
		"translation cannot find their way back. When post A lists post B as an alternate, B must list A.\n\n" +
		"Bad (`en/hello.md` lists the French post, which lists nothing, or another English post):\n\n" +
		"```yaml\n# en/hello.md\nlanguage: en\nalternates:\n  - fr: /fr/bonjour\n# fr/bonjour.md\nlanguage: fr\n```\n\n" +
		"Good:\n\n```yaml\n# fr/bonjour.md\nlanguage: fr\nalternates:\n  - en: /en/hello\n```",
	CheckSite: func(p *lint.SitePass) { newAltChecker(p).reciprocal() },
}

// altLink is one entry of a post's alternates field, in any of the accepted
// shapes, with the positions findings point at.
type altLink struct {
	Lang       string
	LangRange  lint.Range
	Href       string
	HrefRange  lint.Range
	EntryRange lint.Range
	// Problem says why the entry could not be read; "" when it could.
	Problem string

	To       *lint.Entry // the post reached, nil when none
	External bool        // on another origin: not ours to resolve
	Internal string      // the site path an absolute self-origin URL names
}

var (
	altLangKeys = []string{"hreflang", "lang", "language"}
	altHrefKeys = []string{"href", "url", "link"}
)

// readAlternates accepts a plain map (fr: /x), a list of one-key maps
// (- fr: /x) and a list of {hreflang: fr, href: /x}.
func readAlternates(v *lint.Value) []altLink {
	if v == nil || v.Kind == lint.Null {
		return nil
	}
	pair := func(kv *lint.Value) altLink {
		l := altLink{Lang: kv.Key, LangRange: kv.KeyRange, Href: kv.String(), HrefRange: kv.Range,
			EntryRange: lint.Range{Start: kv.KeyRange.Start, End: kv.Range.End}}
		if l.EntryRange.End.Before(l.EntryRange.Start) {
			l.EntryRange.End = kv.KeyRange.End
		}
		switch {
		case kv.Kind == lint.Null || kv.Empty():
			l.Problem = fmt.Sprintf("alternate %q has no URL", kv.Key)
			if kv.Kind == lint.Null {
				l.EntryRange = kv.KeyRange // a null has no text to point at
			}
			l.HrefRange = l.EntryRange
		case kv.Kind != lint.Scalar:
			l.Problem = fmt.Sprintf("alternate %q is a %s, not a URL", kv.Key, kindName(kv.Kind))
		}
		return l
	}
	var out []altLink
	switch v.Kind {
	case lint.Map:
		for _, it := range v.Items {
			out = append(out, pair(it))
		}
	case lint.List:
		for _, it := range v.Items {
			if it.Kind != lint.Map || len(it.Items) == 0 {
				what := fmt.Sprintf("alternate %s names no language", quoteValue(it))
				if it.Kind == lint.Map {
					what = "empty alternate"
				}
				out = append(out, altLink{Problem: what + ": write `- fr: /path` or `- {hreflang: fr, href: /path}`",
					LangRange: it.Range, HrefRange: it.Range, EntryRange: it.Range})
				continue
			}
			if href := firstKey(it, altHrefKeys); href != nil || it.Get("hreflang") != nil {
				out = append(out, hreflangEntry(it, href))
				continue
			}
			for _, kv := range it.Items {
				out = append(out, pair(kv))
			}
		}
	default:
		out = append(out, altLink{Problem: fmt.Sprintf("alternates is %s: write a list (`- fr: /path`) or a map (`fr: /path`)", quoteValue(v)),
			LangRange: v.Range, HrefRange: v.Range, EntryRange: v.Range})
	}
	return out
}

func hreflangEntry(m, href *lint.Value) altLink {
	l := altLink{EntryRange: lint.Range{Start: m.Range.Start, End: m.Range.End}}
	if len(m.Items) > 0 {
		l.EntryRange.Start = m.Items[0].KeyRange.Start
	}
	l.LangRange, l.HrefRange = l.EntryRange, l.EntryRange
	lang := firstKey(m, altLangKeys)
	switch {
	case lang == nil || lang.Empty() || lang.Kind != lint.Scalar:
		l.Problem = "alternate has no hreflang"
		if lang != nil {
			l.LangRange = lang.Range
		}
	case href == nil || href.Empty() || href.Kind != lint.Scalar:
		l.Problem = fmt.Sprintf("alternate %q has no href", lang.Text)
	}
	if lang != nil {
		l.Lang, l.LangRange = lang.String(), lang.Range
	}
	if href != nil {
		l.Href, l.HrefRange = href.String(), href.Range
	}
	return l
}

func firstKey(m *lint.Value, keys []string) *lint.Value {
	for _, k := range keys {
		if v := m.Get(k); v != nil {
			return v
		}
	}
	return nil
}

func kindName(k lint.Kind) string {
	switch k {
	case lint.List:
		return "list"
	case lint.Map:
		return "map"
	case lint.Null:
		return "null"
	}
	return "scalar"
}

func quoteValue(v *lint.Value) string {
	if v.Kind == lint.Scalar {
		return fmt.Sprintf("%q", v.Text)
	}
	return "a " + kindName(v.Kind)
}

// altChecker serves one alternate-* rule run. The resolved alternates of the
// whole site are computed once and shared by the three rules (Index.Memo);
// after that they are only read.
type altChecker struct {
	p     *lint.SitePass
	field string
	all   map[*lint.Entry][]altLink
	// byDir and byBase group posts by URL folder and last segment, for
	// suggestions; built on the first broken alternate.
	byDir, byBase map[string][]*lint.Entry
}

func newAltChecker(p *lint.SitePass) *altChecker {
	f := p.Config.Alternates.Field
	if f == "" {
		f = "alternates"
	}
	c := &altChecker{p: p, field: f}
	c.all = p.Index.Memo("rules.alternates:"+f, func() any {
		all := map[*lint.Entry][]altLink{}
		for _, e := range p.Index.Entries {
			if e.Fields == nil {
				continue
			}
			ls := readAlternates(e.Fields.Get(f))
			for i := range ls {
				if ls[i].Problem == "" {
					c.resolve(e, &ls[i])
				}
			}
			if len(ls) > 0 {
				all[e] = ls
			}
		}
		return all
	}).(map[*lint.Entry][]altLink)
	return c
}

// links returns e's alternates, each resolved against the site.
func (c *altChecker) links(e *lint.Entry) []altLink { return c.all[e] }

// schemeRE matches a URL that starts with a scheme (https:, mailto:, data:).
var schemeRE = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

func (c *altChecker) resolve(from *lint.Entry, l *altLink) {
	href := strings.TrimSpace(l.Href)
	switch {
	case schemeRE.MatchString(href) || strings.HasPrefix(href, "//"):
		p, ok := c.p.Site.IsInternalURL(href)
		if !ok {
			l.External = true
			return
		}
		l.Internal = p
		l.To = c.byURL(p)
	case strings.HasPrefix(href, "/"):
		l.To = c.byURL(href)
	default:
		file := href
		if i := strings.IndexAny(file, "?#"); i >= 0 {
			file = file[:i]
		}
		if lint.IsMarkdown(file) {
			abs := filepath.Join(filepath.Dir(from.Abs), filepath.FromSlash(file))
			l.To = c.p.Index.ByPath(c.p.Site.Rel(abs))
			return
		}
		// A relative URL: the page may be served as /a/b or /a/b/.
		if l.To = c.byURL(path.Join(from.URL, href)); l.To == nil {
			l.To = c.byURL(path.Join(path.Dir(from.URL), href))
		}
	}
}

// byURL looks a site path up, also without the path prefix of a baseURL
// (https://example.com/blog/ publishes /x at /blog/x).
func (c *altChecker) byURL(p string) *lint.Entry {
	if e := c.p.Index.ByURL(p); e != nil {
		return e
	}
	np := lint.NormalizeURLPath(p)
	if sp := c.p.Site.StripBasePath(np); sp != np {
		return c.p.Index.ByURL(sp)
	}
	return nil
}

func (c *altChecker) broken() {
	for _, e := range c.p.Targets {
		if c.p.Ctx.Err() != nil {
			return
		}
		for _, l := range c.links(e) {
			switch {
			case l.Problem != "":
				c.p.Reportf(e, l.EntryRange, "%s", l.Problem)
			case l.External:
			case l.To == nil:
				where := ""
				if l.Internal != "" {
					where = fmt.Sprintf(" (%s on this site)", lint.NormalizeURLPath(l.Internal))
				}
				d := lint.Diagnostic{Range: l.HrefRange,
					Message:    fmt.Sprintf("alternate %q: %s%s reaches no post", l.Lang, l.Href, where),
					Properties: map[string]string{"url": l.Href}}
				if s := c.nearestURL(e, l); s != "" {
					d.Message += fmt.Sprintf(" (did you mean %s?)", s)
					d.Properties["suggestion"] = s
				}
				c.p.Report(e, d)
			case l.To == e:
				c.p.Reportf(e, l.HrefRange, "alternate %q: %s is this post itself", l.Lang, l.Href)
			}
		}
	}
}

// parseLang parses a BCP 47 tag; x/text also accepts "_", which hreflang
// does not.
func parseLang(s string) (language.Tag, error) {
	if strings.Contains(s, "_") {
		return language.Und, fmt.Errorf("BCP 47 separates subtags with \"-\": write %q", strings.ReplaceAll(s, "_", "-"))
	}
	t, err := language.Parse(s)
	if err != nil {
		return language.Und, err
	}
	if t == language.Und {
		return language.Und, fmt.Errorf("%q names no language", s)
	}
	return t, nil
}

// sameOrWider reports whether one tag is the other or a prefix of it, as fr
// is of fr-CA.
func sameOrWider(a, b language.Tag) bool {
	x, y := a.String(), b.String()
	return x == y || strings.HasPrefix(x, y+"-") || strings.HasPrefix(y, x+"-")
}

func (c *altChecker) languages() {
	for _, e := range c.p.Targets {
		if c.p.Ctx.Err() != nil {
			return
		}
		if e.UnknownLang != "" {
			// A translation by file name (about.de.md) in a language the
			// site does not define: the generator takes the suffix as part
			// of the name and publishes it in the default language.
			c.p.Report(e, lint.Diagnostic{Range: lint.Range{Start: lint.Position{Line: 1, Col: 1}, End: lint.Position{Line: 1, Col: 1}},
				Severity: lint.Warning, Properties: map[string]string{"language": e.UnknownLang},
				Message: fmt.Sprintf("file name language %q is not a language of the site (%s), so it is published as %s in %s",
					e.UnknownLang, strings.Join(c.p.Site.Languages, ", "), e.URL, e.Lang)})
		}
		own, ownErr := language.Und, error(nil)
		if e.Lang != "" {
			own, ownErr = parseLang(e.Lang)
		}
		seen := map[string]bool{}
		for _, l := range c.links(e) {
			if l.Problem != "" {
				continue
			}
			tag, err := parseLang(l.Lang)
			if err != nil {
				c.p.Reportf(e, l.LangRange, "alternate %q is not a BCP 47 language tag: %v", l.Lang, err)
				continue
			}
			if strings.EqualFold(l.Lang, "x-default") {
				continue
			}
			key := tag.String()
			if seen[key] {
				c.p.Reportf(e, l.LangRange, "alternate language %q is listed twice", l.Lang)
				continue
			}
			seen[key] = true
			if e.Lang != "" && ownErr == nil && tag == own {
				c.p.Reportf(e, l.LangRange, "alternate %q is this post's own language (%s)", l.Lang, e.Lang)
				continue
			}
			if l.To == nil || l.To == e || l.To.Lang == "" {
				continue
			}
			tt, err := parseLang(l.To.Lang)
			if err == nil && !sameOrWider(tag, tt) {
				c.p.Reportf(e, l.LangRange, "alternate %q points at %s, whose language is %q", l.Lang, l.To.Path, l.To.Lang)
			}
		}
	}
}

func (c *altChecker) reciprocal() {
	for _, e := range c.p.Targets {
		if c.p.Ctx.Err() != nil {
			return
		}
		own, ownErr := language.Und, error(nil)
		if e.Lang != "" {
			own, ownErr = parseLang(e.Lang)
		}
		for _, l := range c.links(e) {
			if l.Problem != "" || l.To == nil || l.To == e {
				continue
			}
			t := l.To
			back := c.links(t)
			// The generator pairing them as translations (Hugo's
			// translationKey or content path) confirms it from both sides.
			found, unknown := e.Lang != "" && t.Translations[e.Lang] == e.Path, false
			var other *altLink
			for i, b := range back {
				if b.To == e {
					found = true
					break
				}
				if b.Problem != "" || e.Lang == "" || ownErr != nil {
					continue
				}
				if bt, err := parseLang(b.Lang); err == nil && bt == own {
					if b.External {
						unknown = true
					} else if other == nil {
						other = &back[i]
					}
				}
			}
			switch {
			case found || unknown:
			case other != nil && other.To != nil:
				c.p.Reportf(e, l.EntryRange, "%s names %s as its %q alternate, not %s", t.Path, other.To.Path, other.Lang, e.Path)
			case other != nil:
				c.p.Reportf(e, l.EntryRange, "%s names %s as its %q alternate, which reaches no post, not %s", t.Path, other.Href, other.Lang, e.Path)
			default:
				want := e.URL
				if e.Lang != "" {
					want = e.Lang + ": " + e.URL
				}
				c.p.Report(e, lint.Diagnostic{Range: l.EntryRange,
					Message: fmt.Sprintf("%s does not list %s among its alternates (add `%s`)", t.Path, e.Path, want),
					Fix:     c.reciprocalFix(t, e)})
			}
		}
	}
}

// yamlPlain matches values that YAML reads as the same plain string.
var yamlPlain = regexp.MustCompile(`^[A-Za-z0-9/._~%+-]+$`)

func yamlScalar(s string) string {
	if yamlPlain.MatchString(s) {
		return s
	}
	return strconv.Quote(s) // a JSON string is a YAML double-quoted scalar
}

// reciprocalFix adds e to t's alternates, in the shape t already uses (a list
// of one-key maps, a list of hreflang/href maps, or a plain map), or as a
// new field before the closing "---" when t has none. Only YAML front
// matter in block style is edited; anything else gets no fix.
func (c *altChecker) reciprocalFix(t, e *lint.Entry) *lint.Fix {
	if t.FrontMatter != "yaml" || t.FrontMatterEnd < 2 || t.Fields == nil || e.Lang == "" || e.URL == "" ||
		strings.Contains(c.field, ".") {
		return nil
	}
	lang, url := yamlScalar(e.Lang), yamlScalar(e.URL)
	fix := &lint.Fix{Message: "add " + e.Lang + ": " + e.URL + " to the alternates of " + t.Path, Start: -1, End: -1, File: t.Abs}
	v := t.Fields.Get(c.field)
	switch {
	case v == nil:
		fix.Line = t.FrontMatterEnd
		fix.Replacement = c.field + ":\n  - " + lang + ": " + url + "\n"
		return fix
	case len(v.Items) == 0 || v.Range.Start.Line <= v.KeyRange.Start.Line:
		return nil // empty or flow style ({...}, [...]): not ours to reflow
	}
	last := v.Items[len(v.Items)-1]
	endLine := last.Range.End.Line
	for _, it := range last.Items {
		endLine = max(endLine, it.Range.End.Line)
	}
	fix.Line = endLine + 1
	switch v.Kind {
	case lint.Map:
		if last.KeyRange.Start.Col < 1 {
			return nil
		}
		fix.Replacement = strings.Repeat(" ", last.KeyRange.Start.Col-1) + lang + ": " + url + "\n"
	case lint.List:
		col := last.Range.Start.Col
		if last.Kind != lint.Map || col < 3 {
			return nil
		}
		indent := strings.Repeat(" ", col-3)
		langKey, hrefKey := "", ""
		for _, it := range last.Items {
			if slices.Contains(altLangKeys, it.Key) {
				langKey = it.Key
			}
			if slices.Contains(altHrefKeys, it.Key) {
				hrefKey = it.Key
			}
		}
		if langKey != "" && hrefKey != "" {
			fix.Replacement = indent + "- " + langKey + ": " + lang + "\n" + indent + "  " + hrefKey + ": " + url + "\n"
		} else {
			fix.Replacement = indent + "- " + lang + ": " + url + "\n"
		}
	default:
		return nil
	}
	return fix
}

// nearestURL suggests the post a broken site path probably meant: one with
// the same last segment, else the closest URL in the same folder.
func (c *altChecker) nearestURL(from *lint.Entry, l altLink) string {
	p := l.Internal
	if p == "" {
		if !strings.HasPrefix(l.Href, "/") {
			return ""
		}
		p = l.Href
	}
	p = lint.NormalizeURLPath(p)
	if c.byDir == nil {
		c.byDir, c.byBase = map[string][]*lint.Entry{}, map[string][]*lint.Entry{}
		for _, e := range c.p.Index.Entries {
			c.byDir[path.Dir(e.URL)] = append(c.byDir[path.Dir(e.URL)], e)
			c.byBase[path.Base(e.URL)] = append(c.byBase[path.Base(e.URL)], e)
		}
	}
	// A post in another language is not the translation meant.
	fits := func(e *lint.Entry) bool {
		if e == from || e.Lang == "" {
			return e != from
		}
		a, err1 := parseLang(l.Lang)
		b, err2 := parseLang(e.Lang)
		return err1 != nil || err2 != nil || sameOrWider(a, b)
	}
	for _, e := range c.byBase[path.Base(p)] {
		if fits(e) {
			return e.URL
		}
	}
	best, bestD := "", len(p)/4+1
	for _, e := range c.byDir[path.Dir(p)] {
		if d := lint.EditDistance(e.URL, p); fits(e) && d < bestD {
			best, bestD = e.URL, d
		}
	}
	return best
}
