// Command contentlint checks a static site's Markdown content before it is
// published.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/hashicorp/go-multierror"
	"github.com/mattn/go-isatty"

	"github.com/contentlint/contentlint/lint"
	"github.com/contentlint/contentlint/lint/report"
	"github.com/contentlint/contentlint/rules"
)

// Exit codes.
const (
	exitOK       = 0
	exitFindings = 1
	exitError    = 2
)

// version is set by -ldflags; otherwise the module version is used.
var version = ""

func toolVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	governMemory(ctx)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

type options struct {
	format, output, config, color, failOn string
	offline, noCache, listRules, version  bool
	jobs                                  int
	explain                               string
	initConfig                            bool
	also                                  alsoFlag
	wf                                    workflowOptions
	allowEnv                              []string
}

func run(ctx context.Context, args []string, stdout, rawStderr io.Writer) int {
	// Everything but the progress bar goes through the SafeWriter: messages
	// carry file names and values a pull request controls.
	stderr := report.NewSafeWriter(rawStderr)
	if len(args) > 0 && args[0] == "routes" {
		return runRoutes(ctx, args[1:], stdout, stderr)
	}
	fs := flag.NewFlagSet("contentlint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.StringVar(&o.format, "format", "text", "output format: "+strings.Join(report.FormatNames(), ", "))
	fs.StringVar(&o.output, "output", "", "write the report to `FILE` instead of standard output")
	fs.StringVar(&o.config, "config", "", "configuration `FILE` (default: nearest "+lint.ConfigFileName+")")
	fs.BoolVar(&o.offline, "offline", false, "never use the network (no external link checks)")
	fs.BoolVar(&o.noCache, "no-cache", false, "ignore the external link cache")
	fs.IntVar(&o.jobs, "jobs", 0, "files parsed in parallel (default GOMAXPROCS)")
	fs.StringVar(&o.color, "color", "auto", "color text output: auto, always or never")
	fs.StringVar(&o.failOn, "fail-on", "error", "exit 1 when a finding is at least: error, warning, info or never")
	fs.BoolVar(&o.listRules, "list-rules", false, "list every rule with its default severity and exit")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	fs.StringVar(&o.explain, "explain", "", "print the help of `RULE`, with a bad and a good example, and exit")
	fs.BoolVar(&o.initConfig, "init", false, "write a commented "+lint.ConfigFileName+" for the detected site generator in the given folder (default .) and exit")
	fs.Func("allow-env", "let links.headers expand ${`NAME`} (repeatable; also "+lint.AllowEnvVar+"=NAME,...)", func(v string) error {
		o.allowEnv = append(o.allowEnv, v)
		return nil
	})
	fs.Var(&o.also, "also", "also write the report in `FORMAT=FILE` from the same run (repeatable), e.g. sarif=contentlint.sarif")
	o.wf.register(fs)
	fs.Usage = func() {
		stderrf(stderr, "usage: contentlint [flags] [path...]\n       contentlint routes [--format text|json] [path]\n\nChecks Markdown posts: front matter, translations, images, links and admonitions.\n\nflags:\n")
		fs.PrintDefaults()
		stderrf(stderr, "\nexit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, configuration or I/O error\n")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitError
	}
	all := rules.All()
	switch {
	case o.version:
		if _, err := fmt.Fprintf(stdout, "contentlint %s\n", toolVersion()); err != nil {
			stderrf(stderr, "contentlint: %v\n", err)
			return exitError
		}
		return exitOK
	case o.listRules:
		if err := listRules(stdout, all); err != nil {
			stderrf(stderr, "contentlint: %v\n", err)
			return exitError
		}
		return exitOK
	case o.explain != "":
		return explainRule(o.explain, all, stdout, stderr)
	case o.initConfig:
		return initConfig(fs.Args(), stdout, stderr)
	}
	if err := o.wf.validate(); err != nil {
		stderrf(stderr, "contentlint: %v\n", err)
		return exitError
	}
	reporter, ok := report.Formats()[o.format]
	if !ok {
		stderrf(stderr, "contentlint: unknown --format %q (want %s)\n", o.format, strings.Join(report.FormatNames(), ", "))
		return exitError
	}
	failOn := lint.Off
	if o.failOn != "never" {
		s, err := lint.ParseSeverity(o.failOn)
		if err != nil || s == lint.Off {
			stderrf(stderr, "contentlint: --fail-on %q: want error, warning, info or never\n", o.failOn)
			return exitError
		}
		failOn = s
	}
	if o.color != "auto" && o.color != "always" && o.color != "never" {
		stderrf(stderr, "contentlint: --color %q: want auto, always or never\n", o.color)
		return exitError
	}
	paths := fs.Args()
	cfg, site, err := lint.Setup(paths, o.config)
	if err != nil {
		stderrf(stderr, "contentlint: %v\n", err)
		return exitError
	}
	if err := cfg.ValidateRules(all); err != nil {
		stderrf(stderr, "contentlint: %v\n", err)
		return exitError
	}
	allowEnv := lint.AllowedEnv(os.Getenv, o.allowEnv)
	if err := cfg.CheckHeaderEnv(allowEnv); err != nil {
		stderrf(stderr, "contentlint: %v\n", err)
		return exitError
	}
	if len(paths) == 0 {
		for _, r := range site.ContentRoots {
			paths = append(paths, r.Dir)
		}
	}
	// The output file is created before the run so that a bad path fails
	// fast; it is closed, and the close checked, once the report is written.
	out := stdout
	var outFile *os.File
	if o.output != "" {
		f, err := os.Create(o.output)
		if err != nil {
			stderrf(stderr, "contentlint: %v\n", err)
			return exitError
		}
		defer func() { _ = f.Close() }() // early returns only; a second Close is harmless
		out, outFile = f, f
	}
	var progress io.Writer
	if f, ok := rawStderr.(*os.File); ok && isatty.IsTerminal(f.Fd()) && !o.wf.quiet {
		progress = rawStderr // its text is contentlint's own: a count and a fixed label
	}
	eng := &lint.Engine{Rules: all, Config: cfg, Site: site, Options: lint.Options{
		Jobs: o.jobs, Offline: o.offline, NoCache: o.noCache, Version: toolVersion(), Progress: progress,
		Warnings: stderr, AllowEnv: allowEnv,
	}}
	if o.format == "text" && !o.wf.quiet {
		stderrf(stderr, "contentlint: %s\n", siteLine(site.Describe()))
	}
	// What the model cannot know is said once, whatever the format.
	for _, n := range site.Notes {
		stderrf(stderr, "contentlint: note: %s\n", n)
	}
	started := time.Now()
	if paths, err = o.wf.scope(ctx, site, fs.Args(), paths, o.config, &eng.Options, stderr); err != nil {
		stderrf(stderr, "contentlint: %v\n", err)
		return exitError
	}
	res, err := eng.Run(ctx, paths)
	if err != nil {
		stderrf(stderr, "contentlint: %v\n", err)
		return exitError
	}
	if res.Indexed == 0 && site.Preset != "none" {
		// A detected generator whose model finds nothing is a wrong model,
		// not a clean site.
		stderrf(stderr, "contentlint: %s\n", noContentMessage(site))
		return exitError
	}
	// Fingerprints are taken over the whole run, before --new-only drops
	// findings, so each keeps the ordinal it has in a baseline or in SARIF.
	prints, err := o.wf.filterNew(ctx, res, eng.BaseDir)
	if err != nil {
		stderrf(stderr, "contentlint: %v\n", err)
		return exitError
	}
	runInfo := &report.Run{Tool: "contentlint", Version: toolVersion(), InfoURI: "https://github.com/contentlint/contentlint",
		Findings: res.Findings, Fingerprints: prints, Rules: all, Severities: map[string]lint.Severity{}, Files: res.Files,
		SrcRoot: eng.BaseDir, Started: started}
	for _, r := range all {
		runInfo.Severities[r.ID] = cfg.RuleSeverity(r)
	}
	var me *multierror.Error
	if errors.As(res.Err, &me) {
		runInfo.Errors = me.Errors
	} else if res.Err != nil {
		runInfo.Errors = []error{res.Err}
	}
	if err := o.wf.applyBaseline(runInfo, res, stderr); err != nil {
		stderrf(stderr, "contentlint: %v\n", err)
		return exitError
	}
	if done, code := o.wf.applyFixes(runInfo, eng.BaseDir, out, stderr); done {
		return code
	}
	if o.format == "text" {
		runInfo.Color = o.color == "always" || (o.color == "auto" && o.output == "" && isTTY(stdout) && !noColor())
	}
	err = reporter(out, runInfo)
	if outFile != nil {
		if cerr := outFile.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("write %s: %w", o.output, cerr)
		}
	}
	if err != nil {
		stderrf(stderr, "contentlint: %v\n", err)
		return exitError
	}
	if err := writeAlso(o.also, runInfo); err != nil {
		stderrf(stderr, "contentlint: %v\n", err)
		return exitError
	}
	for _, e := range runInfo.Errors {
		// Escaped whole: a file name with a newline must not start a line.
		stderrf(stderr, "contentlint: error: %s\n", report.EscapeText(e.Error()))
	}
	if o.format == "text" && !o.wf.quiet {
		stderrf(stderr, "%s%s\n", report.Tally(runInfo), report.Summary(runInfo))
	}
	if len(runInfo.Errors) > 0 {
		return exitError
	}
	if failOn != lint.Off {
		for _, f := range runInfo.Findings {
			if f.Severity >= failOn {
				return exitFindings
			}
		}
	}
	return exitOK
}

func isTTY(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && isatty.IsTerminal(f.Fd())
}

func listRules(w io.Writer, all []*lint.Rule) error {
	sorted := append([]*lint.Rule(nil), all...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].ID < sorted[j].ID })
	for _, r := range sorted {
		if _, err := fmt.Fprintf(w, "%-24s %-8s %s\n", r.ID, r.Severity, r.Doc); err != nil {
			return fmt.Errorf("list rules: %w", err)
		}
	}
	return nil
}

// stderrf writes a message to stderr. A failed write to stderr has nowhere
// left to be reported, so its error is dropped here, in one place.
func stderrf(stderr io.Writer, format string, args ...any) {
	_, _ = fmt.Fprintf(stderr, format, args...)
}
