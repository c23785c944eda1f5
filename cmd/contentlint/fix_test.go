package main

import (
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

// copyFixture copies testdata/sites/NAME to a temporary folder, so fixes
// never touch the checked-in fixture.
func copyFixture(t *testing.T, name string) string {
	t.Helper()
	src := filepath.Join("..", "..", "testdata", "sites", name)
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestFixDryRunThenFix(t *testing.T) {
	dir := copyFixture(t, "fixes")
	crlf, plain := filepath.Join(dir, "content", "crlf.md"), filepath.Join(dir, "content", "plain.md")
	before := readFile(t, crlf) + readFile(t, plain)

	dry := runCLI(t, dir, "--offline", "--fix", "--dry-run")
	expect(t, dry, 1)
	wantDiff := "--- a/content/crlf.md\n+++ b/content/crlf.md\n@@ -2,10 +2,10 @@\n" +
		" title: Windows post\r\n ---\r\n \r\n-:::tipp\r\n+:::tip\r\n \r\n" +
		" CRLF line endings and a byte order mark stay as they are.\r\n \r\n :::\r\n \r\n" +
		"-![Logo](/img/Logo.PNG)\r\n+![Logo](/img/logo.png)\r\n" +
		"--- a/content/plain.md\n+++ b/content/plain.md\n@@ -2,9 +2,9 @@\n" +
		" title: Plain post\n ---\n \n" +
		"-<img src=\"../static/img/LOGO.png\" alt=\"logo\">\n+<img src=\"../static/img/logo.png\" alt=\"logo\">\n \n" +
		"-:::warnning\n+:::warning\n \n A misspelt keyword.\n \n"
	if dry.stdout != wantDiff {
		t.Errorf("--fix --dry-run diff:\n%q\nwant\n%q", dry.stdout, wantDiff)
	}
	if !strings.Contains(dry.stderr, "4 fixes in 2 files (dry run: nothing written)") {
		t.Errorf("stderr = %q", dry.stderr)
	}
	if after := readFile(t, crlf) + readFile(t, plain); after != before {
		t.Fatal("--dry-run wrote to the files")
	}
	if plainRun := runCLI(t, dir, "--offline"); readFile(t, crlf)+readFile(t, plain) != before || plainRun.code != 1 {
		t.Fatalf("a run without --fix changed content or found nothing (exit %d)", plainRun.code)
	}

	fixed := runCLI(t, dir, "--offline", "--fix")
	expect(t, fixed, 0)
	if fixed.stdout != "" || !strings.Contains(fixed.stderr, "fixed 4 findings in 2 files") {
		t.Errorf("--fix: stdout %q stderr %q", fixed.stdout, fixed.stderr)
	}
	wantCRLF := "\xef\xbb\xbf---\r\ntitle: Windows post\r\n---\r\n\r\n:::tip\r\n\r\n" +
		"CRLF line endings and a byte order mark stay as they are.\r\n\r\n:::\r\n\r\n![Logo](/img/logo.png)\r\n"
	if got := readFile(t, crlf); got != wantCRLF {
		t.Errorf("crlf.md after --fix:\n%q\nwant\n%q", got, wantCRLF)
	}
	if got := readFile(t, plain); !strings.Contains(got, `<img src="../static/img/logo.png"`) || !strings.Contains(got, "\n:::warning\n") {
		t.Errorf("plain.md after --fix:\n%s", got)
	}
	fi, err := os.Stat(crlf)
	if err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("mode after --fix: %v, %v", fi.Mode(), err)
	}
	again := runCLI(t, dir, "--offline")
	expect(t, again, 0)
	if again.stdout != "" {
		t.Errorf("second run still finds:\n%s", again.stdout)
	}
	if d := runCLI(t, dir, "--offline", "--fix", "--dry-run"); d.code != 0 || d.stdout != "" {
		t.Errorf("dry run after the fix: exit %d, diff %q", d.code, d.stdout)
	}
}

func TestDryRunNeedsFix(t *testing.T) {
	dir := site(t, map[string]string{"content/hello.md": cleanPost})
	r := runCLI(t, dir, "--offline", "--dry-run")
	expect(t, r, 2)
	if !strings.Contains(r.stderr, "--dry-run needs --fix") {
		t.Errorf("stderr = %q", r.stderr)
	}
}

// A permanent redirect is rewritten to its target, keeping the fragment,
// against a real loopback server.
func TestFixPermanentRedirect(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/old":
			http.Redirect(w, r, "/new", http.StatusMovedPermanently)
		case "/temp":
			http.Redirect(w, r, "/new", http.StatusFound)
		default:
			_, _ = w.Write([]byte(`<html><body><h1 id="part">New</h1></body></html>`))
		}
	}))
	defer srv.Close()
	post := "---\ntitle: Links\n---\n\n[moved](" + srv.URL + "/old#part) and [temporary](" + srv.URL + "/temp).\n"
	dir := site(t, map[string]string{
		"content/links.md": post,
		".contentlint.yml": "preset: none\ncontent: [content]\nlinks: {allowPrivate: true}\n",
	})
	r := runCLI(t, dir, "--no-cache", "--fix")
	expect(t, r, 0)
	want := strings.Replace(post, srv.URL+"/old#part", srv.URL+"/new#part", 1)
	if got := readFile(t, filepath.Join(dir, "content", "links.md")); got != want {
		t.Errorf("after --fix:\n%s\nwant\n%s", got, want)
	}
	again := runCLI(t, dir, "--no-cache", "--fail-on", "info")
	expect(t, again, 0)
	if again.stdout != "" {
		t.Errorf("second run: %s", again.stdout)
	}

}

// SARIF carries each fix as a byte-offset replacement, valid against the
// SARIF 2.1.0 schema, so code scanning can offer it.
func TestFixesInSARIF(t *testing.T) {
	dir := copyFixture(t, "fixes")
	r := runCLI(t, dir, "--offline", "--format", "sarif")
	expect(t, r, 1)
	log, err := sarif.FromBytes([]byte(r.stdout))
	if err != nil {
		t.Fatal(err)
	}
	if err := log.Validate(); err != nil {
		t.Fatalf("sarif with fixes fails the schema: %v", err)
	}
	var got []string
	for _, res := range log.Runs[0].Results {
		for _, fx := range res.Fixes {
			for _, ch := range fx.ArtifactChanges {
				for _, rep := range ch.Replacements {
					got = append(got, fmt.Sprintf("%s %s@%d+%d=%s", *res.RuleID, *ch.ArtifactLocation.URI,
						rep.DeletedRegion.ByteOffset, *rep.DeletedRegion.ByteLength, *rep.InsertedContent.Text))
				}
			}
		}
	}
	want := []string{
		// After the 3-byte BOM and CRLF front matter: ":::" then "tipp" at 39.
		"admonition-unknown content/crlf.md@39+4=tip",
		"image-missing content/crlf.md@123+13=/img/logo.png",
		"image-missing content/plain.md@37+22=../static/img/logo.png",
		"admonition-unknown content/plain.md@77+8=warning",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sarif fixes:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A missing reciprocal alternate is added to the other post, in the shape
// that post already uses; flow-style front matter is left alone.
func TestFixReciprocalAlternate(t *testing.T) {
	dir := copyFixture(t, "reciprocal")
	r := runCLI(t, dir, "--offline", "--fix")
	expect(t, r, 0)
	if !strings.Contains(r.stderr, "fixed 4 findings in 4 files") {
		t.Errorf("stderr = %q", r.stderr)
	}
	want := map[string]string{
		"content/fr/a.md": "---\ntitle: a\nlanguage: fr\nalternates:\n  - en: /en/a\n---\n\nFrançais, sans alternates.\n",
		"content/fr/b.md": "---\ntitle: b\nlanguage: fr\nalternates:\n  - de: /de/b\n  - en: /en/b\n---\n\nFrançais.\n",
		"content/fr/c.md": "---\ntitle: c\nlanguage: fr\nalternates:\n- hreflang: de\n  href: /de/c\n- hreflang: en\n  href: /en/c\n---\n\nFrançais.\n",
		"content/fr/d.md": "---\ntitle: d\nlanguage: fr\nalternates:\n  de: /de/d\n  en: /en/d\n---\n\nFrançais.\n",
		"content/fr/e.md": "---\ntitle: e\nlanguage: fr\nalternates: {de: /de/e}\n---\n\nFrançais.\n",
	}
	for name, content := range want {
		if got := readFile(t, filepath.Join(dir, filepath.FromSlash(name))); got != content {
			t.Errorf("%s after --fix:\n%s\nwant\n%s", name, got, content)
		}
	}
	again := runCLI(t, dir, "--offline")
	expect(t, again, 0)
	left := "content/en/e.md:5:5: warning: content/fr/e.md does not list content/en/e.md among its alternates (add `en: /en/e`) (alternate-reciprocal)\n"
	if again.stdout != left {
		t.Errorf("second run:\n%s\nwant only the flow-style one:\n%s", again.stdout, left)
	}
}
