package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/contentlint/contentlint/lint"
	"github.com/contentlint/contentlint/lint/report"
)

// alsoOutput is one extra report written by the same run, so that CI gets
// annotations, SARIF and a summary from a single lint (one set of network
// requests, one consistent set of findings).
type alsoOutput struct{ format, file string }

// alsoFlag collects repeated --also FORMAT=FILE flags.
type alsoFlag []alsoOutput

func (a *alsoFlag) String() string {
	var s []string
	for _, o := range *a {
		s = append(s, o.format+"="+o.file)
	}
	return strings.Join(s, ",")
}

func (a *alsoFlag) Set(v string) error {
	format, file, ok := strings.Cut(v, "=")
	if !ok || file == "" {
		return fmt.Errorf("want FORMAT=FILE, such as sarif=contentlint.sarif")
	}
	if _, known := report.Formats()[format]; !known {
		return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(report.FormatNames(), ", "))
	}
	*a = append(*a, alsoOutput{format, file})
	return nil
}

// writeAlso writes each extra report; text is never colored in a file.
func writeAlso(outs alsoFlag, run *report.Run) error {
	plain := *run
	plain.Color = false
	for _, o := range outs {
		f, err := os.Create(o.file)
		if err != nil {
			return fmt.Errorf("--also %s: %w", o.format, err)
		}
		err = report.Formats()[o.format](f, &plain)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("--also %s=%s: %w", o.format, o.file, err)
		}
	}
	return nil
}

// explainRule prints a rule's documentation: contentlint --explain RULE.
func explainRule(id string, all []*lint.Rule, stdout, stderr io.Writer) int {
	for _, r := range all {
		if r.ID == id {
			if _, err := fmt.Fprintf(stdout, "%s (default severity: %s)\n%s\n\n%s\n", r.ID, r.Severity, r.Doc, strings.TrimSpace(r.Help)); err != nil {
				return exitError
			}
			return exitOK
		}
	}
	ids := make([]string, len(all))
	for i, r := range all {
		ids[i] = r.ID
	}
	msg := fmt.Sprintf("contentlint: unknown rule %q", id)
	if s := lint.Closest(id, ids, -1); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	_, _ = fmt.Fprintf(stderr, "%s (contentlint --list-rules lists them all)\n", msg)
	return exitError
}

// initPreset holds the examples --init writes for one generator.
type initPreset struct {
	name, content, static, cover, dialect, types string
}

var initPresets = map[string]initPreset{
	"docusaurus":   {"Docusaurus", "[blog, docs]", "[static]", "image", "docusaurus", "[note, tip, info, warning, danger]"},
	"hugo":         {"Hugo", "[content]", "[static]", "cover", "none", "[]"},
	"nuxt-content": {"Nuxt Content", "[content]", "[public]", "image", "mdc", "[alert, callout]"},
	"jekyll":       {"Jekyll", "[_posts]", "[.]", "image", "none", "[]"},
	"astro":        {"Astro", "[src/content]", "[public]", "heroImage", "none", "[]"},
	"none":         {"generic", "[content]", "[static]", "cover", "auto", "[note, tip, warning]"},
}

// schemaURL is where editors fetch the configuration schema from.
const schemaURL = "https://raw.githubusercontent.com/contentlint/contentlint/main/lint/config.schema.json"

// initConfigText is the commented .contentlint.yml for a preset. Only keys
// that hold the defaults are active, so the file changes nothing until edited.
func initConfigText(preset string) string {
	p, ok := initPresets[preset]
	if !ok {
		preset, p = "none", initPresets["none"]
	}
	return fmt.Sprintf(`# yaml-language-server: $schema=%s
# contentlint configuration, written by contentlint --init for a %s site.
# Every key is optional. Commented keys are examples: uncomment and edit them;
# for what is left unset the preset applies its own defaults.

# Site generator whose conventions fill in the defaults:
# auto | docusaurus | hugo | nuxt-content | jekyll | astro | none
preset: %s

# Folders holding posts, relative to this file (paths given on the command
# line override them).
# content: %s

# Globs (doublestar syntax) of files to skip.
# ignore: ["**/drafts/**"]

# Origins of the published site: absolute links to them are checked as
# internal links, never fetched.
# baseURL: [https://example.com]

# Where posts are published: one pattern, or one per language such as
# {en: "/en/:path", fr: "/:path"}. Tokens: :path :section :slug :filename
# :year :month :day :lang
# permalink: "/:path"

# Folders where site-absolute asset paths such as /img/a.png resolve.
# static: %s

frontmatter:
  # Fields every post must set.
  required: [title]
  # Field types: string, list, date, bool, language, url, path, image or
  # enum(a,b,c). date, lastmod, draft, tags, categories, language and lang
  # are checked wherever they appear.
  # fields:
  #   description: string

# alternates:
#   field: alternates   # front matter field listing a post's translations

# cover:
#   field: %s
#   dirs: []            # extra folders where covers are looked up
#   minWidth: 0         # smallest acceptable width in pixels (0: any)

# admonitions:
#   dialect: %s          # docusaurus | mdc | auto | none
#   types: %s
#   extendDefaults: true

# External links (skipped with --offline).
# links:
#   timeout: 15s
#   exclude: ["^https?://localhost"]
#   cache: {maxAge: 24h}

# Per-rule severity: off | error | warning | info.
# contentlint --list-rules lists the rules; contentlint --explain RULE explains one.
# rules:
#   frontmatter-type: warning
`, schemaURL, p.name, preset, p.content, p.static, p.cover, p.dialect, p.types)
}

// initConfig writes .contentlint.yml in the folder given (default .) for the
// preset detected there. It never overwrites: an existing file is a usage
// error.
func initConfig(args []string, stdout, stderr io.Writer) int {
	path, preset, err := writeInitConfig(args)
	if err != nil {
		_, _ = fmt.Fprintf(stderr, "contentlint: %v\n", err)
		return exitError
	}
	if _, err := fmt.Fprintf(stdout, "wrote %s for preset %s\n", path, preset); err != nil {
		return exitError
	}
	return exitOK
}

func writeInitConfig(args []string) (path, preset string, err error) {
	if len(args) > 1 {
		return "", "", fmt.Errorf("--init takes at most one folder, got %d", len(args))
	}
	dir := "."
	if len(args) == 1 {
		dir = args[0]
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return "", "", fmt.Errorf("--init: %s is not a folder", dir)
	}
	preset = lint.DetectPreset(dir)
	if preset == "" {
		preset = "none"
	}
	path = filepath.Join(dir, lint.ConfigFileName)
	// A configuration is shared with the repository, hence 0644.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644) //nolint:gosec // see above
	if errors.Is(err, fs.ErrExist) {
		return "", "", fmt.Errorf("%s already exists; not overwriting it", path)
	}
	if err != nil {
		return "", "", fmt.Errorf("--init: %w", err)
	}
	_, err = io.WriteString(f, initConfigText(preset))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", "", fmt.Errorf("--init: write %s: %w", path, err)
	}
	return path, preset, nil
}
