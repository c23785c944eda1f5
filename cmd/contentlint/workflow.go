package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/contentlint/contentlint/lint"
	"github.com/contentlint/contentlint/lint/baseline"
	"github.com/contentlint/contentlint/lint/report"
)

// workflowOptions are the flags for CI and adoption workflows, kept in one
// group apart from the core flags in main.go.
type workflowOptions struct {
	quiet    bool
	baseline string
}

func (w *workflowOptions) register(fs *flag.FlagSet) {
	fs.BoolVar(&w.quiet, "quiet", false, "print findings only: no summary, per-rule counts or progress bars")
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
	out := b.Filter(run.Findings, linted)
	run.Findings, run.Fingerprints = out.Findings, out.Fingerprints
	if !w.quiet {
		stderrf(stderr, "contentlint: baseline %s: %d known findings not reported, %d baseline entries gone (fixed or changed)\n", w.baseline, out.Known, out.Gone)
	}
	return nil
}

// noColor reports whether the NO_COLOR convention (no-color.org) asks for
// plain output: the variable is set and not empty. --color always wins over
// it, as the convention lets a per-run flag do.
func noColor() bool { return os.Getenv("NO_COLOR") != "" }
