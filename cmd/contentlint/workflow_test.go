package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/creack/pty"
)

func TestQuietPrintsFindingsOnly(t *testing.T) {
	dir := site(t, map[string]string{"content/hello.md": cleanPost, "content/warn.md": warnPost, "content/latin1.md": errorPost})
	loud := runCLI(t, dir, "--offline")
	quiet := runCLI(t, dir, "--offline", "--quiet")
	expect(t, quiet, 1)
	if quiet.stdout != loud.stdout || !hasLine(quiet.lines(), warnLine) || !hasLine(quiet.lines(), errorLine) {
		t.Errorf("--quiet changed the findings:\n%s\nwant:\n%s", quiet.stdout, loud.stdout)
	}
	if quiet.stderr != "" {
		t.Errorf("--quiet stderr = %q, want nothing", quiet.stderr)
	}
}

func TestTextEndsWithPerRuleCounts(t *testing.T) {
	second := "---\ntitle: Warn2\n---\n\n<!-- contentlint-disable-next-line no-such-rule -->\nText.\n"
	dir := site(t, map[string]string{"content/warn.md": warnPost, "content/warn2.md": second, "content/latin1.md": errorPost})
	r := runCLI(t, dir, "--offline")
	expect(t, r, 1)
	want := "contentlint: none site; content: content → /; languages: none declared\n" +
		"     2  warning  directive-unknown\n" +
		"     1  error    file-encoding\n" +
		"3 files linted: 1 errors, 2 warnings, 0 infos\n"
	if r.stderr != want {
		t.Errorf("stderr =\n%s\nwant\n%s", r.stderr, want)
	}
}

// runOnTerminal runs the binary with stdout on a pseudo-terminal, as a user
// at a shell sees it, and returns what the terminal received.
func runOnTerminal(t *testing.T, dir string, env []string, args ...string) string {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer func() { _ = ptmx.Close() }()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout = tty
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	_ = tty.Close() // the child holds its own copy
	var out bytes.Buffer
	done := make(chan struct{})
	go func() {
		_, _ = io.Copy(&out, ptmx) // ends with EIO once the child exits
		close(done)
	}()
	var ee *exec.ExitError
	if err := cmd.Wait(); err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	<-done
	return out.String()
}

func TestNoColorOnATerminal(t *testing.T) {
	dir := site(t, map[string]string{"content/warn.md": warnPost})
	base := []string{"XDG_CACHE_HOME=" + t.TempDir(), "NO_COLOR="}
	if got := runOnTerminal(t, dir, base, "--offline"); !strings.Contains(got, "\x1b[") {
		t.Fatalf("a terminal without NO_COLOR got no colour: %q", got)
	}
	if got := runOnTerminal(t, dir, append(base, "NO_COLOR=1"), "--offline"); strings.Contains(got, "\x1b[") || !strings.Contains(got, "directive-unknown") {
		t.Errorf("NO_COLOR=1 still coloured (or lost) the output: %q", got)
	}
	if got := runOnTerminal(t, dir, append(base, "NO_COLOR=1"), "--offline", "--color", "always"); !strings.Contains(got, "\x1b[") {
		t.Errorf("--color always should win over NO_COLOR: %q", got)
	}
}

func TestBaseline(t *testing.T) {
	dir := site(t, map[string]string{"content/warn.md": warnPost, "content/latin1.md": errorPost})
	first := runCLI(t, dir, "--offline", "--baseline", "lint-baseline.json")
	expect(t, first, 0)
	if first.stdout != "" || !strings.Contains(first.stderr, "wrote baseline lint-baseline.json with 2 findings") {
		t.Fatalf("first run: stdout %q stderr %q", first.stdout, first.stderr)
	}
	again := runCLI(t, dir, "--offline", "--baseline", "lint-baseline.json")
	expect(t, again, 0)
	if again.stdout != "" || !strings.Contains(again.stderr, "2 known findings not reported, 0 baseline entries gone") {
		t.Fatalf("second run: stdout %q stderr %q", again.stdout, again.stderr)
	}
	// Lines added above a known finding keep it known; fixing the error makes
	// its entry gone; a new warning in another file is reported.
	write := func(name, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, "content", name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("warn.md", strings.Replace(warnPost, "---\n\n", "---\n\nA new paragraph.\n\n", 1))
	write("latin1.md", cleanPost)
	write("new.md", strings.Replace(warnPost, "no-such-rule", "other-rule", 1))
	later := runCLI(t, dir, "--offline", "--baseline", "lint-baseline.json", "--fail-on", "warning")
	expect(t, later, 1)
	want := `content/new.md:5:36: warning: contentlint-disable-next-line names unknown rule "other-rule" (directive-unknown)` + "\n"
	if later.stdout != want {
		t.Errorf("stdout = %q, want only the new finding %q", later.stdout, want)
	}
	if !strings.Contains(later.stderr, "1 known findings not reported, 1 baseline entries gone") {
		t.Errorf("stderr = %q", later.stderr)
	}
	// Linting one file does not call the other files' entries gone.
	one := runCLI(t, dir, "--offline", "--baseline", "lint-baseline.json", "content/new.md")
	if !strings.Contains(one.stderr, "0 known findings not reported, 0 baseline entries gone") {
		t.Errorf("single-file run: stderr = %q", one.stderr)
	}
}

func TestBaselineBadFile(t *testing.T) {
	dir := site(t, map[string]string{"content/warn.md": warnPost, "broken.json": "{not json"})
	r := runCLI(t, dir, "--offline", "--baseline", "broken.json")
	expect(t, r, 2)
	if !strings.Contains(r.stderr, "baseline broken.json: not a contentlint baseline") {
		t.Errorf("stderr = %q", r.stderr)
	}
}
