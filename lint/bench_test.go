package lint_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

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

// benchConfig is the benchmark site's configuration, built in memory so that
// the generated site is left as gen-site.sh made it.
func benchConfig(b *testing.B, site string) (*lint.Config, *lint.Site) {
	cfg, err := lint.ParseConfig([]byte("content: [content]\nstatic: [static]\n"), filepath.Join(site, lint.ConfigFileName))
	if err != nil {
		b.Fatal(err)
	}
	cfg.Root = site
	if err := lint.ApplyPreset(cfg); err != nil {
		b.Fatal(err)
	}
	s, err := lint.NewSite(cfg)
	if err != nil {
		b.Fatal(err)
	}
	return cfg, s
}

// BenchmarkLint is the pair that the pre-commit target (one file in at most
// 10% of the full run) is judged by, with one configuration:
//
//   - full: the whole offline lint of the benchmark site;
//   - onefile-cold: one file linted and the other 7,888 indexed light, with
//     no index cache (the first run after a build or configuration change);
//   - onefile: the same in the steady state of a pre-commit hook, the index
//     cache warmed by one run before timing.
//
// The one-file runs report pct-of-full when full ran in the same process:
//
//	go test ./lint -run '^$' -bench 'Lint/' -benchtime 5x
func BenchmarkLint(b *testing.B) {
	site := benchSite(b)
	lintPair(b, site, filepath.Join(site, "content", "copy-000", "docs", "installation.md"), true)
}

// BenchmarkLintFlat is BenchmarkLint's pair on 200,000 posts in one folder,
// made by .ci/gen-flat.sh (CONTENTLINT_BENCH_FLAT, default /tmp/bench-flat):
// a one-file run with a warm index cache must take at most 10% of the full
// run there too.
//
//	go test ./lint -run '^$' -bench 'LintFlat/(full|onefile)$' -benchtime 1x
func BenchmarkLintFlat(b *testing.B) {
	site := os.Getenv("CONTENTLINT_BENCH_FLAT")
	if site == "" {
		site = "/tmp/bench-flat"
	}
	one := filepath.Join(site, "content", "posts", "p-000123.md")
	if _, err := os.Stat(one); err != nil {
		b.Skipf("no flat site at %s: run .ci/gen-flat.sh ../shared/corpora/docusaurus-website %s 200000", site, site)
	}
	lintPair(b, site, one, false)
}

// lintPair runs full, onefile-cold and onefile on site, one being the file
// of the one-file runs; withCore adds the core rule set alone.
func lintPair(b *testing.B, site, one string, withCore bool) {
	cfg, s := benchConfig(b, site)
	// A private cache folder: the runs control the cache and leave none.
	cacheHome := b.TempDir()
	b.Setenv("XDG_CACHE_HOME", cacheHome)
	b.Setenv("HOME", cacheHome)
	run := func(b *testing.B, paths ...string) *lint.Result {
		eng := &lint.Engine{Rules: rules.All(), Config: cfg, Site: s, Options: lint.Options{Offline: true}, BaseDir: site}
		res, err := eng.Run(context.Background(), paths)
		if err != nil {
			b.Fatal(err)
		}
		return res
	}
	report := func(b *testing.B, res *lint.Result, perOp, full time.Duration) {
		b.ReportMetric(float64(res.Files), "files")
		b.ReportMetric(float64(len(res.Findings)), "findings")
		if full > 0 {
			b.ReportMetric(100*float64(perOp)/float64(full), "pct-of-full")
		}
	}
	// core is the offline rule set of the engine issue (front matter, file,
	// suppression), the scope of its 1.5x-of-a-bare-parse budget.
	b.Run("core", func(b *testing.B) {
		if !withCore {
			b.Skip("the core set is measured on the benchmark site")
		}
		var core []*lint.Rule
		for _, r := range rules.All() {
			if strings.HasPrefix(r.ID, "frontmatter-") || r.ID == "file-encoding" || r.ID == "directive-unknown" {
				core = append(core, r)
			}
		}
		var res *lint.Result
		for b.Loop() {
			eng := &lint.Engine{Rules: core, Config: cfg, Site: s, Options: lint.Options{Offline: true}, BaseDir: site}
			var err error
			if res, err = eng.Run(context.Background(), []string{filepath.Join(site, "content")}); err != nil {
				b.Fatal(err)
			}
		}
		report(b, res, 0, 0)
	})
	var full time.Duration
	var fullIndexed int
	b.Run("full", func(b *testing.B) {
		var res *lint.Result
		n := 0
		for b.Loop() {
			res = run(b, filepath.Join(site, "content"))
			n++
		}
		full, fullIndexed = b.Elapsed()/time.Duration(n), res.Indexed
		report(b, res, 0, 0)
	})
	check := func(b *testing.B, res *lint.Result) {
		if res.Files != 1 || (fullIndexed > 0 && res.Indexed != fullIndexed) {
			b.Fatalf("one-file run linted %d files and indexed %d, want 1 and %d", res.Files, res.Indexed, fullIndexed)
		}
	}
	b.Run("onefile-cold", func(b *testing.B) {
		var res *lint.Result
		n := 0
		for b.Loop() {
			b.StopTimer()
			if err := os.RemoveAll(filepath.Join(cacheHome, "contentlint")); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			res = run(b, one)
			n++
		}
		check(b, res)
		report(b, res, b.Elapsed()/time.Duration(n), full)
	})
	b.Run("onefile", func(b *testing.B) {
		run(b, one) // warm the index cache: a hook's steady state
		var res *lint.Result
		n := 0
		for b.Loop() {
			res = run(b, one)
			n++
		}
		check(b, res)
		report(b, res, b.Elapsed()/time.Duration(n), full)
	})
}

// BenchmarkLintScale lints the benchmark site at three sizes, made by
// .ci/bench-scale.sh with gen-site.sh (23, 92 and 290 copies: 7,889, 31,556
// and 99,470 posts), and reports the process CPU time per file, which must
// stay flat as the site grows. Each size skips when its site is absent.
//
//	go test ./lint -run '^$' -bench LintScale -benchtime 1x
func BenchmarkLintScale(b *testing.B) {
	for _, c := range []struct{ name, env, dir string }{
		{"x1", "CONTENTLINT_BENCH_SITE", "/tmp/bench-site"},
		{"x4", "CONTENTLINT_BENCH_SITE_4X", "/tmp/bench-site-4x"},
		{"100k", "CONTENTLINT_BENCH_SITE_100K", "/tmp/bench-site-100k"},
	} {
		b.Run(c.name, func(b *testing.B) {
			site := os.Getenv(c.env)
			if site == "" {
				site = c.dir
			}
			if _, err := os.Stat(filepath.Join(site, "content")); err != nil {
				b.Skipf("no site at %s: run .ci/bench-scale.sh", site)
			}
			cfg, s := benchConfig(b, site)
			var res *lint.Result
			cpu0 := processCPU(b)
			for b.Loop() {
				eng := &lint.Engine{Rules: rules.All(), Config: cfg, Site: s, Options: lint.Options{Offline: true, NoCache: true}, BaseDir: site}
				var err error
				if res, err = eng.Run(context.Background(), []string{filepath.Join(site, "content")}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(res.Files), "files")
			b.ReportMetric(float64((processCPU(b)-cpu0).Microseconds())/float64(b.N*res.Files), "cpu-us/file")
		})
	}
}

// processCPU is the user and system time this process has used.
func processCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
