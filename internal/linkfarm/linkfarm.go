// Package linkfarm serves the external-link benchmark's workload on loopback:
// URLs spread over several slow servers, some of them dead (500, or a reset
// connection) and some failing twice before they answer (429 with
// Retry-After, 503), so that a HEAD and its GET fallback both fail and only
// a retry gets through. BenchmarkFailureMix and cmd/slowserve, which the peer
// comparison uses, serve the same farm, so their figures compare.
package linkfarm

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Kind is how one URL of the farm behaves.
type Kind int

// Kinds of URL.
const (
	OK         Kind = iota
	Dead500         // always 500
	DeadReset       // always resets the connection
	Flaky503        // 503 (no Retry-After) on the first request, then 200
	Limited429      // 429 with Retry-After on the first request, then 200
)

// Dead reports whether a checker must report the URL as broken.
func (k Kind) Dead() bool { return k == Dead500 || k == DeadReset }

// Options shape a farm.
type Options struct {
	Hosts      int
	URLs       int
	Latency    time.Duration
	Mix        bool          // false: every URL answers 200
	RetryAfter time.Duration // for Limited429, whole seconds
}

// KindOf is the behaviour of URL i: 10% dead (half 500, half reset), one
// host flaky on every other of its URLs, and the first URL of hosts 0, 1, 2
// and 4 rate-limited (host 3's first URL is dead).
func (o Options) KindOf(i int) Kind {
	if !o.Mix {
		return OK
	}
	switch {
	case i%20 == 3:
		return Dead500
	case i%20 == 7:
		return DeadReset
	case i%40 == 13:
		return Flaky503
	case i < min(5, o.Hosts):
		return Limited429
	}
	return OK
}

// Farm is a running set of servers.
type Farm struct {
	Options
	URLs     []string
	servers  []*http.Server
	requests atomic.Int64
	mu       sync.Mutex
	seen     map[int]int // requests per URL index
	serveErr chan error
}

// Start listens on 127.0.0.1 and serves until Close.
func Start(opt Options) (*Farm, error) {
	if opt.RetryAfter <= 0 {
		opt.RetryAfter = time.Second
	}
	f := &Farm{Options: opt, seen: map[int]int{}, serveErr: make(chan error, opt.Hosts)}
	var bases []string
	for range opt.Hosts {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("listen: %w", err)
		}
		s := &http.Server{Handler: http.HandlerFunc(f.serve), ReadHeaderTimeout: 10 * time.Second}
		f.servers = append(f.servers, s)
		go func() {
			if err := s.Serve(l); !errors.Is(err, http.ErrServerClosed) {
				f.serveErr <- err
			}
		}()
		bases = append(bases, "http://"+l.Addr().String())
	}
	for i := range opt.URLs {
		f.URLs = append(f.URLs, fmt.Sprintf("%s/post/%d", bases[i%opt.Hosts], i))
	}
	return f, nil
}

// Requests is the number of requests received.
func (f *Farm) Requests() int64 { return f.requests.Load() }

// Close stops every server.
func (f *Farm) Close() {
	for _, s := range f.servers {
		_ = s.Close() // closing listeners that are going away; nothing to do on error
	}
}

func (f *Farm) serve(w http.ResponseWriter, r *http.Request) {
	f.requests.Add(1)
	i, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/post/"))
	if err != nil {
		w.WriteHeader(http.StatusNotFound)
		return
	}
	f.mu.Lock()
	f.seen[i]++
	n := f.seen[i]
	f.mu.Unlock()
	select {
	case <-time.After(f.Latency):
	case <-r.Context().Done():
		return
	}
	switch f.KindOf(i) {
	case Dead500:
		w.WriteHeader(http.StatusInternalServerError)
		return
	case DeadReset:
		reset(w)
		return
	case Flaky503:
		if n <= 2 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
	case Limited429:
		if n <= 2 {
			w.Header().Set("Retry-After", strconv.Itoa(int(f.RetryAfter/time.Second)))
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
	}
	if r.Method == http.MethodGet {
		w.Header().Set("Content-Type", "text/html")
		_, _ = io.WriteString(w, "<!doctype html><title>ok</title><p>ok</p>") // a client that hung up is its own business
	}
}

// reset drops the connection with an RST, without an answer.
func reset(w http.ResponseWriter) {
	c, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	if tc, ok := c.(*net.TCPConn); ok {
		_ = tc.SetLinger(0) // an RST, not a FIN
	}
	_ = c.Close() // the abrupt close is the point
}

// Judge compares a checker's broken URLs with the farm's dead ones.
func (f *Farm) Judge(broken []string) (falsePos, falseNeg []string) {
	got := map[string]bool{}
	for _, u := range broken {
		got[u] = true
	}
	for i, u := range f.URLs {
		dead := f.KindOf(i).Dead()
		switch {
		case dead && !got[u]:
			falseNeg = append(falseNeg, u)
		case !dead && got[u]:
			falsePos = append(falsePos, u)
		}
	}
	return falsePos, falseNeg
}

// Wait blocks until ctx is done or a server fails.
func (f *Farm) Wait(ctx context.Context) error {
	select {
	case <-ctx.Done():
		return nil
	case err := <-f.serveErr:
		return fmt.Errorf("serve: %w", err)
	}
}
