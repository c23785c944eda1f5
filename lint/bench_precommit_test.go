package lint_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/contentlint/contentlint/lint"
	"github.com/contentlint/contentlint/rules"
)

// BenchmarkPreCommit compares a pre-commit run (one file linted, the other
// 7,888 indexed light) with the full offline run over the benchmark site, and
// reports both times and their ratio; the target is at most 10%. It writes a
// .contentlint.yml into the site (content/ and static/) if there is none.
//
//	go test ./lint/ -run '^$' -bench PreCommit -benchtime 3x
func BenchmarkPreCommit(b *testing.B) {
	site := benchSite(b)
	cfgPath := filepath.Join(site, lint.ConfigFileName)
	if _, err := os.Stat(cfgPath); err != nil {
		if err := os.WriteFile(cfgPath, []byte("content: [content]\nstatic: [static]\n"), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	cfg, s, err := lint.Setup([]string{site}, cfgPath)
	if err != nil {
		b.Fatal(err)
	}
	one := filepath.Join(site, "content", "copy-000", "docs", "installation.md")
	run := func(paths ...string) (time.Duration, *lint.Result) {
		eng := &lint.Engine{Rules: rules.All(), Config: cfg, Site: s, Options: lint.Options{Offline: true}, BaseDir: site}
		start := time.Now()
		res, err := eng.Run(context.Background(), paths)
		if err != nil {
			b.Fatal(err)
		}
		return time.Since(start), res
	}
	var full, single time.Duration
	var fullRes, oneRes *lint.Result
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d, r := run(filepath.Join(site, "content"))
		full += d
		fullRes = r
		d, r = run(one)
		single += d
		oneRes = r
	}
	b.ReportMetric(float64(full.Milliseconds())/float64(b.N), "full-ms")
	b.ReportMetric(float64(single.Milliseconds())/float64(b.N), "onefile-ms")
	b.ReportMetric(100*float64(single)/float64(full), "onefile-%")
	b.ReportMetric(float64(fullRes.Files), "files")
	if oneRes.Files != 1 || oneRes.Indexed != fullRes.Indexed {
		b.Fatalf("one-file run linted %d files and indexed %d, want 1 and %d", oneRes.Files, oneRes.Indexed, fullRes.Indexed)
	}
}
