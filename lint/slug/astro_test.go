package slug

import "testing"

// Facts measured with Astro 5.9.4 (@astrojs/markdown-remark 6.3.11,
// createMarkdownProcessor with its defaults), one document.
func TestAstroMeasured(t *testing.T) {
	runSteps(t, "astro", mustNew(t, StyleAstro), func(s string) string { return PrepareText(StyleAstro, s) }, []step{
		{text: "Community plugins 🔌", want: "community-plugins"},
		{text: "a -- b", want: "a--b"},
		{text: "Q&amp;A", want: "qa"},
		{text: "Foo", want: "foo"},
		{text: "Foo", want: "foo-1"},
		{text: "x!", want: "x"},
		{text: "x", want: "x-1"},
		{text: "Hi --", want: "hi"},
		{text: "a --- b", want: "a-----b"},
		{text: "a---b", want: "a---b"},
		{text: "a----b", want: "a----b"},
		{text: "a--b", want: "ab"},
		{text: "a ... b", want: "a--b-1"},
		{text: "a . . . b", want: "a--b-2"},
		{text: "a.. b", want: "a-b"},
		{text: "``quoted''", want: "quoted"},
		{text: "a << b >>", want: "a--b"}, // counted as "a--b-", so Astro repeats "a--b"
		{text: `'90s "x" it's`, want: "90s-x-its"},
		{text: "y-", want: "y"},
		{text: "y--", want: "y"}, // counted as "y", not "y-": a repeat id
		{text: "-z-", want: "-z"},
	})
	runSteps(t, "headingIdCompat", mustNew(t, StyleAstro, HeadingIDCompat()), func(s string) string { return PrepareText(StyleAstro, s) }, []step{
		{text: "Community plugins 🔌", want: "community-plugins-"},
		{explicit: "kept as is", want: "kept as is"},
	})
}

func TestSmartypants(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"a -- b", "a — b"},
		{"a --- b ---- c", "a --- b ---- c"},
		{"x--", "x—"},
		{"wait...", "wait…"},
		{"wait....", "wait…"},
		{"a . . . b", "a … b"},
		{"a . . b", "a . . b"},
		{"a.. b", "a.. b"},
		{"v2.0.1", "v2.0.1"},
		{"plain", "plain"},
	} {
		if got := Smartypants(tt.in); got != tt.want {
			t.Errorf("Smartypants(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
