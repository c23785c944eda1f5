package gitrev

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/contentlint/contentlint/lint/linttest"
)

func run(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	linttest.WriteTree(t, dir, map[string]string{name: content})
}

func TestChangesAddedLinesExtract(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	long := "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\n"
	write(t, dir, "site/keep.md", long)
	write(t, dir, "site/move.md", long+"nine\n")
	write(t, dir, "site/gone.md", "bye\n")
	write(t, dir, "site/name with space.md", "x\n")
	run(t, dir, "init", "-q")
	run(t, dir, "add", "-A")
	run(t, dir, "commit", "-q", "-m", "base")
	write(t, dir, "site/keep.md", strings.Replace(long, "three\n", "THREE\nthree and a half\n", 1))
	run(t, dir, "mv", "site/move.md", "site/moved.md")
	run(t, dir, "rm", "-q", "site/gone.md")
	write(t, dir, "site/new.md", "new\n")

	ctx := context.Background()
	r, err := Open(ctx, filepath.Join(dir, "site"))
	if err != nil {
		t.Fatal(err)
	}
	hash, err := r.Resolve(ctx, "HEAD")
	if err != nil || len(hash) != 40 {
		t.Fatalf("Resolve(HEAD) = %q, %v", hash, err)
	}
	if _, err := r.Resolve(ctx, "--output=x"); err == nil {
		t.Error("an option passed as a revision was accepted")
	}
	changes, err := r.Changes(ctx, hash)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range changes {
		got = append(got, string(c.Status)+" "+c.Old+" -> "+c.New)
	}
	want := "D site/gone.md -> |M site/keep.md -> site/keep.md|R site/move.md -> site/moved.md|A  -> site/new.md"
	if strings.Join(got, "|") != want {
		t.Errorf("changes\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
	lines, err := r.AddedLines(ctx, hash, "site/keep.md", "site/keep.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 2 || !lines[3] || !lines[4] {
		t.Errorf("added lines %v, want 3 and 4", lines)
	}
	dst := t.TempDir()
	if err := r.Extract(ctx, hash, "site", dst); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(dst, "site", "gone.md")); err != nil || string(b) != "bye\n" {
		t.Errorf("extracted gone.md: %q, %v", b, err)
	}
	if _, err := os.Stat(filepath.Join(dst, "site", "new.md")); err == nil {
		t.Error("the extract holds a file that is not in the revision")
	}
}
