package oracle

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Output is what a generator wrote: its HTML pages and its redirect pages,
// keyed by URL path.
type Output struct {
	Pages     map[string]*OutPage // URL → page
	Redirects map[string]string   // URL of a meta-refresh page → its target
}

// OutPage is one built HTML page.
type OutPage struct {
	File   string   // path in the output folder, with /
	URL    string   // x/index.html → /x/, x.html → /x.html
	Scoped bool     // the content scope was found
	IDs    []string // element ids inside the scope, sorted, without repeats
}

// Scope picks the element(s) whose descendants are a page's content, so that
// ids written by layouts (headers, navigation) are left out.
type Scope func(n *html.Node) bool

// Selector is a Scope for one simple CSS compound selector: a tag name, and
// any number of .class and #id parts ("main", ".markdown", "article.post",
// "div#content"). An empty selector picks the whole document.
func Selector(sel string) (Scope, error) {
	if sel == "" {
		return func(n *html.Node) bool { return n.Type == html.DocumentNode }, nil
	}
	var tag, id string
	var classes []string
	rest := sel
	i := strings.IndexAny(rest, ".#")
	if i < 0 {
		i = len(rest)
	}
	tag, rest = rest[:i], rest[i:]
	for rest != "" {
		kind := rest[0]
		rest = rest[1:]
		j := strings.IndexAny(rest, ".#")
		if j < 0 {
			j = len(rest)
		}
		name := rest[:j]
		rest = rest[j:]
		if name == "" || strings.ContainsAny(name, " >+~[]:") {
			return nil, fmt.Errorf("selector %q: only tag, .class and #id parts are supported", sel)
		}
		if kind == '.' {
			classes = append(classes, name)
		} else {
			id = name
		}
	}
	if strings.ContainsAny(tag, " >+~[]:") {
		return nil, fmt.Errorf("selector %q: only tag, .class and #id parts are supported", sel)
	}
	return func(n *html.Node) bool {
		if n.Type != html.ElementNode || (tag != "" && n.Data != tag) {
			return false
		}
		if id != "" && attr(n, "id") != id {
			return false
		}
		have := strings.Fields(attr(n, "class"))
		for _, c := range classes {
			if !contains(have, c) {
				return false
			}
		}
		return true
	}, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// OutputURL maps a file of the output folder to the URL it is served at:
// index.html → /, x/index.html → /x/, x.html → /x.html.
func OutputURL(rel string) string {
	rel = filepath.ToSlash(rel)
	if rel == "index.html" {
		return "/"
	}
	if dir, ok := strings.CutSuffix(rel, "/index.html"); ok {
		return "/" + dir + "/"
	}
	return "/" + rel
}

// ReadOutput walks a built site and reads every *.html file: a page with a
// meta refresh is a redirect, any other is a page whose ids inside scope are
// collected. A file that cannot be read or parsed is an error naming it.
func ReadOutput(dir string, scope Scope) (*Output, error) {
	out := &Output{Pages: map[string]*OutPage{}, Redirects: map[string]string{}}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("reading output %s: %w", dir, err)
	}
	defer func() { _ = root.Close() }()
	err = fs.WalkDir(root.FS(), ".", func(rel string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(d.Name(), ".html") {
			return nil
		}
		f, err := root.Open(rel)
		if err != nil {
			return fmt.Errorf("reading %s: %w", rel, err)
		}
		doc, err := html.Parse(f)
		_ = f.Close()
		if err != nil {
			return fmt.Errorf("parsing %s: %w", rel, err)
		}
		u := OutputURL(rel)
		if target, ok := metaRefresh(doc); ok {
			out.Redirects[u] = target
			return nil
		}
		pg := &OutPage{File: rel, URL: u}
		pg.Scoped, pg.IDs = scopedIDs(doc, scope)
		out.Pages[u] = pg
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading output %s: %w", dir, err)
	}
	return out, nil
}

// metaRefresh finds <meta http-equiv="refresh" content="0; url=…"> and
// returns the target.
func metaRefresh(doc *html.Node) (string, bool) {
	var target string
	var found bool
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if found {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Meta && strings.EqualFold(attr(n, "http-equiv"), "refresh") {
			c := attr(n, "content")
			if i := strings.Index(strings.ToLower(c), "url="); i >= 0 {
				target = strings.Trim(strings.TrimSpace(c[i+4:]), `'"`)
			}
			found = true
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return target, found
}

// scopedIDs collects the id attributes of the descendants of every element
// the scope picks (the scope element's own id is the layout's, not content).
func scopedIDs(doc *html.Node, scope Scope) (bool, []string) {
	seen := map[string]bool{}
	scoped := false
	var collect func(n *html.Node)
	collect = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				if id := attr(c, "id"); id != "" {
					seen[id] = true
				}
			}
			collect(c)
		}
	}
	var find func(n *html.Node)
	find = func(n *html.Node) {
		if scope(n) {
			scoped = true
			collect(n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	ids := make([]string, 0, len(seen))
	for id := range seen {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return scoped, ids
}
