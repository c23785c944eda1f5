package slug

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// HugoGitHub is Hugo's autoIDType "github" (the default): trim white space,
// turn " " and "-" into "-", keep letters, decimal digits and "_"
// lower-cased, drop the rest (a tab too). Case mapping is per rune.
func HugoGitHub(text string) string { return hugoSanitize(text, false) }

// HugoGitHubASCII is Hugo's autoIDType "github-ascii": accents are removed
// first (NFD, drop non-spacing marks, NFC), then every non-ASCII character
// is dropped.
func HugoGitHubASCII(text string) string { return hugoSanitize(text, true) }

func hugoSanitize(text string, asciiOnly bool) string {
	if asciiOnly {
		text, _, _ = transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), text)
	}
	var b strings.Builder
	for _, r := range strings.TrimSpace(text) {
		switch {
		case asciiOnly && r >= 0x80:
		case r == '-' || r == ' ':
			b.WriteByte('-')
		case r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// HugoBlackfriday is Hugo's autoIDType "blackfriday", Blackfriday v1's
// SanitizedAnchorName: runs of letters and numbers (any Unicode number)
// lower-cased and joined by one "-"; nothing leads or trails.
func HugoBlackfriday(text string) string {
	var b strings.Builder
	dash := false
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		} else {
			dash = true
		}
	}
	return b.String()
}

// hugoSlugger is Hugo's idFactory: an empty id becomes "heading", a taken
// one gets the first free -1, -2 …, and explicit ids are registered (Put)
// in document order, so a later generated id steps around them.
type hugoSlugger struct {
	sanitize func(string) string
	taken    map[string]bool
}

func newHugoSlugger(sanitize func(string) string) *hugoSlugger {
	return &hugoSlugger{sanitize: sanitize, taken: map[string]bool{}}
}

func (s *hugoSlugger) Slug(text string) string {
	base := s.sanitize(text)
	if base == "" {
		base = "heading"
	}
	id := base
	for i := 1; s.taken[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.taken[id] = true
	return id
}

func (s *hugoSlugger) Explicit(id string) string {
	s.taken[id] = true
	return id
}
