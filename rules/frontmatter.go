package rules

import (
	"fmt"
	"net/url"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/text/language"

	"github.com/contentlint/contentlint/lint"
)

// FrontmatterSyntax reports front matter that does not parse.
var FrontmatterSyntax = &lint.Rule{
	ID:       "frontmatter-syntax",
	Doc:      "the front matter block is unterminated, does not parse, repeats a key, or is missing",
	Severity: lint.Error,
	Help: "The front matter block (YAML between `---`, TOML between `+++`, or JSON) must close and parse, " +
		"and name each key once: generators either fail the build or silently keep one of two values. " +
		"A post without a block is reported when the configuration requires fields.\n\n" +
		"Bad:\n\n```md\n---\ntitle: Hello: world\ntitle: Again\n---\n```\n\n" +
		"Good:\n\n```md\n---\ntitle: \"Hello: world\"\n---\n```",
	Check: func(p *lint.Pass) {
		if unreadable(p.Post) {
			return // file-encoding reports it
		}
		fm := p.Post.FrontMatter
		if fm == nil {
			if req := p.Site.Required(p.Post.Abs, postFields(p.Post), p.Config.RequiredFields()); len(req) > 0 {
				p.Reportf(lint.Range{Start: lint.Position{Line: 1, Col: 1}, End: lint.Position{Line: 1, Col: 1}},
					"no front matter block, but the configuration requires %s", quoteList(req))
			}
			return
		}
		if fm.Unterminated {
			p.Reportf(fm.Range, "front matter block opened here is never closed")
			return
		}
		if fm.Err != nil {
			p.Reportf(restOfLine(p.Post.Lines, fm.Err.Pos), "%s", fm.Err.Msg)
			return
		}
		for _, d := range fm.Duplicates {
			if first := fm.Root.Get(d.Key); first != nil && first.KeyRange.Start.Line < d.KeyRange.Start.Line {
				p.Reportf(d.KeyRange, "duplicate key %q (first set on line %d)", d.Key, first.KeyRange.Start.Line)
			} else {
				p.Reportf(d.KeyRange, "duplicate key %q", d.Key)
			}
		}
	},
}

// FrontmatterRequired reports required fields that are absent or empty.
var FrontmatterRequired = &lint.Rule{
	ID:       "frontmatter-required",
	Doc:      "a required front matter field is absent or empty",
	Severity: lint.Error,
	Help: "Every post must set the fields listed in `frontmatter.required` (default: `title`) to a " +
		"non-empty value, because templates, feeds and search depend on them.\n\n" +
		"Bad:\n\n```md\n---\ntitle: \"\"\n---\n```\n\nGood:\n\n```md\n---\ntitle: Release notes\n---\n```",
	Check: func(p *lint.Pass) {
		fm := p.Post.FrontMatter
		if fm == nil || fm.Root == nil {
			return // frontmatter-syntax reports it
		}
		opener := p.Post.Lines.LineRange(fm.Range.Start.Line)
		for _, name := range p.Site.Required(p.Post.Abs, postFields(p.Post), p.Config.RequiredFields()) {
			v := fm.Root.Get(name)
			switch {
			case v == nil:
				p.Reportf(opener, "required field %q is missing", name)
			case v.Empty():
				r := v.Range
				if r.Start == r.End {
					r = v.KeyRange // "title:" with nothing after it
				}
				p.Reportf(r, "required field %q is empty", name)
			}
		}
	},
}

// FrontmatterType reports values that do not match their declared type, and
// ids shared by two posts of one language.
var FrontmatterType = &lint.Rule{
	ID:       "frontmatter-type",
	Doc:      "a front matter value does not match its declared type, or an id is not unique",
	Severity: lint.Warning,
	Help: "Fields declared in `frontmatter.fields`, and the well-known `date`, `lastmod`, `draft`, `tags`, " +
		"`categories`, `language` and `lang`, must hold a value of their type: string, list, date " +
		"(`YYYY-MM-DD` or RFC 3339), bool, language (a BCP 47 tag), url (absolute http(s) or " +
		"site-absolute), path, image, or enum(a,b,c). An `id` must be unique among the posts of one " +
		"language (a post and its translation may share it).\n\n" +
		"Bad:\n\n```md\n---\ndate: 02/01/2024\nlanguage: en_US\ntags: go\n---\n```\n\n" +
		"Good:\n\n```md\n---\ndate: 2024-01-02\nlanguage: en-US\ntags: [go]\n---\n```",
	Check: func(p *lint.Pass) {
		fm := p.Post.FrontMatter
		if fm == nil || fm.Root == nil {
			return
		}
		types := p.Config.FieldTypes()
		names := make([]string, 0, len(types))
		for k := range types {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, name := range names {
			v := fm.Root.Get(name)
			if v == nil || v.Kind == lint.Null {
				continue // absence is frontmatter-required's business
			}
			if strings.TrimSpace(types[name]) == "date" {
				checkDate(p, name, v)
				continue
			}
			if msg := checkSiteType(p.Site, types[name], v); msg != "" {
				p.Reportf(v.Range, "field %q: %s", name, msg)
			}
		}
		// Keys the generator itself refuses (Hugo fails the build on the
		// removed _build).
		for _, it := range fm.Root.Items {
			if problem := p.Site.CheckField(it.Key); problem != "" {
				p.Report(lint.Diagnostic{Range: it.KeyRange, Severity: lint.Error, Message: fmt.Sprintf("field %q: %s", it.Key, problem)})
			}
		}
	},
	CheckSite: checkUniqueIDs,
}

// unreadable is true for files whose bytes were not parsed at all.
func unreadable(post *lint.Post) bool {
	for _, pr := range post.Problems {
		if pr.Kind == "binary" || pr.Kind == "size" {
			return true
		}
	}
	return false
}

func restOfLine(li *lint.LineIndex, p lint.Position) lint.Range {
	end := li.LineRange(p.Line).End
	if end.Before(p) || end == p {
		return lint.Range{Start: p, End: p}
	}
	return lint.Range{Start: p, End: end}
}

func quoteList(fields []string) string {
	q := make([]string, len(fields))
	for i, f := range fields {
		q[i] = fmt.Sprintf("%q", f)
	}
	return strings.Join(q, ", ")
}

var enumRE = regexp.MustCompile(`^enum\((.*)\)$`)

// describe names what a value is, for messages.
func describe(v *lint.Value) string {
	switch v.Kind {
	case lint.List:
		return "a list"
	case lint.Map:
		return "a map"
	case lint.Null:
		return "null"
	}
	if v.Tag != "" && v.Tag != "str" {
		return fmt.Sprintf("%s %q", v.Tag, v.Text)
	}
	return fmt.Sprintf("%q", v.Text)
}

// checkDate asks the generator whether its build accepts a date; one it
// fails on is an error.
func checkDate(p *lint.Pass, name string, v *lint.Value) {
	problem, fatal := "want a date", false
	if v.Kind == lint.Scalar {
		problem, fatal = p.Site.CheckDate(strings.TrimSpace(v.Text))
	}
	if problem == "" {
		return
	}
	d := lint.Diagnostic{Range: v.Range, Message: fmt.Sprintf("field %q: %s, got %s", name, problem, describe(v))}
	if fatal {
		d.Severity = lint.Error
	}
	p.Report(d)
}

// checkSiteType is checkType where the generator has a say: lists it also
// takes as a string of words.
func checkSiteType(s *lint.Site, typ string, v *lint.Value) string {
	if strings.TrimSpace(typ) == "list" && v.Kind == lint.Scalar && s.Traits().WordLists {
		return "" // a string of words
	}
	return checkType(typ, v)
}

// checkType returns why v is not of type typ, or "".
func checkType(typ string, v *lint.Value) string {
	typ = strings.TrimSpace(typ)
	scalar := v.Kind == lint.Scalar
	switch typ {
	case "string":
		if !scalar {
			return "want a string, got " + describe(v)
		}
	case "list":
		if v.Kind != lint.List {
			return "want a list, got " + describe(v)
		}
	case "bool":
		if !scalar || v.Tag != "bool" {
			return "want a bool (true or false), got " + describe(v)
		}
	case "language":
		if !scalar {
			return "want a language tag, got " + describe(v)
		}
		if strings.Contains(v.Text, "_") {
			return fmt.Sprintf("want a BCP 47 language tag, got %q (use %q)", v.Text, strings.ReplaceAll(v.Text, "_", "-"))
		}
		if _, err := language.Parse(v.Text); err != nil || strings.TrimSpace(v.Text) != v.Text {
			return fmt.Sprintf("want a BCP 47 language tag such as en or pt-BR, got %q", v.Text)
		}
	case "url":
		if !scalar || !isURL(v.Text) {
			return "want an absolute http(s) URL or a site-absolute path, got " + describe(v)
		}
	case "path", "image":
		if !scalar || strings.TrimSpace(v.Text) == "" {
			return fmt.Sprintf("want a non-empty %s, got %s", typ, describe(v))
		}
	default:
		// The config loader rejects any other type, so this is an enum.
		m := enumRE.FindStringSubmatch(typ)
		if m == nil {
			return ""
		}
		var allowed []string
		for _, a := range strings.Split(m[1], ",") {
			if a = strings.TrimSpace(a); a != "" {
				allowed = append(allowed, a)
			}
		}
		if scalar {
			for _, a := range allowed {
				if v.Text == a {
					return ""
				}
			}
		}
		return fmt.Sprintf("want one of %s, got %s", strings.Join(allowed, ", "), describe(v))
	}
	return ""
}

func isURL(s string) bool {
	if strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") {
		return true
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// idScope is the namespace an id must be unique in: one language of one
// content root. Docusaurus qualifies a doc id with its folder, so there the
// folder is part of the scope (versioned docs repeat every id).
func idScope(sp *lint.SitePass, e *lint.Entry) string {
	root := ""
	for _, r := range sp.Site.ContentRoots {
		if rel, err := filepath.Rel(r.Dir, e.Abs); err == nil && !strings.HasPrefix(rel, "..") && len(r.Dir) > len(root) {
			root = r.Dir
		}
	}
	scope := e.Lang + "\x00" + root
	if sp.Site.Traits().IDPerFolder {
		scope += "\x00" + filepath.Dir(e.Abs)
	}
	return scope + "\x00" + e.ID
}

// checkUniqueIDs reports the second and later posts (in path order) that
// share an id within a scope; every entry counts, only targets are reported.
func checkUniqueIDs(sp *lint.SitePass) {
	first := map[string]*lint.Entry{}
	for _, e := range sp.Index.Entries {
		if e.ID == "" {
			continue
		}
		k := idScope(sp, e)
		if _, ok := first[k]; !ok {
			first[k] = e
		}
	}
	for _, e := range sp.Targets {
		if e.ID == "" {
			continue
		}
		f := first[idScope(sp, e)]
		if f == nil || f == e {
			continue
		}
		r := e.Fields.Get("id").Range
		lang := e.Lang
		if lang == "" {
			lang = "none"
		}
		sp.Reportf(e, r, "id %q is already used by %s (language %s)", e.ID, f.Path, lang)
	}
}

func postFields(post *lint.Post) *lint.Value {
	if post.FrontMatter == nil {
		return nil
	}
	return post.FrontMatter.Root
}
