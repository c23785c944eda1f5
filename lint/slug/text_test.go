package slug

import "testing"

func TestDecodeEntities(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Q&amp;A", "Q&A"},
		{"&lt;Tabs&gt;", "<Tabs>"},
		{"a&nbsp;b", "a\u00a0b"},
		{"soft&shy;hyphen", "soft\u00adhyphen"},
		{"&#169; 2024", "© 2024"},
		{"a&#x2014;b &#X2014;", "a—b —"},
		{"&amp;amp;", "&amp;"}, // one pass
		{"&#0;&#xD800;&#1114112;", "\ufffd\ufffd\ufffd"},
		{"&#12345678;", "&#12345678;"}, // 8 digits: not a reference
		{"&copy &nosuch; & &;", "&copy &nosuch; & &;"},
		{"&auml;&ouml;", "äö"},
		{"no references", "no references"},
	} {
		if got := DecodeEntities(tt.in); got != tt.want {
			t.Errorf("DecodeEntities(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDecodeNamedEntities(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Q&amp;A", "Q&A"},
		{"&lt;Tabs&gt;", "<Tabs>"},
		{"&#169; &#x2014;", "&#169; &#x2014;"},
		{"&ndash;&nosuch;", "–&nosuch;"},
	} {
		if got := DecodeNamedEntities(tt.in); got != tt.want {
			t.Errorf("DecodeNamedEntities(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// kramdown's test/testcases/span/text_substitutions/typography (its
// typographic symbols; its smart quotes are left out on purpose).
func TestKramdownTypographer(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"This is... something---this too--!", "This is… something—this too–!"},
		{"This <<is>> some text, << this >> too!", "This «is» some text, «\u00a0this\u00a0» too!"},
		{`\<<not\>>`, "<<not>>"},
		{"x----y", "x—-y"},
		{"a - b . c < d", "a - b . c < d"},
		{`"quotes" 'stay'`, `"quotes" 'stay'`},
	} {
		if got := KramdownTypographer(tt.in); got != tt.want {
			t.Errorf("KramdownTypographer(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// goldmark's typographer with Hugo's default substitutions.
func TestHugoTypographer(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"a -- b --- c ... d", "a – b — c … d"},
		{"<<x>>", "«x»"},
		{`"Hello" it's 'quoted'`, "“Hello” it’s ‘quoted’"},
		{"Rock 'n' roll in the '90s", "Rock ’n’ roll in the ’90s"},
		{"  x -- y  ", "  x – y  "},
		{"*a* -- [b](c) # 1.", "*a* – [b](c) # 1."}, // no other markup is read
		{"plain", "plain"},
	} {
		if got := HugoTypographer(tt.in); got != tt.want {
			t.Errorf("HugoTypographer(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// The preparation each style applies, then its slug.
func TestPrepareThenSlug(t *testing.T) {
	for _, tt := range []struct{ style, in, want string }{
		{StyleGitHub, "Q&amp;A", "qa"},
		{StyleGitHub, "&lt;Tabs&gt; usage", "tabs-usage"},
		{StyleGitHub, "soft&shy;hyphen", "softhyphen"}, // U+00AD is a format character
		{StyleGitHub, "a&nbsp;b", "ab"},
		{StyleGitHub, "&#169; 2024", "-2024"},
		{StyleGitHub, "a -- b", "a----b"}, // remark has no typographer
		{StyleDocusaurus, "Q&amp;A", "qa"},
		{StyleMDC, "&#x2014; 1 &amp; 2", "_1-2"},
		{StyleHugo, "a -- b", "a--b"},
		{StyleHugo, "a --- b ... c", "a--b--c"},
		{StyleHugo, "Q&amp;A", "qa"},
		{StyleHugo, "&#169; 2024", "169-2024"}, // Hugo resolves named entities only
		{StyleHugo, "It's \"quoted\"", "its-quoted"},
		{StyleKramdownGFM, "a -- b", "a--b"},
		{StyleKramdownGFM, "&#169; 2024", "-2024"},
		{StyleKramdown, "Q&amp;A", "qampa"},
	} {
		sl := mustNew(t, tt.style)
		if got := sl.Slug(PrepareText(tt.style, tt.in)); got != tt.want {
			t.Errorf("%s: %q gave %q, want %q", tt.style, tt.in, got, tt.want)
		}
	}
}

func BenchmarkPrepareTextHugo(b *testing.B) {
	for b.Loop() {
		_ = PrepareText(StyleHugo, `Install "it" -- the fast way`)
	}
}

func BenchmarkPrepareTextGitHub(b *testing.B) {
	for b.Loop() {
		_ = PrepareText(StyleGitHub, "Q&amp;A -- the fast way")
	}
}

// Skipping the typographer when there is no dash run, ellipsis or angle
// quote gives the same ids: the quotes it would make are dropped anyway.
func TestHugoQuotesDoNotChangeIDs(t *testing.T) {
	for _, in := range []string{`"Hello" it's 'quoted'`, "Rock 'n' roll in the '90s", `Alice's "x"`} {
		for _, fn := range []func(string) string{HugoGitHub, HugoGitHubASCII, HugoBlackfriday} {
			if a, b := fn(HugoTypographer(in)), fn(PrepareText(StyleHugo, in)); a != b {
				t.Errorf("%q: %q with the typographer, %q without", in, a, b)
			}
		}
	}
}
