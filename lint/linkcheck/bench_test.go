package linkcheck

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/contentlint/contentlint/internal/linkfarm"
)

// BenchmarkSlowHosts checks 1,500 unique URLs spread over 20 loopback
// servers that each take 30 ms to answer, with 8 requests per host. The floor
// is 20 hosts in parallel serving 75 URLs 8 at a time: 10 rounds of 30 ms.
func BenchmarkSlowHosts(b *testing.B) {
	const hosts, perHost, latency = 20, 8, 30 * time.Millisecond
	const total = 1500
	var servers []*httptest.Server
	for range hosts {
		s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			time.Sleep(latency)
			w.WriteHeader(200)
		}))
		b.Cleanup(s.Close)
		servers = append(servers, s)
	}
	urls := make([]string, total)
	for i := range urls {
		urls[i] = fmt.Sprintf("%s/post/%d", servers[i%hosts].URL, i)
	}
	rounds := (total/hosts + perHost - 1) / perHost
	floor := time.Duration(rounds) * latency
	var requests int64
	b.ResetTimer()
	start := time.Now()
	for range b.N {
		c, err := New(Options{AllowPrivate: true, PerHost: perHost, Concurrency: hosts * perHost, Retries: 3})
		if err != nil {
			b.Fatal(err)
		}
		res := c.Check(context.Background(), urls)
		for u, r := range res {
			if r.State != OK {
				b.Fatalf("%s: %v %s", u, r.State, r.Reason)
			}
		}
		requests += c.Requests()
	}
	wall := time.Since(start) / time.Duration(b.N)
	b.ReportMetric(float64(wall.Milliseconds()), "wall-ms")
	b.ReportMetric(float64(floor.Milliseconds()), "floor-ms")
	b.ReportMetric(float64(wall)/float64(floor), "x-floor")
	b.ReportMetric(float64(requests)/float64(b.N), "requests")
}

// BenchmarkFailureMix checks the linkfarm failure mix at the default limits:
// 1,500 URLs on 20 loopback servers with 30 ms latency, 10% dead (500 or a
// reset, each retried), one host flaky (503 twice) and four URLs answering
// 429 with Retry-After twice. Every dead URL must be reported and nothing else.
// The floor is the first pass at the configured limits plus the longest
// retry chain; x-floor is the wall time over it.
func BenchmarkFailureMix(b *testing.B) {
	benchMix(b, Options{AllowPrivate: true, Retries: DefaultRetries})
}

// BenchmarkLimits runs the failure mix over a grid of limits and backoff
// bases, the measurement behind the defaults (see the README):
//
//	go test -run '^$' -bench Limits -benchtime 1x ./lint/linkcheck
func BenchmarkLimits(b *testing.B) {
	for _, backoff := range []time.Duration{250 * time.Millisecond, 500 * time.Millisecond, time.Second} {
		for _, conc := range []int{16, 32, 64, 128} {
			for _, perHost := range []int{2, 4, 8} {
				b.Run(fmt.Sprintf("backoff=%s/concurrency=%d/perHost=%d", backoff, conc, perHost), func(b *testing.B) {
					benchMix(b, Options{AllowPrivate: true, Retries: DefaultRetries, Concurrency: conc, PerHost: perHost, Backoff: backoff})
				})
			}
		}
	}
}

func benchMix(b *testing.B, opt Options) {
	fo := linkfarm.Options{Hosts: 20, URLs: 1500, Latency: 30 * time.Millisecond, Mix: true, RetryAfter: time.Second}
	var wall time.Duration
	var requests int64
	var floor time.Duration
	for range b.N {
		b.StopTimer()
		farm, err := linkfarm.Start(fo)
		if err != nil {
			b.Fatal(err)
		}
		c, err := New(opt)
		if err != nil {
			b.Fatal(err)
		}
		floor = mixFloor(fo, c.opt)
		b.StartTimer()
		start := time.Now()
		res := c.Check(context.Background(), farm.URLs)
		wall += time.Since(start)
		b.StopTimer()
		var broken []string
		for u, r := range res {
			if r.State != OK {
				broken = append(broken, u)
			}
		}
		if fp, fn := farm.Judge(broken); len(fp)+len(fn) > 0 {
			b.Fatalf("false positives %v, false negatives %v", fp, fn)
		}
		requests += farm.Requests()
		farm.Close()
	}
	avg := wall / time.Duration(b.N)
	b.ReportMetric(float64(avg.Milliseconds()), "wall-ms")
	b.ReportMetric(float64(floor.Milliseconds()), "floor-ms")
	b.ReportMetric(float64(avg)/float64(floor), "x-floor")
	b.ReportMetric(float64(requests)/float64(b.N), "requests")
}

// mixFloor is the least time the farm can be checked in with the options'
// limits: every URL's first attempt (HEAD, and GET after a 500 or a reset)
// spread over the host and global limits, then the longest chain of retries
// with the longest backoff each.
func mixFloor(fo linkfarm.Options, opt Options) time.Duration {
	perHost := make([]int, fo.Hosts)
	total := 0
	chain := time.Duration(0)
	for i := range fo.URLs {
		n := 1
		var c time.Duration
		switch fo.KindOf(i) {
		case linkfarm.Dead500, linkfarm.DeadReset:
			n = 2
			d := opt.Backoff
			for range opt.Retries {
				c += min(d, opt.MaxBackoff) + fo.Latency
				d *= 2
			}
		case linkfarm.Flaky503: // two HEADs answer 503, no GET fallback
			c = opt.Backoff + min(2*opt.Backoff, opt.MaxBackoff) + 2*fo.Latency
		case linkfarm.Limited429:
			c = 2 * (fo.RetryAfter + fo.Latency)
		}
		perHost[i%fo.Hosts] += n
		total += n
		chain = max(chain, c)
	}
	rounds := (total + opt.Concurrency - 1) / opt.Concurrency
	for _, n := range perHost {
		rounds = max(rounds, (n+opt.PerHost-1)/opt.PerHost)
	}
	return time.Duration(rounds)*fo.Latency + chain
}
