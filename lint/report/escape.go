package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text output and stderr carry strings a pull request controls: file
// names, front matter values, percent-decoded URLs. On a terminal a control
// character can rewrite the screen, and in a GitHub Actions log a line that
// starts with "::" is run as a workflow command (::add-mask::,
// ::stop-commands::, ::error file=…). So every user-derived string is
// escaped, and no line of text output or stderr starts with "::"; only
// --format github writes workflow commands, with the runner's own escaping.

// EscapeText replaces control characters (C0 including tab and newline,
// DEL, C1), bidirectional overrides and isolates, line and paragraph
// separators, and invalid UTF-8 bytes by Go-style escapes (\n, \x1b, \u202e).
// Anything else, including other non-ASCII text, is kept.
func EscapeText(s string) string {
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if unsafeRune(r, w) {
			break
		}
		i += w
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if unsafeRune(r, w) {
			writeEscape(&b, r, w, s[i])
		} else {
			b.WriteString(s[i : i+w])
		}
		i += w
	}
	return b.String()
}

func unsafeRune(r rune, w int) bool {
	if r == utf8.RuneError && w == 1 {
		return true // an invalid byte
	}
	switch {
	case unicode.IsControl(r):
		return true
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x061C, r == 0x2028, r == 0x2029:
		return true
	}
	return false
}

func writeEscape(b *strings.Builder, r rune, w int, first byte) {
	if r == utf8.RuneError && w == 1 {
		fmt.Fprintf(b, `\x%02x`, first)
		return
	}
	switch r {
	case '\n':
		b.WriteString(`\n`)
	case '\r':
		b.WriteString(`\r`)
	case '\t':
		b.WriteString(`\t`)
	case '\a':
		b.WriteString(`\a`)
	case '\b':
		b.WriteString(`\b`)
	case '\f':
		b.WriteString(`\f`)
	case '\v':
		b.WriteString(`\v`)
	default:
		if r < utf8.RuneSelf {
			fmt.Fprintf(b, `\x%02x`, r)
		} else {
			fmt.Fprintf(b, `\u%04x`, r)
		}
	}
}

// defuse keeps a line from starting with "::" by putting a space first.
func defuse(line string) string {
	if strings.HasPrefix(line, "::") {
		return " " + line
	}
	return line
}

// SafeWriter is stderr as contentlint writes it: control characters other
// than newlines are escaped, and a line that would start with "::" starts
// with a space instead. It does not escape newlines, so a message must
// escape the user strings it embeds (EscapeText) for them to stay on one
// line.
type SafeWriter struct {
	w         io.Writer
	lineStart bool
}

// NewSafeWriter wraps w.
func NewSafeWriter(w io.Writer) *SafeWriter { return &SafeWriter{w: w, lineStart: true} }

func (s *SafeWriter) Write(p []byte) (int, error) {
	var b bytes.Buffer
	for _, line := range bytes.SplitAfter(p, []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		text, nl := strings.CutSuffix(string(line), "\n")
		// A tab is layout (flag help, tables), not a control to defuse.
		parts := strings.Split(text, "\t")
		for i, p := range parts {
			parts[i] = EscapeText(p)
		}
		text = strings.Join(parts, "\t")
		if s.lineStart {
			text = defuse(text)
		}
		b.WriteString(text)
		if nl {
			b.WriteByte('\n')
		}
		s.lineStart = nl
	}
	if _, err := s.w.Write(b.Bytes()); err != nil {
		return 0, err
	}
	return len(p), nil
}

// ValidUTF8 is the one rule for invalid UTF-8 in JSON and SARIF: each
// invalid byte becomes U+FFFD, as encoding/json writes it in any string.
// SARIF builds its artifact URIs from the same repaired path, so a URI
// percent-decodes to exactly the "file" of the JSON output.
func ValidUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+w])
		}
		i += w
	}
	return b.String()
}
