package lint

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// ErrTooLarge is returned by ReadRegular for a file over its limit.
var ErrTooLarge = errors.New("file too large")

// NotRegularError says that a path names something other than a regular
// file (a named pipe, a device, a socket or a folder): reading one can hang
// forever (a FIFO) or never end (/dev/zero), so contentlint never does.
// The caller names the path.
type NotRegularError struct{ Mode fs.FileMode }

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("not a regular file but a %s; only regular files are read", FileType(e.Mode))
}

// FileType names the type of a file mode for messages.
func FileType(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return "regular file"
	case m.IsDir():
		return "folder"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "block device"
	case m&fs.ModeSymlink != 0:
		return "symlink"
	}
	return "special file"
}

// OpenRegular opens path for reading only if it is a regular file (after
// symlinks). The open does not block on a FIFO, and the type is checked on
// the opened file, so a swap between check and open changes nothing.
func OpenRegular(path string) (*os.File, fs.FileInfo, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return nil, nil, err
	}
	if !fi.Mode().IsRegular() {
		_ = f.Close()
		return nil, nil, &NotRegularError{Mode: fi.Mode()}
	}
	return f, fi, nil
}

// readChunk is how much ReadRegular reads between checks for cancellation.
const readChunk = 1 << 20

// ReadRegular reads a regular file of at most limit bytes. It stops when ctx
// is cancelled, and it does not trust the size the file system reports (a
// file under /proc says 0 bytes): past limit it returns ErrTooLarge. Errors
// other than the *fs.PathError of a failed open do not name the path.
func ReadRegular(ctx context.Context, path string, limit int64) ([]byte, error) {
	return readRegularInto(ctx, path, limit, nil)
}

// readRegularInto is ReadRegular reading into buf's storage when it is big
// enough: a worker reuses one buffer for all its files.
func readRegularInto(ctx context.Context, path string, limit int64, buf []byte) ([]byte, error) {
	f, fi, err := OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }()
	if fi.Size() > limit {
		return nil, fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, fi.Size(), limit)
	}
	if want := int(min(fi.Size(), limit) + 1); cap(buf) < want {
		buf = make([]byte, 0, want)
	}
	buf = buf[:0]
	r := io.LimitReader(f, limit+1)
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):min(cap(buf), len(buf)+readChunk)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return nil, fmt.Errorf("%w: over the limit of %d bytes", ErrTooLarge, limit)
		}
		if errors.Is(err, io.EOF) {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}
