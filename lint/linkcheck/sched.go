package linkcheck

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// scheduler runs the attempts of a check. Each host has a runner that hands
// its ready jobs, one at a time, to a worker as soon as the host has a free
// slot and its next start time has come, and a worker (one of Concurrency
// tokens) is free. A job that must be retried waits on a timer and then joins
// the back of its host's queue: while it waits it holds no worker and no host
// slot, so other URLs use them. The back, not the front, so that the host's
// first pass is not pushed later by retries: then every URL's last attempt
// ends by the first pass plus its own retry chain.
type scheduler struct {
	ctx     context.Context
	c       *Checker
	workers chan struct{} // one token per request in flight, over all hosts
	wg      sync.WaitGroup
	done    func(*job) // called once per job with a final outcome
}

func newScheduler(ctx context.Context, c *Checker, done func(*job)) *scheduler {
	return &scheduler{ctx: ctx, c: c, workers: make(chan struct{}, c.opt.Concurrency), done: done}
}

// queue is one host's jobs that are ready to be tried.
type queue struct {
	mu    sync.Mutex
	ready []*job
	left  int           // jobs not final yet: ready, running or waiting to retry
	wake  chan struct{} // a job became ready or final
}

func (q *queue) push(j *job) {
	q.mu.Lock()
	q.ready = append(q.ready, j)
	q.mu.Unlock()
	q.signal()
}

func (q *queue) finish() {
	q.mu.Lock()
	q.left--
	q.mu.Unlock()
	q.signal()
}

func (q *queue) signal() {
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// next waits for a ready job; nil when every job is final or ctx is done.
func (q *queue) next(ctx context.Context) *job {
	for {
		q.mu.Lock()
		if len(q.ready) > 0 {
			j := q.ready[0]
			q.ready = q.ready[1:]
			q.mu.Unlock()
			return j
		}
		left := q.left
		q.mu.Unlock()
		if left == 0 {
			return nil
		}
		select {
		case <-q.wake:
		case <-ctx.Done():
			return nil
		}
	}
}

// run tries every job until each has a final outcome or ctx is done.
func (s *scheduler) run(jobs []*job) {
	byHost := map[string]*queue{}
	var keys []string
	for _, j := range sortedJobs(jobs) {
		k := hostKey(j.u)
		q := byHost[k]
		if q == nil {
			q = &queue{wake: make(chan struct{}, 1)}
			byHost[k] = q
			keys = append(keys, k)
		}
		q.ready = append(q.ready, j)
		q.left++
	}
	for _, k := range keys {
		q, h := byHost[k], s.c.host(byHost[k].ready[0].u)
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			s.runHost(h, q)
		}()
	}
	s.wg.Wait()
}

// runHost feeds one host's jobs to workers. It waits for the host's slot
// and start time itself, so no worker sits idle behind a busy host.
func (s *scheduler) runHost(h *host, q *queue) {
	for {
		j := q.next(s.ctx)
		if j == nil {
			return
		}
		if err := h.acquire(s.ctx); err != nil {
			return
		}
		select {
		case s.workers <- struct{}{}:
		case <-s.ctx.Done():
			h.release()
			return
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			defer func() { <-s.workers }()
			s.attempt(j, &slot{h: h, key: hostKey(j.u), started: true}, q)
		}()
	}
}

// attempt makes one attempt at j with the host slot held, then either
// finishes the job or schedules its retry.
func (s *scheduler) attempt(j *job, held *slot, q *queue) {
	o := s.c.try(s.ctx, j, held)
	held.release()
	if s.ctx.Err() != nil {
		q.finish() // not done: the result says Canceled
		return
	}
	o.retries = j.retries
	if o.state != OK && o.retriable() && j.retries < s.c.opt.Retries {
		wait := o.retryAfter
		if wait == 0 {
			wait = s.c.backoff(j.retries)
		}
		j.retries++
		time.AfterFunc(wait, func() { q.push(j) })
		return
	}
	if o.state == Dead && o.retries > 0 {
		o.reason += fmt.Sprintf(" (after %d %s)", o.retries, plural(o.retries, "retry", "retries"))
	}
	j.out, j.done = o, true
	s.done(j)
	q.finish()
}
