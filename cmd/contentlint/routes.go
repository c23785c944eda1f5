package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/contentlint/contentlint/lint"
)

// runRoutes is `contentlint routes`: it prints what the site model believes
// the generator publishes, so that a surprising finding can be explained.
func runRoutes(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("contentlint routes", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: text or json")
	config := fs.String("config", "", "configuration `FILE` (default: nearest "+lint.ConfigFileName+")")
	fs.Usage = func() {
		stderrf(stderr, "usage: contentlint routes [flags] [path]\n\nPrints every content file with its URLs, language, translations and anchors as the site model computes them.\n\nflags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitError
	}
	if *format != "text" && *format != "json" {
		stderrf(stderr, "contentlint routes: unknown --format %q (want text or json)\n", *format)
		return exitError
	}
	cfg, site, err := lint.Setup(fs.Args(), *config)
	if err != nil {
		stderrf(stderr, "contentlint: %v\n", err)
		return exitError
	}
	eng := &lint.Engine{Config: cfg, Site: site, Options: lint.Options{Offline: true, NoCache: true, Version: toolVersion()}}
	table, err := eng.Routes(ctx)
	if table == nil {
		stderrf(stderr, "contentlint: %v\n", err)
		return exitError
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if werr := enc.Encode(table); werr != nil {
			stderrf(stderr, "contentlint: %v\n", werr)
			return exitError
		}
	} else if werr := writeRoutesText(stdout, table); werr != nil {
		stderrf(stderr, "contentlint: %v\n", werr)
		return exitError
	}
	if err != nil {
		stderrf(stderr, "contentlint: error: %v\n", err)
		return exitError
	}
	if len(table.Pages) == 0 && table.Generator != "none" {
		stderrf(stderr, "contentlint: %s\n", noContentMessage(site))
		return exitError
	}
	return exitOK
}

// siteLine names the generator, its content roots and languages: the first
// line of a text run.
func siteLine(t *lint.RouteTable) string {
	var roots []string
	for _, r := range t.ContentRoots {
		s := r.Dir + " → " + r.Base
		if r.Lang != "" {
			s += " [" + r.Lang + "]"
		}
		roots = append(roots, s)
	}
	langs := "none declared"
	if len(t.Languages) > 0 {
		langs = strings.Join(t.Languages, ", ")
	}
	return fmt.Sprintf("%s site; content: %s; languages: %s", t.Generator, strings.Join(roots, ", "), langs)
}

func noContentMessage(site *lint.Site) string {
	return fmt.Sprintf("%s site detected at %s, but its model found no content file under %s; set content: in %s to name the content folders",
		site.Preset, site.Root, strings.Join(site.Describe().ContentRootList(), ", "), lint.ConfigFileName)
}

func writeRoutesText(w io.Writer, t *lint.RouteTable) error {
	if _, err := fmt.Fprintln(w, siteLine(t)); err != nil {
		return fmt.Errorf("write routes: %w", err)
	}
	for _, n := range t.Notes {
		if _, err := fmt.Fprintf(w, "note: %s\n", n); err != nil {
			return fmt.Errorf("write routes: %w", err)
		}
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	if _, err := fmt.Fprintln(tw, "FILE\tLANG\tURL\tALIASES\tTRANSLATIONS\tANCHORS"); err != nil {
		return fmt.Errorf("write routes: %w", err)
	}
	for _, p := range t.Pages {
		u := strings.Join(p.URLs, " ")
		if !p.Rendered {
			u = "(not rendered)"
		}
		var tr []string
		for l, f := range p.Translations {
			tr = append(tr, l+"="+f)
		}
		sort.Strings(tr)
		if _, err := fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", p.File, dash(p.Lang), u, dash(strings.Join(p.Aliases, " ")),
			dash(strings.Join(tr, " ")), dash(strings.Join(p.Anchors, " "))); err != nil {
			return fmt.Errorf("write routes: %w", err)
		}
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write routes: %w", err)
	}
	return nil
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
