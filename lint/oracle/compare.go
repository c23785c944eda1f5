package oracle

import (
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/contentlint/contentlint/lint"
)

// Difference is one disagreement between the model and the generator.
type Difference struct {
	Kind   string // KindURL, KindID or KindNoID
	Target string // URL path, with #id for ids
	Detail string // what each side says
}

func (d Difference) String() string {
	return fmt.Sprintf("%-4s %s  (%s)", d.Kind, d.Target, d.Detail)
}

// Compare lists every difference between the model (what `contentlint
// routes --format json` prints) and the built output, sorted: page URLs,
// redirect URLs and targets, and per page the ids. URLs are compared in
// canon form on both sides; a redirect target is reduced to its path.
func Compare(m *lint.RouteTable, out *Output) []Difference {
	var diffs []Difference
	// Differences name URLs as written: the generator's form where it has
	// one, else the model's.
	display := map[string]string{}
	show := func(raw string) {
		if n := canon(raw); display[n] == "" {
			display[n] = raw
		}
	}
	for _, pg := range out.Pages {
		show(pg.URL)
	}
	for u := range out.Redirects {
		show(u)
	}
	for _, p := range m.Pages {
		for _, u := range append(append([]string(nil), p.URLs...), p.Aliases...) {
			show(u)
		}
	}
	add := func(kind, target, format string, args ...any) {
		p, id, hasID := strings.Cut(target, "#")
		if d := display[p]; d != "" {
			p = d
		}
		if hasID {
			p += "#" + id
		}
		diffs = append(diffs, Difference{Kind: kind, Target: p, Detail: fmt.Sprintf(format, args...)})
	}

	// The model's side: URL → files that claim it.
	pageFiles := map[string][]*lint.RoutePage{}
	aliasOf := map[string][]*lint.RoutePage{}
	for i := range m.Pages {
		p := &m.Pages[i]
		if !p.Rendered && len(p.URLs) > 0 {
			add(KindURL, p.URLs[0], "model: %s is not rendered but has URLs %v", p.File, p.URLs)
		}
		if p.Rendered {
			for _, u := range p.URLs {
				n := canon(u)
				pageFiles[n] = append(pageFiles[n], p)
			}
		}
		// A file that is only a redirect (redirect_to) is not rendered, yet
		// has its redirect page.
		for _, u := range p.Aliases {
			n := canon(u)
			aliasOf[n] = append(aliasOf[n], p)
		}
	}
	outPages := map[string]*OutPage{}
	for _, pg := range out.Pages {
		outPages[canon(pg.URL)] = pg
	}
	outRedirects := map[string]string{}
	for u, t := range out.Redirects {
		outRedirects[canon(u)] = t
	}

	for u, files := range pageFiles {
		if len(files) > 1 {
			add(KindURL, u, "model: %d files claim this URL: %s", len(files), fileList(files))
		}
		pg, ok := outPages[u]
		if !ok {
			if _, isRedirect := outRedirects[u]; isRedirect {
				add(KindURL, u, "model: page of %s; generator: a redirect page", files[0].File)
			} else {
				add(KindURL, u, "model: page of %s; generator: no page", files[0].File)
			}
			continue
		}
		compareIDs(files[0], pg, u, add)
	}
	for u, pg := range outPages {
		if _, ok := pageFiles[u]; ok {
			continue
		}
		if files, ok := aliasOf[u]; ok {
			add(KindURL, u, "model: alias of %s; generator: a page (%s)", files[0].File, pg.File)
			continue
		}
		add(KindURL, u, "generator: page %s; model: no file", pg.File)
	}
	for u, files := range aliasOf {
		target, ok := outRedirects[u]
		if !ok {
			if _, isPage := outPages[u]; !isPage {
				add(KindURL, u, "model: alias of %s; generator: no redirect page", files[0].File)
			}
			continue
		}
		if len(files[0].URLs) == 0 {
			continue
		}
		tp := canon(targetPath(target))
		if !claims(files[0], tp) {
			add(KindURL, u, "model: alias of %s (%s); generator: redirect to %s", files[0].File, files[0].URLs[0], target)
		}
	}
	for u, target := range outRedirects {
		if _, ok := aliasOf[u]; ok {
			continue
		}
		if _, ok := pageFiles[u]; ok {
			continue // reported above as a page the generator made a redirect
		}
		add(KindURL, u, "generator: redirect page to %s; model: no alias", target)
	}
	sort.Slice(diffs, func(i, j int) bool {
		a, b := diffs[i], diffs[j]
		if a.Target != b.Target {
			return a.Target < b.Target
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.Detail < b.Detail
	})
	return diffs
}

func compareIDs(p *lint.RoutePage, pg *OutPage, u string, add func(kind, target, format string, args ...any)) {
	have := map[string]bool{}
	for _, id := range pg.IDs {
		have[id] = true
	}
	want := map[string]bool{}
	for _, a := range p.Anchors {
		want[a] = true
		if !have[a] {
			add(KindNoID, u+"#"+a, "model: anchor of %s; generator: no such id in %s", p.File, pg.File)
		}
	}
	for _, id := range pg.IDs {
		if !want[id] {
			add(KindID, u+"#"+id, "generator: id in %s; model: no anchor in %s", pg.File, p.File)
		}
	}
}

func claims(p *lint.RoutePage, u string) bool {
	for _, x := range p.URLs {
		if canon(x) == u {
			return true
		}
	}
	return false
}

// targetPath reduces a redirect target (absolute or not) to its path.
func targetPath(t string) string {
	if pu, err := url.Parse(t); err == nil {
		if pu.Path == "" {
			return "/"
		}
		return pu.Path
	}
	return t
}

func fileList(ps []*lint.RoutePage) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.File
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// Report filters differences through the allow-list and describes what is
// left, and the allow-list's stale entries, as readable text. It returns ""
// when the model and the generator agree.
func Report(diffs []Difference, allow *Allow) string {
	var b strings.Builder
	var left []Difference
	for _, d := range diffs {
		if !allow.allows(d) {
			left = append(left, d)
		}
	}
	if len(left) > 0 {
		fmt.Fprintf(&b, "%d difference(s) between the model (contentlint routes) and the generator's output:\n", len(left))
		for _, d := range left {
			fmt.Fprintf(&b, "  %s\n", d)
		}
		name := "allow.txt"
		if allow != nil && allow.File != "" {
			name = allow.File
		}
		fmt.Fprintf(&b, "Fix the model (the generator is right), or list a difference in %s as `<kind> <target>  # reason`.\n", name)
	}
	if stale := allow.Unused(); len(stale) > 0 {
		fmt.Fprintf(&b, "%d allow-list entr(y/ies) matched no difference; remove them:\n", len(stale))
		for _, e := range stale {
			fmt.Fprintf(&b, "  %s:%d: %s %s  # %s\n", allow.File, e.Line, e.Kind, e.Target, e.Reason)
		}
	}
	return b.String()
}

// canon is the form URLs are compared in: lint.NormalizeURLPath, and a
// folder's index.html is the folder, since one file serves both.
func canon(u string) string {
	n := lint.NormalizeURLPath(u)
	if n == "/index.html" {
		return "/"
	}
	return strings.TrimSuffix(n, "/index.html")
}
