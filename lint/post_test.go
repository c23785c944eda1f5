package lint

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// naivePos is the definition LineIndex.Pos must meet: the line is the number
// of newlines before off, the column the runes since the line's start.
func naivePos(src []byte, off int) Position {
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	col := utf8.RuneCount(src[start:off]) + 1
	if start == 0 && bytes.HasPrefix(src, bom) && off >= 3 {
		col--
	}
	return Position{Line: bytes.Count(src[:off], []byte("\n")) + 1, Col: col}
}

func TestLineIndexPos(t *testing.T) {
	long := strings.Repeat("[é](x) ", 300) // one line across many marks
	tests := []struct {
		name string
		src  string
	}{
		{"empty", ""},
		{"ascii", "ab\ncd\n"},
		{"bom crlf", "\xEF\xBB\xBFtitle: é\r\nx\r\n"},
		{"tabs and a lone cr", "\ta\r\tb\n\t\tc"},
		{"long line of multi-byte runes", long + "\n" + long},
		{"rune straddling a mark", strings.Repeat("a", markStride-1) + "€€€\n" + strings.Repeat("😀", 200)},
		{"invalid utf-8", strings.Repeat("a\xff\xc3", 200) + "\n\xe2\x82" + strings.Repeat("é", 300)},
		{"valid, ending on a mark", strings.Repeat("é", markStride)},
		{"four-byte runes across marks", "abc" + strings.Repeat("😀", 3*markStride/4)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			li := NewLineIndex(src)
			for off := 0; off <= len(src); off++ {
				if got, want := li.Pos(off), naivePos(src, off); got != want {
					t.Fatalf("Pos(%d) = %v, want %v", off, got, want)
				}
			}
		})
	}
}

// FuzzLineIndexPos: Pos meets its definition on any bytes.
func FuzzLineIndexPos(f *testing.F) {
	for _, s := range []string{"é\n😀x", "\xEF\xBB\xBFa\r\nb", strings.Repeat("€", 200) + "\xff"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		li := NewLineIndex(src)
		for off := 0; off <= len(src); off++ {
			if got, want := li.Pos(off), naivePos(src, off); got != want {
				t.Fatalf("Pos(%d) of %q = %v, want %v", off, src, got, want)
			}
		}
	})
}

// BenchmarkPosOneLongLine: 40,000 links on one line used to cost a rune count
// from the start of the line per position (quadratic: about 10 s).
func BenchmarkPosOneLongLine(b *testing.B) {
	src := []byte(strings.Repeat("[é](https://example.com/a) ", 40000))
	li := NewLineIndex(src)
	b.ResetTimer()
	for b.Loop() {
		for off := 0; off < len(src); off += 29 {
			li.Pos(off)
		}
	}
}
