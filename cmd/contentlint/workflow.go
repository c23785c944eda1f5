package main

import (
	"flag"
	"os"
)

// workflowOptions are the flags for CI and adoption workflows, kept in one
// group apart from the core flags in main.go.
type workflowOptions struct {
	quiet bool
}

func (w *workflowOptions) register(fs *flag.FlagSet) {
	fs.BoolVar(&w.quiet, "quiet", false, "print findings only: no summary, per-rule counts or progress bars")
}

// noColor reports whether the NO_COLOR convention (no-color.org) asks for
// plain output: the variable is set and not empty. --color always wins over
// it, as the convention lets a per-run flag do.
func noColor() bool { return os.Getenv("NO_COLOR") != "" }
