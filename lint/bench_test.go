package lint_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/adrg/frontmatter"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/contentlint/contentlint/lint"
	"github.com/contentlint/contentlint/rules"
)

// benchSite is made by ../shared/scripts/gen-site.sh; override with
// CONTENTLINT_BENCH_SITE.
func benchSite(b *testing.B) string {
	dir := os.Getenv("CONTENTLINT_BENCH_SITE")
	if dir == "" {
		dir = "/tmp/bench-site"
	}
	if _, err := os.Stat(filepath.Join(dir, "content")); err != nil {
		b.Skipf("no benchmark site at %s: run ../shared/scripts/gen-site.sh ../shared/corpora/docusaurus-website %s 23", dir, dir)
	}
	return dir
}

func markdownFiles(b *testing.B, root string) []string {
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && lint.IsMarkdown(p) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return files
}

// BenchmarkBareParse is the floor: read, adrg/frontmatter and goldmark (GFM)
// over every file, on as many workers as the lint uses.
func BenchmarkBareParse(b *testing.B) {
	files := markdownFiles(b, filepath.Join(benchSite(b), "content"))
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		next := make(chan string)
		var wg sync.WaitGroup
		for w := 0; w < runtime.GOMAXPROCS(0); w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for f := range next {
					src, err := os.ReadFile(f)
					if err != nil {
						b.Error(err)
						continue
					}
					var meta map[string]any
					body, err := frontmatter.Parse(bytes.NewReader(src), &meta)
					if err != nil {
						body = src
					}
					md.Parser().Parse(text.NewReader(body))
				}
			}()
		}
		for _, f := range files {
			next <- f
		}
		close(next)
		wg.Wait()
	}
	b.ReportMetric(float64(len(files)), "files")
}

func lintBench(b *testing.B, only func(root string) []string) {
	site := benchSite(b)
	cfg, s, err := lint.Setup([]string{filepath.Join(site, "content")}, "")
	if err != nil {
		b.Fatal(err)
	}
	paths := only(site)
	b.ResetTimer()
	var res *lint.Result
	for i := 0; i < b.N; i++ {
		eng := &lint.Engine{Rules: rules.All(), Config: cfg, Site: s, Options: lint.Options{Offline: true}, BaseDir: site}
		res, err = eng.Run(context.Background(), paths)
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(res.Files), "files")
	b.ReportMetric(float64(len(res.Findings)), "findings")
}

// BenchmarkLint is the whole offline lint of the benchmark site.
func BenchmarkLint(b *testing.B) {
	lintBench(b, func(root string) []string { return []string{filepath.Join(root, "content")} })
}

// BenchmarkLintOneFile is a pre-commit run: one file linted, the rest of the
// site indexed from front matter and headings.
func BenchmarkLintOneFile(b *testing.B) {
	lintBench(b, func(root string) []string {
		return []string{filepath.Join(root, "content", "copy-000", "docs", "installation.md")}
	})
}
