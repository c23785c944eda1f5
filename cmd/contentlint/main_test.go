package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/contentlint/contentlint/lint"
	"github.com/contentlint/contentlint/rules"
)

// binary is the contentlint built once for every test in this package.
var binary string

const testVersion = "v9.8.7-test"

func TestMain(m *testing.M) {
	os.Exit(buildAndRun(m))
}

func buildAndRun(m *testing.M) int {
	dir, err := os.MkdirTemp("", "contentlint-cli")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer func() { _ = os.RemoveAll(dir) }()
	binary = filepath.Join(dir, "contentlint")
	build := exec.Command("go", "build", "-ldflags", "-X main.version="+testVersion, "-o", binary, ".")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

type result struct {
	code           int
	stdout, stderr string
}

func (r result) lines() []string {
	if r.stdout == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
}

// runCLI executes the binary in dir and returns its exit code and output.
func runCLI(t *testing.T, dir string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+t.TempDir(), "NO_COLOR=1")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	return outcome(t, args, out.String(), errb.String(), err)
}

// outcome is a finished run's result: its output and exit code; a run that
// could not start fails the test.
func outcome(t *testing.T, args []string, stdout, stderr string, err error) result {
	t.Helper()
	res := result{stdout: stdout, stderr: stderr}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		res.code = ee.ExitCode()
	default:
		t.Fatalf("run %v: %v", args, err)
	}
	return res
}

// site writes files (path -> content) under a fresh folder with a minimal
// configuration, and returns the folder.
func site(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if _, ok := files[".contentlint.yml"]; !ok {
		files[".contentlint.yml"] = "preset: none\ncontent: [content]\n"
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const cleanPost = "---\ntitle: Hello\n---\n\n# Hello\n\nA clean post.\n"

// warnPost has exactly one warning: a suppression comment naming no rule.
const warnPost = "---\ntitle: Warn\n---\n\n<!-- contentlint-disable-next-line no-such-rule -->\nText.\n"

const warnLine = `content/warn.md:5:36: warning: contentlint-disable-next-line names unknown rule "no-such-rule" (directive-unknown)`

// errorPost has an error: invalid UTF-8 on line 5.
const errorPost = "---\ntitle: Latin-1\n---\n\ncaf\xe9 au lait\n"

const errorLine = "content/latin1.md:5:4: error: invalid UTF-8 byte sequence (file-encoding)"

func hasLine(lines []string, want string) bool {
	for _, l := range lines {
		if l == want {
			return true
		}
	}
	return false
}

func expect(t *testing.T, r result, code int) {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, r.stdout, r.stderr)
	}
}

func TestCleanSite(t *testing.T) {
	dir := site(t, map[string]string{"content/hello.md": cleanPost})
	r := runCLI(t, dir, "--offline")
	expect(t, r, 0)
	if r.stdout != "" {
		t.Errorf("clean site printed findings:\n%s", r.stdout)
	}
	if want := "contentlint: none site; content: content → /; languages: none declared\n1 files linted: 0 errors, 0 warnings, 0 infos\n"; r.stderr != want {
		t.Errorf("stderr = %q, want %q", r.stderr, want)
	}
}

// A detected generator whose model finds no content file is an error, not a
// silent pass.
func TestDetectedSiteWithoutContent(t *testing.T) {
	for _, files := range []map[string]string{
		{"hugo.toml": "title = 'x'\n", "layouts/index.html": "x", ".contentlint.yml": "preset: auto\n"},
		{"astro.config.mjs": "export default {}\n", "src/pages/index.astro": "x", ".contentlint.yml": "preset: auto\n"},
	} {
		dir := site(t, files)
		for _, args := range [][]string{{"--offline"}, {"routes"}} {
			r := runCLI(t, dir, args...)
			expect(t, r, exitError)
			if !strings.Contains(r.stderr, "but its model found no content file") {
				t.Errorf("%v: stderr %q does not say that no content was found", args, r.stderr)
			}
		}
	}
}

func TestFailOn(t *testing.T) {
	warnOnly := site(t, map[string]string{"content/hello.md": cleanPost, "content/warn.md": warnPost})
	withError := site(t, map[string]string{"content/hello.md": cleanPost, "content/latin1.md": errorPost})
	for _, tc := range []struct {
		name string
		dir  string
		args []string
		code int
		line string
	}{
		{"error at default fail-on", withError, nil, 1, errorLine},
		{"error with fail-on never", withError, []string{"--fail-on", "never"}, 0, errorLine},
		{"warning below default fail-on", warnOnly, nil, 0, warnLine},
		{"warning with fail-on warning", warnOnly, []string{"--fail-on", "warning"}, 1, warnLine},
		{"warning with fail-on info", warnOnly, []string{"--fail-on", "info"}, 1, warnLine},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, tc.dir, append([]string{"--offline"}, tc.args...)...)
			expect(t, r, tc.code)
			if !hasLine(r.lines(), tc.line) {
				t.Errorf("stdout lacks %q:\n%s", tc.line, r.stdout)
			}
		})
	}
}

func TestUsageAndConfigErrors(t *testing.T) {
	dir := site(t, map[string]string{"content/hello.md": cleanPost})
	bad := site(t, map[string]string{".contentlint.yml": "preset: none\ncontent: [content]\nbogus: 1\n", "content/hello.md": cleanPost})
	badSeverity := site(t, map[string]string{".contentlint.yml": "preset: none\nrules:\n  file-encoding: loud\n", "content/hello.md": cleanPost})
	for _, tc := range []struct {
		name   string
		dir    string
		args   []string
		stderr string // a substring the error must contain
	}{
		{"bad flag", dir, []string{"--nope"}, "flag provided but not defined: -nope"},
		{"unknown format", dir, []string{"--format", "xml"}, `unknown --format "xml"`},
		{"bad fail-on", dir, []string{"--fail-on", "sometimes"}, `--fail-on "sometimes"`},
		{"bad color", dir, []string{"--color", "pink"}, `--color "pink"`},
		{"unknown config key", bad, nil, "line 3: field bogus not found"},
		{"explicit config with unknown key", dir, []string{"--config", filepath.Join(bad, ".contentlint.yml")}, "line 3: field bogus not found"},
		{"bad severity in config", badSeverity, nil, "rules.file-encoding"},
		{"missing config file", dir, []string{"--config", filepath.Join(dir, "nope.yml")}, "nope.yml"},
		{"nonexistent path", dir, []string{"--offline", "content/nope.md"}, "content/nope.md"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, tc.dir, tc.args...)
			expect(t, r, 2)
			if !strings.Contains(r.stderr, tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, r.stderr)
			}
		})
	}
}

// An I/O error on one file exits 2, names the file, and still reports the
// findings of the others.
func TestUnreadableFileStillLintsTheRest(t *testing.T) {
	t.Run("permission denied", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root reads any file; the dangling-symlink case covers the I/O error")
		}
		dir := site(t, map[string]string{"content/warn.md": warnPost, "content/secret.md": cleanPost})
		secret := filepath.Join(dir, "content", "secret.md")
		if err := os.Chmod(secret, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = os.Chmod(secret, 0o644) })
		r := runCLI(t, dir, "--offline")
		expect(t, r, 2)
		if !strings.Contains(r.stderr, "secret.md") || !strings.Contains(r.stderr, "permission denied") {
			t.Errorf("stderr does not name the unreadable file:\n%s", r.stderr)
		}
		if !hasLine(r.lines(), warnLine) {
			t.Errorf("the readable file was not linted:\n%s", r.stdout)
		}
	})
	t.Run("dangling symlink", func(t *testing.T) {
		dir := site(t, map[string]string{"content/warn.md": warnPost})
		if err := os.Symlink("does-not-exist.md", filepath.Join(dir, "content", "x.md")); err != nil {
			t.Skipf("no symlinks here: %v", err)
		}
		r := runCLI(t, dir, "--offline")
		expect(t, r, 2)
		if !strings.Contains(r.stderr, filepath.Join("content", "x.md")) {
			t.Errorf("stderr does not name x.md:\n%s", r.stderr)
		}
		if !hasLine(r.lines(), warnLine) {
			t.Errorf("the other file was not linted:\n%s", r.stdout)
		}
	})
	t.Run("symlink loop", func(t *testing.T) {
		dir := site(t, map[string]string{"content/warn.md": warnPost})
		if err := os.Symlink("..", filepath.Join(dir, "content", "loop")); err != nil {
			t.Skipf("no symlinks here: %v", err)
		}
		r := runCLI(t, dir, "--offline")
		expect(t, r, 2)
		if !strings.Contains(r.stderr, "loop") {
			t.Errorf("stderr does not name the loop:\n%s", r.stderr)
		}
		if !hasLine(r.lines(), warnLine) {
			t.Errorf("the other file was not linted:\n%s", r.stdout)
		}
	})
}

func TestVersion(t *testing.T) {
	r := runCLI(t, t.TempDir(), "--version")
	expect(t, r, 0)
	if want := "contentlint " + testVersion + "\n"; r.stdout != want {
		t.Errorf("stdout = %q, want %q", r.stdout, want)
	}
}

func TestListRules(t *testing.T) {
	r := runCLI(t, t.TempDir(), "--list-rules")
	expect(t, r, 0)
	all := rules.All()
	var want []string
	for _, rule := range all {
		want = append(want, fmt.Sprintf("%-24s %-8s %s", rule.ID, rule.Severity, rule.Doc))
	}
	sort.Strings(want)
	if got := r.lines(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("--list-rules:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestOutputFile(t *testing.T) {
	dir := site(t, map[string]string{"content/warn.md": warnPost})
	out := filepath.Join(t.TempDir(), "report.txt")
	r := runCLI(t, dir, "--offline", "--output", out)
	expect(t, r, 0)
	if r.stdout != "" {
		t.Errorf("stdout should be empty with --output, got:\n%s", r.stdout)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(data); got != warnLine+"\n" {
		t.Errorf("report file = %q, want %q", got, warnLine+"\n")
	}
	// An output path that cannot be created is an I/O error.
	r = runCLI(t, dir, "--offline", "--output", filepath.Join(dir, "no", "such", "dir", "r.txt"))
	expect(t, r, 2)
}

func TestJSONFormat(t *testing.T) {
	dir := site(t, map[string]string{"content/warn.md": warnPost, "content/latin1.md": errorPost})
	r := runCLI(t, dir, "--offline", "--format", "json")
	expect(t, r, 1)
	var doc struct {
		SchemaVersion int    `json:"schemaVersion"`
		Tool          string `json:"tool"`
		Version       string `json:"version"`
		Files         int    `json:"files"`
		Findings      []struct {
			Rule     string `json:"rule"`
			Severity string `json:"severity"`
			File     string `json:"file"`
			Start    struct{ Line, Column int }
		} `json:"findings"`
		Errors []string `json:"errors"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("--format json is not JSON: %v\n%s", err, r.stdout)
	}
	if doc.SchemaVersion != 1 || doc.Tool != "contentlint" || doc.Version != testVersion || doc.Files != 2 || len(doc.Errors) != 0 {
		t.Errorf("header = %+v", doc)
	}
	found := map[string]bool{}
	for _, f := range doc.Findings {
		found[fmt.Sprintf("%s:%d:%d %s %s", f.File, f.Start.Line, f.Start.Column, f.Severity, f.Rule)] = true
	}
	for _, want := range []string{"content/latin1.md:5:4 error file-encoding", "content/warn.md:5:36 warning directive-unknown"} {
		if !found[want] {
			t.Errorf("json findings lack %s: %v", want, found)
		}
	}
	if strings.Contains(r.stderr, "files linted") {
		t.Errorf("the text summary belongs to text output only; stderr:\n%s", r.stderr)
	}
}

func TestSARIFFormat(t *testing.T) {
	dir := site(t, map[string]string{"content/warn.md": warnPost})
	if err := os.Symlink("gone.md", filepath.Join(dir, "content", "x.md")); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	r := runCLI(t, dir, "--offline", "--format", "sarif")
	expect(t, r, 2)
	log, err := sarif.FromBytes([]byte(r.stdout))
	if err != nil {
		t.Fatalf("--format sarif does not parse: %v\n%s", err, r.stdout)
	}
	if err := log.Validate(); err != nil {
		t.Fatalf("--format sarif fails the 2.1.0 schema: %v", err)
	}
	r0 := log.Runs[0]
	if got := *r0.Tool.Driver.Version; got != strings.TrimPrefix(testVersion, "v") {
		t.Errorf("driver version %q", got)
	}
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		t.Fatal(err)
	}
	root := r0.OriginalUriBaseIds["%SRCROOT%"]
	if root.URI == nil || (*root.URI != (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/"}).String() &&
		*root.URI != (&url.URL{Scheme: "file", Path: filepath.ToSlash(real) + "/"}).String()) {
		t.Errorf("%%SRCROOT%% = %v, want the working directory %s", root.URI, dir)
	}
	if len(r0.Results) != 1 || *r0.Results[0].RuleID != "directive-unknown" ||
		*r0.Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != "content/warn.md" {
		t.Errorf("results = %+v", r0.Results)
	}
	inv := r0.Invocations[0]
	if inv.ExecutionSuccessful == nil || *inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 1 ||
		!strings.Contains(*inv.ToolExecutionNotifications[0].Message.Text, "x.md") {
		t.Errorf("invocation should fail and name x.md: %+v", inv)
	}
}

func TestGitHubFormat(t *testing.T) {
	dir := site(t, map[string]string{"content/warn.md": warnPost})
	r := runCLI(t, dir, "--offline", "--format", "github")
	expect(t, r, 0)
	want := `::warning file=content/warn.md,line=5,col=36,endLine=5,endColumn=48,title=directive-unknown::contentlint-disable-next-line names unknown rule "no-such-rule"` + "\n"
	if r.stdout != want {
		t.Errorf("stdout = %q, want %q", r.stdout, want)
	}
}

// routes prints the model as JSON for the oracle tests and as a table for
// people; both name each file with its URL and anchors.
func TestRoutes(t *testing.T) {
	dir := site(t, map[string]string{"content/a/b.md": "---\ntitle: B\n---\n# Hello\n## Hello\n", "content/_p.md": "x"})
	r := runCLI(t, dir, "routes", "--format", "json")
	expect(t, r, exitOK)
	var table lint.RouteTable
	if err := json.Unmarshal([]byte(r.stdout), &table); err != nil {
		t.Fatalf("routes JSON: %v\n%s", err, r.stdout)
	}
	if table.Generator != "none" || len(table.Pages) != 2 {
		t.Fatalf("routes: %+v", table)
	}
	p := table.Pages[1]
	if p.File != "content/a/b.md" || !p.Rendered || strings.Join(p.URLs, " ") != "/a/b" || strings.Join(p.Anchors, " ") != "hello hello-1" {
		t.Errorf("page %+v", p)
	}
	r = runCLI(t, dir, "routes")
	expect(t, r, exitOK)
	if !strings.HasPrefix(r.stdout, "none site; content: content → /; languages: none declared\nFILE") ||
		!strings.Contains(r.stdout, "content/a/b.md") {
		t.Errorf("routes text:\n%s", r.stdout)
	}
	expect(t, runCLI(t, dir, "routes", "--format", "xml"), exitError)
}

// TestHugoNotContent: a file Hugo does not read as content (outside every
// content mount) that is named on the command line, as pre-commit does, is
// not linted, and the run says so.
func TestHugoNotContent(t *testing.T) {
	dir := site(t, map[string]string{
		".contentlint.yml":     "preset: hugo\n",
		"hugo.toml":            "[[module.mounts]]\nsource = 'content/en'\ntarget = 'content'\n",
		"content/LICENSE.md":   "no front matter\n",
		"content/en/_index.md": "---\ntitle: Home\n---\n",
		"content/en/about.md":  "---\ntitle: About\n---\n[home](/)\n",
	})
	r := runCLI(t, dir, "--offline", "content/LICENSE.md", "content/en/about.md")
	expect(t, r, exitOK)
	if !strings.Contains(r.stderr, "content/LICENSE.md is not linted: the generator does not read it as content (it is outside every content mount)") ||
		!strings.Contains(r.stderr, "1 files linted") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
	r = runCLI(t, dir, "routes", "--format", "json")
	expect(t, r, exitOK)
	var table lint.RouteTable
	if err := json.Unmarshal([]byte(r.stdout), &table); err != nil {
		t.Fatalf("routes JSON: %v\n%s", err, r.stdout)
	}
	var files []string
	for _, p := range table.Pages {
		files = append(files, p.File+" "+strings.Join(p.URLs, ","))
	}
	if got := strings.Join(files, "; "); got != "content/en/_index.md /; content/en/about.md /about" {
		t.Errorf("routes pages: %s", got)
	}
}

// Jekyll never reads a `_` folder that is no collection, so a broken image
// there is no finding (nothing of it is published), while the same post in
// _posts is linted.
func TestJekyllUnreadFolder(t *testing.T) {
	post := "---\ntitle: Old\n---\n\n![x](/media/gone.png)\n"
	dir := site(t, map[string]string{".contentlint.yml": "preset: auto\n", "_config.yml": "title: t\n",
		"_posts_older/2006-12-07-old.md": post, "_posts/2024-01-02-new.md": post})
	r := runCLI(t, dir, "--offline")
	expect(t, r, exitFindings)
	if !strings.Contains(r.stdout, "_posts/2024-01-02-new.md:5:1: error: image") || strings.Contains(r.stdout, "_posts_older") {
		t.Errorf("findings:\n%s", r.stdout)
	}
	r = runCLI(t, dir, "--offline", "_posts_older/2006-12-07-old.md")
	expect(t, r, exitOK)
	if !strings.Contains(r.stderr, "_posts_older/2006-12-07-old.md is not linted: the generator does not read it as content\n") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
}
