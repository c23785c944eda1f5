package lint

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// worker is one EachTarget worker's state in the tests.
type worker struct {
	q    *SitePass
	seen int
}

func eachTargetPass(n, jobs int) (*SitePass, *[]string, *[]error) {
	targets := make([]*Entry, n)
	for i := range targets {
		targets[i] = &Entry{Path: strconv.Itoa(i)}
	}
	var got []string
	var fails []error
	p := &SitePass{Ctx: context.Background(), Targets: targets, Options: &Options{Jobs: jobs}}
	p.report = func(e *Entry, d Diagnostic) { got = append(got, e.Path+":"+d.Message) }
	p.fail = func(err error) { fails = append(fails, err) }
	return p, &got, &fails
}

func TestEachTargetReportsInTargetOrder(t *testing.T) {
	p, got, fails := eachTargetPass(1000, 4)
	states := EachTarget(p, func(q *SitePass) *worker { return &worker{q: q} }, func(w *worker, e *Entry) {
		w.seen++
		n, _ := strconv.Atoi(e.Path)
		// Early targets take longest, so that arrival order differs from
		// target order.
		var sb strings.Builder
		for range (1000 - n) * 20 {
			sb.WriteByte('x')
		}
		w.q.Report(e, Diagnostic{Message: "a"})
		w.q.Report(e, Diagnostic{Message: "b"})
		if n%250 == 0 {
			w.q.Fail(fmt.Errorf("target %d", n))
		}
	})
	total := 0
	for _, s := range states {
		total += s.seen
	}
	if len(states) != 4 || total != 1000 {
		t.Fatalf("%d workers saw %d targets, want 4 and 1000", len(states), total)
	}
	if len(*got) != 2000 {
		t.Fatalf("%d reports, want 2000", len(*got))
	}
	for i, r := range *got {
		if want := strconv.Itoa(i/2) + ":" + string(rune('a'+i%2)); r != want {
			t.Fatalf("report %d is %q, want %q", i, r, want)
		}
	}
	if len(*fails) != 4 {
		t.Errorf("%d failures, want 4: %v", len(*fails), *fails)
	}
}

func TestEachTargetFewTargetsOneWorker(t *testing.T) {
	p, _, _ := eachTargetPass(5, 8)
	if states := EachTarget(p, func(q *SitePass) *worker { return &worker{q: q} }, func(*worker, *Entry) {}); len(states) != 1 {
		t.Errorf("%d workers for 5 targets, want 1", len(states))
	}
}

// A panic in a worker reaches the rule's caller, where runSafely turns it
// into an error, instead of killing the process.
func TestEachTargetPanicReachesCaller(t *testing.T) {
	p, _, _ := eachTargetPass(100, 2)
	err := runSafely(func() {
		EachTarget(p, func(q *SitePass) *worker { return &worker{q: q} }, func(_ *worker, e *Entry) {
			if e.Path == "77" {
				panic("boom")
			}
		})
	})
	if err == nil || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("err = %v, want the panic", err)
	}
}

func TestEachTargetStopsWhenCancelled(t *testing.T) {
	p, _, _ := eachTargetPass(10000, 2)
	ctx, cancel := context.WithCancel(context.Background())
	p.Ctx = ctx
	cancel()
	seen := 0
	for _, w := range EachTarget(p, func(q *SitePass) *worker { return &worker{q: q} }, func(w *worker, _ *Entry) { w.seen++ }) {
		seen += w.seen
	}
	if seen != 0 {
		t.Errorf("%d targets checked after cancellation, want 0", seen)
	}
}
