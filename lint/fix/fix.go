// Package fix applies the suggested edits that rules attach to findings:
// in memory first, so that --fix --dry-run can show a unified diff, then
// atomically on disk. Edits are byte replacements, so everything around them
// (line endings, a byte order mark) is kept as it was.
package fix

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/aymanbagabas/go-udiff"
	"github.com/hashicorp/go-multierror"

	"github.com/contentlint/contentlint/lint"
	"github.com/contentlint/contentlint/lint/internal/atomicfile"
)

// File is one file's planned edits.
type File struct {
	Path     string // as findings name it (relative to the base folder)
	Abs      string
	Old, New []byte
	// Fixed are the indices, in the findings given to Plan, of the findings
	// whose edit is applied.
	Fixed []int
}

// Plan groups the findings' fixes by file, reads each file and applies its
// edits in memory, in offset order. An edit that overlaps one before it, or
// falls outside the file, is left out (a second run can apply it). A file
// that cannot be read is an error naming it; the other files are planned.
func Plan(baseDir string, findings []lint.Finding) ([]*File, error) {
	byFile := map[string][]int{}
	var order []string
	for i, f := range findings {
		if f.Fix == nil {
			continue
		}
		name := f.File
		if f.Fix.File != "" {
			name = f.Fix.File
		}
		if _, ok := byFile[name]; !ok {
			order = append(order, name)
		}
		byFile[name] = append(byFile[name], i)
	}
	sort.Strings(order)
	var errs *multierror.Error
	var out []*File
	for _, name := range order {
		abs := filepath.FromSlash(name)
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(baseDir, abs)
		}
		src, err := os.ReadFile(abs)
		if err != nil {
			errs = multierror.Append(errs, fmt.Errorf("fix %s: %w", name, err))
			continue
		}
		idx := byFile[name]
		spans := make(map[int][2]int, len(idx))
		for _, i := range idx {
			spans[i] = span(src, findings[i].Fix)
		}
		sort.SliceStable(idx, func(a, b int) bool {
			sa, sb := spans[idx[a]], spans[idx[b]]
			if sa[0] != sb[0] {
				return sa[0] < sb[0]
			}
			return sa[1] < sb[1]
		})
		var edits []udiff.Edit
		file := &File{Path: name, Abs: abs, Old: src}
		end := -1
		for _, i := range idx {
			fx := *findings[i].Fix
			fx.Start, fx.End = spans[i][0], spans[i][1]
			if fx.Line > 0 && bytes.Contains(src, []byte("\r\n")) {
				fx.Replacement = strings.ReplaceAll(fx.Replacement, "\n", "\r\n")
			}
			if fx.Start < 0 || fx.End < fx.Start || fx.End > len(src) || fx.Start < end {
				continue
			}
			if fx.Start == end && len(edits) > 0 && edits[len(edits)-1].Start == fx.Start && fx.End == fx.Start {
				continue // two insertions at one point: order unknown
			}
			edits = append(edits, udiff.Edit{Start: fx.Start, End: fx.End, New: fx.Replacement})
			file.Fixed = append(file.Fixed, i)
			end = fx.End
		}
		if len(edits) == 0 {
			continue
		}
		file.New, err = udiff.ApplyBytes(src, edits)
		if err != nil {
			errs = multierror.Append(errs, fmt.Errorf("fix %s: %w", name, err))
			continue
		}
		if bytes.Equal(file.New, file.Old) {
			continue
		}
		out = append(out, file)
	}
	return out, errs.ErrorOrNil()
}

// span is the byte range a fix replaces: its own, or for a line insertion
// the start of that line (the end of the file for the line after the last);
// -1, -1 for a line the file does not have.
func span(src []byte, fx *lint.Fix) [2]int {
	if fx.Line <= 0 {
		return [2]int{fx.Start, fx.End}
	}
	off := 0
	for l := 1; l < fx.Line; l++ {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return [2]int{-1, -1}
		}
		off += i + 1
	}
	return [2]int{off, off}
}

// Diff is the file's change as a unified diff with a/ and b/ labels, as
// git and patch -p1 read it.
func (f *File) Diff() string {
	return udiff.Unified("a/"+f.Path, "b/"+f.Path, string(f.Old), string(f.New))
}

// Write replaces the file atomically with its new content, keeping its mode.
// It refuses when the file changed since Plan read it.
func (f *File) Write() error {
	now, err := os.ReadFile(f.Abs)
	if err != nil {
		return fmt.Errorf("fix %s: %w", f.Path, err)
	}
	if !bytes.Equal(now, f.Old) {
		return fmt.Errorf("fix %s: the file changed while it was being linted; run again", f.Path)
	}
	if err := atomicfile.Write(f.Abs, func(w io.Writer) error {
		_, err := w.Write(f.New)
		return err
	}); err != nil {
		return fmt.Errorf("fix: %w", err)
	}
	return nil
}
