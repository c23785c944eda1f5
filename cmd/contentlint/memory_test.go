package main

import (
	"context"
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

func TestGovernMemory(t *testing.T) {
	prev := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(prev) })
	for _, env := range []string{"GOMEMLIMIT=5GiB", "GOGC=200"} {
		t.Run(env+": left alone", func(t *testing.T) {
			debug.SetMemoryLimit(prev)
			name, value, _ := strings.Cut(env, "=")
			t.Setenv(name, value)
			governMemory(t.Context())
			if got := debug.SetMemoryLimit(-1); got != prev {
				t.Errorf("limit %d, want %d untouched", got, prev)
			}
		})
	}
	t.Run("follows the live heap", func(t *testing.T) {
		t.Setenv("GOGC", "")
		t.Setenv("GOMEMLIMIT", "")
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		const floor = 32 << 20
		govern(ctx, floor, memHeadroom)
		if got := debug.SetMemoryLimit(-1); got != floor {
			t.Fatalf("limit %d, want the floor %d", got, floor)
		}
		// Keep more live than the floor allows for, so the limit must rise.
		big := make([][]byte, 0, 48)
		for range cap(big) {
			big = append(big, make([]byte, 1<<20))
		}
		deadline := time.Now().Add(10 * time.Second)
		for debug.SetMemoryLimit(-1) <= floor && time.Now().Before(deadline) {
			debug.FreeOSMemory() // a collection, so the live heap is measured
			time.Sleep(2 * memPoll)
		}
		if got := debug.SetMemoryLimit(-1); got <= floor {
			t.Errorf("limit %d with %d MiB live, want above the floor %d", got, len(big), floor)
		}
		_ = big[len(big)-1][0]
	})
}
