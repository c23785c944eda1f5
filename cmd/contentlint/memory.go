package main

import (
	"context"
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// The Go collector lets the heap grow to twice what is live, and a lint's
// live heap (the index of every post, and the findings) grows with the
// site: 100,000 posts peaked at 1.17 GB RSS, over the 1 GiB budget. A soft
// memory limit makes the collector work harder instead. A fixed limit
// thrashes once the live heap nears it (200,000 posts in one folder ran 45 %
// slower), so the limit follows the live heap: memFloor, or memHeadroom
// times what the last collection left live, whichever is more. GOGC or
// GOMEMLIMIT in the environment turn this off.
const (
	memFloor    = 896 << 20
	memHeadroom = 1.5
	memPoll     = 100 * time.Millisecond
)

// governMemory adjusts the soft memory limit until ctx ends.
func governMemory(ctx context.Context) { govern(ctx, memFloor, memHeadroom) }

func govern(ctx context.Context, floor int64, headroom float64) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(floor)
	go func() {
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		t := time.NewTicker(memPoll)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			metrics.Read(sample)
			if sample[0].Value.Kind() != metrics.KindUint64 {
				return // a runtime without the metric: keep the floor
			}
			live := float64(sample[0].Value.Uint64())
			debug.SetMemoryLimit(int64(math.Max(float64(floor), live*headroom)))
		}
	}()
}
