package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/contentlint/contentlint/lint"
	"github.com/contentlint/contentlint/lint/gitrev"
)

// changedRun is what --changed-since works out from git before the run.
type changedRun struct {
	repo    *gitrev.Repo
	rev     string // as given
	hash    string
	changes []gitrev.Change
	byNew   map[string]gitrev.Change // top-level-relative work tree path -> change
}

// prepareChanged resolves REF, lists the changes and returns the Markdown
// files to lint: those changed (or added, or renamed to) under the given
// paths, or under the content roots when none are given.
func prepareChanged(ctx context.Context, rev string, site *lint.Site, paths []string) (*changedRun, []string, error) {
	repo, err := gitrev.Open(ctx, site.Root)
	if err != nil {
		return nil, nil, fmt.Errorf("--changed-since: %w", err)
	}
	hash, err := repo.Resolve(ctx, rev)
	if err != nil {
		return nil, nil, fmt.Errorf("--changed-since: %w", err)
	}
	changes, err := repo.Changes(ctx, hash)
	if err != nil {
		return nil, nil, fmt.Errorf("--changed-since: %w", err)
	}
	cr := &changedRun{repo: repo, rev: rev, hash: hash, changes: changes, byNew: map[string]gitrev.Change{}}
	var scope []string
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", p, err)
		}
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			abs = real
		}
		scope = append(scope, abs)
	}
	if len(scope) == 0 {
		for _, r := range site.ContentRoots {
			dir := r.Dir
			if real, err := filepath.EvalSymlinks(dir); err == nil {
				dir = real
			}
			scope = append(scope, dir)
		}
	}
	var targets []string
	for _, c := range changes {
		if c.New == "" {
			continue
		}
		cr.byNew[c.New] = c
		abs := filepath.Join(repo.Top, filepath.FromSlash(c.New))
		if !lint.IsMarkdown(abs) {
			continue
		}
		if fi, err := os.Stat(abs); err != nil || fi.IsDir() {
			continue
		}
		for _, s := range scope {
			if abs == s || strings.HasPrefix(abs, s+string(filepath.Separator)) {
				targets = append(targets, abs)
				break
			}
		}
	}
	return cr, targets, nil
}

// published indexes the site as it was at REF, from a git archive in a
// temporary folder, and returns every URL and alias it served, each mapped
// to the file that serves the same content now. A site that cannot be set
// up at REF (it did not exist yet) has no published URLs; that is said on
// stderr.
func (cr *changedRun) published(ctx context.Context, site *lint.Site, configPath string, jobs int, stderr io.Writer) ([]lint.PublishedURL, error) {
	realRoot := site.Root
	if r, err := filepath.EvalSymlinks(realRoot); err == nil {
		realRoot = r
	}
	prefix, err := filepath.Rel(cr.repo.Top, realRoot)
	if err != nil || strings.HasPrefix(prefix, "..") {
		return nil, fmt.Errorf("--changed-since: the site %s is outside the git work tree %s", site.Root, cr.repo.Top)
	}
	tmp, err := os.MkdirTemp("", "contentlint-rev-")
	if err != nil {
		return nil, fmt.Errorf("--changed-since: %w", err)
	}
	defer func() { _ = os.RemoveAll(tmp) }()
	if err := cr.repo.Extract(ctx, cr.hash, filepath.ToSlash(prefix), tmp); err != nil {
		return nil, fmt.Errorf("--changed-since: %w", err)
	}
	oldRoot := filepath.Join(tmp, prefix)
	oldConfig := ""
	if configPath != "" {
		abs, err := filepath.Abs(configPath)
		if err == nil {
			if r, err := filepath.EvalSymlinks(abs); err == nil {
				abs = r
			}
			oldConfig = abs
			if rel, err := filepath.Rel(realRoot, abs); err == nil && !strings.HasPrefix(rel, "..") {
				oldConfig = filepath.Join(oldRoot, rel)
			}
		}
	}
	if fi, err := os.Stat(oldRoot); err != nil || !fi.IsDir() {
		stderrf(stderr, "contentlint: note: the site did not exist at %s; url-removed has nothing to compare\n", cr.rev)
		return nil, nil
	}
	cfg, oldSite, err := lint.Setup([]string{oldRoot}, oldConfig)
	if err != nil {
		stderrf(stderr, "contentlint: note: the site at %s cannot be read (%v); url-removed has nothing to compare\n", cr.rev, err)
		return nil, nil
	}
	var roots []string
	for _, r := range oldSite.ContentRoots {
		roots = append(roots, r.Dir)
	}
	eng := &lint.Engine{Config: cfg, Site: oldSite, BaseDir: oldRoot, Options: lint.Options{Offline: true, NoCache: true, Jobs: jobs}}
	res, err := eng.Run(ctx, roots)
	if err != nil {
		return nil, fmt.Errorf("--changed-since: indexing the site at %s: %w", cr.rev, err)
	}
	renamed := map[string]string{}
	deleted := map[string]bool{}
	for _, c := range cr.changes {
		switch c.Status {
		case 'R':
			renamed[c.Old] = c.New
		case 'D':
			deleted[c.Old] = true
		}
	}
	var out []lint.PublishedURL
	for _, e := range res.Index.Entries {
		if e.URL == "" {
			continue
		}
		repoPath := filepath.ToSlash(filepath.Join(prefix, filepath.FromSlash(e.Path)))
		now := ""
		switch {
		case renamed[repoPath] != "":
			now = filepath.Join(cr.repo.Top, filepath.FromSlash(renamed[repoPath]))
		case deleted[repoPath]:
		default:
			p := filepath.Join(realRoot, filepath.FromSlash(e.Path))
			if _, err := os.Stat(p); err == nil {
				now = p
			}
		}
		for _, u := range append([]string{e.URL}, e.Aliases...) {
			out = append(out, lint.PublishedURL{URL: u, Rev: cr.rev, Was: e.Path, Now: now})
		}
	}
	return out, nil
}

// newOnly keeps the findings on lines added or changed since REF (all of an
// added file's), and those a rule marks as about the change itself, as
// reviewdog's filter-mode=added does.
func (cr *changedRun) newOnly(ctx context.Context, findings []lint.Finding, baseDir string) ([]lint.Finding, error) {
	added := map[string]map[int]bool{}
	var kept []lint.Finding
	for _, f := range findings {
		if f.Properties[lint.PropAboutChange] == "true" {
			kept = append(kept, f)
			continue
		}
		abs := filepath.FromSlash(f.File)
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(baseDir, abs)
		}
		if r, err := filepath.EvalSymlinks(abs); err == nil {
			abs = r
		}
		rel, err := filepath.Rel(cr.repo.Top, abs)
		if err != nil {
			continue
		}
		rel = filepath.ToSlash(rel)
		c, ok := cr.byNew[rel]
		if !ok {
			continue // unchanged file
		}
		if c.Status == 'A' {
			kept = append(kept, f)
			continue
		}
		lines, ok := added[rel]
		if !ok {
			lines, err = cr.repo.AddedLines(ctx, cr.hash, c.Old, c.New)
			if err != nil {
				return nil, fmt.Errorf("--new-only: %w", err)
			}
			added[rel] = lines
		}
		if lines[f.Range.Start.Line] {
			kept = append(kept, f)
		}
	}
	return kept, nil
}

var errNewOnlyNeedsRef = errors.New("--new-only needs --changed-since REF")
