package oracle_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
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
// fixture's minimal layouts) and reports whether Hugo builds it (into
// public/), with its output.
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
	cmd := exec.CommandContext(t.Context(), bin, "--quiet", "--source", dir, "--destination", filepath.Join(dir, "public"))
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

// refSite is a small site whose pages ref and relref point into.
func refSite(body string) map[string]string {
	return map[string]string{
		"content/_index.md":              "---\ntitle: Home\n---\n",
		"content/about.md":               "---\ntitle: About\n---\n## Team\n",
		"content/blog/_index.md":         "---\ntitle: Blog\n---\n",
		"content/blog/post.md":           "---\ntitle: Post\n---\n",
		"content/blog/Other-Post.md":     "---\ntitle: Other\n---\n",
		"content/blog/bundle/index.md":   "---\ntitle: Bundle\n---\n",
		"content/docs/post.md":           "---\ntitle: Docs post\n---\n",
		"content/docs/draft.md":          "---\ntitle: Draft\ndraft: true\n---\n",
		"content/docs/headless/index.md": "---\nheadless: true\n---\n",
		"content/blog/from.md":           "---\ntitle: From\n---\n" + body + "\n",
	}
}

// TestHugoRefs: Hugo fails the build on a ref or relref it cannot resolve,
// and contentlint reports exactly those (shortcode-target, error), for
// each lookup rule: page-relative, from the content root, a bare name one
// page alone has, an ambiguous bare name, case, a missing extension,
// sections, bundles, drafts and headless pages.
func TestHugoRefs(t *testing.T) {
	refs := []string{
		`{{< ref "about.md" >}}`, `{{< ref "/about" >}}`, `{{< ref "About.md" >}}`, `{{< relref "post.md" >}}`,
		`{{< ref "other-post" >}}`, `{{< ref "/blog/bundle" >}}`, `{{< ref "bundle" >}}`, `{{< ref "blog" >}}`,
		`{{< ref "/" >}}`, `{{< ref "../about.md" >}}`, `{{< ref "./post.md" >}}`, `{{< ref "docs/post.md" >}}`,
		`{{< ref "missing.md" >}}`, `{{< relref "/blog/nope" >}}`, `{{< ref "./about.md" >}}`,
		`{{< ref "draft.md" >}}`, `{{< ref "headless" >}}`, `{{< relref path="about.md" >}}`,
		`{{< ref "about.md#team" >}}`, `{{</* ref "missing.md" */>}}`,
	}
	for _, r := range refs {
		t.Run(r, func(t *testing.T) {
			dir, ok, out := hugoScratch(t, refSite(r))
			got := lintFindings(t, dir, "from.md")
			var want []string
			if !ok {
				want = []string{"shortcode-target error 4"}
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s: hugo builds: %v (%s); contentlint: %v, want %v", r, ok, out, got, want)
			}
		})
	}
}

// TestHugoLinkHook: with a link render hook that resolves destinations with
// .GetPage (the fixture's layouts/_markup/render-link.html), a link that
// Hugo turns into a page's permalink is not reported, and one it leaves as
// written is judged as written.
func TestHugoLinkHook(t *testing.T) {
	links := map[string]bool{ // destination → Hugo finds a page for it
		"/about": true, "/About/": true, "about": true, "blog/post": true, "/blog/Other-Post": true,
		"post": true, "../about": true, "/docs/Post": true, "/nope": false, "nope": false,
	}
	for dest, found := range links {
		t.Run(dest, func(t *testing.T) {
			dir, ok, out := hugoScratch(t, refSite("[x]("+dest+")"))
			if !ok {
				t.Fatalf("hugo: %s", out)
			}
			html, err := os.ReadFile(filepath.Join(dir, "public", "blog", "from", "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			if hugoFound := !strings.Contains(string(html), `href="`+dest+`"`); hugoFound != found {
				t.Fatalf("the table says Hugo finds %q: %v, Hugo wrote %s", dest, found, html)
			}
			got := lintFindings(t, dir, "from.md")
			var want []string
			if !found {
				want = []string{"link-internal error 4"}
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("link %q (Hugo resolves it: %v): contentlint %v, want %v", dest, found, got, want)
			}
		})
	}
}

// TestHugoOptions: the config split under config/_default (YAML), one
// language that is not English, a top-level contentDir, Blackfriday ids
// with the typographer off, a cascade with a target path, build.render
// link, and :sections (only folders with an _index are sections).
func TestHugoOptions(t *testing.T) {
	oracle.Check(t, oracle.Case{Fixture: "hugo-options", Tool: contentlint, Spec: hugoSpec(t, "hugo-options"), Scope: "main"})
}

// TestHugoRemovedBuild: Hugo v0.160 fails the build on the removed _build
// key, and contentlint reports it as an error; build is fine.
func TestHugoRemovedBuild(t *testing.T) {
	for key, fails := range map[string]bool{"_build": true, "build": false} {
		t.Run(key, func(t *testing.T) {
			dir, ok, out := hugoScratch(t, map[string]string{"content/a.md": "---\ntitle: A\n" + key + ":\n  render: never\n---\n"})
			if ok == fails {
				t.Fatalf("%s: hugo builds: %v, want %v (%s)", key, ok, !fails, out)
			}
			got := lintFindings(t, dir, "a.md")
			var want []string
			if fails {
				want = []string{"frontmatter-type error 3"}
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s: contentlint %v, want %v", key, got, want)
			}
		})
	}
}
