package lint

import (
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"
)

// jekyllPostURL expands the posts' permalink pattern, Jekyll's "date" style
// unless _config.yml sets another.
func (s *Site) jekyllPostURL(cats string, root ContentRoot, rel string, e *Entry) string {
	pattern := s.PostPermalink
	if pattern == "" {
		pattern = jekyllStyles["date"]
	}
	return s.expand(strings.ReplaceAll(pattern, ":categories", cats), root, rel, e)
}

// jekyllStyles are Jekyll's built-in permalink styles.
var jekyllStyles = map[string]string{
	"date":    "/:categories/:year/:month/:day/:title:output_ext",
	"pretty":  "/:categories/:year/:month/:day/:title/",
	"ordinal": "/:categories/:year/:y_day/:title:output_ext",
	"none":    "/:categories/:title:output_ext",
}

// jekyllPermalink reads permalink from _config.yml: a style name or a
// pattern; "" when unset or unreadable (the date style then applies).
func jekyllPermalink(root string) string {
	var jc struct {
		Permalink string `yaml:"permalink"`
	}
	data, err := os.ReadFile(filepath.Join(root, "_config.yml"))
	if err != nil || yaml.Unmarshal(data, &jc) != nil {
		return ""
	}
	if p, ok := jekyllStyles[jc.Permalink]; ok {
		return p
	}
	if strings.HasPrefix(jc.Permalink, "/") {
		return jc.Permalink
	}
	return ""
}

// jekyllCategories is the /:categories part of Jekyll's default post URL:
// the folders above _posts, then the category field (one name) or else the
// categories field (a list, or words), lower-cased, each once.
func jekyllCategories(dirs []string, fm *Value) string {
	var cats []string
	seen := map[string]bool{}
	add := func(c string) {
		if c = strings.ToLower(c); c != "" && !seen[c] {
			seen[c] = true
			cats = append(cats, c)
		}
	}
	for _, d := range dirs {
		add(d)
	}
	if c := fm.Get("category"); c != nil && c.Kind == Scalar {
		add(c.Text)
	} else if v := fm.Get("categories"); v != nil {
		if v.Kind == Scalar {
			for _, w := range strings.Fields(v.Text) {
				add(w)
			}
		}
		for _, it := range v.Items {
			add(it.String())
		}
	}
	if len(cats) == 0 {
		return ""
	}
	return "/" + strings.Join(cats, "/")
}

// jekyll models Jekyll: pages anywhere, _posts with permalink styles and
// categories, _config.yml url and baseurl.
type jekyll struct{}

func (jekyll) Name() string { return "jekyll" }

func (jekyll) Detect(dir string) bool { return hasFile(dir, "_config.yml") }

func (jekyll) Roots(root string) []ContentRoot {
	var out []ContentRoot
	add := rootAdder(root, &out)
	add(".", "", KindPages)
	add("_posts", "", KindPosts)
	return out
}

func (jekyll) Defaults(cfg *Config) {
	setList(&cfg.Static, ".")
	setStr(&cfg.Cover.Field, "image")
	if cfg.Ignore == nil {
		cfg.Ignore = []string{"_site", "_site/**", "vendor", "vendor/**", "_includes/**", "_layouts/**", "_drafts/**", ".jekyll-cache/**", "node_modules/**"}
	}
	if u := jekyllBaseURL(cfg.Root); len(cfg.BaseURL) == 0 && u != "" {
		cfg.BaseURL = StringList{u}
	}
}

// jekyllBaseURL is url plus baseurl from _config.yml, or "".
func jekyllBaseURL(root string) string {
	var jc struct {
		URL     string `yaml:"url"`
		BaseURL string `yaml:"baseurl"`
	}
	data, err := os.ReadFile(filepath.Join(root, "_config.yml"))
	if err != nil || yaml.Unmarshal(data, &jc) != nil || !strings.Contains(jc.URL, "://") {
		return ""
	}
	return strings.TrimSuffix(jc.URL, "/") + jc.BaseURL
}

func (jekyll) Configure(s *Site) error {
	s.PostPermalink = jekyllPermalink(s.Root)
	return nil
}

func (jekyll) PageURL(s *Site, e *Entry, root ContentRoot, rel string) (string, bool) {
	if dir, file, ok := strings.Cut(rel, "_posts/"); ok && root.Kind != KindPosts && (dir == "" || strings.HasSuffix(dir, "/")) {
		// A _posts folder inside another one: its parents are categories.
		posts := ContentRoot{Dir: filepath.Join(root.Dir, filepath.FromSlash(dir), "_posts"), Kind: KindPosts}
		cats := strings.Split(strings.Trim(dir, "/"), "/")
		return s.jekyllPostURL(jekyllCategories(cats, e.Fields), posts, file, e), true
	}
	if root.Kind == KindPosts {
		return s.jekyllPostURL(jekyllCategories(nil, e.Fields), root, rel, e), true
	}
	return "", false
}

func (jekyll) Partial(*Site, string) bool { return false }

func (jekyll) GeneratedRoute(_ *Site, p string) bool {
	return p == "/feed.xml" || strings.HasPrefix(p, "/tags") || strings.HasPrefix(p, "/categories")
}

func (jekyll) OwnsURL(*Site, string) bool { return true }

func (jekyll) Dialect(string) (string, []string) { return DialectNone, nil }

func (jekyll) Traits() Traits { return Traits{SlugStyle: "github", FieldURLs: true} }

func (jekyll) CheckDate(raw string) (string, bool) { return checkDateCommon(raw) }

func (jekyll) Required(s *Site, abs string, fm *Value, cfg []string) []string {
	return requiredAsConfigured(s, abs, fm, cfg)
}
