package slug

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/mozillazg/go-unidecode"
	"golang.org/x/text/cases"
	"golang.org/x/text/language"
)

// rubyDowncase is Ruby's String#downcase: full Unicode case mapping
// ("İ" gives "i̇") without the final-sigma rule JavaScript has.
func rubyDowncase(s string) string {
	return cases.Lower(language.Und, cases.HandleFinalSigma(false)).String(s)
}

// KramdownGFM is kramdown-parser-gfm's generate_gfm_header_id without the
// counter: down-case, drop everything but Ruby's \p{Word} (Alphabetic, marks,
// decimal digits, connector punctuation), "-", " " and tab, then turn each
// space and tab into "-". Other numbers (² ½ ①) go, Alphabetic symbols (Ⓐ)
// and letter numbers (Ⅻ) stay. The text is the heading as parsed: entities
// decoded and typographic symbols made (see KramdownTypographer).
func KramdownGFM(text string) string {
	var b strings.Builder
	for _, r := range rubyDowncase(text) {
		switch {
		case r == ' ' || r == '\t':
			b.WriteByte('-')
		case r == '-' || rubyWord(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

func rubyWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_Alphabetic, r) ||
		unicode.IsMark(r) || unicode.Is(unicode.Nd, r) || unicode.Is(unicode.Pc, r)
}

// gfmSlugger counts each base id and appends the count from the second one
// on, without looking whether the result is taken: "a", "a-1" (as text), "a"
// give a, a-1, a-1. An empty base is counted too: the first empty heading
// gets no id (""), the next "-1".
type gfmSlugger struct {
	count  map[string]int
	prefix string
}

func (s *gfmSlugger) Slug(text string) string {
	id := KramdownGFM(text)
	n, seen := s.count[id]
	if seen {
		n++
	}
	s.count[id] = n
	if n > 0 {
		id += "-" + strconv.Itoa(n)
	}
	return s.prefix + id
}

// Explicit returns id: kramdown leaves a given id alone and does not count it.
func (s *gfmSlugger) Explicit(id string) string { return id }

// Kramdown is kramdown's basic_generate_id: strip everything up to the
// first ASCII letter, keep only ASCII letters, digits, " " and "-", turn
// spaces into "-", down-case. kramdown's own parser gives it the heading's
// raw source (entities and markup as written); kramdown-parser-gfm with
// transliterated_header_ids gives it the parsed text.
func Kramdown(text string) string {
	i := strings.IndexFunc(text, isASCIILetter)
	if i < 0 {
		return ""
	}
	var b strings.Builder
	for _, r := range text[i:] {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || isASCIILetter(r) || r >= '0' && r <= '9':
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// stringexOverrides are the common code points where kramdown's
// transliteration data (the stringex gem) and Unidecode's differ in a
// character an id keeps (compared for U+0080–U+03FF and U+2000–U+20FF).
var stringexOverrides = map[rune]string{
	'\u2013': "--",  // en dash
	'\u2014': "---", // em dash
	'\u200b': "",    // zero width space
	'€':      "EU",
	'¼':      "1/4",
	'½':      "1/2",
	'¾':      "3/4",
}

// Transliterate is kramdown's Unidecoder.decode: each non-ASCII character
// becomes ASCII (Đây → Day, ß → ss, — → ---). kramdown reads the stringex
// gem's tables; this uses Unidecode's, which agree for Latin letters and
// common punctuation but not everywhere (some Greek and IPA letters). Note
// that kramdown transliterates nothing when stringex is not installed.
func Transliterate(text string) string {
	var b strings.Builder
	for _, r := range text {
		switch o, ok := stringexOverrides[r]; {
		case ok:
			b.WriteString(o)
		case r < 0x80:
			b.WriteRune(r)
		default:
			b.WriteString(unidecode.Unidecode(string(r)))
		}
	}
	return b.String()
}

// kramdownSlugger is kramdown's converter generate_id: an empty id becomes
// "section", and a repeat gets its base's next count, again without
// looking whether the result is taken.
type kramdownSlugger struct {
	seen          map[string]int
	prefix        string
	transliterate bool
}

func (s *kramdownSlugger) Slug(text string) string {
	if s.transliterate {
		text = Transliterate(text)
	}
	id := Kramdown(text)
	if id == "" {
		id = "section"
	}
	if n, ok := s.seen[id]; ok {
		s.seen[id] = n + 1
		id += "-" + strconv.Itoa(n+1)
	} else {
		s.seen[id] = 0
	}
	return s.prefix + id
}

func (s *kramdownSlugger) Explicit(id string) string { return id }
