package slug

import "testing"

// step is one heading of a document: its text as the parser hands it to
// the id generator, or an explicit id; want is the id ("" for none).
type step struct {
	text, explicit string
	want           string
}

func runSteps(t *testing.T, name string, sl Slugger, prepare func(string) string, steps []step) {
	t.Helper()
	for i, st := range steps {
		var got string
		if st.explicit != "" {
			got = sl.Explicit(st.explicit)
		} else {
			got = sl.Slug(prepare(st.text))
		}
		if got != st.want {
			t.Errorf("%s: heading %d %+v gave %q, want %q", name, i+1, st, got, st.want)
		}
	}
}

func mustNew(t *testing.T, style string, opts ...Option) Slugger {
	t.Helper()
	sl, err := New(style, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return sl
}

func gfmText(s string) string { return PrepareText(StyleKramdownGFM, s) }

// header_ids.text of kramdown-parser-gfm shared by header_ids.html and
// header_ids_with_transliteration.html. A code span and $$math$$ reach the
// generator as their content, so they are written so here.
var gfmHeaderIDs = []string{
	"variable_name", "abc def öúß", "192 abc 192", ";.;;", "variable_name", "variable_name", ";;",
	"before \tafter tab", "with code", "with &nbsp;&auml;&nbsp;space", `With "smart" quotes`,
	"with --- << typographic >> ... symbols", "with m=5",
}

// kramdown-parser-gfm test/testcases/header_ids*.
func TestKramdownGFMUpstream(t *testing.T) {
	want := []string{"variable_name", "abc-def-öúß", "192-abc-192", "", "variable_name-1", "variable_name-2", "-1",
		"before--after-tab", "with-code", "with-äspace", "with-smart-quotes", "with--typographic--symbols", "with-m5"}
	steps := []step{{explicit: "myid", want: "myid"}}
	for i, h := range gfmHeaderIDs {
		steps = append(steps, step{text: h, want: want[i]})
	}
	runSteps(t, "header_ids", mustNew(t, StyleKramdownGFM), gfmText, steps)

	want = []string{"variablename", "abc-def-ouss", "abc-192", "section", "variablename-1", "variablename-2", "section-1",
		"before-after-tab", "with-code", "with--a-space", "with-smart-quotes", "with------typographic---symbols", "with-m5"}
	steps = []step{{explicit: "myid", want: "myid"}}
	for i, h := range gfmHeaderIDs {
		steps = append(steps, step{text: h, want: want[i]})
	}
	runSteps(t, "header_ids_with_transliteration", mustNew(t, StyleKramdownGFM, Transliterated()), gfmText, steps)

	runSteps(t, "header_ids_with_prefix", mustNew(t, StyleKramdownGFM, Prefix("hallo-")), gfmText, []step{
		{text: "Header 1", want: "hallo-header-1"}, {text: "123", want: "hallo-123"},
	})
}

// Facts measured with kramdown 2.4.0 and kramdown-parser-gfm 1.1.0 (Ruby
// 3.1) on `input: GFM, auto_ids: true`.
func TestKramdownGFMMeasured(t *testing.T) {
	runSteps(t, "gfm", mustNew(t, StyleKramdownGFM), gfmText, []step{
		{text: "a -- b", want: "a--b"}, // en dash dropped, not "a----b"
		{text: "a -- b", want: "a--b-1"},
		{text: "x² ½", want: "x-"}, // \p{Word} keeps no other numbers
		{text: "A &amp; B &#169; &copy;", want: "a--b--"},
		{text: "Q&amp;A", want: "qa"},
		{text: "a << b", want: "a-b"}, // "<< " gives « and a non-breaking space
		{text: "a<<b", want: "ab"},
		{text: "a >> b", want: "a-b-1"},
		{text: "x----y", want: "x-y"},
		{text: "a", want: "a"},
		{text: "a-1", want: "a-1"},
		{text: "a", want: "a-1"}, // counted, not checked for collisions
		{text: "ΣΑΣ İx", want: "σασ-i̇x"},
		{text: "Ⓐ Ⅻ ①", want: "ⓐ-ⅻ-"},
		{text: "&shy;x", want: "x"},
	})
}

// kramdown's test/testcases/block/04_header/with_auto_ids and
// with_auto_id_prefix, 11_ial/auto_id_and_ial: kramdown's own parser slugs
// the raw source text.
func TestKramdownUpstream(t *testing.T) {
	raw := func(s string) string { return PrepareText(StyleKramdown, s) }
	runSteps(t, "with_auto_ids", mustNew(t, StyleKramdown, Transliterated()), raw, []step{
		{text: "This is a header", want: "this-is-a-header"},
		{text: "12. Another one-1-here", want: "another-one-1-here"},
		{text: "Do ^& it now", want: "do--it-now"},
		{text: "Hallo", want: "hallo"},
		{text: "Not now", want: "not-now"},
		{text: "Hallo", want: "hallo-1"},
		{text: "23232", want: "section"},
		{text: "33333", want: "section-1"},
		{text: "hallO", want: "hallo-2"},
		{text: "Transliterated: Đây-là-ví-dụ", want: "transliterated-day-la-vi-du"},
	})
	runSteps(t, "with_auto_id_prefix", mustNew(t, StyleKramdown, Prefix("hallo_")), raw, []step{
		{text: "Header 1", want: "hallo_header-1"}, {text: "123", want: "hallo_section"},
	})
	runSteps(t, "auto_id_and_ial", mustNew(t, StyleKramdown), raw, []step{
		{explicit: "myid", want: "myid"}, {text: "A header", want: "a-header"},
	})
	// Measured with kramdown 2.4.0: raw source, entities and dashes as
	// written, and repeats counted without a collision check.
	runSteps(t, "measured", mustNew(t, StyleKramdown), raw, []step{
		{text: "1. a -- b", want: "a----b"},
		{text: "Hallo", want: "hallo"},
		{text: "Hallo-1", want: "hallo-1"},
		{text: "hallo", want: "hallo-1"},
		{text: "Über &amp; uns", want: "ber-amp-uns"},
	})
}

func TestTransliterate(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Đây-là-ví-dụ", "Day-la-vi-du"},
		{"öúß", "ouss"},
		{"—", "---"}, // stringex, not Unidecode's "--"
		{"–", "--"},
		{"« » …", "<< >> ..."},
		{"½", "1/2"},
		{"a\u00a0b", "a b"},
		{"plain ASCII", "plain ASCII"},
	} {
		if got := Transliterate(tt.in); got != tt.want {
			t.Errorf("Transliterate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
