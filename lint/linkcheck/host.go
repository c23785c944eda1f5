package linkcheck

import (
	"context"
	"net/url"
	"sync"
	"time"
)

// host limits the requests in flight to one host:port and spaces their
// starts. Its limit drops when the host answers 429.
type host struct {
	mu       sync.Mutex
	limit    int
	inflight int
	interval time.Duration
	next     time.Time     // earliest start of the next request
	held     time.Time     // end of the latest 429 wait
	wake     chan struct{} // closed when a slot frees
	// now and wait are the clock; tests give a fake one, so that the
	// spacing of starts is checked without measuring time.
	now  func() time.Time
	wait func(ctx context.Context, d time.Duration) error
}

func newHost(limit int, interval time.Duration) *host {
	return &host{limit: max(limit, 1), interval: interval, wake: make(chan struct{}), now: time.Now, wait: sleep}
}

// acquire waits for a free slot and for the host's next start time.
func (h *host) acquire(ctx context.Context) error {
	if err := h.take(ctx); err != nil {
		return err
	}
	if err := h.start(ctx); err != nil {
		h.release()
		return err
	}
	return nil
}

// take waits for a free slot.
func (h *host) take(ctx context.Context) error {
	for {
		h.mu.Lock()
		if h.inflight < h.limit {
			h.inflight++
			h.mu.Unlock()
			return nil
		}
		ch := h.wake
		h.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// ready waits until the host's next start time without claiming it, so
// that the scheduler can wait out a pause before it takes a worker.
func (h *host) ready(ctx context.Context) error {
	h.mu.Lock()
	d := h.next.Sub(h.now())
	h.mu.Unlock()
	if d > 0 {
		return h.wait(ctx, d)
	}
	return nil
}

// start waits, with a slot held, for the host's next start time and moves
// that time on by the interval.
func (h *host) start(ctx context.Context) error {
	h.mu.Lock()
	now := h.now()
	at := now
	if h.next.After(now) {
		at = h.next
	}
	if h.interval > 0 {
		h.next = at.Add(h.interval)
	}
	h.mu.Unlock()
	if d := at.Sub(now); d > 0 {
		return h.wait(ctx, d)
	}
	return nil
}

// slot is a host slot that one attempt holds across its requests to that
// host (HEAD, then GET); started is true until its first request, whose
// start time the scheduler already waited for.
type slot struct {
	h       *host
	key     string
	started bool
}

// use returns the held host when u is on it, after waiting for the host's
// next start time; nil when u is on another host or the slot is given up.
func (s *slot) use(ctx context.Context, u *url.URL) (*host, error) {
	if s == nil || s.h == nil || hostKey(u) != s.key {
		return nil, nil
	}
	if s.started {
		s.started = false
		return s.h, nil
	}
	if err := s.h.start(ctx); err != nil {
		return nil, err
	}
	return s.h, nil
}

func (s *slot) release() {
	if s != nil && s.h != nil {
		s.h.release()
		s.h = nil
	}
}

func (h *host) release() {
	h.mu.Lock()
	h.inflight--
	close(h.wake)
	h.wake = make(chan struct{})
	h.mu.Unlock()
}

// throttle halves the concurrency after a 429 and holds new requests back
// until the server's Retry-After has passed. The 429s that answer one burst
// arrive while the host is already held back by the first: they halve it
// once, not once each.
func (h *host) throttle(pause time.Duration) {
	h.mu.Lock()
	now := h.now()
	if !h.held.After(now) {
		h.limit = max(1, h.limit/2)
	}
	until := now.Add(pause)
	if until.After(h.held) {
		h.held = until
	}
	if until.After(h.next) {
		h.next = until
	}
	h.mu.Unlock()
}

// pause holds new requests back (503 with Retry-After).
func (h *host) pause(d time.Duration) {
	h.mu.Lock()
	if until := h.now().Add(d); until.After(h.next) {
		h.next = until
	}
	h.mu.Unlock()
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
