package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// runBounded is runCLI for inputs that used to hang: a run still going after
// the deadline is killed and fails the test instead of hanging it. The
// deadline is a safety net, not a timing assertion.
func runBounded(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return runEnv(t, dir, nil, args...)
}

// runEnv is runBounded with extra environment variables.
func runEnv(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "XDG_CACHE_HOME="+t.TempDir(), "NO_COLOR=1"), env...)
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("contentlint %v did not finish; stderr:\n%s", args, errb.String())
	}
	return outcome(t, args, out.String(), errb.String(), err)
}

// Only regular files are read: a FIFO blocked the run forever and a link to
// /dev/zero ran it out of memory. Each is an error naming the path, and the
// other files are linted.
func TestOnlyRegularFiles(t *testing.T) {
	tests := []struct {
		name, want string
		make       func(p string) error
		args       []string
	}{
		{"named pipe", "content/x.md: not a regular file but a named pipe", func(p string) error { return syscall.Mkfifo(p, 0o644) }, nil},
		// Found by the walk, the link leaves the site; named on the command
		// line, it is read only if it is a regular file.
		{"symlink to /dev/zero", "content/x.md: symlink to a file outside the site; not followed", func(p string) error { return os.Symlink("/dev/zero", p) }, nil},
		{"symlink to /dev/zero, named", "content/x.md: not a regular file but a character device", func(p string) error { return os.Symlink("/dev/zero", p) }, []string{"content/x.md", "content/warn.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := site(t, map[string]string{"content/warn.md": warnPost})
			if err := tt.make(filepath.Join(dir, "content", "x.md")); err != nil {
				t.Skipf("cannot make one here: %v", err)
			}
			r := runBounded(t, dir, append([]string{"--offline"}, tt.args...)...)
			expect(t, r, 2)
			if !strings.Contains(r.stderr, tt.want) {
				t.Errorf("stderr does not say %q:\n%s", tt.want, r.stderr)
			}
			if !hasLine(r.lines(), warnLine) {
				t.Errorf("the other file was not linted:\n%s", r.stdout)
			}
		})
	}
}

// A folder symlink that leaves the site is not followed, and is reported
// once; one that stays inside is followed.
func TestFolderSymlinksOutsideTheSite(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "leak.md"), []byte(warnPost), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := site(t, map[string]string{"content/warn.md": warnPost, "shared/in.md": cleanPost})
	for link, target := range map[string]string{"content/out": outside, "content/root": "/", "content/in": filepath.Join(dir, "shared")} {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(link))); err != nil {
			t.Skipf("no symlinks here: %v", err)
		}
	}
	r := runBounded(t, dir, "--offline")
	expect(t, r, 2)
	for _, link := range []string{"content/out", "content/root"} {
		want := link + ": symlink to a folder outside the site; not followed"
		if n := strings.Count(r.stderr, want); n != 1 {
			t.Errorf("stderr says %q %d times, want once:\n%s", want, n, r.stderr)
		}
	}
	if strings.Contains(r.stdout, "leak.md") {
		t.Errorf("a file outside the site was linted:\n%s", r.stdout)
	}
	if !hasLine(r.lines(), warnLine) {
		t.Errorf("the post inside was not linted:\n%s", r.stdout)
	}
	if !strings.Contains(r.stderr, "2 files linted") {
		t.Errorf("the folder linked inside the site was not followed:\n%s", r.stderr)
	}
}

// links.headers expands only variables allowed outside the repository: a
// pull request's config could otherwise send ${GITHUB_TOKEN} anywhere.
func TestHeaderEnvNeedsAllowing(t *testing.T) {
	var got atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got.Store(r.Header.Get("Authorization"))
	}))
	t.Cleanup(srv.Close)
	u, _ := url.Parse(srv.URL)
	cfg := "preset: none\ncontent: [content]\nlinks:\n  allowPrivate: true\n  retries: 0\n  headers:\n    " + u.Hostname() + ":\n      Authorization: Bearer ${CL_TEST_SECRET}\n"
	dir := site(t, map[string]string{".contentlint.yml": cfg, "content/a.md": "---\ntitle: a\n---\n\n[x](" + srv.URL + "/x)\n"})
	secret := "CL_TEST_SECRET=s3cr3t"
	tests := []struct {
		name string
		env  []string
		args []string
		code int
		want string
	}{
		{"not allowed", []string{secret}, nil, 2, ""},
		{"another variable allowed", []string{secret, "CONTENTLINT_ALLOW_ENV=OTHER"}, nil, 2, ""},
		{"allowed by the environment", []string{secret, "CONTENTLINT_ALLOW_ENV=OTHER, CL_TEST_SECRET"}, nil, 0, "Bearer s3cr3t"},
		{"allowed by the flag", []string{secret}, []string{"--allow-env", "CL_TEST_SECRET"}, 0, "Bearer s3cr3t"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got.Store("")
			r := runEnv(t, dir, tt.env, append(tt.args, "--no-cache")...)
			expect(t, r, tt.code)
			if tt.code == 2 {
				want := ".contentlint.yml: line 8: links.headers: " + u.Hostname() + ": Authorization expands ${CL_TEST_SECRET}, which is not allowed: " +
					"a repository's configuration may not read the environment; allow it where the run is set up, with CONTENTLINT_ALLOW_ENV=CL_TEST_SECRET or --allow-env CL_TEST_SECRET"
				if !strings.Contains(r.stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
				}
			}
			if h, _ := got.Load().(string); h != tt.want {
				t.Errorf("the server saw Authorization %q, want %q", h, tt.want)
			}
		})
	}
}

// In a GitHub Actions log a line that starts with "::" is a workflow
// command: neither the text report nor stderr may print one, whatever the
// file names and values hold, and control characters come out escaped.
func TestNoWorkflowCommandsOutsideGitHubFormat(t *testing.T) {
	post := "---\ntitle: \"x\\e[2J\\a\"\n---\n\n[a](./nothing\n::add-mask::y.md)\n[b](<./\x1b]0;t\a.md>)\n"
	dir := site(t, map[string]string{"content/a.md": post})
	if err := os.Symlink("gone", filepath.Join(dir, "content", "x\n::add-mask::secret.md")); err != nil {
		t.Skipf("no such file names here: %v", err)
	}
	r := runBounded(t, dir, "--offline")
	expect(t, r, 2)
	for name, out := range map[string]string{"stdout": r.stdout, "stderr": r.stderr} {
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "::") {
				t.Errorf("%s line starts a workflow command: %q", name, line)
			}
		}
		if strings.ContainsAny(out, "\x1b\a") {
			t.Errorf("%s holds raw control characters: %q", name, out)
		}
	}
	if want := `content/x\n::add-mask::secret.md: stat: no such file or directory`; !strings.Contains(r.stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
	}
	if want := `link "./\x1b]0;t\a.md" reaches no post or file`; !strings.Contains(r.stdout, want) {
		t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
	}
	// --format github writes its commands, escaped the runner's way.
	g := runBounded(t, dir, "--offline", "--format", "github")
	if !strings.Contains(g.stdout, "\n::error ") && !strings.HasPrefix(g.stdout, "::error ") {
		t.Errorf("github format wrote no command:\n%s", g.stdout)
	}
}
