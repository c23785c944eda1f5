package oracle_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/contentlint/contentlint/lint/oracle"
)

// hugoVersion is the Hugo the fixtures are proven against.
const hugoVersion = "v0.160.1"

// hugoBinary finds the pinned Hugo under the cache folder, where
// .ci/oracle-install.sh compiles it, or skips (fails when required).
func hugoBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(oracle.CacheDir(), "hugo-"+hugoVersion, "hugo")
	if _, err := os.Stat(bin); err != nil {
		oracle.Unavailable(t, "hugo "+hugoVersion, err)
	}
	return bin
}

func hugoSpec(t *testing.T, name string) oracle.BuildSpec {
	bin := hugoBinary(t)
	return oracle.BuildSpec{
		Name: name, Toolchain: oracle.Version(t.Context(), t, bin, "version"), Output: "public",
		Run: func(ctx context.Context, work string) error {
			cmd := exec.CommandContext(ctx, bin, "--quiet", "--source", work, "--destination", filepath.Join(work, "public"))
			// No network, no user cache: the fixture alone decides.
			cmd.Env = append(os.Environ(), "HUGO_CACHEDIR="+filepath.Join(work, ".hugo-cache"), "HUGO_ENVIRONMENT=production")
			if out, err := cmd.CombinedOutput(); err != nil {
				return fmt.Errorf("hugo: %w\n%s", err, out)
			}
			return nil
		},
	}
}

// TestHugo: two languages with their own contentDir, the default at the
// site root; sections, bundles, drafts, future and expired pages, headless
// and build options (own and cascaded), [permalinks], url, slug, aliases,
// translations by translationKey and by file name, an undefined language
// suffix; and headings covering Hugo's ids (typographer, entities,
// duplicates, explicit ids, definition terms, setext, non-Latin).
func TestHugo(t *testing.T) {
	oracle.Check(t, oracle.Case{Fixture: "hugo", Tool: contentlint, Spec: hugoSpec(t, "hugo"), Scope: "main"})
}

// TestHugoMounts: content only from [[module.mounts]] (a file under content/
// outside every mount is not content), include and exclude filters, a mount
// without language whose files take theirs from the name, languages in
// subfolders, disablePathToLower and github-ascii ids.
func TestHugoMounts(t *testing.T) {
	oracle.Check(t, oracle.Case{Fixture: "hugo-mounts", Tool: contentlint, Spec: hugoSpec(t, "hugo-mounts"), Scope: "main"})
}
