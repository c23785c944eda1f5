package linkcheck

import (
	"context"
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
	wake     chan struct{} // closed when a slot frees
}

func newHost(limit int, interval time.Duration) *host {
	return &host{limit: max(limit, 1), interval: interval, wake: make(chan struct{})}
}

// acquire waits for a free slot and for the host's next start time.
func (h *host) acquire(ctx context.Context) error {
	for {
		h.mu.Lock()
		if h.inflight < h.limit {
			h.inflight++
			now := time.Now()
			start := now
			if h.next.After(now) {
				start = h.next
			}
			if h.interval > 0 {
				h.next = start.Add(h.interval)
			}
			h.mu.Unlock()
			if d := start.Sub(now); d > 0 {
				if err := sleep(ctx, d); err != nil {
					h.release()
					return err
				}
			}
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

func (h *host) release() {
	h.mu.Lock()
	h.inflight--
	close(h.wake)
	h.wake = make(chan struct{})
	h.mu.Unlock()
}

// throttle halves the concurrency after a 429 and holds new requests back
// until the server's Retry-After has passed.
func (h *host) throttle(pause time.Duration) {
	h.mu.Lock()
	h.limit = max(1, h.limit/2)
	if until := time.Now().Add(pause); until.After(h.next) {
		h.next = until
	}
	h.mu.Unlock()
}

// pause holds new requests back (503 with Retry-After).
func (h *host) pause(d time.Duration) {
	h.mu.Lock()
	if until := time.Now().Add(d); until.After(h.next) {
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
