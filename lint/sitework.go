package lint

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
)

// siteChunk is how many targets a worker takes at a time: enough to keep
// the shared counter cold, few enough to balance a run of a few posts.
const siteChunk = 32

// EachTarget calls check for every target of p on the run's workers. Each
// worker gets its own state from start, made with its own pass, so check
// needs no lock for the state it keeps; what the site model and the index answer is
// read-only by then. Reports are replayed in target order once all are done,
// so the output does not depend on scheduling. It returns every worker's
// state, for the rule to merge counts or notes.
func EachTarget[W any](p *SitePass, start func(q *SitePass) W, check func(w W, e *Entry)) []W {
	type report struct {
		en *Entry
		d  Diagnostic
	}
	jobs := runtime.GOMAXPROCS(0)
	if p.Options != nil && p.Options.Jobs > 0 {
		jobs = p.Options.Jobs
	}
	jobs = max(1, min(jobs, (len(p.Targets)+siteChunk-1)/siteChunk))
	reports := make([][]report, len(p.Targets))
	states := make([]W, jobs)
	var failMu sync.Mutex
	var panicked any // the first panic, raised again in the caller for runSafely
	var panicOnce sync.Once
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range states {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					stack := debug.Stack()
					panicOnce.Do(func() { panicked = fmt.Sprintf("%v\n%s", r, stack) })
				}
			}()
			cur := 0
			q := *p
			q.report = func(en *Entry, d Diagnostic) { reports[cur] = append(reports[cur], report{en, d}) }
			q.fail = func(err error) {
				failMu.Lock()
				defer failMu.Unlock()
				p.fail(err)
			}
			states[w] = start(&q)
			for {
				lo := int(next.Add(siteChunk)) - siteChunk
				if lo >= len(p.Targets) || (p.Ctx != nil && p.Ctx.Err() != nil) {
					return
				}
				for i := lo; i < min(lo+siteChunk, len(p.Targets)); i++ {
					cur = i
					check(states[w], p.Targets[i])
				}
			}
		}()
	}
	wg.Wait()
	if panicked != nil {
		panic(panicked)
	}
	for _, rs := range reports {
		for _, r := range rs {
			p.report(r.en, r.d)
		}
	}
	return states
}
