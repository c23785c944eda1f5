package oracle_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/contentlint/contentlint/lint/oracle"
)

// astroToolchain is the folder .ci/oracle-install.sh installs the pinned
// Astro 5.9.4 + Starlight 0.34.8 toolchain in: <cache>/npm/astro-<first 12
// hex of the lockfile's sha256>. It skips (fails when required) when absent.
func astroToolchain(t *testing.T) (dir, key string) {
	t.Helper()
	fix, err := oracle.FixtureDir("astro")
	if err != nil {
		t.Fatal(err)
	}
	lock, err := os.ReadFile(filepath.Join(fix, "toolchain", "package-lock.json"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(lock)
	hash := hex.EncodeToString(sum[:])[:12]
	dir = filepath.Join(oracle.CacheDir(), "npm", "astro-"+hash)
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "astro", "astro.js")); err != nil {
		oracle.Unavailable(t, "Astro 5.9.4 with Starlight 0.34.8", err)
	}
	if _, err := exec.LookPath("node"); err != nil {
		oracle.Unavailable(t, "node", err)
	}
	return dir, "astro 5.9.4 starlight 0.34.8 lock " + hash
}

// astroSpec builds a fixture with `astro build`. The build runs in a folder
// under the toolchain, so that Node and Vite resolve astro and Starlight
// from its node_modules by their real paths (a symlinked node_modules
// breaks Starlight's style imports); dist is then moved back into work.
func astroSpec(t *testing.T, name string) oracle.BuildSpec {
	t.Helper()
	tool, key := astroToolchain(t)
	return oracle.BuildSpec{
		Name: name, Toolchain: key, Output: "dist",
		Run: func(ctx context.Context, work string) error {
			if err := os.MkdirAll(filepath.Join(tool, "builds"), 0o755); err != nil {
				return fmt.Errorf("astro build folder: %w", err)
			}
			tmp, err := os.MkdirTemp(filepath.Join(tool, "builds"), name+"-")
			if err != nil {
				return fmt.Errorf("astro build folder: %w", err)
			}
			defer func() { _ = os.RemoveAll(tmp) }()
			site := filepath.Join(tmp, "site")
			if err := os.CopyFS(site, os.DirFS(work)); err != nil {
				return fmt.Errorf("copying %s: %w", work, err)
			}
			cmd := exec.CommandContext(ctx, "node", filepath.Join(tool, "node_modules", "astro", "astro.js"), "build", "--silent")
			cmd.Dir = site
			cmd.Env = append(os.Environ(), "ASTRO_TELEMETRY_DISABLED=1", "TZ=UTC", "NODE_ENV=production")
			if out, err := cmd.CombinedOutput(); err != nil {
				return fmt.Errorf("astro build: %w\n%s", err, out)
			}
			if err := os.Rename(filepath.Join(site, "dist"), filepath.Join(work, "dist")); err != nil {
				return fmt.Errorf("astro build output: %w", err)
			}
			return nil
		},
	}
}

// TestAstro: a blog on the content layer: glob() collections under
// src/content and outside it, a file() data collection, routes from
// src/pages/blog/[...slug].astro, a route settled by permalink in
// .contentlint.yml, drafts filtered by the page, and Astro's heading ids.
func TestAstro(t *testing.T) {
	oracle.Check(t, oracle.Case{Fixture: "astro", Tool: contentlint, Spec: astroSpec(t, "astro"), Scope: "main"})
}

// TestAstroLegacy: collections in the legacy src/content/config.ts, which
// Astro 5 emulates (underscored files and folders skipped, entry.id a file
// path, entry.slug the slug).
func TestAstroLegacy(t *testing.T) {
	oracle.Check(t, oracle.Case{Fixture: "astro-legacy", Tool: contentlint, Spec: astroSpec(t, "astro-legacy"), Scope: "main"})
}

// TestStarlight: docs at /, a root locale and two others, fallback pages
// for pages missing in a locale, a slug override, a draft, asides and MDX.
func TestStarlight(t *testing.T) {
	oracle.Check(t, oracle.Case{Fixture: "starlight", Tool: contentlint, Spec: astroSpec(t, "starlight"), Scope: ".sl-markdown-content"})
}

// TestStarlightDefaultLocale: no root locale (en is the default, in its
// folder), a legacy docs collection, fallbacks into fr and pt-br.
func TestStarlightDefaultLocale(t *testing.T) {
	oracle.Check(t, oracle.Case{Fixture: "starlight-en", Tool: contentlint, Spec: astroSpec(t, "starlight-en"), Scope: ".sl-markdown-content"})
}

// TestAstroFileFormat: build.format 'file' writes name.html pages.
func TestAstroFileFormat(t *testing.T) {
	oracle.Check(t, oracle.Case{Fixture: "astro-file", Tool: contentlint, Spec: astroSpec(t, "astro-file"), Scope: ""})
}
