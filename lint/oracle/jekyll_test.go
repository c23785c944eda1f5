package oracle_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"testing"

	"github.com/contentlint/contentlint/lint/oracle"
)

// jekyllSpec builds a fixture with Debian's jekyll (4.3.1, kramdown with
// kramdown-parser-gfm) and the jekyll-redirect-from plugin, in UTC so that
// dates with an offset land on the same day everywhere.
func jekyllSpec(t *testing.T, name string) oracle.BuildSpec {
	t.Helper()
	bin := oracle.LookPath(t, "jekyll")
	if err := exec.CommandContext(t.Context(), "ruby", "-rjekyll-redirect-from", "-e", "").Run(); err != nil {
		oracle.Unavailable(t, "the jekyll-redirect-from plugin", err)
	}
	version := oracle.Version(t.Context(), t, bin, "--version")
	// The Markdown converter and plugin change the output too.
	if out, err := exec.CommandContext(t.Context(), "dpkg-query", "-W", "jekyll", "ruby-kramdown",
		"ruby-kramdown-parser-gfm", "ruby-jekyll-redirect-from").Output(); err == nil {
		version += string(out)
	}
	return oracle.BuildSpec{
		Name: name, Toolchain: version, Output: "_site",
		Run: func(ctx context.Context, work string) error {
			cmd := exec.CommandContext(ctx, bin, "build", "--quiet", "--disable-disk-cache")
			cmd.Dir = work
			cmd.Env = append(os.Environ(), "TZ=UTC", "LC_ALL=C.UTF-8", "JEKYLL_ENV=production")
			if out, err := cmd.CombinedOutput(); err != nil {
				return fmt.Errorf("jekyll build: %w\n%s", err, out)
			}
			return nil
		},
	}
}

// TestJekyll: collections, permalinks, redirects, what is not rendered, and
// kramdown's GFM heading ids.
func TestJekyll(t *testing.T) {
	oracle.Check(t, oracle.Case{Fixture: "jekyll", Tool: contentlint, Spec: jekyllSpec(t, "jekyll"), Scope: "main"})
}
