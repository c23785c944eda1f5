package oracle

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Case is one oracle test: a fixture under testdata/oracle/<Fixture>, how the
// generator builds it, and where a built page's content is.
type Case struct {
	Fixture string // folder name under testdata/oracle
	Tool    *Tool  // the contentlint binary
	// Spec builds the fixture; its Site is filled in from Fixture.
	Spec BuildSpec
	// Scope is a selector (see Selector) for the content element of a page.
	Scope string
}

// Check builds the fixture with the generator (or reuses the cached build),
// runs `contentlint routes` on it, and fails the test on every difference
// that allow.txt does not list, and on every allow.txt line that matches
// nothing.
func Check(t *testing.T, c Case) {
	t.Helper()
	ctx := t.Context()
	dir, err := FixtureDir(c.Fixture)
	if err != nil {
		t.Fatal(err)
	}
	scope, err := Selector(c.Scope)
	if err != nil {
		t.Fatal(err)
	}
	allow, err := LoadAllow(filepath.Join(dir, "allow.txt"))
	if err != nil {
		t.Fatal(err)
	}
	spec := c.Spec
	spec.Site = filepath.Join(dir, "site")
	built, err := Build(ctx, CacheDir(), spec)
	if err != nil {
		t.Fatal(err)
	}
	out, err := ReadOutput(built, scope)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range out.Pages {
		// A page allow-listed as a whole (an SPA fallback shell, a listing
		// page of the fixture) need not have content.
		if !p.Scoped && !allow.Covers(KindURL, p.URL) {
			t.Errorf("%s: no element matches the content scope %q in the generator's output", p.File, c.Scope)
		}
	}
	model, err := c.Tool.Routes(ctx, spec.Site, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if msg := Report(Compare(model, out), allow); msg != "" {
		t.Errorf("fixture %s (built output in %s):\n%s", c.Fixture, built, msg)
	}
}

// LookPath finds a generator's executable on PATH, or skips (fails when
// required) naming the install script.
func LookPath(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Unavailable(t, name, err)
	}
	return p
}

// Version runs a generator's version command and returns its output, for
// the build cache key.
func Version(ctx context.Context, t testing.TB, name string, args ...string) string {
	t.Helper()
	out, err := exec.CommandContext(ctx, name, args...).Output()
	if err != nil {
		Unavailable(t, name+" "+strings.Join(args, " "), err)
	}
	return string(out)
}
