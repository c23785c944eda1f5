package lint

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/contentlint/contentlint/lint/linkcheck"
)

// ConfigFileName is looked up from the linted path upwards.
const ConfigFileName = ".contentlint.yml"

// Config is one struct tree decoded with strict keys. Each rule family owns a
// section; presets only fill in what the file leaves unset.
type Config struct {
	Content     []string          `yaml:"content" json:"content,omitempty" jsonschema_description:"Folders holding posts, relative to the site root (CLI paths override)"`
	Ignore      []string          `yaml:"ignore" json:"ignore,omitempty" jsonschema:"description=Glob patterns (doublestar syntax) of files to skip"`
	Preset      string            `yaml:"preset" json:"preset,omitempty" jsonschema:"enum=auto,enum=docusaurus,enum=hugo,enum=nuxt-content,enum=jekyll,enum=astro,enum=none,description=Site generator whose conventions fill the defaults"`
	BaseURL     StringList        `yaml:"baseURL" json:"baseURL,omitempty" jsonschema:"description=Origins of the published site; absolute links to them are internal"`
	Permalink   Permalink         `yaml:"permalink" json:"permalink,omitempty" jsonschema_description:"URL pattern of posts, or a map of language to pattern"`
	Static      []string          `yaml:"static" json:"static,omitempty" jsonschema:"description=Folders where site-absolute asset paths resolve"`
	Frontmatter FrontmatterConfig `yaml:"frontmatter" json:"frontmatter,omitempty"`
	Alternates  AlternatesConfig  `yaml:"alternates" json:"alternates,omitempty"`
	Cover       CoverConfig       `yaml:"cover" json:"cover,omitempty"`
	Admonitions AdmonitionsConfig `yaml:"admonitions" json:"admonitions,omitempty"`
	Links       LinksConfig       `yaml:"links" json:"links,omitempty"`
	Rules       map[string]string `yaml:"rules" json:"rules,omitempty" jsonschema_description:"Per-rule severity: off, error, warning or info"`

	// File is the path the configuration was read from, "" for defaults.
	File string `yaml:"-" json:"-"`
	// Root is the site root: the config file's folder, or the detected one.
	Root string `yaml:"-" json:"-"`
	// src is the file's text, so that errors found after decoding can
	// name their line.
	src []byte
}

// FrontmatterConfig owns the frontmatter-* rules.
type FrontmatterConfig struct {
	Required *[]string         `yaml:"required" json:"required,omitempty" jsonschema:"description=Fields every post must set (default: title)"`
	Fields   map[string]string `yaml:"fields" json:"fields,omitempty" jsonschema_description:"Field name to type: string, list, date, bool, language, url, path, image or enum(a,b,c)"`
}

// AlternatesConfig owns the alternate-* rules.
type AlternatesConfig struct {
	Field string `yaml:"field" json:"field,omitempty" jsonschema:"description=Front matter field naming a post's translations (default: alternates)"`
}

// CoverConfig owns the cover-* rules.
type CoverConfig struct {
	Field    string   `yaml:"field" json:"field,omitempty" jsonschema:"description=Front matter field holding the cover image"`
	Dirs     []string `yaml:"dirs" json:"dirs,omitempty" jsonschema:"description=Extra folders where covers are looked up"`
	MinWidth int      `yaml:"minWidth" json:"minWidth,omitempty" jsonschema:"description=Smallest acceptable cover width in pixels (0: any)"`
}

// AdmonitionsConfig owns the admonition-* rules.
type AdmonitionsConfig struct {
	Dialect        string   `yaml:"dialect" json:"dialect,omitempty" jsonschema:"enum=docusaurus,enum=mdc,enum=auto,enum=none"`
	Types          []string `yaml:"types" json:"types,omitempty" jsonschema:"description=Allowed admonition keywords or component names"`
	ExtendDefaults *bool    `yaml:"extendDefaults" json:"extendDefaults,omitempty" jsonschema:"description=Add types to the dialect's defaults instead of replacing them"`
	Components     string   `yaml:"components" json:"components,omitempty" jsonschema:"description=Folder of .vue components for the mdc dialect (default: components/content)"`
}

// LinksConfig owns the link-* rules that go over the network.
type LinksConfig struct {
	Timeout       Duration                     `yaml:"timeout" json:"timeout,omitempty" jsonschema:"type=string,description=Per-request timeout (default 15s)"`
	Concurrency   int                          `yaml:"concurrency" json:"concurrency,omitempty" jsonschema:"description=Requests in flight over all hosts (default 64)"`
	PerHost       int                          `yaml:"perHost" json:"perHost,omitempty" jsonschema:"description=Requests in flight to one host:port (default 4)"`
	HostInterval  Duration                     `yaml:"hostInterval" json:"hostInterval,omitempty" jsonschema:"type=string,description=Minimum time between two requests to one host"`
	Retries       *int                         `yaml:"retries" json:"retries,omitempty" jsonschema:"description=Retries after the first attempt (default 3)"`
	Backoff       Duration                     `yaml:"backoff" json:"backoff,omitempty" jsonschema:"type=string,description=Wait before the first retry; doubles for each further one (default 500ms)"`
	MaxBackoff    Duration                     `yaml:"maxBackoff" json:"maxBackoff,omitempty" jsonschema:"type=string,description=Longest wait between two retries (default 10s)"`
	MaxRetryAfter Duration                     `yaml:"maxRetryAfter" json:"maxRetryAfter,omitempty" jsonschema:"type=string"`
	Accept        []string                     `yaml:"accept" json:"accept,omitempty" jsonschema:"description=Accepted status codes or ranges such as 200-299"`
	Exclude       []string                     `yaml:"exclude" json:"exclude,omitempty" jsonschema:"description=Regular expressions of URLs never fetched"`
	Headers       map[string]map[string]string `yaml:"headers" json:"headers,omitempty" jsonschema:"description=Extra headers per host; ${VAR} expands from the environment"`
	AllowPrivate  bool                         `yaml:"allowPrivate" json:"allowPrivate,omitempty"`
	Fragments     *bool                        `yaml:"fragments" json:"fragments,omitempty"`
	Cache         LinkCacheConfig              `yaml:"cache" json:"cache,omitempty"`
	// Hosts are per-host status rules, keyed by host name; a key also
	// matches its subdomains.
	Hosts map[string]LinkHostConfig `yaml:"hosts" json:"hosts,omitempty" jsonschema_description:"Per-host status rules; a host name also matches its subdomains"`
	// FailAfter and Grace delay link-dead: a failing URL is a warning
	// until it has failed in FailAfter consecutive runs and for Grace.
	FailAfter int      `yaml:"failAfter" json:"failAfter,omitempty" jsonschema:"minimum=1,description=Consecutive failed runs before a dead link is an error (default 1)"`
	Grace     Duration `yaml:"grace" json:"grace,omitempty" jsonschema:"type=string,description=How long a link must have been failing before it is an error (default 0)"`
}

// LinkHostConfig holds the status rules of one host.
type LinkHostConfig struct {
	Accept []string `yaml:"accept" json:"accept,omitempty" jsonschema:"description=Status codes or ranges accepted from this host, besides links.accept"`
	Warn   []string `yaml:"warn" json:"warn,omitempty" jsonschema:"description=Status codes or ranges from this host reported as a warning, not an error"`
}

// LinkCacheConfig places the persistent link cache.
type LinkCacheConfig struct {
	Path   string   `yaml:"path" json:"path,omitempty"`
	MaxAge Duration `yaml:"maxAge" json:"maxAge,omitempty" jsonschema:"type=string"`
}

// Duration decodes "15s"-style strings.
type Duration time.Duration

// UnmarshalYAML accepts Go duration strings.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	var s string
	if err := n.Decode(&s); err != nil {
		return err
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("line %d: %w", n.Line, err)
	}
	*d = Duration(v)
	return nil
}

// StringList accepts a single string or a list of them.
type StringList []string

// UnmarshalYAML accepts a scalar or a sequence.
func (l *StringList) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*l = StringList{n.Value}
		return nil
	}
	var s []string
	if err := n.Decode(&s); err != nil {
		return err
	}
	*l = s
	return nil
}

// Permalink is one pattern, or one per language.
type Permalink struct {
	Default string
	ByLang  map[string]string
}

// UnmarshalYAML accepts a string or a map of language to pattern.
func (p *Permalink) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		p.Default = n.Value
		return nil
	}
	return n.Decode(&p.ByLang)
}

// For returns the pattern for a language.
func (p Permalink) For(lang string) string {
	if s, ok := p.ByLang[lang]; ok {
		return s
	}
	if p.Default != "" {
		return p.Default
	}
	if s, ok := p.ByLang["default"]; ok {
		return s
	}
	return ""
}

// IsZero reports whether no permalink was configured.
func (p Permalink) IsZero() bool { return p.Default == "" && len(p.ByLang) == 0 }

// ParseConfig decodes YAML with strict keys; errors name the line.
func ParseConfig(data []byte, name string) (*Config, error) {
	cfg := &Config{}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(cfg); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	cfg.File, cfg.src = name, data
	for _, id := range sortedKeys(cfg.Rules) {
		if _, err := ParseSeverity(cfg.Rules[id]); err != nil {
			return nil, cfg.errorAt(fmt.Errorf("rules.%s: %w", id, err), "rules", id)
		}
	}
	for _, field := range sortedKeys(cfg.Frontmatter.Fields) {
		if typ := cfg.Frontmatter.Fields[field]; !fieldTypeRE.MatchString(typ) {
			return nil, cfg.errorAt(fmt.Errorf("frontmatter.fields.%s: unknown type %q (want string, list, date, bool, language, url, path, image or enum(a,b,c))", field, typ),
				"frontmatter", "fields", field)
		}
	}
	// The first failing prefix names the bad item, and its line.
	for i := range cfg.Links.Accept {
		if err := linkcheck.ValidateOptions(cfg.Links.Accept[:i+1], nil); err != nil {
			return nil, cfg.errorAt(fmt.Errorf("links.%w", err), "links", "accept", strconv.Itoa(i))
		}
	}
	for i := range cfg.Links.Exclude {
		if err := linkcheck.ValidateOptions(nil, cfg.Links.Exclude[:i+1]); err != nil {
			return nil, cfg.errorAt(fmt.Errorf("links.%w", err), "links", "exclude", strconv.Itoa(i))
		}
	}
	for _, h := range sortedKeys(cfg.Links.Hosts) {
		hc := cfg.Links.Hosts[h]
		for _, kc := range []struct {
			key   string
			codes []string
		}{{"accept", hc.Accept}, {"warn", hc.Warn}} {
			key, codes := kc.key, kc.codes
			for i := range codes {
				if _, err := linkcheck.ParseAccept(codes[:i+1]); err != nil {
					return nil, cfg.errorAt(fmt.Errorf("links.hosts.%s.%s: %w", h, key, err), "links", "hosts", h, key, strconv.Itoa(i))
				}
			}
		}
	}
	if cfg.Links.FailAfter < 0 {
		return nil, cfg.errorAt(fmt.Errorf("links.failAfter: %d is below 1", cfg.Links.FailAfter), "links", "failAfter")
	}
	return cfg, nil
}

// LoadConfig reads an explicit file.
func LoadConfig(path string) (*Config, error) {
	// A committed .contentlint.yml -> /dev/zero must not exhaust memory.
	data, err := ReadRegular(context.Background(), path, maxSiteFileSize)
	if err != nil {
		return nil, fmt.Errorf("read config %s: %w", path, err)
	}
	cfg, err := ParseConfig(data, path)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("config path: %w", err)
	}
	cfg.Root = filepath.Dir(abs)
	return cfg, nil
}

// FindConfig walks up from start to the file system root looking for
// .contentlint.yml. It returns "" when there is none.
func FindConfig(start string) (string, error) {
	dir, err := filepath.Abs(start)
	if err != nil {
		return "", fmt.Errorf("find config: %w", err)
	}
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		dir = filepath.Dir(dir)
	}
	for {
		p := filepath.Join(dir, ConfigFileName)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// RuleSeverity is the effective severity of a rule under this config.
func (c *Config) RuleSeverity(r *Rule) Severity {
	if s, ok := c.Rules[r.ID]; ok {
		sev, err := ParseSeverity(s)
		if err == nil {
			return sev
		}
	}
	if r.Optional {
		return Off
	}
	return r.Severity
}

// ValueRange locates the value at a key path (as errorAt takes it) in the
// configuration file, for findings about the configuration itself. ok is
// false for defaults or a value that cannot be found.
func (c *Config) ValueRange(keys ...string) (r Range, ok bool) {
	if c.File == "" {
		return Range{}, false
	}
	n := configNode(c.src, keys...)
	if n == nil || n.Line < 1 {
		return Range{}, false
	}
	lines := strings.Split(string(c.src), "\n")
	if n.Line > len(lines) {
		return Range{}, false
	}
	line := []rune(strings.TrimRight(lines[n.Line-1], "\r"))
	start := n.Column - 1
	if start < 0 || start > len(line) {
		return Range{}, false
	}
	end := start + len([]rune(n.Value))
	// A quoted scalar spans to its closing quote, escapes included.
	if start < len(line) && (line[start] == '"' || line[start] == '\'') {
		q := line[start]
		end = len(line)
		for i := start + 1; i < len(line); i++ {
			if q == '"' && line[i] == '\\' {
				i++
				continue
			}
			if line[i] == q {
				if q == '\'' && i+1 < len(line) && line[i+1] == '\'' {
					i++
					continue
				}
				end = i + 1
				break
			}
		}
	}
	end = min(end, len(line))
	return Range{Start: Position{n.Line, start + 1}, End: Position{n.Line, end + 1}}, true
}

// ValidateRules reports config entries that name no rule.
func (c *Config) ValidateRules(rules []*Rule) error {
	known := map[string]bool{}
	for _, r := range rules {
		known[r.ID] = true
	}
	var bad []string
	for _, id := range sortedKeys(c.Rules) {
		if !known[id] {
			bad = append(bad, id)
		}
	}
	if len(bad) > 0 {
		return c.errorAt(fmt.Errorf("rules: unknown rule %s", strings.Join(bad, ", ")), "rules", bad[0])
	}
	return nil
}

// FieldTypePattern is the type vocabulary of frontmatter.fields; the JSON
// Schema uses it too.
const FieldTypePattern = `^(string|list|date|bool|language|url|path|image|enum\([^()]+\))$`

var fieldTypeRE = regexp.MustCompile(FieldTypePattern)

// errorAt prefixes err with the file and the line of the value at the key
// path (a number indexes a list; a scalar written where a list may be stands
// for its only item). Without a file (defaults), err is returned as is.
func (c *Config) errorAt(err error, keys ...string) error {
	if c.File == "" {
		return err
	}
	if line := configLine(c.src, keys...); line > 0 {
		return fmt.Errorf("%s: line %d: %w", c.File, line, err)
	}
	return fmt.Errorf("%s: %w", c.File, err)
}

// configLine finds the line of a value by its key path, for errors found
// after decoding; 0 when it cannot be found.
func configLine(data []byte, keys ...string) int {
	if n := configNode(data, keys...); n != nil {
		return n.Line
	}
	return 0
}

// configNode finds the YAML node of a value by its key path; nil when it
// cannot be found.
func configNode(data []byte, keys ...string) *yaml.Node {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return nil
	}
	n := doc.Content[0]
	for _, k := range keys {
		var next *yaml.Node
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == k {
					next = n.Content[i+1]
				}
			}
		case yaml.SequenceNode:
			if i, err := strconv.Atoi(k); err == nil && i >= 0 && i < len(n.Content) {
				next = n.Content[i]
			}
		case yaml.ScalarNode:
			if _, err := strconv.Atoi(k); err == nil {
				next = n
			}
		}
		if next == nil {
			return nil
		}
		n = next
	}
	return n
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
