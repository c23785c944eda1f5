package lint

import (
	"bytes"
	"testing"
	"time"
)

// The clock is a variable the test moves, so nothing here depends on how
// fast the machine is.
func TestDelayedWriterShowsOnlyAfterTheDelay(t *testing.T) {
	var out bytes.Buffer
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	clock := t0
	d := &delayedWriter{w: &out, start: t0, now: func() time.Time { return clock }}
	for _, step := range []struct {
		at   time.Duration
		text string
		want string
	}{
		{0, "a", ""},
		{progressDelay - time.Millisecond, "b", ""},
		{progressDelay, "c", "c"},
		{progressDelay + time.Second, "d", "cd"},
	} {
		clock = t0.Add(step.at)
		n, err := d.Write([]byte(step.text))
		if err != nil || n != len(step.text) {
			t.Fatalf("Write(%q) = %d, %v", step.text, n, err)
		}
		if out.String() != step.want {
			t.Fatalf("at %v the terminal holds %q, want %q", step.at, out.String(), step.want)
		}
	}
}

func TestPhaseWithoutTerminalIsSilent(t *testing.T) {
	p := (&Options{}).startPhase("reading", "file", 3)
	p.add(1)
	p.finish()
	if p.bar != nil {
		t.Fatal("a phase without a Progress writer drew a bar")
	}
}
