package linkcheck

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
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
