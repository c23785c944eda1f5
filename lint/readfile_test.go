package lint

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestReadRegular(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "a.md")
	if err := os.WriteFile(small, []byte(strings.Repeat("x", 3*readChunk+5)), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := ReadRegular(t.Context(), small, 4*readChunk)
	if err != nil || len(got) != 3*readChunk+5 {
		t.Fatalf("read %d bytes, %v", len(got), err)
	}
	if _, err := ReadRegular(t.Context(), small, 3*readChunk); !errors.Is(err, ErrTooLarge) {
		t.Errorf("over the limit: %v, want ErrTooLarge", err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := ReadRegular(ctx, small, 4*readChunk); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	// /proc files report size 0; the limit still holds while reading.
	if _, err := os.Stat("/proc/self/maps"); err == nil {
		if _, err := ReadRegular(t.Context(), "/proc/self/maps", 16); !errors.Is(err, ErrTooLarge) {
			t.Errorf("/proc/self/maps with a 16-byte limit: %v, want ErrTooLarge", err)
		}
	}
	fifo := filepath.Join(dir, "fifo.md")
	if err := syscall.Mkfifo(fifo, 0o644); err == nil {
		var nr *NotRegularError
		if _, err := ReadRegular(t.Context(), fifo, 1024); !errors.As(err, &nr) || err.Error() != "not a regular file but a named pipe; only regular files are read" {
			t.Errorf("fifo: %v", err)
		}
	}
	var nr *NotRegularError
	if _, err := ReadRegular(t.Context(), "/dev/zero", 1024); !errors.As(err, &nr) {
		t.Errorf("/dev/zero: %v", err)
	}
	if _, err := ReadRegular(t.Context(), dir, 1024); !errors.As(err, &nr) {
		t.Errorf("folder: %v", err)
	}
}
