package lint

import (
	"io"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progressDelay is how long a phase runs before its bar appears: a bar that
// flashes for 200 ms on every small run is noise.
const progressDelay = time.Second

// delayedWriter drops writes until its phase has lasted progressDelay, so a
// short phase prints nothing at all, not even the bar's final clear.
type delayedWriter struct {
	w     io.Writer
	start time.Time
	now   func() time.Time
	mu    sync.Mutex
	shown bool
}

func (d *delayedWriter) Write(p []byte) (int, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.shown && d.now().Sub(d.start) < progressDelay {
		return len(p), nil
	}
	d.shown = true
	return d.w.Write(p)
}

// phase is one step of a run shown as a progress bar on a terminal. Its
// methods do nothing when no bar is drawn, so callers need no checks.
type phase struct{ bar *progressbar.ProgressBar }

// startPhase begins a bar of total steps (-1: unknown, a spinner) on
// o.Progress, shown only once the phase has lasted progressDelay. Without a
// Progress writer (not a terminal) there is no bar.
func (o *Options) startPhase(desc, unit string, total int) *phase {
	if o == nil || o.Progress == nil {
		return &phase{}
	}
	w := &delayedWriter{w: o.Progress, start: time.Now(), now: time.Now}
	return &phase{bar: progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(desc),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString(unit),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)}
}

func (p *phase) add(n int) {
	if p.bar != nil {
		_ = p.bar.Add(n) // a failed terminal write must not stop the run
	}
}

func (p *phase) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
