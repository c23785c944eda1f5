package rules

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/contentlint/contentlint/lint"
)

// pathological are inputs that once cost time or memory out of proportion
// to their size, or that stress a parser's nesting. Each takes a scale n.
var pathological = []struct {
	name string
	gen  func(n int) string
}{
	{"nested unclosed admonitions", func(n int) string { return strings.Repeat(":::note\n\n", n) }},
	{"nested closed admonitions", func(n int) string {
		return strings.Repeat("::::note\n\n", n) + strings.Repeat("::::\n\n", n)
	}},
	{"deep TOML array", func(n int) string {
		return "+++\ntitle = \"x\"\na = " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n+++\n"
	}},
	{"deep JSON", func(n int) string {
		return "{\n\"title\": \"x\", \"a\": " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n}\n"
	}},
	{"deep YAML flow", func(n int) string {
		return "---\ntitle: x\na: " + strings.Repeat("{a: ", n) + "1" + strings.Repeat("}", n) + "\n---\n"
	}},
	{"many links on one line", func(n int) string {
		return "---\ntitle: x\n---\n" + strings.Repeat("[é](./a.md) ", n) + "\n"
	}},
	{"many block quote markers", func(n int) string { return strings.Repeat(">", n) + " x\n" }},
	{"many headings", func(n int) string { return strings.Repeat("# Heading\n\n", n) }},
	{"wide table", func(n int) string {
		return "|" + strings.Repeat(" a |", n) + "\n|" + strings.Repeat("---|", n) + "\n|" + strings.Repeat(" [x](y) |", n) + "\n"
	}},
	{"long emphasis run", func(n int) string { return strings.Repeat("*a _b ", n) + "\n" }},
	{"unmatched brackets", func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) + "\n" }},
	{"deep list on one line", func(n int) string { return strings.Repeat("- ", n) + "x\n" }},
	{"deep indented list", func(n int) string {
		var b strings.Builder
		for i := range n / 20 { // the input grows with the square of the depth
			b.WriteString(strings.Repeat("  ", i) + "- x\n")
		}
		return b.String()
	}},
	{"long line of CRs", func(n int) string { return "---\ntitle: x\n---\n" + strings.Repeat("a\r", n) + "\n" }},
}

// pathologicalScale multiplies n for inputs that are cheap per unit, so the
// large run reaches the sizes that once hurt (50,000 ">", 100k headings).
var pathologicalScale = map[string]int{"many block quote markers": 12, "many headings": 25, "wide table": 2, "long emphasis run": 10}

// allocated lints src as one post with every rule and returns the bytes
// allocated meanwhile (runtime.MemStats.TotalAlloc). It fails the test on
// a panic or a lint error.
func allocated(t *testing.T, eng *lint.Engine, path, src string) uint64 {
	t.Helper()
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	res, err := eng.Run(t.Context(), []string{path})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if res.Err != nil {
		t.Fatalf("lint error: %v", res.Err)
	}
	return after.TotalAlloc - before.TotalAlloc
}

// Every pathological input runs through the whole pipeline without a panic,
// and what it allocates grows linearly with its size: quadruple the input
// may at most quadruple the bytes (with slack for fixed costs), and stays
// under a budget per input byte. No clock is read.
func TestPathologicalInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates tens of megabytes")
	}
	root := writeSite(t, map[string]string{"a.md": ""}, "admonitions:\n  dialect: docusaurus\n")
	cfg, site, err := lint.Setup([]string{root}, filepath.Join(root, lint.ConfigFileName))
	if err != nil {
		t.Fatal(err)
	}
	eng := &lint.Engine{Rules: All(), Config: cfg, Site: site, BaseDir: root, Options: lint.Options{Jobs: 1, Offline: true, NoCache: true}}
	path := filepath.Join(root, "a.md")
	allocated(t, eng, path, "# warm up\n") // one-time setup is not the input's cost
	const (
		small, large = 1000, 4000
		perByte      = 2000    // bytes allocated per input byte, at most
		fixed        = 8 << 20 // what any run allocates
	)
	for _, p := range pathological {
		t.Run(p.name, func(t *testing.T) {
			k := max(pathologicalScale[p.name], 1)
			s, l := p.gen(k*small), p.gen(k*large)
			as, al := allocated(t, eng, path, s), allocated(t, eng, path, l)
			t.Logf("%d bytes: %d KiB; %d bytes: %d KiB", len(s), as>>10, len(l), al>>10)
			if budget := uint64(perByte*len(l) + fixed); al > budget {
				t.Errorf("%d bytes allocated %d MiB, over the budget of %d MiB", len(l), al>>20, budget>>20)
			}
			ratio := float64(len(l)) / float64(len(s))
			if grow := float64(al) / float64(as+fixed); grow > ratio {
				t.Errorf("allocations grew %.1f times for %.1f times the input: not linear (%d → %d KiB)", grow, ratio, as>>10, al>>10)
			}
		})
	}
}

// FuzzPipeline lints one arbitrary file with every rule through the engine,
// offline: nothing may panic or fail, and every finding lies inside the
// file. Its seeds, the pathological inputs at a small scale among them, run
// as regression tests with plain `go test`.
func FuzzPipeline(f *testing.F) {
	for _, p := range pathological {
		f.Add(p.gen(40))
	}
	for _, s := range append(admonitionSeeds,
		"---\ntitle: x\ncover: ./a.png\ntags: [a, b]\n---\n# T\n\n[l](./b.md#x) ![i](/img.png) <https://example.com>\n",
		"\xEF\xBB\xBF---\r\ntitle: é\r\n---\r\n\t[a](b)\r\n",
		"+++\ntitle = 'x'\n+++\n<!-- contentlint-disable-next-line -->\n<a href=\"x\">y</a>\n",
		"---\n\r0: é\n---",
		"---\r\ntitle: x\r\ntags: [a,\r\n  b]\r\n---\r\n:::note\r\n\r\n[x](./nope.md)\r\n",
		"---\r\ntitle: x\r\n---\r\n# Héading\r\n\r\n[a](#nope)\r\n<!-- contentlint-disable-next-line nope -->\r\n\t![i](./i.png)\r\n",
		"\xEF\xBB\xBF# T\r\n\r\n|a|b|\r\n|-|-|\r\n|[x](y.md)|z|\r\n",
		"---\ntitle: x\ncover: \"\ta.png\"\n---\r\n\t:::tipp\r\n\t:::\r",
	) {
		f.Add(s)
	}
	root := writeSite(f, map[string]string{"b.md": "---\ntitle: b\n---\n# X\n"}, "admonitions:\n  dialect: docusaurus\n")
	cfg, site, err := lint.Setup([]string{root}, filepath.Join(root, lint.ConfigFileName))
	if err != nil {
		f.Fatal(err)
	}
	eng := &lint.Engine{Rules: All(), Config: cfg, Site: site, BaseDir: root, Options: lint.Options{Jobs: 1, Offline: true, NoCache: true}}
	path := filepath.Join(root, "a.md")
	f.Fuzz(func(t *testing.T, src string) {
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := eng.Run(t.Context(), []string{path})
		if err != nil {
			t.Fatal(err)
		}
		if res.Err != nil {
			t.Fatalf("lint error: %v", res.Err)
		}
		li := lint.NewLineIndex([]byte(src))
		lines := li.Lines()
		for _, fd := range res.Findings {
			if fd.File != "a.md" {
				continue
			}
			r := fd.Range
			for _, p := range []lint.Position{r.Start, r.End} {
				if p.Line < 1 || p.Col < 1 || p.Line > max(lines, 1) {
					t.Fatalf("%s outside the file's %d lines: %s", where(fd), lines, fd.Message)
				}
				// The line without its ending: a CRLF is no wider than LF.
				if line := li.Line(p.Line); p.Line <= lines && p.Col > utf8.RuneCount(line)+1 {
					t.Fatalf("%s: column past the end of line %d (%q): %s", where(fd), p.Line, line, fd.Message)
				}
			}
			if r.End.Before(r.Start) {
				t.Fatalf("%s ends before it starts: %s", where(fd), fd.Message)
			}
		}
	})
}
