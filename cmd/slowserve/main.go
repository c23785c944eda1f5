// Command slowserve starts slow HTTP servers on loopback and writes a Markdown
// file linking to URLs on them, so that link checkers can be compared on the
// same workload as contentlint's BenchmarkSlowHosts. It serves until
// interrupted.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

func main() {
	hosts := flag.Int("hosts", 20, "number of servers")
	urls := flag.Int("urls", 1500, "number of unique URLs, spread evenly over the servers")
	latency := flag.Duration("latency", 30*time.Millisecond, "time each response takes")
	out := flag.String("out", "links.md", "Markdown `FILE` to write the URLs to")
	flag.Parse()
	if err := run(*hosts, *urls, *latency, *out); err != nil {
		fmt.Fprintf(os.Stderr, "slowserve: %v\n", err)
		os.Exit(1)
	}
}

func run(hosts, urls int, latency time.Duration, out string) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var requests atomic.Int64
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		select {
		case <-time.After(latency):
		case <-r.Context().Done():
			return
		}
		if r.Method == http.MethodGet {
			w.Header().Set("Content-Type", "text/html")
			// A client that hung up is its own business, not the server's.
			_, _ = io.WriteString(w, "<!doctype html><title>ok</title><p>ok</p>")
		}
	})
	var bases []string
	var servers []*http.Server
	serveErr := make(chan error, hosts)
	for range hosts {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return fmt.Errorf("listen: %w", err)
		}
		s := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
		servers = append(servers, s)
		go func() { serveErr <- s.Serve(l) }()
		bases = append(bases, "http://"+l.Addr().String())
	}
	var b strings.Builder
	b.WriteString("---\ntitle: Slow links\n---\n\n")
	for i := range urls {
		fmt.Fprintf(&b, "- [post %d](%s/post/%d)\n", i, bases[i%hosts], i)
	}
	tmp := out + ".tmp"
	if err := os.WriteFile(tmp, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	if err := os.Rename(tmp, out); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	fmt.Printf("serving %d URLs on %d servers (%s latency); wrote %s\n", urls, hosts, latency, out)
	var err error
	select {
	case <-ctx.Done():
	case err = <-serveErr: // Serve only returns early on a listener failure
		err = fmt.Errorf("serve: %w", err)
	}
	for _, s := range servers {
		_ = s.Close()
	}
	fmt.Printf("requests received: %d\n", requests.Load())
	return err
}
