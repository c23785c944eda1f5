package lint_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/invopop/jsonschema"
	sjs "github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"github.com/contentlint/contentlint/lint"
)

// The configuration schema is generated from lint.Config by this test and
// committed, so editors can fetch it; the test fails when they drift apart.
var updateSchema = flag.Bool("update", false, "rewrite lint/config.schema.json from the config structs")

const (
	schemaFile = "config.schema.json"
	schemaID   = "https://raw.githubusercontent.com/contentlint/contentlint/main/lint/config.schema.json"
)

// severities are what ParseSeverity accepts (lower case).
var severities = []any{"off", "error", "warning", "info", "none", "note", "warn"}

// mapConfigType gives the custom YAML types the shapes their UnmarshalYAML
// accepts.
func mapConfigType(t reflect.Type) *jsonschema.Schema {
	switch t {
	case reflect.TypeFor[lint.Duration]():
		return &jsonschema.Schema{Type: "string", Pattern: `^[-+]?(0|([0-9.]+(ns|us|µs|μs|ms|s|m|h))+)$`,
			Examples: []any{"15s", "1m30s", "24h"}}
	case reflect.TypeFor[lint.StringList]():
		return &jsonschema.Schema{OneOf: []*jsonschema.Schema{
			{Type: "string"},
			{Type: "array", Items: &jsonschema.Schema{Type: "string"}},
		}}
	case reflect.TypeFor[lint.Permalink]():
		return &jsonschema.Schema{OneOf: []*jsonschema.Schema{
			{Type: "string", Examples: []any{"/:path", "/:year/:month/:slug"}},
			{Type: "object", AdditionalProperties: &jsonschema.Schema{Type: "string"}},
		}}
	}
	return nil
}

// generateSchema reflects lint.Config into a draft-07 schema (the draft the
// YAML language server and most editors support best), with every
// definition inlined.
func generateSchema(t *testing.T) []byte {
	t.Helper()
	r := &jsonschema.Reflector{DoNotReference: true, ExpandedStruct: true, Mapper: mapConfigType, RequiredFromJSONSchemaTags: true}
	s := r.Reflect(&lint.Config{})
	s.Version = "http://json-schema.org/draft-07/schema#"
	s.ID = schemaID
	s.Title = "contentlint configuration (.contentlint.yml)"
	s.Description = "Every key is optional; presets fill in what is left unset. See https://github.com/contentlint/contentlint#configuration"
	rules, ok := s.Properties.Get("rules")
	if !ok {
		t.Fatal("Config has no rules property")
	}
	rules.PropertyNames = &jsonschema.Schema{Pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"}
	rules.AdditionalProperties = &jsonschema.Schema{Type: "string", Enum: severities}
	fm, ok := s.Properties.Get("frontmatter")
	if !ok {
		t.Fatal("Config has no frontmatter property")
	}
	fields, ok := fm.Properties.Get("fields")
	if !ok {
		t.Fatal("frontmatter has no fields property")
	}
	fields.AdditionalProperties = &jsonschema.Schema{Type: "string", Pattern: lint.FieldTypePattern}
	out, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(out, '\n')
}

func TestConfigSchemaUpToDate(t *testing.T) {
	got := generateSchema(t)
	if *updateSchema {
		if err := os.WriteFile(schemaFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatalf("%v (run `go test ./lint -run TestConfigSchema -update` to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("lint/%s is out of date with lint.Config: run `go test ./lint -run TestConfigSchema -update` and commit it\n--- generated\n%s", schemaFile, got)
	}
}

// The schema names properties after the json tags while the config is read
// through the yaml tags: they must agree everywhere.
func TestConfigSchemaKeysMatchYAML(t *testing.T) {
	var walk func(reflect.Type, string)
	seen := map[reflect.Type]bool{}
	walk = func(rt reflect.Type, path string) {
		for rt.Kind() == reflect.Pointer || rt.Kind() == reflect.Slice || rt.Kind() == reflect.Map {
			rt = rt.Elem()
		}
		if rt.Kind() != reflect.Struct || seen[rt] || mapConfigType(rt) != nil {
			return
		}
		seen[rt] = true
		for i := range rt.NumField() {
			f := rt.Field(i)
			y, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			j, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if y != j {
				t.Errorf("%s%s: yaml key %q but json key %q", path, f.Name, y, j)
			}
			if y != "-" {
				walk(f.Type, path+y+".")
			}
		}
	}
	walk(reflect.TypeFor[lint.Config](), "")
	if len(seen) < 5 {
		t.Fatalf("walked only %d structs; the config tree was not reached", len(seen))
	}
}

func compileSchema(t *testing.T) *sjs.Schema {
	t.Helper()
	data, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := sjs.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", schemaFile, err)
	}
	c := sjs.NewCompiler()
	if err := c.AddResource(schemaID, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(schemaID)
	if err != nil {
		t.Fatalf("%s does not compile: %v", schemaFile, err)
	}
	return s
}

// yamlToJSONValue decodes YAML into the JSON data model the validator takes.
func yamlToJSONValue(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatalf("yaml: %v", err)
	}
	if v == nil {
		v = map[string]any{}
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("yaml to json: %v", err)
	}
	doc, err := sjs.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// acceptedByContentlint is what the CLI does with a config: strict decoding,
// then the preset check.
func acceptedByContentlint(t *testing.T, data []byte) error {
	cfg, err := lint.ParseConfig(data, "cfg.yml")
	if err != nil {
		return err
	}
	cfg.Root = t.TempDir()
	return lint.ApplyPreset(cfg)
}

func TestConfigSchemaAgreesWithParser(t *testing.T) {
	s := compileSchema(t)
	for _, tc := range []struct {
		name, yaml string
		valid      bool
	}{
		{"empty", "", true},
		{"core", "content: [content]\nignore: [\"**/drafts/**\"]\nfrontmatter:\n  required: [title, date]\n  fields: {date: date, tags: list, kind: \"enum(a,b)\"}\nrules:\n  frontmatter-type: warning\n", true},
		{"site", "preset: docusaurus\nbaseURL: https://example.com\npermalink: \"/:path\"\nstatic: [static]\ncover: {field: image, dirs: [public/images], minWidth: 600}\nalternates: {field: alternates}\n", true},
		{"baseURL list and permalink per language", "baseURL: [https://a.example, https://b.example]\npermalink: {en: \"/en/:path\", fr: \"/:path\"}\n", true},
		{"admonitions", "admonitions: {dialect: mdc, types: [alert], extendDefaults: true, components: components/content}\n", true},
		{"links", "links:\n  timeout: 15s\n  concurrency: 8\n  perHost: 2\n  hostInterval: 500ms\n  retries: 2\n  maxRetryAfter: 1m30s\n  accept: [200-299, \"403\"]\n  exclude: [\"^https://localhost\"]\n  headers: {example.com: {Authorization: \"Bearer ${TOKEN}\"}}\n  allowPrivate: false\n  fragments: true\n  cache: {path: .cache/links.json, maxAge: 24h}\n", true},
		{"severity aliases", "rules: {a-rule: off, b-rule: warn, c-rule: note}\n", true},
		{"unknown top-level key", "contnet: [content]\n", false},
		{"unknown nested key", "frontmatter:\n  requird: [title]\n", false},
		{"content not a list", "content: {a: b}\n", false},
		{"bad severity", "rules: {frontmatter-type: loud}\n", false},
		{"unknown field type", "frontmatter:\n  fields: {count: number}\n", false},
		{"empty enum", "frontmatter:\n  fields: {kind: enum()}\n", false},
		{"unknown preset", "preset: gatsby\n", false},
		{"bad duration", "links: {timeout: soon}\n", false},
		{"width not a number", "cover: {minWidth: wide}\n", false},
		{"extendDefaults not a bool", "admonitions: {extendDefaults: [yes]}\n", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parseErr := acceptedByContentlint(t, []byte(tc.yaml))
			schemaErr := s.Validate(yamlToJSONValue(t, []byte(tc.yaml)))
			if (parseErr == nil) != tc.valid {
				t.Errorf("contentlint: valid=%v, want %v (err: %v)", parseErr == nil, tc.valid, parseErr)
			}
			if (schemaErr == nil) != tc.valid {
				t.Errorf("schema: valid=%v, want %v (err: %v)", schemaErr == nil, tc.valid, schemaErr)
			}
		})
	}
}

// Every configuration shipped in testdata must pass the schema, as it passes
// contentlint.
func TestConfigSchemaTestdata(t *testing.T) {
	s := compileSchema(t)
	var configs []string
	err := filepath.WalkDir(filepath.Join("..", "testdata"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() == lint.ConfigFileName {
			configs = append(configs, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range configs {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if perr := acceptedByContentlint(t, data); perr != nil {
			t.Logf("%s: skipped, a fixture of a broken config: %v", p, perr)
			continue
		}
		n++
		if err := s.Validate(yamlToJSONValue(t, data)); err != nil {
			t.Errorf("%s: contentlint accepts it but the schema does not: %v", p, err)
		}
	}
	t.Logf("%d configurations in testdata validated", n)
}
