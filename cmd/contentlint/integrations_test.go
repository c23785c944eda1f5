package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	sjs "github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"github.com/contentlint/contentlint/lint"
	"github.com/contentlint/contentlint/lint/linttest"
	"github.com/contentlint/contentlint/rules"
)

func TestExplainEveryRule(t *testing.T) {
	all := rules.All()
	if len(all) == 0 {
		t.Fatal("no rules")
	}
	for _, r := range all {
		res := runCLI(t, ".", "--explain", r.ID)
		out := res.stdout
		if res.code != exitOK || res.stderr != "" {
			t.Fatalf("--explain %s: exit %d, stderr %q", r.ID, res.code, res.stderr)
		}
		if !strings.HasPrefix(out, r.ID+" (default severity: "+r.Severity.String()+")\n"+r.Doc+"\n\n") {
			t.Errorf("--explain %s: want the ID, severity and doc first, got:\n%s", r.ID, out)
		}
		if !strings.Contains(out, strings.TrimSpace(r.Help)) {
			t.Errorf("--explain %s: the help text is missing:\n%s", r.ID, out)
		}
		low := strings.ToLower(r.Help)
		if !strings.Contains(low, "bad") || !strings.Contains(low, "good") {
			t.Errorf("rule %s: its help needs a bad and a good example:\n%s", r.ID, r.Help)
		}
	}
}

func TestExplainUnknownSuggestsClosest(t *testing.T) {
	for _, tc := range []struct{ arg, want string }{
		{"file-encodng", `did you mean "file-encoding"?`},
		{"directive-unknowns", `did you mean "directive-unknown"?`},
	} {
		res := runCLI(t, ".", "--explain", tc.arg)
		code, out, errs := res.code, res.stdout, res.stderr
		if code != exitError || out != "" {
			t.Errorf("--explain %s: exit %d, stdout %q; want 2 and nothing", tc.arg, code, out)
		}
		if !strings.Contains(errs, `unknown rule "`+tc.arg+`"`) || !strings.Contains(errs, tc.want) {
			t.Errorf("--explain %s: stderr %q, want %s", tc.arg, errs, tc.want)
		}
	}
}

// configSchema compiles the committed configuration schema.
func configSchema(t *testing.T) *sjs.Schema {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "lint", "config.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := sjs.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := sjs.NewCompiler()
	if err := c.AddResource(schemaURL, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(schemaURL)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validateYAML(t *testing.T, s *sjs.Schema, data []byte) error {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := sjs.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return s.Validate(doc)
}

func TestInitPerPreset(t *testing.T) {
	schema := configSchema(t)
	for _, tc := range []struct {
		preset string
		files  map[string]string
	}{
		{"docusaurus", map[string]string{"docusaurus.config.js": "module.exports = {};\n", "docs/intro.md": "# x\n"}},
		{"hugo", map[string]string{"hugo.toml": "title = 'x'\n", "content/_index.md": "---\ntitle: x\n---\n"}},
		{"nuxt-content", map[string]string{"nuxt.config.ts": "export default {}\n", "content/index.md": "# x\n"}},
		{"jekyll", map[string]string{"_config.yml": "title: x\n", "index.md": "---\ntitle: x\n---\n"}},
		{"astro", map[string]string{"astro.config.mjs": "export default {}\n", "src/content/blog/a.md": "---\ntitle: x\n---\n"}},
		{"none", map[string]string{"posts/a.md": "# x\n"}},
	} {
		t.Run(tc.preset, func(t *testing.T) {
			dir := t.TempDir()
			linttest.WriteTree(t, dir, tc.files)
			res := runCLI(t, ".", "--init", dir)
			code, out, errs := res.code, res.stdout, res.stderr
			if code != exitOK {
				t.Fatalf("exit %d, stderr %s", code, errs)
			}
			path := filepath.Join(dir, lint.ConfigFileName)
			if want := "wrote " + path + " for preset " + tc.preset + "\n"; out != want {
				t.Errorf("stdout %q, want %q", out, want)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(data), "# yaml-language-server: $schema="+schemaURL+"\n") {
				t.Errorf("the file does not start with the schema line:\n%s", data)
			}
			cfg, site, err := lint.Setup([]string{dir}, "")
			if err != nil {
				t.Fatalf("contentlint rejects the file it wrote: %v\n%s", err, data)
			}
			if cfg.File != path || cfg.Preset != tc.preset || site.Preset != tc.preset {
				t.Errorf("config %s preset %q (site %q), want %s preset %q", cfg.File, cfg.Preset, site.Preset, path, tc.preset)
			}
			if err := validateYAML(t, schema, data); err != nil {
				t.Errorf("the schema rejects the file --init wrote: %v", err)
			}
			if res := runCLI(t, dir, "--offline"); res.code == exitError {
				t.Errorf("linting the site with the new config exits 2")
			}
		})
	}
}

func TestInitNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	mine := "preset: hugo # mine\n"
	linttest.WriteTree(t, dir, map[string]string{lint.ConfigFileName: mine, "hugo.toml": ""})
	res := runCLI(t, ".", "--init", dir)
	code, out, errs := res.code, res.stdout, res.stderr
	if code != exitError || out != "" || !strings.Contains(errs, "already exists; not overwriting") {
		t.Errorf("exit %d, stdout %q, stderr %q; want exit 2 and a message", code, out, errs)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, lint.ConfigFileName)); string(data) != mine {
		t.Errorf("the existing file changed to:\n%s", data)
	}
}

func TestInitDefaultsToWorkingDir(t *testing.T) {
	dir := t.TempDir()
	linttest.WriteTree(t, dir, map[string]string{"docusaurus.config.ts": "export default {}\n"})
	if res := runCLI(t, dir, "--init"); res.code != exitOK {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, lint.ConfigFileName))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "\npreset: docusaurus\n") {
		t.Errorf("want preset docusaurus:\n%s", data)
	}
}

func TestInitBadArgs(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"--init", filepath.Join(dir, "missing")},
		{"--init", dir, dir},
	} {
		if res := runCLI(t, ".", args...); res.code != exitError || res.stderr == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message", args, res.code, res.stderr)
		}
	}
}

// --also writes more formats from the same run: the action turns one lint into
// annotations, SARIF and a step summary.
func TestAlsoWritesEveryFormatFromOneRun(t *testing.T) {
	dir := t.TempDir()
	linttest.WriteTree(t, dir, map[string]string{
		lint.ConfigFileName: "content: [posts]\n",
		"posts/a.md":        "---\ntitle: A\n---\n\n<!-- contentlint-disable-next-line no-such-rule -->\nText.\n",
		"posts/b.md":        "---\ntitle: B\n---\n\nFine.\n",
	})
	jsonFile := filepath.Join(dir, "out.json")
	mdFile := filepath.Join(dir, "out.md")
	textFile := filepath.Join(dir, "out.txt")
	res := runCLI(t, dir, "--offline", "--color", "always", "--also", "json="+jsonFile, "--also", "markdown="+mdFile,
		"--also", "text="+textFile, "posts")
	out := res.stdout
	if res.code != exitOK {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	var doc struct {
		Findings []struct {
			Rule, File string
			Start      struct{ Line, Column int }
		}
	}
	data, err := os.ReadFile(jsonFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("--also json: %v\n%s", err, data)
	}
	if len(doc.Findings) != 1 || doc.Findings[0].Rule != "directive-unknown" || doc.Findings[0].Start.Line != 5 || doc.Findings[0].Start.Column != 36 {
		t.Fatalf("want one directive-unknown finding at 5:36, got %+v", doc.Findings)
	}
	md, err := os.ReadFile(mdFile)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "| `directive-unknown` | warning | 1 |") || !strings.Contains(string(md), ":5:36 | `directive-unknown` |") {
		t.Errorf("--also markdown lacks the finding:\n%s", md)
	}
	text, err := os.ReadFile(textFile)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(text), "\x1b[") {
		t.Errorf("--also text is colored although it is a file: %q", text)
	}
	if !strings.Contains(out, "\x1b[") {
		t.Errorf("--color always did not color the main report: %q", out)
	}
	if stripped := strings.NewReplacer("\x1b[0m", "", "\x1b[1m", "", "\x1b[31m", "", "\x1b[33m", "", "\x1b[34m", "", "\x1b[2m", "").Replace(out); stripped != string(text) {
		t.Errorf("--also text differs from the main report:\n%s\nvs\n%s", text, stripped)
	}
}

func TestAlsoRejectsBadValues(t *testing.T) {
	dir := t.TempDir()
	for _, v := range []string{"sarif", "xml=out.xml", "json=", "=out.json"} {
		res := runCLI(t, dir, "--offline", "--also", v)
		code, errs := res.code, res.stderr
		if code != exitError || !strings.Contains(errs, "-also") {
			t.Errorf("--also %q: exit %d, stderr %q; want 2 naming the flag", v, code, errs)
		}
	}
	res := runCLI(t, dir, "--offline", "--also", "json="+filepath.Join(dir, "no", "such", "dir", "x.json"))
	if res.code != exitError || !strings.Contains(res.stderr, "--also json") {
		t.Errorf("unwritable --also file: exit %d, stderr %q; want 2", res.code, res.stderr)
	}
}
