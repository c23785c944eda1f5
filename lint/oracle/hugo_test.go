package oracle_test

import (
	"context"
	"encoding/json"
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

// hugoScratch writes a small Hugo site (files: path → content, beside the
// fixture's minimal layouts) and reports whether Hugo builds it, with its
// output.
func hugoScratch(t *testing.T, files map[string]string) (string, bool, string) {
	t.Helper()
	bin := hugoBinary(t)
	dir := t.TempDir()
	layouts, err := oracle.FixtureDir("hugo")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "layouts"), os.DirFS(filepath.Join(layouts, "site", "layouts"))); err != nil {
		t.Fatal(err)
	}
	files["hugo.toml"] = "baseURL = 'https://example.org/'\ndisableKinds = ['taxonomy', 'term', 'rss', 'sitemap', '404', 'robotstxt']\n"
	for p, c := range files {
		f := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.CommandContext(t.Context(), bin, "--quiet", "--source", dir, "--destination", filepath.Join(t.TempDir(), "public"))
	cmd.Env = append(os.Environ(), "HUGO_CACHEDIR="+t.TempDir())
	out, err := cmd.CombinedOutput()
	return dir, err == nil, string(out)
}

// lintFindings runs contentlint --offline --format json on dir and returns
// "rule severity line" for each finding in file.
func lintFindings(t *testing.T, dir, file string) []string {
	t.Helper()
	bin, err := contentlint.Path(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(t.Context(), bin, "--offline", "--format", "json", dir)
	cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+t.TempDir(), "NO_COLOR=1")
	out, _ := cmd.Output() // exit 1 just means findings
	var rep struct {
		Findings []struct {
			Rule, Severity, File string
			Start                struct{ Line int }
		}
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatalf("contentlint output: %v\n%s", err, out)
	}
	var got []string
	for _, f := range rep.Findings {
		if filepath.Base(f.File) == filepath.Base(file) {
			got = append(got, fmt.Sprintf("%s %s %d", f.Rule, f.Severity, f.Start.Line))
		}
	}
	return got
}

// TestHugoDates: a date Hugo cannot parse fails its build, and only such a
// date is an error; each form here is built by Hugo itself.
func TestHugoDates(t *testing.T) {
	dates := []string{
		"2024-01-02", "2024-01-02T10:30:00Z", "2024-01-02T10:30:00+02:00", "2024-01-02T10:30:00+0200",
		"2024-01-02 10:30:00 +0200", "2024-01-02 10:30:00", "2024-01-02T10:30:00.5Z",
		"Tue, 02 Jan 2024 10:30:00 +0200", "Tue, 02 Jan 2024 10:30:00 MST", "02 Jan 24 10:30 +0200",
		"02 Jan 2024", "Jan 2, 2024", "January 2, 2024", "2024-02-30", "2024-13-01", "02/01/2024", "yesterday",
	}
	for _, d := range dates {
		t.Run(d, func(t *testing.T) {
			dir, ok, out := hugoScratch(t, map[string]string{"content/a.md": "---\ntitle: A\ndate: \"" + d + "\"\n---\n"})
			got := lintFindings(t, dir, "a.md")
			want := []string{}
			if !ok {
				want = []string{"frontmatter-type error 3"}
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("date %q: hugo builds: %v (%s); contentlint: %v, want %v", d, ok, out, got, want)
			}
		})
	}
}
