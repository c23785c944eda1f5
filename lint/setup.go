package lint

import (
	"fmt"
	"os"
	"path/filepath"
)

// DetectPreset names the generator whose marker files sit in dir, or "".
func DetectPreset(dir string) string {
	for _, g := range Generators() {
		if g.Detect(dir) {
			return g.Name()
		}
	}
	return ""
}

// findSiteRoot walks up from start to the nearest folder a generator marks.
func findSiteRoot(start string) string {
	dir := start
	for {
		if DetectPreset(dir) != "" {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Setup loads the configuration for the linted paths (explicit file, or the
// nearest .contentlint.yml) and builds the site model with preset defaults.
func Setup(paths []string, configPath string) (*Config, *Site, error) {
	first := "."
	if len(paths) > 0 {
		first = paths[0]
	}
	startAbs, err := filepath.Abs(first)
	if err != nil {
		return nil, nil, fmt.Errorf("path %s: %w", first, err)
	}
	if fi, err := os.Stat(startAbs); err == nil && !fi.IsDir() {
		startAbs = filepath.Dir(startAbs)
	}
	if configPath == "" {
		if configPath, err = FindConfig(startAbs); err != nil {
			return nil, nil, err
		}
	}
	cfg := &Config{}
	if configPath != "" {
		if cfg, err = LoadConfig(configPath); err != nil {
			return nil, nil, err
		}
	} else {
		cfg.Root = findSiteRoot(startAbs)
		if cfg.Root == "" {
			cfg.Root = startAbs
		}
	}
	if err := ApplyPreset(cfg); err != nil {
		return nil, nil, err
	}
	site, err := NewSite(cfg)
	if err != nil {
		return nil, nil, err
	}
	return cfg, site, nil
}

// DefaultFieldTypes are type-checked wherever they appear.
var defaultFieldTypes = map[string]string{
	"date": "date", "lastmod": "date", "draft": "bool", "tags": "list",
	"categories": "list", "language": "language", "lang": "language",
}

// FieldTypes returns the declared type of every front matter field, the
// well-known defaults merged under the configured ones.
func (c *Config) FieldTypes() map[string]string {
	out := make(map[string]string, len(defaultFieldTypes)+len(c.Frontmatter.Fields))
	for k, v := range defaultFieldTypes {
		out[k] = v
	}
	for k, v := range c.Frontmatter.Fields {
		out[k] = v
	}
	return out
}

// RequiredFields defaults to title.
func (c *Config) RequiredFields() []string {
	if c.Frontmatter.Required == nil {
		return []string{"title"}
	}
	return *c.Frontmatter.Required
}

// ApplyPreset fills unset configuration from the detected generator. Presets
// only fill in defaults; what the file sets wins.
func ApplyPreset(cfg *Config) error {
	if cfg.Preset == "" || cfg.Preset == "auto" {
		cfg.Preset = DetectPreset(cfg.Root)
		if cfg.Preset == "" {
			cfg.Preset = "none"
		}
	}
	g, ok := GeneratorByName(cfg.Preset)
	if !ok {
		return cfg.errorAt(fmt.Errorf("preset %q: want auto, docusaurus, hugo, nuxt-content, jekyll, astro or none", cfg.Preset), "preset")
	}
	presetDefaults(cfg, g)
	return nil
}
