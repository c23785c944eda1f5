// Package gitrev reads what a pull request changed from git: the files
// changed since a revision (renames included), the lines added, and the
// tree at that revision, extracted without touching the working tree.
package gitrev

import (
	"archive/tar"
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// Repo is a git work tree.
type Repo struct {
	Top string // absolute top-level folder
}

// ErrUnreachable marks a revision that this clone does not hold.
var ErrUnreachable = errors.New("revision not reachable")

func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return out, fmt.Errorf("git %s: %s", strings.Join(args, " "), msg)
	}
	return out, nil
}

// Open finds the work tree holding dir.
func Open(ctx context.Context, dir string) (*Repo, error) {
	out, err := git(ctx, dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("%s is not in a git work tree: %w", dir, err)
	}
	top, err := filepath.EvalSymlinks(strings.TrimSpace(string(out)))
	if err != nil {
		return nil, fmt.Errorf("git top level: %w", err)
	}
	return &Repo{Top: top}, nil
}

// Resolve checks that rev names a commit this clone holds and returns its
// hash. In a shallow clone the error says how to fetch it.
func (r *Repo) Resolve(ctx context.Context, rev string) (string, error) {
	if strings.HasPrefix(rev, "-") {
		return "", fmt.Errorf("%w: %q is not a revision", ErrUnreachable, rev)
	}
	out, err := git(ctx, r.Top, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err == nil {
		return strings.TrimSpace(string(out)), nil
	}
	hint := "fetch it first (git fetch origin " + rev + ")"
	if sh, err := git(ctx, r.Top, "rev-parse", "--is-shallow-repository"); err == nil && strings.TrimSpace(string(sh)) == "true" {
		hint = "this is a shallow clone: fetch more history (actions/checkout with fetch-depth: 0, or git fetch --deepen / git fetch origin " + rev + ")"
	}
	return "", fmt.Errorf("%w: %s is not a commit in %s; %s", ErrUnreachable, rev, r.Top, hint)
}

// Change is one file that differs between a revision and the work tree.
// Paths are relative to the top level, with forward slashes.
type Change struct {
	Status byte   // A added (or untracked), M modified, D deleted, R renamed, C copied, T type change
	Old    string // the path at the revision ("" when added)
	New    string // the path in the work tree ("" when deleted)
}

// Changes lists what differs between rev and the work tree, as git sees it:
// tracked changes with rename detection, plus untracked files that are not
// ignored.
func (r *Repo) Changes(ctx context.Context, rev string) ([]Change, error) {
	out, err := git(ctx, r.Top, "diff", "--name-status", "-M", "-z", "--no-ext-diff", rev, "--")
	if err != nil {
		return nil, err
	}
	fields := strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
	var changes []Change
	for i := 0; i < len(fields) && fields[i] != ""; {
		st := fields[i]
		i++
		c := Change{Status: st[0]}
		switch c.Status {
		case 'R', 'C':
			if i+1 >= len(fields) {
				return nil, fmt.Errorf("git diff: truncated output after %q", st)
			}
			c.Old, c.New = fields[i], fields[i+1]
			i += 2
		case 'D':
			c.Old = fields[i]
			i++
		case 'A':
			c.New = fields[i]
			i++
		default:
			c.Old, c.New = fields[i], fields[i]
			i++
		}
		changes = append(changes, c)
	}
	out, err = git(ctx, r.Top, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, err
	}
	for _, p := range strings.Split(string(out), "\x00") {
		if p != "" {
			changes = append(changes, Change{Status: 'A', New: p})
		}
	}
	return changes, nil
}

// AddedLines returns, for a tracked file changed since rev, the line
// numbers (in the work tree) that are added or changed.
func (r *Repo) AddedLines(ctx context.Context, rev, oldPath, newPath string) (map[int]bool, error) {
	args := []string{"diff", "-U0", "-M", "--no-ext-diff", "--no-color", rev, "--", newPath}
	if oldPath != "" && oldPath != newPath {
		args = append(args, oldPath)
	}
	out, err := git(ctx, r.Top, args...)
	if err != nil {
		return nil, err
	}
	lines := map[int]bool{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 0, 64<<10), 64<<20)
	for sc.Scan() {
		l := sc.Text()
		if !strings.HasPrefix(l, "@@ ") {
			continue
		}
		// @@ -a,b +c,d @@: d lines from c are new (d absent means 1).
		f := strings.Fields(l)
		if len(f) < 3 || !strings.HasPrefix(f[2], "+") {
			continue
		}
		start, count := f[2][1:], "1"
		if i := strings.IndexByte(start, ','); i >= 0 {
			start, count = start[:i], start[i+1:]
		}
		s, err1 := strconv.Atoi(start)
		n, err2 := strconv.Atoi(count)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("git diff: bad hunk header %q", l)
		}
		for i := 0; i < n; i++ {
			lines[s+i] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("git diff: %w", err)
	}
	return lines, nil
}

// Extract writes the tree of rev under prefix (a folder relative to the top
// level, "" for all) into dst, without a checkout: git archive, read as tar.
// Symlinks and paths that would leave dst are skipped.
func (r *Repo) Extract(ctx context.Context, rev, prefix, dst string) error {
	args := []string{"archive", "--format=tar", rev}
	if prefix != "" && prefix != "." {
		args = append(args, "--", prefix)
	}
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = r.Top
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("git archive: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("git archive: %w", err)
	}
	terr := untar(pipe, dst)
	_, _ = io.Copy(io.Discard, pipe) // let git finish writing before Wait
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("git archive %s: %s", rev, strings.TrimSpace(stderr.String()+" "+err.Error()))
	}
	return terr
}

// maxExtract bounds one extracted file: the engine lints nothing larger.
const maxExtract = 64 << 20

func untar(r io.Reader, dst string) error {
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("git archive: %w", err)
		}
		name := filepath.FromSlash(h.Name)
		if !filepath.IsLocal(name) {
			continue
		}
		target := filepath.Join(dst, name)
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(target, 0o755); err != nil {
				return fmt.Errorf("extract: %w", err)
			}
		case tar.TypeReg:
			if h.Size > maxExtract {
				continue // no post is that large; the generator model reads none of it
			}
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return fmt.Errorf("extract: %w", err)
			}
			f, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
			if err != nil {
				return fmt.Errorf("extract: %w", err)
			}
			_, werr := io.CopyN(f, tr, h.Size) // h.Size <= maxExtract, checked above
			if cerr := f.Close(); werr == nil {
				werr = cerr
			}
			if werr != nil {
				return fmt.Errorf("extract %s: %w", h.Name, werr)
			}
		}
	}
}
