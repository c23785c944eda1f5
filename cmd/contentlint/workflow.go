package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/contentlint/contentlint/lint"
	"github.com/contentlint/contentlint/lint/baseline"
	"github.com/contentlint/contentlint/lint/fix"
	"github.com/contentlint/contentlint/lint/report"
)

// workflowOptions are the flags for CI and adoption workflows, kept in one
// group apart from the core flags in main.go.
type workflowOptions struct {
	quiet    bool
	baseline string
	fix      bool
	dryRun   bool
	since    string
	newOnly  bool
	changed  *changedRun // set by scope when --changed-since is given
}

func (w *workflowOptions) register(fs *flag.FlagSet) {
	fs.BoolVar(&w.quiet, "quiet", false, "print findings only: no summary, per-rule counts or progress bars")
	fs.BoolVar(&w.fix, "fix", false, "apply the safe suggested fixes to the files, then report what is left")
	fs.BoolVar(&w.dryRun, "dry-run", false, "with --fix: print the fixes as a unified diff and write nothing (exit 1 when there is a fix)")
	fs.StringVar(&w.since, "changed-since", "", "lint only the Markdown files changed since git `REF` (the rest is indexed), and check that no URL published at REF is gone (url-removed)")
	fs.BoolVar(&w.newOnly, "new-only", false, "with --changed-since: report only findings on lines added or changed since REF")
	fs.StringVar(&w.baseline, "baseline", "", "report only findings not recorded in `FILE`; a missing FILE is written with the current findings")
}

// applyBaseline writes the baseline when it does not exist yet (and then
// reports nothing: every finding is now known), or drops the findings it
// holds. It says on stderr what it did, unless --quiet.
func (w *workflowOptions) applyBaseline(run *report.Run, res *lint.Result, stderr io.Writer) error {
	if w.baseline == "" {
		return nil
	}
	b, err := baseline.Load(w.baseline)
	if err != nil {
		return err
	}
	if b == nil {
		if len(run.Errors) > 0 {
			// A baseline written from a partial run would hide findings of
			// the files that could not be read.
			return fmt.Errorf("baseline %s not written: the run had errors", w.baseline)
		}
		if w.since != "" || w.newOnly {
			return fmt.Errorf("baseline %s not written: --changed-since lints only part of the site; write it from a full run", w.baseline)
		}
		if err := baseline.Write(w.baseline, run.Findings); err != nil {
			return fmt.Errorf("baseline: %w", err)
		}
		if !w.quiet {
			stderrf(stderr, "contentlint: wrote baseline %s with %d findings; later runs with --baseline report only new ones\n", w.baseline, len(run.Findings))
		}
		run.Findings, run.Fingerprints = nil, nil
		return nil
	}
	linted := make(map[string]bool, len(res.Targets))
	for _, t := range res.Targets {
		linted[t] = true
	}
	out := b.Filter(run.Findings, run.Fingerprints, linted)
	run.Findings, run.Fingerprints = out.Findings, out.Fingerprints
	if !w.quiet {
		stderrf(stderr, "contentlint: baseline %s: %d known findings not reported, %d baseline entries gone (fixed or changed)\n", w.baseline, out.Known, out.Gone)
	}
	return nil
}

// validate checks flag combinations before anything runs.
func (w *workflowOptions) validate() error {
	if w.dryRun && !w.fix {
		return errors.New("--dry-run needs --fix")
	}
	if w.newOnly && w.since == "" {
		return errNewOnlyNeedsRef
	}
	return nil
}

// scope narrows the paths to lint to the files changed since --changed-since
// (possibly none: the site is then only indexed) and sets opts.Published to
// the URLs the site served at that revision. Without the flag, paths are
// returned as they are.
func (w *workflowOptions) scope(ctx context.Context, site *lint.Site, given, paths []string, configPath string, opts *lint.Options, stderr io.Writer) ([]string, error) {
	if w.since == "" {
		return paths, nil
	}
	cr, targets, err := prepareChanged(ctx, w.since, site, given)
	if err != nil {
		return nil, err
	}
	pub, err := cr.published(ctx, site, configPath, opts.Jobs, stderr)
	if err != nil {
		return nil, err
	}
	w.changed, opts.Published = cr, pub
	if targets == nil {
		targets = []string{}
	}
	return targets, nil
}

// filterNew applies --new-only to the run's findings and returns the
// fingerprints of those kept, as computed over all of them (nil when no
// finding is dropped: reporters then compute them).
func (w *workflowOptions) filterNew(ctx context.Context, res *lint.Result, baseDir string) ([]string, error) {
	if !w.newOnly || w.changed == nil {
		return nil, nil
	}
	all := report.Fingerprints(res.Findings)
	kept, err := w.changed.newOnly(ctx, res.Findings, baseDir)
	if err != nil {
		return nil, err
	}
	// kept is an ordered subsequence of the findings.
	prints := make([]string, 0, len(kept))
	for i, j := 0, 0; i < len(res.Findings) && j < len(kept); i++ {
		if f, k := res.Findings[i], kept[j]; f.RuleID == k.RuleID && f.File == k.File && f.Range == k.Range && f.Message == k.Message {
			prints = append(prints, all[i])
			j++
		}
	}
	res.Findings = kept
	return prints, nil
}

// applyFixes plans the fixes of the findings. With --dry-run it prints them
// as a unified diff and returns done with the exit code (1 when there is a
// fix, as "gofmt -d" users expect from CI). Otherwise it writes each file and
// drops the fixed findings, so the report that follows holds the rest.
func (w *workflowOptions) applyFixes(run *report.Run, baseDir string, stdout, stderr io.Writer) (done bool, code int) {
	if !w.fix {
		return false, 0
	}
	files, err := fix.Plan(baseDir, run.Findings)
	if err != nil {
		run.Errors = append(run.Errors, err)
	}
	n := 0
	for _, f := range files {
		n += len(f.Fixed)
	}
	if w.dryRun {
		for _, f := range files {
			if _, err := io.WriteString(stdout, f.Diff()); err != nil {
				stderrf(stderr, "contentlint: %v\n", err)
				return true, exitError
			}
		}
		for _, e := range run.Errors {
			stderrf(stderr, "contentlint: error: %v\n", e)
		}
		if !w.quiet {
			stderrf(stderr, "contentlint: %d fixes in %d files (dry run: nothing written)\n", n, len(files))
		}
		switch {
		case len(run.Errors) > 0:
			return true, exitError
		case n > 0:
			return true, exitFindings
		}
		return true, exitOK
	}
	fixed := map[int]bool{}
	written := 0
	for _, f := range files {
		if err := f.Write(); err != nil {
			run.Errors = append(run.Errors, err)
			continue
		}
		written++
		for _, i := range f.Fixed {
			fixed[i] = true
		}
	}
	keep := run.Findings[:0:0]
	var prints []string
	for i, f := range run.Findings {
		if fixed[i] {
			continue
		}
		keep = append(keep, f)
		if len(run.Fingerprints) == len(run.Findings) {
			prints = append(prints, run.Fingerprints[i])
		}
	}
	run.Findings, run.Fingerprints = keep, prints
	if !w.quiet {
		stderrf(stderr, "contentlint: fixed %d findings in %d files\n", len(fixed), written)
	}
	return false, 0
}

// noColor reports whether the NO_COLOR convention (no-color.org) asks for
// plain output: the variable is set and not empty. --color always wins over
// it, as the convention lets a per-run flag do.
func noColor() bool { return os.Getenv("NO_COLOR") != "" }
