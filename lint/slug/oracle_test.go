package slug_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/contentlint/contentlint/lint/oracle"
	"github.com/contentlint/contentlint/lint/slug"
	"golang.org/x/text/unicode/rangetable"
)

// The oracle tests run the real generators' id code on a corpus of
// headings and compare with lint/slug. They skip when a generator is
// missing (.ci/oracle-install.sh installs them), and fail instead under
// CONTENTLINT_ORACLE=required, as .ci/oracle.sh runs them.

// headingCorpus is heading text with no Markdown markup but entities and
// the typographer's punctuation, so every generator reads it as text.
var headingCorpus = []string{
	"Hello World", "Hello World", "hello-world-1", "Hello World",
	"a -- b", "a --- b", "a ... b", "a << b >> c", "a<<b>>c", "x----y", "a -- b",
	"Q&amp;A", "&lt;Tabs&gt; usage", "soft&shy;hyphen", "&#169; 2024", "a&#x2014;b", "non&nbsp;breaking",
	`"Smart" quotes`, "It's 'quoted'", "Rock 'n' roll in the '90s",
	"1. Introduction", "Step 2 - Configure", "  Spaced  out  ", "-Dash-", "tab\there",
	"Ünïcödé Straße", "Привет мир", "神真美好", "Ⓐ Ⅻ ① ² ½", "ΣΑΣ", "İstanbul", "😄 emoji 🔌",
	"C++ & Go!", "snake_case_name", "What's new in 2.0?", "50% off: $10", "a/b\\c", "(parens) {braces}",
	"!!!", "???", "", "Foo", "foo",
}

func need(t *testing.T, what string, err error) {
	t.Helper()
	if err != nil {
		oracle.Unavailable(t, what, err)
	}
}

func run(t *testing.T, stdin []byte, name string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, stderr.String())
	}
	return out
}

// ours runs lint/slug over texts as contentlint does for a heading.
func ours(t *testing.T, style string, texts []string) []string {
	t.Helper()
	sl, err := slug.New(style)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(texts))
	for i, s := range texts {
		ids[i] = sl.Slug(slug.PrepareText(style, s))
	}
	return ids
}

func compare(t *testing.T, what string, texts, want, got []string) {
	t.Helper()
	if len(want) != len(texts) {
		t.Fatalf("%s gave %d ids for %d headings", what, len(want), len(texts))
	}
	bad := 0
	for i := range texts {
		if want[i] != got[i] {
			if bad++; bad <= 20 {
				t.Errorf("%s: heading %d %q: generator %q, lint/slug %q", what, i+1, texts[i], want[i], got[i])
			}
		}
	}
	if bad > 20 {
		t.Errorf("%s: %d differences in all", what, bad)
	}
}

// randomTexts makes n deterministic texts of code points drawn from table,
// with spaces between some.
func randomTexts(n int, table *unicode.RangeTable, seed uint64) []string {
	var pool []rune
	rangetable.Visit(table, func(r rune) { pool = append(pool, r) })
	rnd := rand.New(rand.NewPCG(seed, seed))
	texts := make([]string, n)
	for i := range texts {
		var b strings.Builder
		for range 1 + rnd.IntN(8) {
			if rnd.IntN(4) == 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(pool[rnd.IntN(len(pool))])
		}
		// A Markdown heading's text has no outer blanks.
		texts[i] = strings.TrimSpace(b.String())
	}
	return texts
}

// nonASCII13 are the code points Unicode 13 assigned beyond ASCII, less
// surrogates, private use and the line and paragraph separators, which no
// Markdown heading holds as text.
func nonASCII13() *unicode.RangeTable {
	var keep []rune
	rangetable.Visit(rangetable.Assigned("13.0.0"), func(r rune) {
		if r >= 0xa0 && !unicode.In(r, unicode.Cs, unicode.Co, unicode.Zl, unicode.Zp, unicode.Cc) && r != 0xfeff {
			keep = append(keep, r)
		}
	})
	return rangetable.New(keep...)
}

func TestOracleGitHubSlugger(t *testing.T) {
	mod := filepath.Join(oracle.CacheDir(), "npm", "github-slugger-2.0.0", "node_modules", "github-slugger", "index.js")
	_, err := os.Stat(mod)
	need(t, "github-slugger 2.0.0", err)
	_, err = exec.LookPath("node")
	need(t, "node", err)
	texts := append([]string{}, headingCorpus...)
	for i, s := range texts {
		texts[i] = slug.DecodeEntities(s) // remark decodes references first
	}
	texts = append(texts, randomTexts(3000, nonASCII13(), 1)...)
	in, _ := json.Marshal(texts)
	script := fmt.Sprintf(`import GithubSlugger from %q
import fs from 'node:fs'
const s = new GithubSlugger()
process.stdout.write(JSON.stringify(JSON.parse(fs.readFileSync(0, 'utf8')).map(t => s.slug(t))))`, "file://"+mod)
	var want []string
	if err := json.Unmarshal(run(t, in, "node", "--input-type=module", "-e", script), &want); err != nil {
		t.Fatal(err)
	}
	got := make([]string, len(texts))
	sl, _ := slug.New(slug.StyleGitHub)
	for i, s := range texts {
		got[i] = sl.Slug(s)
	}
	compare(t, "github-slugger", texts, want, got)
}

// kramdownIDs converts the headings with kramdown (input GFM or kramdown)
// and returns each <h2>'s id ("" for none).
func kramdownIDs(t *testing.T, input string, texts []string) []string {
	t.Helper()
	_, err := exec.LookPath("ruby")
	need(t, "ruby", err)
	const probe = `require "kramdown"; require "kramdown-parser-gfm"`
	if err := exec.Command("ruby", "-e", probe).Run(); err != nil {
		oracle.Unavailable(t, "kramdown and kramdown-parser-gfm", err)
	}
	var src strings.Builder
	for _, s := range texts {
		fmt.Fprintf(&src, "## %s\n\n", s)
	}
	script := probe + `; require "json"; require "cgi"
html = Kramdown::Document.new(STDIN.read, input: ARGV[0], auto_ids: true).to_html
puts JSON.generate(html.scan(/<h2(?: id="([^"]*)")?>/).map { |m| CGI.unescapeHTML(m[0] || "") })`
	var ids []string
	if err := json.Unmarshal(run(t, []byte(src.String()), "ruby", "-e", script, input), &ids); err != nil {
		t.Fatal(err)
	}
	return ids
}

func TestOracleKramdown(t *testing.T) {
	// An empty heading is no heading to kramdown, so leave it out.
	var texts []string
	for _, s := range headingCorpus {
		if strings.TrimSpace(s) != "" {
			texts = append(texts, strings.TrimSpace(s))
		}
	}
	t.Run("gfm", func(t *testing.T) {
		all := append(append([]string{}, texts...), randomTexts(1000, nonASCII13(), 2)...)
		compare(t, "kramdown-parser-gfm", all, kramdownIDs(t, "GFM", all), ours(t, slug.StyleKramdownGFM, all))
	})
	t.Run("kramdown", func(t *testing.T) {
		compare(t, "kramdown", texts, kramdownIDs(t, "kramdown", texts), ours(t, slug.StyleKramdown, texts))
	})
}

var hugoH2 = regexp.MustCompile(`<h2 id="([^"]*)"`)

func hugoBinary() (string, error) {
	if p, err := exec.LookPath("hugo"); err == nil {
		return p, nil
	}
	m, _ := filepath.Glob(filepath.Join(oracle.CacheDir(), "hugo-v*", "hugo"))
	if len(m) == 0 {
		return "", fmt.Errorf("no hugo on PATH nor in %s", oracle.CacheDir())
	}
	return m[len(m)-1], nil
}

// Hugo builds one page of the corpus with each autoIDType. Hugo is
// installed by its own oracle block, so this skips without it even under
// CONTENTLINT_ORACLE=required.
func TestOracleHugo(t *testing.T) {
	bin, err := hugoBinary()
	if err != nil {
		t.Skip(err)
	}
	texts := markdownTexts(false, 3)
	for _, tt := range []struct{ idType, style string }{
		{"github", slug.StyleHugo}, {"github-ascii", slug.StyleHugoASCII}, {"blackfriday", slug.StyleHugoBlackfriday},
	} {
		t.Run(tt.idType, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{
				"hugo.toml": fmt.Sprintf("baseURL = 'https://example.org/'\ndisableKinds = ['taxonomy', 'term', 'home', 'section', 'rss', 'sitemap', '404']\n"+
					"[markup.goldmark.parser]\nautoIDType = '%s'\n", tt.idType),
				"layouts/single.html": "{{ .Content }}",
				"content/p.md":        "---\ntitle: p\n---\n\n" + headingsDoc(texts),
			}
			for name, body := range files {
				p := filepath.Join(dir, name)
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			run(t, nil, bin, "--quiet", "-s", dir, "-d", filepath.Join(dir, "public"))
			out, err := os.ReadFile(filepath.Join(dir, "public", "p", "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, m := range hugoH2.FindAllStringSubmatch(string(out), -1) {
				want = append(want, html.UnescapeString(m[1]))
			}
			compare(t, "hugo "+tt.idType, texts, want, ours(t, tt.style, texts))
		})
	}
}

// markdownTexts is the corpus as Markdown headings hold it (trimmed, no
// empty one, no tab) plus 300 random texts. With dropHTML, "a<<b>>c" goes:
// remark reads <b> in it as an HTML tag, markup rather than text.
func markdownTexts(dropHTML bool, seed uint64) []string {
	var texts []string
	for _, s := range headingCorpus {
		s = strings.TrimSpace(s)
		if s == "" || strings.Contains(s, "\t") || dropHTML && strings.Contains(s, "<b>") {
			continue
		}
		texts = append(texts, s)
	}
	return append(texts, randomTexts(300, nonASCII13(), seed)...)
}

// headingsDoc is a Markdown document of one "##" heading per text.
func headingsDoc(texts []string) string {
	var b strings.Builder
	for _, s := range texts {
		fmt.Fprintf(&b, "## %s\n\n", s)
	}
	return b.String()
}

// npmToolchain finds a file in a generator's npm toolchain under the cache.
// Those toolchains are installed by their own generator's oracle block, so
// the test skips without one even under CONTENTLINT_ORACLE=required.
func npmToolchain(t *testing.T, glob string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(oracle.CacheDir(), "npm", glob))
	if len(m) == 0 {
		t.Skip("no " + glob + " under " + filepath.Join(oracle.CacheDir(), "npm"))
	}
	_, err := exec.LookPath("node")
	need(t, "node", err)
	return m[len(m)-1]
}

// nodeIDs runs an ES module script that reads the document on stdin and
// writes the ids as a JSON array.
func nodeIDs(t *testing.T, script, doc string) []string {
	t.Helper()
	var ids []string
	if err := json.Unmarshal(run(t, []byte(doc), "node", "--input-type=module", "-e", script), &ids); err != nil {
		t.Fatal(err)
	}
	return ids
}

// Astro renders the corpus with its own Markdown processor.
func TestOracleAstro(t *testing.T) {
	mod := npmToolchain(t, "astro-*/node_modules/@astrojs/markdown-remark/dist/index.js")
	texts := markdownTexts(true, 4)
	want := nodeIDs(t, fmt.Sprintf(`import { createMarkdownProcessor } from %q
import fs from 'node:fs'
const p = await createMarkdownProcessor({})
const r = await p.render(fs.readFileSync(0, 'utf8'))
process.stdout.write(JSON.stringify(r.metadata.headings.map(h => h.slug)))`, "file://"+mod), headingsDoc(texts))
	compare(t, "astro", texts, want, ours(t, slug.StyleAstro, texts))
}

// mdc parses the corpus with @nuxtjs/mdc's parseMarkdown.
func TestOracleMDC(t *testing.T) {
	mod := npmToolchain(t, "nuxt-*/node_modules/@nuxtjs/mdc/dist/runtime/parser/index.js")
	texts := markdownTexts(true, 5)
	want := nodeIDs(t, fmt.Sprintf(`import { parseMarkdown } from %q
import fs from 'node:fs'
const r = await parseMarkdown(fs.readFileSync(0, 'utf8'))
process.stdout.write(JSON.stringify(r.body.children.map(c => c.props.id)))`, "file://"+mod), headingsDoc(texts))
	compare(t, "mdc", texts, want, ours(t, slug.StyleMDC, texts))
}

// Docusaurus's own headings plugin (@docusaurus/mdx-loader) runs over the
// corpus parsed by remark-parse, with explicit {#id}s among the headings.
func TestOracleDocusaurus(t *testing.T) {
	nm := npmToolchain(t, "docusaurus-*/node_modules")
	texts := append([]string{"Foo", "Bar {#foo}", "Foo", "Spaced {# my id }", "my id", "a {#b{cd}", "{#only}", "x {#}"},
		markdownTexts(true, 6)...)
	want := nodeIDs(t, fmt.Sprintf(`import { unified } from %q
import remarkParse from %q
import { createRequire } from 'node:module'
import fs from 'node:fs'
const require = createRequire(%q)
const headings = require('@docusaurus/mdx-loader/lib/remark/headings/index.js').default
const proc = unified().use(remarkParse).use(headings, { anchorsMaintainCase: false })
const tree = await proc.run(proc.parse(fs.readFileSync(0, 'utf8')))
process.stdout.write(JSON.stringify(tree.children.filter(n => n.type === 'heading').map(n => n.data.id)))`,
		"file://"+filepath.Join(nm, "unified", "index.js"), "file://"+filepath.Join(nm, "remark-parse", "index.js"), nm+"/"), headingsDoc(texts))
	sl, _ := slug.New(slug.StyleDocusaurus)
	got := make([]string, len(texts))
	for i, s := range texts {
		s = slug.PrepareText(slug.StyleDocusaurus, s)
		if _, id, ok := slug.DocusaurusHeadingID(s); ok {
			got[i] = sl.Explicit(id)
		} else {
			got[i] = sl.Slug(s)
		}
	}
	compare(t, "docusaurus", texts, want, got)
}
