package lint

import (
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"
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
				if m := decodeConfigFile(filepath.Join(root, filepath.FromSlash(dir), n+ext)); m != nil {
					out = append(out, m)
				}
			}
		}
	}
	// config/_default/permalinks.toml holds the permalinks table alone.
	for _, ext := range []string{".toml", ".yaml", ".yml", ".json"} {
		if m := decodeConfigFile(filepath.Join(root, "config", "_default", "permalinks"+ext)); m != nil {
			out = append(out, map[string]any{"permalinks": m})
		}
	}
	return out
}

func decodeConfigFile(f string) map[string]any {
	data, err := os.ReadFile(f)
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

// hugoSectionURL expands a [permalinks] pattern for a regular page of a
// section that has one; section pages (_index.md) keep their path. :title is
// the urlized title and :slug the slug or else that title, as in Hugo.
func (s *Site) hugoSectionURL(root ContentRoot, rel string, e *Entry) (string, bool) {
	if len(s.SectionPermalinks) == 0 {
		return "", false
	}
	section, _, nested := strings.Cut(rel, "/")
	noExt := strings.TrimSuffix(rel, path.Ext(rel))
	name, dir := path.Base(noExt), path.Dir(noExt)
	if name == "_index" || !nested {
		return "", false
	}
	pattern, ok := s.SectionPermalinks[section]
	if !ok {
		return "", false
	}
	if name == "index" { // a leaf bundle is named by its folder
		name, dir = path.Base(dir), path.Dir(dir)
	}
	title := HugoSlug(fieldString(e.Fields, "title"))
	slug := fieldString(e.Fields, "slug")
	if slug == "" {
		slug = title
	}
	if title == "" {
		title = name
	}
	if slug == "" {
		slug = name
	}
	slugOrName := fieldString(e.Fields, "slug")
	if slugOrName == "" {
		slugOrName = name
	}
	pattern = strings.NewReplacer(":slugorcontentbasename", slugOrName, ":slugorfilename", slugOrName,
		":contentbasename", name, ":filename", name, ":sections", dir, ":title", title, ":slug", slug).Replace(pattern)
	return strings.ToLower(s.expand(pattern, root, rel, e)), true
}

// hugo models Hugo: content/, sections and [permalinks], lower-cased URLs,
// Hugo's heading ids.
type hugo struct{}

func (hugo) Name() string { return "hugo" }

func (hugo) Detect(dir string) bool {
	return hasFile(dir, "hugo.toml", "hugo.yaml", "hugo.json") ||
		hasFile(dir, "config.toml", "config.yaml", "config.yml") && hasDir(dir, "content")
}

func (hugo) Roots(root string) []ContentRoot {
	var out []ContentRoot
	rootAdder(root, &out)("content", "", KindGeneric)
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
	s.SectionPermalinks = hugoPermalinks(s.Root)
	return nil
}

func (hugo) PageURL(s *Site, e *Entry, root ContentRoot, rel string) (string, bool) {
	return s.hugoSectionURL(root, rel, e)
}

func (hugo) Partial(*Site, string) bool { return false }

func (hugo) GeneratedRoute(s *Site, p string) bool {
	if strings.HasPrefix(p, "/tags") || strings.HasPrefix(p, "/categories") ||
		strings.HasSuffix(p, "/index.xml") || strings.Contains(p+"/", "/page/") {
		return true
	}
	// Hugo renders a list page for every top-level section (a folder of
	// the content root), with or without an _index.md.
	if seg := strings.Trim(p, "/"); seg != "" && !strings.Contains(seg, "/") {
		for _, r := range s.ContentRoots {
			if hasDir(r.Dir, seg) {
				return true
			}
		}
	}
	return false
}

func (hugo) OwnsURL(*Site, string) bool { return true }

func (hugo) Dialect(string) (string, []string) { return DialectNone, nil }

func (hugo) Traits() Traits { return Traits{SlugStyle: "hugo", LowerURLs: true, FieldURLs: true} }

func (hugo) CheckDate(raw string) (string, bool) { return checkDateCommon(raw) }

func (hugo) Required(s *Site, abs string, fm *Value, cfg []string) []string {
	return requiredAsConfigured(s, abs, fm, cfg)
}
