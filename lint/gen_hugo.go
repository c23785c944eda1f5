package lint

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/BurntSushi/toml"
	"github.com/gobwas/glob"
	"github.com/spf13/cast"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"gopkg.in/yaml.v3"
)

// hugoBaseURL reads baseURL (Hugo keys are case-insensitive) from the site
// config file or the config/_default folder.
func hugoBaseURL(root string) string {
	for _, m := range hugoConfigs(root) {
		for k, v := range m {
			if s, ok := v.(string); ok && strings.EqualFold(k, "baseURL") && strings.Contains(s, "://") {
				return s
			}
		}
	}
	return ""
}

// hugoConfigs decodes the site's Hugo configuration files, the root ones
// first, then config/_default. A file that does not parse is skipped: Hugo
// reports it itself.
func hugoConfigs(root string) []map[string]any {
	var out []map[string]any
	for _, dir := range []string{"", "config/_default"} {
		for _, n := range []string{"hugo", "config"} {
			for _, ext := range []string{".toml", ".yaml", ".yml", ".json"} {
				if m := decodeConfigFile(root, filepath.Join(filepath.FromSlash(dir), n+ext)); m != nil {
					out = append(out, m)
				}
			}
		}
	}
	// config/_default/permalinks.toml holds the permalinks table alone.
	for _, ext := range []string{".toml", ".yaml", ".yml", ".json"} {
		if m := decodeConfigFile(root, filepath.Join("config", "_default", "permalinks"+ext)); m != nil {
			out = append(out, map[string]any{"permalinks": m})
		}
	}
	return out
}

func decodeConfigFile(root, f string) map[string]any {
	data, err := readSiteFile(root, f)
	if err != nil {
		return nil
	}
	var m map[string]any
	switch filepath.Ext(f) {
	case ".toml":
		err = toml.Unmarshal(data, &m)
	case ".json":
		err = json.Unmarshal(data, &m)
	default:
		err = yaml.Unmarshal(data, &m)
	}
	if err != nil {
		return nil
	}
	return m
}

// hugoPermalinks reads the [permalinks] table: section → pattern, in the old
// flat form or the newer [permalinks.page] one.
func hugoPermalinks(root string) map[string]string {
	out := map[string]string{}
	for _, m := range hugoConfigs(root) {
		for k, v := range m {
			table, ok := v.(map[string]any)
			if !strings.EqualFold(k, "permalinks") || !ok {
				continue
			}
			if page, ok := table["page"].(map[string]any); ok {
				table = page
			}
			for section, pat := range table {
				if p, ok := pat.(string); ok && strings.HasPrefix(p, "/") {
					out[section] = p
				}
			}
		}
	}
	return out
}

// hugoModel is what contentlint knows of a Hugo site's configuration: its
// languages, the content mounts that decide what is content and where it is
// published, and the options that shape URLs and heading ids. It is read
// once, from the site's own config files, as Hugo v0.160 reads them.
type hugoModel struct {
	// topSecs are the lower-cased top-level section names, listed once:
	// GeneratedRoute asks for every URL a link may mean.
	topOnce     sync.Once
	topSecs     map[string]bool
	root        string
	defaultLang string
	inSubdir    bool     // defaultContentLanguageInSubdir
	langs       []string // configured languages, by weight then name
	disabled    map[string]bool
	mounts      []hugoMount
	lowerPaths  bool // !disablePathToLower
	// Anchor options: markup.goldmark.parser and extensions.
	idType                                 string // github, github-ascii or blackfriday
	autoIDs                                bool
	typographer                            bool
	termIDs                                bool // autoDefinitionTermID
	defList                                bool // the definitionList extension
	buildDrafts, buildFuture, buildExpired bool
	permalinks                             map[string]string // section → pattern for regular pages
	// linkHook is the render-link.html hook's file, relative to the root,
	// when the site has one.
	linkHook string
	// linkHookGetPage: the hook resolves destinations with .GetPage.
	linkHookGetPage bool
	hookLiterals    map[string]bool
	// themes are imported modules or themes whose content and layouts
	// contentlint does not see.
	themes []string
	// cascades are the cascade blocks of _index files, by content path of
	// their section ("" for the home page) and language.
	cascades map[string][]hugoCascade
	// adapters are the sections (content paths) holding a content adapter,
	// _content.gotmpl, whose pages are made by a template.
	adapters []string
	// sections are the folders (by language and content path) that hold
	// an _index file.
	sections map[string]bool
	// shortcodes are the site's own shortcode templates by name.
	shortcodes map[string]hugoShortcodeKind
}

// hugoMount is one content mount: a folder of the site whose files (those
// its filter lets through) appear under target in the content tree.
type hugoMount struct {
	source string // absolute
	target string // path under the content tree, "" for its root
	lang   string // "" when the mount names no language
	filter []hugoGlob
}

type hugoGlobKind int

const (
	hugoInclude hugoGlobKind = iota
	hugoIncludeDir
	hugoExclude
)

type hugoGlob struct {
	g    glob.Glob
	kind hugoGlobKind
}

type hugoCascade struct {
	build      hugoBuild
	hasBuild   bool
	draft      *bool
	targetPath glob.Glob // nil: every descendant
	targetKind string
	targetLang string
}

// hugoBuild is the build option set of a page.
type hugoBuild struct {
	render string // always, never, link
	list   string // always, never, local
}

// lower gives the config tree with lower-cased keys: Hugo config keys are
// case-insensitive.
func lowerKeys(v any) any {
	switch m := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(m))
		for k, x := range m {
			out[strings.ToLower(k)] = lowerKeys(x)
		}
		return out
	case []any:
		out := make([]any, len(m))
		for i, x := range m {
			out[i] = lowerKeys(x)
		}
		return out
	case []map[string]any:
		out := make([]any, len(m))
		for i, x := range m {
			out[i] = lowerKeys(x)
		}
		return out
	}
	return v
}

// mergeInto adds src's keys missing from dst, recursing into tables: the
// first file read wins, as the root config wins over config/_default.
func mergeInto(dst, src map[string]any) {
	for k, v := range src {
		cur, ok := dst[k]
		if !ok {
			dst[k] = v
			continue
		}
		cm, ok1 := cur.(map[string]any)
		sm, ok2 := v.(map[string]any)
		if ok1 && ok2 {
			mergeInto(cm, sm)
		}
	}
}

// hugoConfigTree merges the site's config files into one tree with
// lower-cased keys: the root hugo.* or config.* first, then
// config/_default/hugo.* and config.*, then the per-key files of
// config/_default (languages.toml, module.toml, markup.toml, ...).
func hugoConfigTree(root string) map[string]any {
	tree := map[string]any{}
	for _, m := range hugoConfigs(root) {
		if lm, ok := lowerKeys(m).(map[string]any); ok {
			mergeInto(tree, lm)
		}
	}
	for _, key := range []string{"languages", "module", "markup", "params", "menus"} {
		for _, ext := range []string{".toml", ".yaml", ".yml", ".json"} {
			if m := decodeConfigFile(root, filepath.Join("config", "_default", key+ext)); m != nil {
				if lm, ok := lowerKeys(m).(map[string]any); ok {
					mergeInto(tree, map[string]any{key: lm})
				}
			}
		}
	}
	return tree
}

func treeGet(tree map[string]any, keys ...string) any {
	var cur any = tree
	for _, k := range keys {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[k]
	}
	return cur
}

func treeString(tree map[string]any, keys ...string) string {
	s, _ := treeGet(tree, keys...).(string)
	return s
}

func treeBool(tree map[string]any, def bool, keys ...string) bool {
	if b, err := cast.ToBoolE(treeGet(tree, keys...)); err == nil && treeGet(tree, keys...) != nil {
		return b
	}
	return def
}

// stringList reads a string or a list of strings.
func stringList(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, it := range x {
			if s, ok := it.(string); ok {
				out = append(out, s)
			}
		}
		return out
	case []string:
		return x
	}
	return nil
}

func newHugoModel(root string) *hugoModel {
	tree := hugoConfigTree(root)
	h := &hugoModel{root: root, defaultLang: "en", disabled: map[string]bool{}, cascades: map[string][]hugoCascade{},
		sections: map[string]bool{}}
	if l := treeString(tree, "defaultcontentlanguage"); l != "" {
		h.defaultLang = strings.ToLower(l)
	}
	h.inSubdir = treeBool(tree, false, "defaultcontentlanguageinsubdir")
	h.lowerPaths = !treeBool(tree, false, "disablepathtolower")
	h.buildDrafts = treeBool(tree, false, "builddrafts")
	h.buildFuture = treeBool(tree, false, "buildfuture")
	h.buildExpired = treeBool(tree, false, "buildexpired")
	h.idType = strings.ToLower(treeString(tree, "markup", "goldmark", "parser", "autoheadingidtype"))
	if h.idType == "" {
		h.idType = "github"
	}
	h.autoIDs = treeBool(tree, true, "markup", "goldmark", "parser", "autoheadingid")
	h.typographer = !typographerDisabled(treeGet(tree, "markup", "goldmark", "extensions", "typographer"))
	h.termIDs = treeBool(tree, false, "markup", "goldmark", "parser", "autodefinitiontermid")
	h.defList = treeBool(tree, true, "markup", "goldmark", "extensions", "definitionlist")
	for _, l := range stringList(treeGet(tree, "disablelanguages")) {
		h.disabled[strings.ToLower(l)] = true
	}

	type lang struct {
		name, contentDir string
		weight           int
	}
	var langs []lang
	if lm, ok := treeGet(tree, "languages").(map[string]any); ok {
		for name, v := range lm {
			cfg, _ := v.(map[string]any)
			l := lang{name: strings.ToLower(name)}
			l.contentDir, _ = cfg["contentdir"].(string)
			l.weight, _ = cast.ToIntE(cfg["weight"])
			if treeBool(cfg, false, "disabled") {
				h.disabled[l.name] = true
			}
			langs = append(langs, l)
		}
	}
	if len(langs) == 0 {
		langs = []lang{{name: h.defaultLang}}
	}
	sort.Slice(langs, func(i, j int) bool {
		wi, wj := langs[i].weight, langs[j].weight
		if (wi == 0) != (wj == 0) {
			return wj == 0 // weighted languages come first
		}
		if wi != wj {
			return wi < wj
		}
		return langs[i].name < langs[j].name
	})
	for _, l := range langs {
		h.langs = append(h.langs, l.name)
	}

	h.mounts = h.readMounts(tree)
	if len(h.mounts) == 0 {
		// No content mount: contentDir and each language's contentDir are
		// the mounts; one that equals the top-level dir names no language.
		base := treeString(tree, "contentdir")
		if base == "" {
			base = "content"
		}
		seen := map[string]bool{}
		for _, l := range langs {
			dir, lg := l.contentDir, l.name
			if dir == "" || path.Clean(dir) == path.Clean(base) {
				dir, lg = base, ""
			}
			if seen[dir+"\x00"+lg] {
				continue
			}
			seen[dir+"\x00"+lg] = true
			h.mounts = append(h.mounts, hugoMount{source: h.abs(dir), lang: lg})
		}
	}
	h.permalinks = hugoPermalinks(root)
	for _, p := range []string{"layouts/_markup/render-link.html", "layouts/_default/_markup/render-link.html"} {
		if b, err := readSiteFile(root, filepath.FromSlash(p)); err == nil {
			h.linkHook = p
			h.linkHookGetPage = strings.Contains(string(b), ".GetPage")
			// Destinations the hook compares with a literal (a glossary
			// hook's `eq $u.String "g"`) become something else.
			h.hookLiterals = map[string]bool{}
			for _, m := range hookLiteralRE.FindAllStringSubmatch(string(b), -1) {
				h.hookLiterals[m[1]] = true
			}
			break
		}
	}
	if t := stringList(treeGet(tree, "theme")); len(t) > 0 {
		h.themes = append(h.themes, t...)
	}
	if imps, ok := treeGet(tree, "module", "imports").([]any); ok {
		for _, imp := range imps {
			if m, ok := imp.(map[string]any); ok {
				if p, ok := m["path"].(string); ok {
					h.themes = append(h.themes, p)
				}
			}
		}
	}
	h.readCascades()
	h.readShortcodes()
	return h
}

// typographerDisabled: the extension is on unless set to false, or to a
// table with disable = true.
func typographerDisabled(v any) bool {
	switch x := v.(type) {
	case bool:
		return !x
	case map[string]any:
		b, _ := cast.ToBoolE(x["disable"])
		return b
	}
	return false
}

func (h *hugoModel) abs(p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(h.root, filepath.FromSlash(p))
}

// readMounts reads [[module.mounts]] whose target is the content tree.
func (h *hugoModel) readMounts(tree map[string]any) []hugoMount {
	list, _ := treeGet(tree, "module", "mounts").([]any)
	var out []hugoMount
	for _, it := range list {
		m, ok := it.(map[string]any)
		if !ok {
			continue
		}
		src, _ := m["source"].(string)
		target, _ := m["target"].(string)
		target = strings.Trim(path.Clean("/"+filepath.ToSlash(target)), "/")
		if src == "" || (target != "content" && !strings.HasPrefix(target, "content/")) {
			continue
		}
		langs := stringList(m["lang"])
		if ls := stringList(treeGet(m, "sites", "matrix", "languages")); len(ls) > 0 {
			langs = ls
		}
		var patterns []string
		patterns = append(patterns, stringList(m["includefiles"])...)
		for _, p := range stringList(m["excludefiles"]) {
			if !strings.HasPrefix(p, "! ") {
				p = "! " + p
			}
			patterns = append(patterns, p)
		}
		patterns = append(patterns, stringList(m["files"])...)
		filter := hugoFilter(patterns)
		mt := hugoMount{source: h.abs(src), target: strings.TrimPrefix(strings.TrimPrefix(target, "content"), "/"), filter: filter}
		if len(langs) == 0 {
			out = append(out, mt)
		}
		for _, l := range langs {
			mt.lang = strings.ToLower(l)
			out = append(out, mt)
		}
	}
	return out
}

// hugoFilter compiles mount file patterns as Hugo does: each gets a leading
// "/", "! " makes it an exclusion, an inclusion also lets through the
// folders on its way, and the first entry that matches decides. Patterns
// and names are compared lower-cased. A pattern that does not compile is
// dropped (Hugo fails the build on it itself).
func hugoFilter(patterns []string) []hugoGlob {
	var out []hugoGlob
	for _, p := range patterns {
		kind := hugoInclude
		if rest, ok := strings.CutPrefix(p, "! "); ok {
			kind, p = hugoExclude, rest
		}
		p = filepath.ToSlash(p)
		if !strings.HasPrefix(p, "/") {
			p = "/" + p
		}
		g, err := glob.Compile(strings.ToLower(p), '/')
		if err != nil {
			continue
		}
		out = append(out, hugoGlob{g: g, kind: kind})
		if kind != hugoInclude {
			continue
		}
		parts := strings.Split(path.Dir(p), "/")
		for i := range parts {
			dg, err := glob.Compile(strings.ToLower("/"+path.Join(parts[:i+1]...)), '/')
			if err == nil {
				out = append(out, hugoGlob{g: dg, kind: hugoIncludeDir})
			}
		}
	}
	return out
}

func hugoFilterMatch(filter []hugoGlob, name string, isDir bool) bool {
	if len(filter) == 0 {
		return true
	}
	name = strings.ToLower(name)
	hasInclude := false
	for _, e := range filter {
		switch e.kind {
		case hugoExclude:
			if e.g.Match(name) {
				return false
			}
		case hugoInclude:
			if e.g.Match(name) {
				return true
			}
			hasInclude = true
		case hugoIncludeDir:
			if isDir && e.g.Match(name) {
				return true
			}
		}
	}
	return !hasInclude
}

// hugoFile is one content file as Hugo sees it through one mount.
type hugoFile struct {
	path string // path in the content tree, with /, extension kept
	lang string
	// unknownLang is a name suffix (about.de.md) that looks like a
	// language the config does not define.
	unknownLang string
}

// files gives the content files abs is, one per mount that lets it
// through (a folder mounted for two languages gives two); none when abs is
// not content.
func (h *hugoModel) files(abs string) []hugoFile {
	var out []hugoFile
	for _, m := range h.mounts {
		if !within(m.source, abs) || abs == m.source {
			continue
		}
		rel := relSlash(m.source, abs)
		if strings.HasPrefix(rel, "../") {
			continue
		}
		if !h.passes(m, rel) {
			continue
		}
		f := hugoFile{path: strings.TrimPrefix(m.target+"/"+rel, "/"), lang: m.lang}
		base := path.Base(rel)
		noExt := strings.TrimSuffix(base, path.Ext(base))
		if i := strings.LastIndexByte(noExt, '.'); i > 0 {
			suffix := strings.ToLower(noExt[i+1:])
			if h.isLang(suffix) {
				f.lang = suffix
				f.path = strings.TrimSuffix(f.path, base) + noExt[:i] + path.Ext(base)
			} else if looksLikeLang(suffix) {
				f.unknownLang = suffix
			}
		}
		if f.lang == "" {
			f.lang = h.defaultLang
		}
		out = append(out, f)
	}
	return out
}

// passes applies the mount's filter to the file and to each folder above
// it: Hugo does not walk into a folder the filter refuses.
func (h *hugoModel) passes(m hugoMount, rel string) bool {
	segs := strings.Split(rel, "/")
	for i := 1; i < len(segs); i++ {
		if !hugoFilterMatch(m.filter, "/"+strings.Join(segs[:i], "/"), true) {
			return false
		}
	}
	return hugoFilterMatch(m.filter, "/"+rel, false)
}

func (h *hugoModel) isLang(s string) bool {
	for _, l := range h.langs {
		if l == s {
			return true
		}
	}
	return false
}

// looksLikeLang: two or three letters, optionally a region (pt-br).
func looksLikeLang(s string) bool {
	main, region, _ := strings.Cut(s, "-")
	if len(main) < 2 || len(main) > 3 || len(region) > 4 {
		return false
	}
	for _, r := range main + region {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// hugoSanitize is Hugo's path sanitizing: letters, digits, marks and
// . / \ _ # + ~ - @ (and %XX escapes) stay, a run of spaces becomes one "-"
// (none at the start), and everything else is dropped.
func hugoSanitize(s string) string {
	var b strings.Builder
	prepend, wasHyphen := false, false
	for i, r := range s {
		ok := r != ' ' && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("./\\_#+~-@", r) ||
			unicode.IsMark(r) || (r == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])))
		if ok {
			wasHyphen = r == '-'
			if prepend && !wasHyphen {
				b.WriteByte('-')
			}
			prepend = false
			b.WriteRune(r)
		} else if b.Len() > 0 && !wasHyphen && unicode.IsSpace(r) {
			prepend = true
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

// hugoURLize is urlize: sanitized and lower-cased, as :title and :slug
// are made from a title.
func hugoURLize(s string) string { return strings.ToLower(hugoSanitize(s)) }

// hugoTime parses a front matter date as Hugo does (spf13/cast's formats).
func hugoTime(v *Value) (time.Time, bool) {
	if v == nil || v.Kind != Scalar || strings.TrimSpace(v.Text) == "" {
		return time.Time{}, false
	}
	t, err := cast.ToTimeInDefaultLocationE(strings.TrimSpace(v.Text), time.UTC)
	return t, err == nil
}

// HugoAcceptsDate reports whether Hugo parses s as a date.
func HugoAcceptsDate(s string) bool {
	_, err := cast.ToTimeInDefaultLocationE(strings.TrimSpace(s), time.UTC)
	return err == nil
}

// readCascades reads the cascade block of every _index file in the mounts.
func (h *hugoModel) readCascades() {
	for _, m := range h.mounts {
		root, err := os.OpenRoot(m.source)
		if err != nil {
			continue // an absent mount has no cascades
		}
		_ = fs.WalkDir(root.FS(), ".", func(rel string, d fs.DirEntry, err error) error {
			if err != nil {
				// An unreadable folder only means its cascades are unknown.
				return fs.SkipDir
			}
			if !d.IsDir() && d.Name() == "_content.gotmpl" {
				// A content adapter: it adds pages in code.
				dir := path.Dir(path.Join(m.target, rel))
				if dir == "." {
					dir = ""
				}
				h.adapters = append(h.adapters, dir)
				return nil
			}
			if d.IsDir() || !strings.HasPrefix(d.Name(), "_index.") || !IsMarkdown(d.Name()) {
				return nil
			}
			src, rerr := root.ReadFile(rel)
			if rerr != nil {
				return nil //nolint:nilerr // an unreadable file is reported when it is linted
			}
			for _, f := range h.files(filepath.Join(m.source, filepath.FromSlash(rel))) {
				h.sections[f.lang+"\x00"+path.Dir(f.path)] = true
				fm := ParseFrontMatter(src, NewLineIndex(src))
				if fm == nil || fm.Root == nil {
					continue
				}
				if cs := parseCascades(fm.Root.Get("cascade")); len(cs) > 0 {
					key := f.lang + "\x00" + path.Dir(f.path)
					if path.Dir(f.path) == "." {
						key = f.lang + "\x00"
					}
					h.cascades[key] = append(h.cascades[key], cs...)
				}
			}
			return nil
		})
		_ = root.Close()
	}
}

// parseCascades reads cascade: a table, or a list of tables each with an
// optional target (or the older _target) of path, kind and lang.
func parseCascades(v *Value) []hugoCascade {
	if v == nil {
		return nil
	}
	items := []*Value{v}
	if v.Kind == List {
		items = v.Items
	}
	var out []hugoCascade
	for _, it := range items {
		if it.Kind != Map {
			continue
		}
		var c hugoCascade
		if b := buildOptions(it.Get("build")); b != nil {
			c.build, c.hasBuild = *b, true
		} else if b := buildOptions(it.Get("_build")); b != nil {
			c.build, c.hasBuild = *b, true
		}
		if d := it.Get("draft"); d != nil {
			if b, err := cast.ToBoolE(d.String()); err == nil {
				c.draft = &b
			}
		}
		t := it.Get("target")
		if t == nil {
			t = it.Get("_target")
		}
		if t != nil {
			if p := fieldString(t, "path"); p != "" {
				if g, err := glob.Compile(strings.ToLower("/"+strings.TrimPrefix(p, "/")), '/'); err == nil {
					c.targetPath = g
				}
			}
			c.targetKind = strings.ToLower(fieldString(t, "kind"))
			c.targetLang = strings.ToLower(fieldString(t, "lang"))
		}
		out = append(out, c)
	}
	return out
}

func buildOptions(v *Value) *hugoBuild {
	if v == nil || v.Kind != Map {
		return nil
	}
	b := &hugoBuild{render: strings.ToLower(fieldString(v, "render")), list: strings.ToLower(fieldString(v, "list"))}
	// The old booleans: render: false is never.
	switch b.render {
	case "false":
		b.render = "never"
	case "true":
		b.render = "always"
	}
	return b
}

// Why Hugo leaves a page out of the site altogether (GetPage, ref and relref
// do not find it), unlike a headless page or one with build options, which
// is in the site but not rendered.
const (
	hugoWhyDraft    = "it is a draft"
	hugoWhyFuture   = "its date is in the future"
	hugoWhyExpired  = "it has expired"
	hugoWhyDisabled = "its language is disabled"
)

func hugoInSite(e *Entry) bool {
	switch e.Unrendered {
	case hugoWhyDraft, hugoWhyFuture, hugoWhyExpired, hugoWhyDisabled:
		return false
	}
	return true
}

// hugoPage is what Hugo makes of one content file in one language.
type hugoPage struct {
	file     hugoFile
	kind     string // home, section, page
	rendered bool
	why      string // why it is not rendered
	url      string
	aliases  []string
	// key links translations: the translationKey, else the content path
	// without language.
	key string
}

// page computes what Hugo does with the file f whose front matter is fm.
func (h *hugoModel) page(f hugoFile, fm *Value, now time.Time) hugoPage {
	pg := hugoPage{file: f, kind: "page", rendered: true}
	noExt := strings.TrimSuffix(f.path, path.Ext(f.path))
	dir, name := path.Dir(noExt), path.Base(noExt)
	if dir == "." {
		dir = ""
	}
	if name == "_index" {
		pg.kind = "section"
		if dir == "" {
			pg.kind = "home"
		}
	}
	pg.key = "path:" + noExt
	if k := fieldString(fm, "translationKey"); k != "" {
		pg.key = "key:" + k
	}
	if h.disabled[f.lang] {
		pg.rendered, pg.why = false, hugoWhyDisabled
		return pg
	}
	build := h.buildFor(f, pg.kind, fm)
	switch {
	case build.render == "never" || build.render == "link":
		pg.rendered, pg.why = false, "build.render is "+build.render
	case h.draft(f, pg.kind, fm) && !h.buildDrafts:
		pg.rendered, pg.why = false, hugoWhyDraft
	case !h.buildFuture && h.future(fm, now):
		pg.rendered, pg.why = false, hugoWhyFuture
	case !h.buildExpired && h.expired(fm, now):
		pg.rendered, pg.why = false, hugoWhyExpired
	}
	if !pg.rendered {
		return pg
	}
	prefix := ""
	if f.lang != h.defaultLang || h.inSubdir {
		prefix = "/" + f.lang
	}
	pg.url = h.pageURL(f.lang, pg.kind, dir, name, prefix, fm)
	for _, key := range []string{"aliases"} {
		v := fm.Get(key)
		if v == nil {
			continue
		}
		for _, it := range append([]*Value{v}, v.Items...) {
			a := strings.TrimSpace(it.String())
			if a == "" {
				continue
			}
			if strings.HasPrefix(a, "/") {
				a = prefix + a
			} else {
				a = path.Join(path.Dir(strings.TrimSuffix(pg.url, "/")), a)
			}
			pg.aliases = append(pg.aliases, NormalizeURLPath(a))
		}
	}
	if pg.kind == "home" && f.lang == h.defaultLang && len(h.langs) > 1 {
		// Hugo writes a redirect between / and /<default language>/.
		if h.inSubdir {
			pg.aliases = append(pg.aliases, "/")
		} else {
			pg.aliases = append(pg.aliases, "/"+f.lang)
		}
	}
	return pg
}

// buildFor gives the build options of a page: its own build (or headless,
// or the removed _build), else the nearest cascade from a section above.
func (h *hugoModel) buildFor(f hugoFile, kind string, fm *Value) hugoBuild {
	if b := buildOptions(fm.Get("build")); b != nil {
		return *b
	}
	if b := buildOptions(fm.Get("_build")); b != nil {
		return *b
	}
	if hl, err := cast.ToBoolE(fm.Get("headless").String()); err == nil && hl {
		return hugoBuild{render: "never", list: "never"}
	}
	for _, c := range h.cascadesFor(f, kind) {
		if c.hasBuild {
			return c.build
		}
	}
	return hugoBuild{render: "always", list: "always"}
}

func (h *hugoModel) draft(f hugoFile, kind string, fm *Value) bool {
	if d := fm.Get("draft"); d != nil {
		b, _ := cast.ToBoolE(d.String())
		return b
	}
	for _, c := range h.cascadesFor(f, kind) {
		if c.draft != nil {
			return *c.draft
		}
	}
	return false
}

// cascadesFor lists the cascades that apply to a page, nearest section
// first; a section's own cascade applies to the section page too.
func (h *hugoModel) cascadesFor(f hugoFile, kind string) []hugoCascade {
	noExt := strings.TrimSuffix(f.path, path.Ext(f.path))
	dir := path.Dir(noExt)
	if dir == "." {
		dir = ""
	}
	pagePath := "/" + strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(noExt, "_index"), "/"))
	if path.Base(noExt) == "index" {
		pagePath = "/" + strings.ToLower(dir)
	}
	var out []hugoCascade
	for {
		for _, c := range h.cascades[f.lang+"\x00"+dir] {
			if c.targetPath != nil && !c.targetPath.Match(pagePath) {
				continue
			}
			if c.targetKind != "" && c.targetKind != kind {
				continue
			}
			if c.targetLang != "" && c.targetLang != f.lang {
				continue
			}
			out = append(out, c)
		}
		if dir == "" {
			return out
		}
		dir = path.Dir(dir)
		if dir == "." {
			dir = ""
		}
	}
}

func (h *hugoModel) future(fm *Value, now time.Time) bool {
	for _, k := range []string{"publishDate", "publishdate", "pubdate", "published", "date"} {
		if t, ok := hugoTime(fm.Get(k)); ok {
			return t.After(now)
		}
	}
	return false
}

func (h *hugoModel) expired(fm *Value, now time.Time) bool {
	for _, k := range []string{"expiryDate", "expirydate", "unpublishdate"} {
		if t, ok := hugoTime(fm.Get(k)); ok {
			return t.Before(now)
		}
	}
	return false
}

// pageURL is the page's path: url front matter as written; else the
// section's permalink pattern (regular pages); else its folders and its
// slug or name (a leaf bundle is named by its folder), sanitized and
// lower-cased unless disablePathToLower.
func (h *hugoModel) pageURL(lang, kind, dir, name, prefix string, fm *Value) string {
	if u := fieldString(fm, "url"); u != "" {
		if !strings.HasPrefix(u, "/") {
			u = prefix + "/" + u
		}
		if u = path.Clean(u); path.Ext(u) != "" {
			return u // an explicit file name such as /feed.html
		}
		return ensureSlash(u)
	}
	lower := func(s string) string {
		if h.lowerPaths {
			return strings.ToLower(s)
		}
		return s
	}
	slug := fieldString(fm, "slug")
	if kind == "page" {
		if name == "index" {
			name, dir = path.Base(dir), path.Dir(dir)
			if dir == "." {
				dir = ""
			}
		}
		section, _, _ := strings.Cut(dir, "/")
		if pat, ok := h.permalinks[section]; ok && dir != "" {
			return ensureSlash(prefix + h.expandPermalink(pat, h.sectionOf(lang, dir), name, fm))
		}
		if slug != "" {
			name = slug
		}
		return ensureSlash(prefix + "/" + lower(hugoSanitize(strings.TrimPrefix(dir+"/"+name, "/"))))
	}
	if kind == "home" {
		return ensureSlash(prefix + "/")
	}
	return ensureSlash(prefix + "/" + lower(hugoSanitize(dir)))
}

func ensureSlash(u string) string {
	u = path.Clean("/" + u)
	if u != "/" {
		u += "/"
	}
	return u
}

// sectionOf is the section a page in folder dir belongs to: the nearest
// folder above it that is a section (the top-level folder always is; a
// deeper one only with an _index file).
func (h *hugoModel) sectionOf(lang, dir string) string {
	for d := dir; strings.Contains(d, "/"); d = path.Dir(d) {
		if h.sections[lang+"\x00"+d] {
			return d
		}
	}
	first, _, _ := strings.Cut(dir, "/")
	return first
}

// expandPermalink fills a [permalinks] pattern for a regular page.
func (h *hugoModel) expandPermalink(pat, dir, name string, fm *Value) string {
	title := hugoURLize(fieldString(fm, "title"))
	if title == "" {
		title = name
	}
	slug := fieldString(fm, "slug")
	slugOrTitle := hugoURLize(slug)
	if slug == "" {
		slugOrTitle = title
	}
	slugOrName := name
	if slug != "" {
		slugOrName = hugoURLize(slug)
	}
	var y, m, d string
	if t, ok := hugoTime(fm.Get("date")); ok {
		y, m, d = t.Format("2006"), t.Format("01"), t.Format("02")
	}
	section, _, _ := strings.Cut(dir, "/")
	out := strings.NewReplacer(
		":slugorcontentbasename", slugOrName, ":slugorfilename", slugOrName,
		":contentbasename", name, ":filename", name, ":sections", dir, ":section", section,
		":title", title, ":slug", slugOrTitle, ":year", y, ":month", m, ":day", d).Replace(pat)
	if h.lowerPaths {
		out = strings.ToLower(out)
	}
	return out
}

// inLeafBundle reports whether abs sits in a leaf bundle (a folder above it,
// within its mount, holds an index file): then it is a resource of that
// page, not a page.
func (h *hugoModel) inLeafBundle(abs string) bool {
	if strings.HasPrefix(filepath.Base(abs), "index.") {
		abs = filepath.Dir(abs)
	}
	for _, m := range h.mounts {
		if !within(m.source, abs) {
			continue
		}
		for dir := filepath.Dir(abs); within(m.source, dir) && dir != m.source; dir = filepath.Dir(dir) {
			for _, ext := range []string{".md", ".markdown", ".html", ".htm"} {
				if FileExists(filepath.Join(dir, "index"+ext)) {
					return true
				}
			}
		}
	}
	return false
}

// hugoBase is the key Hugo finds a content file by (ref, relref,
// .GetPage): its path in the content tree, lower-cased, without extension
// or language, with "/" in front; a bundle's index or a section's _index
// stands for its folder.
func hugoBase(contentPath string) string {
	p := strings.ToLower(path.Clean("/" + contentPath))
	if ext := path.Ext(p); ext != "" && !strings.Contains(ext, "/") {
		p = strings.TrimSuffix(p, ext)
	}
	if b := path.Base(p); b == "index" || b == "_index" {
		p = path.Dir(p)
	}
	return p
}

// hugoRefIndex answers ref lookups over the site's pages.
type hugoRefIndex struct {
	bases map[string]string // base → site-relative file, for every page of any language
	names map[string][]string
}

func newHugoRefIndex() *hugoRefIndex {
	return &hugoRefIndex{bases: map[string]string{}, names: map[string][]string{}}
}

func (ix *hugoRefIndex) add(contentPath, file string) {
	b := hugoBase(contentPath)
	if _, ok := ix.bases[b]; !ok {
		ix.bases[b] = file
	}
	name := strings.ToLower(path.Base(contentPath))
	name = strings.TrimSuffix(name, path.Ext(name))
	if name == "index" || name == "_index" {
		name = path.Base(path.Dir(strings.ToLower(contentPath)))
	}
	for _, f := range ix.names[name] {
		if f == file {
			return
		}
	}
	ix.names[name] = append(ix.names[name], file)
}

// resolve finds what ref (without #fragment) names from the page at
// fromPath (its content path) as Hugo's ref and relref do, or, with
// refLink false, as .GetPage does: the page-relative path first (from the
// section folder for a section page, else the folder holding the file or
// bundle), then from the content root, then (ref and relref, or without a
// page) a bare name that one page alone has. It returns the file, or why
// not.
func (ix *hugoRefIndex) resolve(fromPath, ref string, refLink bool) (string, string) {
	ref = strings.TrimSuffix(filepath.ToSlash(strings.TrimSpace(ref)), "/")
	in := ref
	if ref == "" {
		ref = "/"
	}
	hadExt := path.Ext(ref) != ""
	try := func(p string) (string, bool) {
		f, ok := ix.bases[hugoBase(p)]
		return f, ok
	}
	if fromPath != "" && !strings.HasPrefix(ref, "/") {
		noExt := strings.TrimSuffix(fromPath, path.Ext(fromPath))
		base := path.Dir(noExt)
		if path.Base(noExt) == "index" && (!hadExt || !strings.HasPrefix(ref, "../")) {
			base = path.Dir(base) // a leaf bundle: the folder holding it
		}
		if f, ok := try(path.Join("/", base, ref)); ok {
			return f, ""
		}
	}
	if strings.HasPrefix(ref, ".") {
		return "", "no page at " + in + " relative to this page"
	}
	if f, ok := try(ref); ok {
		return f, ""
	}
	if (refLink || fromPath == "") && !strings.Contains(in, "/") {
		name := strings.ToLower(strings.TrimSuffix(in, path.Ext(in)))
		switch fs := ix.names[name]; len(fs) {
		case 1:
			return fs[0], ""
		case 0:
		default:
			return "", fmt.Sprintf("page reference %q is ambiguous: %s", in, strings.Join(fs, ", "))
		}
	}
	return "", "no page " + in + " in the content tree"
}

// hugo models Hugo v0.160: content mounts (contentDir, per-language
// contentDir, [[module.mounts]] with their file filters), languages (by
// mount or by file name suffix, translations by path or translationKey),
// build options, drafts and dates, [permalinks], url, slug and aliases,
// disablePathToLower, and the heading-id options. Configure replaces the
// site's model with one that holds the site's configuration.
type hugo struct{ m *hugoModel }

func (hugo) Name() string { return "hugo" }

func (hugo) Detect(dir string) bool {
	return hasFile(dir, "hugo.toml", "hugo.yaml", "hugo.json") ||
		hasFile(dir, "config.toml", "config.yaml", "config.yml") && hasDir(dir, "content") ||
		hasFile(filepath.Join(dir, "config", "_default"), "hugo.toml", "hugo.yaml", "hugo.json")
}

// Roots are the sources of the content mounts, each with its language.
func (hugo) Roots(root string) []ContentRoot {
	var out []ContentRoot
	seen := map[string]bool{}
	for _, mt := range newHugoModel(root).mounts {
		if seen[mt.source] {
			continue
		}
		seen[mt.source] = true
		if fi, err := os.Stat(mt.source); err == nil && fi.IsDir() {
			out = append(out, ContentRoot{Dir: mt.source, Kind: KindGeneric, Lang: mt.lang})
		}
	}
	return out
}

func (hugo) Defaults(cfg *Config) {
	setList(&cfg.Static, "static", "assets")
	setStr(&cfg.Cover.Field, "cover")
	if u := hugoBaseURL(cfg.Root); len(cfg.BaseURL) == 0 && u != "" {
		cfg.BaseURL = StringList{u}
	}
}

func (hugo) Configure(s *Site) error {
	m := newHugoModel(s.Root)
	s.Gen = hugo{m: m}
	s.SectionPermalinks = m.permalinks
	s.LowerURLs = m.lowerPaths
	s.DefaultLang = m.defaultLang
	if len(m.langs) > 1 || m.defaultLang != "en" {
		s.Languages = append([]string{m.defaultLang}, without(m.langs, m.defaultLang)...)
	}
	s.SlugStyle = m.slugStyle()
	s.Anchors = AnchorOptions{LastLine: true, TermIDs: m.termIDs && m.defList, FootnoteIDs: true, NoTypographer: !m.typographer}
	if m.defList {
		s.Extensions = append(s.Extensions, hugoDefinitionList())
	}
	if len(m.themes) > 0 {
		s.Notes = append(s.Notes, fmt.Sprintf("themes and modules (%s) may add content, layouts and shortcodes contentlint does not see", strings.Join(m.themes, ", ")))
	}
	if len(m.adapters) > 0 {
		s.Notes = append(s.Notes, fmt.Sprintf("content adapters (_content.gotmpl in %s) make pages contentlint does not see; links under them are not judged", strings.Join(m.adapters, ", ")))
	}
	if m.linkHook != "" {
		how := "it does not call .GetPage, so links it rewrites are judged as written"
		if m.linkHookGetPage {
			how = "it resolves destinations with .GetPage, so a link also counts when it names a page by its content path (any case, trailing slash optional)"
		}
		s.Notes = append(s.Notes, fmt.Sprintf("%s renders every link; %s", m.linkHook, how))
	}
	return nil
}

// hugoDefinitionList is goldmark's definition list, on in Hugo by default.
func hugoDefinitionList() goldmark.Extender { return extension.DefinitionList }

func without(list []string, x string) []string {
	var out []string
	for _, s := range list {
		if s != x {
			out = append(out, s)
		}
	}
	return out
}

// slugStyle names the heading-id slugger for autoHeadingIDType.
func (h *hugoModel) slugStyle() string {
	switch h.idType {
	case "github-ascii":
		return "hugo-github-ascii"
	case "blackfriday":
		return "hugo-blackfriday"
	}
	return "hugo"
}

// PageURL is unused: ModelEntry decides every Hugo page.
func (hugo) PageURL(*Site, *Entry, ContentRoot, string) (string, bool) { return "", false }

func (hugo) Partial(*Site, string) bool { return false }

func (g hugo) GeneratedRoute(s *Site, p string) bool {
	if strings.HasPrefix(p, "/tags") || strings.HasPrefix(p, "/categories") ||
		strings.HasSuffix(p, "/index.xml") || strings.Contains(p+"/", "/page/") {
		return true
	}
	// Hugo renders a list page for every top-level section (a folder of
	// the content tree), with or without an _index.md, in each language.
	seg := strings.Trim(p, "/")
	if g.m != nil {
		if l, rest, _ := strings.Cut(seg, "/"); g.m.isLang(l) && (l != g.m.defaultLang || g.m.inSubdir) {
			if rest == "" {
				return true
			}
			seg = rest
		}
	}
	if seg == "" || strings.Contains(seg, "/") {
		return false
	}
	if g.m == nil {
		for _, r := range s.ContentRoots {
			if hasDir(r.Dir, seg) {
				return true
			}
		}
		return false
	}
	return g.m.topSections()[strings.ToLower(seg)]
}

// topSections lists the first folders of the content tree: a mount's own
// target, or the folders of a mount at the root.
func (m *hugoModel) topSections() map[string]bool {
	m.topOnce.Do(func() {
		m.topSecs = map[string]bool{}
		for _, mt := range m.mounts {
			if mt.target != "" {
				first, _, _ := strings.Cut(mt.target, "/")
				m.topSecs[strings.ToLower(first)] = true
				continue
			}
			ents, _ := os.ReadDir(mt.source) // an unreadable mount has no sections
			for _, e := range ents {
				if e.IsDir() {
					m.topSecs[strings.ToLower(hugoSanitize(e.Name()))] = true
				}
			}
		}
	})
	return m.topSecs
}

// OwnsURL: under a section with a content adapter (_content.gotmpl) pages
// come from a template, so a path there that reaches no file proves nothing.
func (g hugo) OwnsURL(_ *Site, p string) bool {
	if g.m == nil {
		return true
	}
	for _, a := range g.m.adapters {
		base := "/" + strings.ToLower(a)
		for _, l := range g.m.langs {
			prefix := ""
			if l != g.m.defaultLang || g.m.inSubdir {
				prefix = "/" + l
			}
			if b := strings.TrimSuffix(prefix+base, "/"); p == b || strings.HasPrefix(p, b+"/") || b == "" {
				return false
			}
		}
	}
	return true
}

func (hugo) Dialect(string) (string, []string) { return DialectNone, nil }

func (hugo) Traits() Traits {
	return Traits{SlugStyle: "hugo", LowerURLs: true, FieldURLs: true, Shortcodes: true}
}

// CheckDate accepts what Hugo accepts: spf13/cast's date formats (RFC 3339
// with or without a colon in the zone, "2006-01-02 15:04:05 -0700", RFC 1123
// and RFC 822 forms, "02 Jan 2006", ...). Hugo fails the build on any other
// date, so that is fatal; an impossible day (2024-02-30) is one.
func (hugo) CheckDate(raw string) (string, bool) {
	if HugoAcceptsDate(raw) {
		return "", false
	}
	return "Hugo cannot parse this date (it fails the build): want a form spf13/cast accepts, such as 2006-01-02, 2006-01-02T15:04:05Z07:00 or 02 Jan 2006", true
}

// Required: a page Hugo never renders (headless, build.render never,
// draft, outside every mount) needs no title.
func (g hugo) Required(s *Site, abs string, fm *Value, cfg []string) []string {
	if g.Unrendered(abs, fm) == "" {
		return cfg
	}
	return without(cfg, "title")
}

// IsContent: only files a content mount lets through are content.
// Reads: a file outside every mount, or refused by a mount's filter, is not
// content.
func (g hugo) Reads(_ *Site, abs string) bool { return g.m == nil || len(g.m.files(abs)) > 0 }

// ModelEntry sets the entry's language, URL, aliases and translation key
// as Hugo builds the page; a page Hugo never renders gets no URL.
func (g hugo) ModelEntry(s *Site, e *Entry) {
	if g.m == nil {
		return
	}
	fs := g.m.files(e.Abs)
	if len(fs) == 0 {
		return
	}
	if g.m.inLeafBundle(e.Abs) {
		e.Lang = fs[0].lang
		e.Unrendered = "it is a resource of the leaf bundle above it"
		return
	}
	pg := g.m.page(fs[0], e.Fields, time.Now())
	e.Lang, e.URL, e.Aliases, e.TranslationKey = fs[0].lang, pg.url, pg.aliases, pg.key
	if !pg.rendered {
		e.Unrendered = pg.why
		e.URL = ""
	}
	if fs[0].unknownLang != "" {
		e.UnknownLang = fs[0].unknownLang
	}
	if e.URL != "" {
		e.URL = NormalizeURLPath(e.URL)
	}
	// The same file mounted for more languages is a page in each.
	for _, f := range fs[1:] {
		if p := g.m.page(f, e.Fields, time.Now()); p.rendered && p.url != "" {
			e.ExtraURLs = append(e.ExtraURLs, NormalizeURLPath(p.url))
		}
	}
}

// Unrendered says why Hugo never renders the file with front matter fm.
func (g hugo) Unrendered(abs string, fm *Value) string {
	if g.m == nil {
		return ""
	}
	fs := g.m.files(abs)
	if len(fs) == 0 {
		return "it is outside every content mount"
	}
	if g.m.inLeafBundle(abs) {
		return "it is a resource of the leaf bundle above it"
	}
	return g.m.page(fs[0], fm, time.Now()).why
}

// CheckField: Hugo 0.145 removed the _build key (build replaces it), and
// fails the build on a page that still sets it.
func (hugo) CheckField(key string) string {
	if key == "_build" {
		return "Hugo removed _build in v0.145.0 and fails the build on it: rename it build"
	}
	return ""
}

// Fingerprint covers the configuration the model read, for the index cache.
func (g hugo) Fingerprint() string {
	if g.m == nil {
		return ""
	}
	return fmt.Sprintf("%v %v %v %v %v %q %v", g.m.langs, g.m.mounts, g.m.inSubdir, g.m.lowerPaths, g.m.permalinks, g.m.idType, len(g.m.cascades))
}

// LinkEntries gives each rendered page its translations: the pages of
// other languages with the same translation key (translationKey, else the
// content path without language).
func (g hugo) LinkEntries(_ *Site, entries []*Entry) {
	if g.m != nil {
		g.includeAnchors(entries)
	}
	byKey := map[string][]*Entry{}
	for _, e := range entries {
		if e.TranslationKey != "" && e.URL != "" {
			byKey[e.TranslationKey] = append(byKey[e.TranslationKey], e)
		}
	}
	for _, group := range byKey {
		for _, e := range group {
			for _, o := range group {
				if o.Lang == e.Lang {
					continue
				}
				if e.Translations == nil {
					e.Translations = map[string]string{}
				}
				if _, ok := e.Translations[o.Lang]; !ok {
					e.Translations[o.Lang] = o.Path
				}
			}
		}
	}
}

// hugoShortcodeKind is what contentlint knows of a shortcode's output.
type hugoShortcodeKind int

const (
	scHarmless     hugoShortcodeKind = iota // adds no anchor (or only ones it writes in the page's source)
	scRef                                   // ref, relref: a page by Hugo's lookup
	scFigure                                // figure: src is a page resource, an asset or a static file
	scInclude                               // renders the page named by its first argument (.RenderShortcodes, .Content)
	scUnknown                               // its output is unknown: a theme's, a module's, or it writes ids
	scMarkdownLoop                          // loops: with {{% %}} it may write Markdown headings
)

// hugoBuiltins are Hugo's embedded shortcodes that write no ids.
var hugoBuiltins = map[string]bool{"highlight": true, "gist": true, "instagram": true, "param": true,
	"qr": true, "vimeo": true, "x": true, "twitter": true, "youtube": true, "details": true, "comment": true}

var (
	hookLiteralRE = regexp.MustCompile(`\beq\s+(?:\$[A-Za-z0-9_]+\.(?:String|Path)|\.Destination)\s+"([^"]+)"`)
	// An include shortcode: it gets a page named by an argument and renders
	// its content (the GetPage may come first, or the .Get).
	hugoIncludeRE = regexp.MustCompile(`(?s)\.Get\s+(?:0|"[A-Za-z]+").*GetPage.*\.(?:RenderShortcodes|Content)\b|(?s)GetPage.*\.Get\s+(?:0|"[A-Za-z]+").*\.(?:RenderShortcodes|Content)\b`)
	hugoIDsRE     = regexp.MustCompile(`(?i)<h[1-6]\b|\bid\s*=|\.RenderShortcodes|\.Content\b|markdownify|RenderString|anchorize|\.RawContent\b`)
	// A template that loops can write Markdown headings or terms when it is
	// called with {{% %}} (its output is rendered as Markdown).
	hugoLoopRE = regexp.MustCompile(`\{\{-?\s*range\b`)
)

// shortcodeKinds reads the site's own shortcode templates (layouts/_shortcodes
// and the older layouts/shortcodes, also in a local theme).
func (h *hugoModel) readShortcodes() {
	h.shortcodes = map[string]hugoShortcodeKind{}
	dirs := []string{"layouts/_shortcodes", "layouts/shortcodes"}
	for _, t := range h.themes {
		dirs = append(dirs, "themes/"+t+"/layouts/_shortcodes", "themes/"+t+"/layouts/shortcodes")
	}
	for _, d := range dirs {
		ents, err := os.ReadDir(filepath.Join(h.root, filepath.FromSlash(d)))
		if err != nil {
			continue // no such folder: nothing defined there
		}
		for _, ent := range ents {
			name, _, _ := strings.Cut(ent.Name(), ".")
			if ent.IsDir() || !strings.HasSuffix(ent.Name(), ".html") {
				continue
			}
			if _, seen := h.shortcodes[name]; seen {
				continue
			}
			b, err := readSiteFile(h.root, filepath.Join(filepath.FromSlash(d), ent.Name()))
			if err != nil {
				h.shortcodes[name] = scUnknown
				continue
			}
			switch {
			case hugoIncludeRE.Match(b):
				h.shortcodes[name] = scInclude
			case hugoIDsRE.Match(b):
				h.shortcodes[name] = scUnknown
			case hugoLoopRE.Match(b):
				h.shortcodes[name] = scMarkdownLoop
			default:
				h.shortcodes[name] = scHarmless
			}
		}
	}
}

func (h *hugoModel) shortcodeKind(name string) hugoShortcodeKind {
	if k, ok := h.shortcodes[name]; ok {
		return k
	}
	switch {
	case name == "ref" || name == "relref":
		return scRef
	case name == "figure":
		return scFigure
	case hugoBuiltins[name]:
		return scHarmless
	}
	return scUnknown
}

// contentPath is the entry's path in Hugo's content tree.
func (h *hugoModel) contentPath(e *Entry) string {
	if fs := h.files(e.Abs); len(fs) > 0 {
		return fs[0].path
	}
	return ""
}

// refIndex is the lookup of every page in the site (drafts, future and
// expired pages are not in it), built once per index.
func (g hugo) refIndex(ix *Index) *hugoRefIndex {
	return ix.Memo("hugo-ref-index", func() any {
		ri := newHugoRefIndex()
		for _, e := range ix.Entries {
			if hugoInSite(e) {
				if cp := g.m.contentPath(e); cp != "" {
					ri.add(cp, e.Path)
				}
			}
		}
		return ri
	}).(*hugoRefIndex)
}

// includeAnchors adds to each page that includes another through a shortcode
// (.RenderShortcodes or .Content of .Site.GetPage) the anchors of the page it
// includes, numbered on as Hugo's id factory would; a page whose shortcodes
// may write ids contentlint cannot see gets OpenAnchors.
func (g hugo) includeAnchors(entries []*Entry) {
	ri := newHugoRefIndex()
	byPath := map[string]*Entry{}
	for _, e := range entries {
		byPath[e.Path] = e
		if hugoInSite(e) {
			if cp := g.m.contentPath(e); cp != "" {
				ri.add(cp, e.Path)
			}
		}
	}
	for _, e := range entries {
		for _, sc := range e.Shortcodes {
			switch g.m.shortcodeKind(sc.Name) {
			case scInclude:
				// .Page.GetPage first (from this page), then .Site.GetPage.
				f, why := ri.resolve(g.m.contentPath(e), sc.Arg("", 0), false)
				if f == "" {
					f, why = ri.resolve("", sc.Arg("", 0), true)
				}
				inc := byPath[f]
				if inc == nil || inc == e {
					e.OpenAnchors = fmt.Sprintf("shortcode %q includes %q, which contentlint cannot find (%s)", sc.Name, sc.Arg("", 0), why)
					continue
				}
				for a := range inc.Anchors {
					id := a
					for i := 1; e.Anchors[id]; i++ {
						id = fmt.Sprintf("%s-%d", a, i)
					}
					e.Anchors[id] = true
				}
				if inc.OpenAnchors != "" {
					e.OpenAnchors = inc.OpenAnchors
				}
			case scUnknown:
				e.OpenAnchors = fmt.Sprintf("shortcode %q may write ids contentlint cannot see", sc.Name)
			case scMarkdownLoop:
				if sc.Markdown {
					e.OpenAnchors = fmt.Sprintf("shortcode %q may write Markdown headings contentlint cannot see", sc.Name)
				}
			}
		}
	}
}

// LinkPage resolves a Markdown link as a link render hook that calls
// .GetPage does: by content path, from the page's folder then the content
// root, in any case, with or without a trailing slash. nil when the site
// has no such hook, or it finds nothing.
func (g hugo) LinkPage(ix *Index, from *Entry, dest string) (*Entry, bool) {
	if g.m == nil || dest == "" {
		return nil, false
	}
	if g.m.hookLiterals[dest] {
		return nil, true
	}
	pth, _, _ := strings.Cut(dest, "#")
	if i := strings.IndexByte(pth, '?'); i >= 0 {
		pth = pth[:i]
	}
	if !g.m.linkHookGetPage || pth == "" {
		return nil, false
	}
	f, _ := g.refIndex(ix).resolve(g.m.contentPath(from), pth, false)
	if f == "" {
		return nil, false
	}
	return ix.ByPath(f), false
}

// CheckShortcodes checks the targets of ref and relref (Hugo fails the build
// on one it cannot find) and the src of figure (a broken image on the
// published page).
func (g hugo) CheckShortcodes(s *Site, ix *Index, e *Entry) []Diagnostic {
	if g.m == nil {
		return nil
	}
	var out []Diagnostic
	for _, sc := range e.Shortcodes {
		switch g.m.shortcodeKind(sc.Name) {
		case scRef:
			ref := sc.Arg("path", 0)
			pth, frag, _ := strings.Cut(ref, "#")
			if pth == "" {
				if frag != "" && !e.Anchors[frag] && e.OpenAnchors == "" {
					out = append(out, Diagnostic{Range: sc.Range, Message: fmt.Sprintf("%s %q: no heading or anchor %q in this page", sc.Name, ref, frag)})
				}
				continue
			}
			f, why := g.refIndex(ix).resolve(g.m.contentPath(e), pth, true)
			if f == "" {
				out = append(out, Diagnostic{Range: sc.Range, Severity: Error,
					Message: fmt.Sprintf("%s %q: %s (Hugo fails the build: REF_NOT_FOUND)", sc.Name, ref, why)})
				continue
			}
			t := ix.ByPath(f)
			if frag != "" && t != nil && !t.Anchors[frag] {
				d := Diagnostic{Range: sc.Range, Message: fmt.Sprintf("%s %q: no heading or anchor %q in %s", sc.Name, ref, frag, t.Path)}
				if t.OpenAnchors != "" {
					d.Severity = Warning
					d.Message += "; it may have one contentlint cannot see: " + t.OpenAnchors
				}
				out = append(out, d)
			}
		case scFigure:
			src := sc.Arg("src", 0)
			if src == "" || strings.Contains(src, "://") || strings.HasPrefix(src, "//") || strings.HasPrefix(src, "data:") {
				continue
			}
			if strings.ContainsAny(src, "{}") {
				continue // a template expression
			}
			if found, tried := s.ResolveAsset(e.Abs, src, []string{"assets"}); found == "" {
				out = append(out, Diagnostic{Range: sc.Range, Message: fmt.Sprintf("figure src %q: no page resource, asset or static file (tried %s)", src, strings.Join(relAll(s, tried), ", "))})
			}
		}
	}
	return out
}

// relAll names each path relative to the site root, each once.
func relAll(s *Site, abs []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, a := range abs {
		if r := s.Rel(a); !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	return out
}
