package oracle_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/contentlint/contentlint/lint"
	"github.com/contentlint/contentlint/lint/linttest"
	"github.com/contentlint/contentlint/lint/oracle"
)

// directiveProbe prints, for each Markdown source it reads (a JSON array on
// stdin), the names of the container directives (remark-directive) or block
// components (remark-mdc) the real parser finds, in document order.
const directiveProbe = `
import {unified} from 'unified'
import remarkParse from 'remark-parse'
const plugin = (await import(process.argv[2])).default
const cases = JSON.parse(await new Promise(r => { let s = ''; process.stdin.on('data', d => s += d); process.stdin.on('end', () => r(s)) }))
const out = cases.map(src => {
  const names = []
  const walk = n => {
    if (n.type === 'containerDirective' || n.type === 'containerComponent') names.push(n.name)
    for (const c of n.children || []) walk(c)
  }
  walk(unified().use(remarkParse).use(plugin).parse(src))
  return names
})
process.stdout.write(JSON.stringify(out))
`

// realContainers runs the probe with the toolchain's parser plugin.
func realContainers(t *testing.T, tc oracle.NPMToolchain, plugin string, cases []string) [][]string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "probe.mjs"), []byte(directiveProbe), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(tc.Dir, "node_modules"), filepath.Join(dir, "node_modules")); err != nil {
		t.Fatal(err)
	}
	in, err := json.Marshal(cases)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(t.Context(), "node", "probe.mjs", plugin)
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node probe.mjs %s: %v\n%s", plugin, err, stderr.Bytes())
	}
	var got [][]string
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("probe output %q: %v", out, err)
	}
	return got
}

// modelContainers parses each source as contentlint does for a dialect and
// lists the blocks it reads as containers with no syntax problem.
func modelContainers(t *testing.T, dialect string, cases []string) [][]string {
	t.Helper()
	root := t.TempDir()
	linttest.WriteTree(t, root, map[string]string{lint.ConfigFileName: "admonitions:\n  dialect: " + dialect + "\n"})
	_, site, err := lint.Setup([]string{root}, filepath.Join(root, lint.ConfigFileName))
	if err != nil {
		t.Fatal(err)
	}
	p := lint.NewParser(site)
	out := make([][]string, len(cases))
	for i, src := range cases {
		post := p.Parse("a.md", filepath.Join(root, "a.md"), []byte(src))
		out[i] = []string{}
		for _, b := range post.Blocks {
			if b.Shape == lint.DirectiveContainer && len(b.Problems) == 0 {
				out[i] = append(out[i], b.Name)
			}
		}
	}
	return out
}

// TestDirectiveSyntaxAgainstParsers runs remark-directive 3.0.1 (as in
// Docusaurus 3.10.2) and remark-mdc 3.11.1 (as in @nuxt/content 3.6.3) on the
// same sources as contentlint's directive parser: blocks right after a
// paragraph and text right after a closer are read, names must start with an
// ASCII letter (`:::9` and non-Latin names are text), MDC tracks nested
// openers with the same colons, slot markers sit before nested components,
// and a backslash does not escape a quote in an MDC attribute value.
func TestDirectiveSyntaxAgainstParsers(t *testing.T) {
	shared := []string{
		"A paragraph.\n%snote\nBody\n%s\n",
		"%snote\nBody\n%s\nText right after.\n",
		"- item\n%snote\nBody\n%s\n",
		"%s9\nBody\n%s\n",
		"%sзаметка\nBody\n%s\n",
		"%s注意\nBody\n%s\n",
		"%s_x\nBody\n%s\n",
		"%snote-2\nBody\n%s\n",
	}
	expand := func(colons string) []string {
		var out []string
		for _, c := range shared {
			out = append(out, strings.ReplaceAll(c, "%s", colons))
		}
		return out
	}
	t.Run("remark-directive", func(t *testing.T) {
		tc := oracle.FindNPMToolchain(t, "docusaurus")
		cases := append(expand(":::"), ":::note{title=\"a\"}\nBody\n:::\n")
		compareContainers(t, cases, realContainers(t, tc, "remark-directive", cases), modelContainers(t, lint.DialectDocusaurus, cases))
	})
	t.Run("remark-mdc", func(t *testing.T) {
		tc := oracle.FindNPMToolchain(t, "nuxt")
		cases := append(expand("::"),
			"::outer\n::inner\nIn\n::\nStill outer\n::\n",
			"::card\n#title\n::badge\nNew\n::\n#default\nText\n::\n",
			"::alert{title=\"It\\'s fine\"}\nBody\n::\n",
			"::alert{title='It\\'s fine'}\nBody\n::\n",
			"::alert{title=\"say \\\"hi\\\"\"}\nBody\n::\n",
			"::div\nNative.\n::\n",
		)
		compareContainers(t, cases, realContainers(t, tc, "remark-mdc", cases), modelContainers(t, lint.DialectMDC, cases))
	})
}

func compareContainers(t *testing.T, cases []string, real, model [][]string) {
	t.Helper()
	if len(real) != len(cases) {
		t.Fatalf("the parser answered %d cases of %d", len(real), len(cases))
	}
	for i, src := range cases {
		if !slices.Equal(real[i], model[i]) {
			t.Errorf("%q: the parser reads containers %v, contentlint %v", src, real[i], model[i])
		}
	}
}
