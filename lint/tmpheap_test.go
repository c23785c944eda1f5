package lint_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"testing"

	"github.com/contentlint/contentlint/lint"
	"github.com/contentlint/contentlint/rules"
)

func TestTmpHeap(t *testing.T) {
	site := os.Getenv("FLAT")
	if site == "" {
		t.Skip()
	}
	cfg, err := lint.ParseConfig([]byte("content: [content]\nstatic: [static]\n"), filepath.Join(site, lint.ConfigFileName))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Root = site
	_ = lint.ApplyPreset(cfg)
	s, _ := lint.NewSite(cfg)
	eng := &lint.Engine{Rules: rules.All(), Config: cfg, Site: s, Options: lint.Options{Offline: true, NoCache: true}, BaseDir: site}
	res, err := eng.Run(context.Background(), []string{filepath.Join(site, "content")})
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	f, _ := os.Create("/tmp/heap-after.prof")
	_ = pprof.WriteHeapProfile(f)
	f.Close()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("findings %d entries %d heap %d MB sys %d MB", len(res.Findings), len(res.Entries), ms.HeapAlloc>>20, ms.Sys>>20)
	runtime.KeepAlive(res)
}
