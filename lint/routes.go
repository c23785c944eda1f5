package lint

import (
	"context"
	"fmt"
	"sort"
)

// RouteTable is what the site model believes the generator publishes: the
// output of `contentlint routes`, compared in tests with the real
// generator's build.
type RouteTable struct {
	Generator    string      `json:"generator"`
	ContentRoots []RouteRoot `json:"contentRoots"`
	Languages    []string    `json:"languages"`
	Notes        []string    `json:"notes"`
	Pages        []RoutePage `json:"pages"`
}

// RouteRoot is one content root.
type RouteRoot struct {
	Dir  string `json:"dir"`
	Base string `json:"base"`
	Lang string `json:"lang,omitempty"`
}

// RoutePage is one content file and what the generator makes of it.
type RoutePage struct {
	File         string            `json:"file"`
	Rendered     bool              `json:"rendered"`
	URLs         []string          `json:"urls"`
	Aliases      []string          `json:"aliases"`
	Lang         string            `json:"lang"`
	Translations map[string]string `json:"translations"`
	Anchors      []string          `json:"anchors"`
}

// Routes indexes the whole site with no rule and returns its route table.
func (e *Engine) Routes(ctx context.Context) (*RouteTable, error) {
	var paths []string
	for _, r := range e.Site.ContentRoots {
		paths = append(paths, r.Dir)
	}
	eng := *e
	eng.Rules = nil
	res, err := eng.Run(ctx, paths)
	if err != nil {
		return nil, fmt.Errorf("routes: %w", err)
	}
	t := e.Site.Describe()
	for _, en := range res.Entries {
		p := RoutePage{File: en.Path, Rendered: en.URL != "" || en.Unrouted, Lang: en.Lang, URLs: []string{},
			Aliases: append([]string{}, en.Aliases...), Translations: map[string]string{}, Anchors: []string{}}
		if en.URL != "" {
			p.URLs = append(p.URLs, en.URL)
		}
		p.URLs = append(p.URLs, en.ExtraURLs...)
		for l, f := range en.Translations {
			p.Translations[l] = f
		}
		for a := range en.Anchors {
			p.Anchors = append(p.Anchors, a)
		}
		sort.Strings(p.Anchors)
		t.Pages = append(t.Pages, p)
	}
	return t, res.Err
}

// Describe is the route table's header: the generator, its content roots,
// languages and notes, with no pages.
func (s *Site) Describe() *RouteTable {
	t := &RouteTable{Generator: s.gen().Name(), ContentRoots: []RouteRoot{}, Languages: []string{},
		Notes: append([]string{}, s.Notes...), Pages: []RoutePage{}}
	for _, r := range s.ContentRoots {
		base := r.Base
		if base == "" {
			base = "/"
		}
		t.ContentRoots = append(t.ContentRoots, RouteRoot{Dir: s.Rel(r.Dir), Base: base, Lang: r.Lang})
	}
	t.Languages = append(t.Languages, s.Languages...)
	return t
}

// ContentRootList names each content root as dir (base).
func (t *RouteTable) ContentRootList() []string {
	out := make([]string, 0, len(t.ContentRoots))
	for _, r := range t.ContentRoots {
		out = append(out, r.Dir+" ("+r.Base+")")
	}
	return out
}
