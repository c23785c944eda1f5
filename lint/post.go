package lint

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// LineIndex maps byte offsets to 1-based line and character columns. It is
// read-only once built, so rules may share it.
type LineIndex struct {
	src    []byte
	starts []int
	bom    bool
	// marks[k] is the first rune start at or after byte k*markStride, with
	// the number of runes before it; nil when src is all ASCII. Columns are
	// then counted from the nearest mark instead of the start of the line,
	// so a position costs O(1) however long its line is.
	marks []runeMark
}

type runeMark struct{ off, runes int32 }

const markStride = 256

// NewLineIndex indexes src once; lookups are a binary search over lines.
func NewLineIndex(src []byte) *LineIndex {
	starts := make([]int, 1, len(src)/40+1)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	ascii := isASCII(src)
	bom := len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF
	li := &LineIndex{src: src, starts: starts, bom: bom}
	switch {
	case ascii:
	case utf8.Valid(src):
		li.marks = validMarks(src)
	default:
		li.marks = make([]runeMark, 0, len(src)/markStride+1)
		// Decoding from the start of the file meets every line start in
		// step: a newline is never part of a multi-byte sequence. Invalid
		// bytes count one rune each, as utf8.RuneCount counts them.
		for off, n := 0, 0; ; n++ {
			for len(li.marks)*markStride <= off && len(li.marks)*markStride <= len(src) {
				li.marks = append(li.marks, runeMark{int32(off), int32(n)})
			}
			if off >= len(src) {
				break
			}
			_, w := utf8.DecodeRune(src[off:])
			off += w
		}
	}
	return li
}

// validMarks are the rune marks of valid UTF-8, where runes are the bytes
// that are not continuation bytes, counted eight at a time.
func validMarks(src []byte) []runeMark {
	marks := make([]runeMark, 0, len(src)/markStride+1)
	n, prev := 0, 0
	for k := 0; k*markStride <= len(src); k++ {
		off := k * markStride
		for off < len(src) && src[off]&0xC0 == 0x80 {
			off++ // to the start of the rune that straddles the stride
		}
		n += off - prev - continuations(src[prev:off])
		marks = append(marks, runeMark{int32(off), int32(n)}) //nolint:gosec // G115: a file is at most MaxFileSize (64 MiB)
		prev = off
	}
	return marks
}

// continuations counts the bytes 10xxxxxx in b.
func continuations(b []byte) int {
	n := 0
	for len(b) >= 8 {
		x := binary.LittleEndian.Uint64(b)
		n += bits.OnesCount64(x & ^(x << 1) & 0x8080808080808080)
		b = b[8:]
	}
	for _, c := range b {
		if c&0xC0 == 0x80 {
			n++
		}
	}
	return n
}

// isASCII reports whether b has no byte of 0x80 or more, eight bytes at a
// time.
func isASCII(b []byte) bool {
	for len(b) >= 8 {
		if binary.LittleEndian.Uint64(b)&0x8080808080808080 != 0 {
			return false
		}
		b = b[8:]
	}
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// runesBefore is utf8.RuneCount(src[:off]).
func (li *LineIndex) runesBefore(off int) int {
	if li.marks == nil {
		return off
	}
	k := off / markStride
	for k > 0 && int(li.marks[k].off) > off {
		k-- // off lies inside the rune that straddles the mark
	}
	m := li.marks[k]
	return int(m.runes) + utf8.RuneCount(li.src[m.off:off])
}

// Lines is the number of lines (a trailing newline does not open a new one).
func (li *LineIndex) Lines() int {
	n := len(li.starts)
	if n > 1 && li.starts[n-1] == len(li.src) {
		n--
	}
	return n
}

// Pos converts a byte offset to a position.
func (li *LineIndex) Pos(off int) Position {
	if off < 0 {
		off = 0
	}
	if off > len(li.src) {
		off = len(li.src)
	}
	line := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off }) - 1
	start := li.starts[line]
	var col int
	if li.marks != nil && off-start <= markStride {
		col = utf8.RuneCount(li.src[start:off]) + 1 // most columns: one short count
	} else {
		col = li.runesBefore(off) - li.runesBefore(start) + 1
	}
	if line == 0 && li.bom && off >= 3 {
		col-- // the BOM is invisible to editors
	}
	return Position{Line: line + 1, Col: col}
}

// Range converts a byte span to a range.
func (li *LineIndex) Range(start, end int) Range {
	return Range{Start: li.Pos(start), End: li.Pos(end)}
}

// LineStart is the byte offset of 1-based line n.
func (li *LineIndex) LineStart(n int) int {
	if n < 1 {
		return 0
	}
	if n > len(li.starts) {
		return len(li.src)
	}
	return li.starts[n-1]
}

// Line returns the bytes of 1-based line n without its line ending.
func (li *LineIndex) Line(n int) []byte {
	if n < 1 || n > len(li.starts) {
		return nil
	}
	s := li.starts[n-1]
	e := len(li.src)
	if n < len(li.starts) {
		e = li.starts[n] - 1
	}
	if e > s && li.src[e-1] == '\r' {
		e--
	}
	return li.src[s:e]
}

// Offset converts a position back to a byte offset.
func (li *LineIndex) Offset(p Position) int {
	s := li.LineStart(p.Line)
	line := li.Line(p.Line)
	col := p.Col
	if p.Line == 1 && li.bom {
		col++
	}
	off := 0
	for i := 1; i < col && off < len(line); i++ {
		_, w := utf8.DecodeRune(line[off:])
		off += w
	}
	return s + off
}

// LineRange is the range covering the whole of line n.
func (li *LineIndex) LineRange(n int) Range {
	s := li.LineStart(n)
	return li.Range(s, s+len(li.Line(n)))
}

// Post is one parsed file. The AST and Source live only while per-post rules
// run; what site rules need is copied into an Entry.
type Post struct {
	Path   string // relative to the site root, forward slashes
	Abs    string
	Source []byte
	// Body is Source with the front matter blanked, so goldmark offsets are
	// offsets into Source.
	Body        []byte
	Lines       *LineIndex
	FrontMatter *FrontMatter // nil when the file has none
	AST         ast.Node     // nil for binary files
	Problems    []FileProblem
	Directives  []Directive
	Blocks      []*DirectiveBlock // admonitions and components, in document order
	Refs        []Ref
	Headings    []Heading
	Anchors     []string
	Shortcodes  []Shortcode
}

// FileProblem is something wrong with the bytes of a file itself, found while
// reading (binary content, invalid UTF-8); a rule decides how to report it.
type FileProblem struct {
	Kind    string // "binary", "utf8", "size"
	Range   Range
	Message string
}

// Heading is a Markdown heading with its computed anchor.
type Heading struct {
	Level  int
	Text   string
	Anchor string
	Range  Range
}

// RefKind says where a reference came from.
type RefKind int

// Reference kinds.
const (
	RefLink RefKind = iota
	RefImage
	RefDefinition
	RefAutolink
	RefHTMLHref
	RefHTMLSrc
	RefComponent
	RefFrontMatter
)

func (k RefKind) String() string {
	return [...]string{"link", "image", "definition", "autolink", "html-href", "html-src", "component", "front-matter"}[k]
}

// Ref is a link or asset reference with its exact position.
type Ref struct {
	Kind  RefKind
	Dest  string
	Range Range
	Attr  string // attribute or front matter field the value came from
	// DestStart and DestEnd are the byte offsets of Dest as written in the
	// file, for fixes that rewrite it; both 0 when it is not written
	// verbatim (escapes, a reference) or not known.
	DestStart, DestEnd int
}

// DestSpan reports where Dest is written, when known.
func (r Ref) DestSpan() (start, end int, ok bool) {
	return r.DestStart, r.DestEnd, r.DestEnd > r.DestStart
}

// IsImage reports whether the reference loads an image.
func (r Ref) IsImage() bool {
	return r.Kind == RefImage || (r.Kind == RefHTMLSrc && strings.HasPrefix(r.Attr, "img ")) ||
		(r.Kind == RefComponent && r.Attr == "src")
}
