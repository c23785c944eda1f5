// Command slowserve starts slow HTTP servers on loopback (internal/linkfarm)
// and writes a Markdown file linking to URLs on them, so that link checkers
// can be compared on the same workload as contentlint's benchmarks. With
// -mix, 10% of the URLs are dead and some fail once before they answer; -dead
// lists the dead ones. It serves until interrupted.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/contentlint/contentlint/internal/linkfarm"
)

func main() {
	var opt linkfarm.Options
	flag.IntVar(&opt.Hosts, "hosts", 20, "number of servers")
	flag.IntVar(&opt.URLs, "urls", 1500, "number of unique URLs, spread evenly over the servers")
	flag.DurationVar(&opt.Latency, "latency", 30*time.Millisecond, "time each response takes")
	flag.BoolVar(&opt.Mix, "mix", false, "serve the failure mix: 10% dead (500 or reset), some 503 and 429 (Retry-After) once")
	out := flag.String("out", "links.md", "Markdown `FILE` to write the URLs to")
	dead := flag.String("dead", "", "write the URLs that are really dead to `FILE`, one a line")
	flag.Parse()
	if err := run(opt, *out, *dead); err != nil {
		fmt.Fprintf(os.Stderr, "slowserve: %v\n", err)
		os.Exit(1)
	}
}

func run(opt linkfarm.Options, out, dead string) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	f, err := linkfarm.Start(opt)
	if err != nil {
		return err
	}
	defer f.Close()
	var md, deadList strings.Builder
	md.WriteString("---\ntitle: Slow links\n---\n\n")
	for i, u := range f.URLs {
		fmt.Fprintf(&md, "- [post %d](%s)\n", i, u)
		if opt.KindOf(i).Dead() {
			deadList.WriteString(u + "\n")
		}
	}
	if dead != "" {
		if err := writeFile(dead, deadList.String()); err != nil {
			return err
		}
	}
	// The Markdown file comes last: callers wait for it to appear.
	if err := writeFile(out, md.String()); err != nil {
		return err
	}
	fmt.Printf("serving %d URLs on %d servers (%s latency, mix %v); wrote %s\n", opt.URLs, opt.Hosts, opt.Latency, opt.Mix, out)
	err = f.Wait(ctx)
	f.Close()
	fmt.Printf("requests received: %d\n", f.Requests())
	return err
}

func writeFile(path, text string) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
