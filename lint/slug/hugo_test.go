package slug

import "testing"

// Hugo's markup/goldmark/autoid_test.go (TestSanitizeAnchorName, "generated
// manually on github.com", and its ASCII and Blackfriday variants).
func TestHugoSanitize(t *testing.T) {
	tests := []struct {
		fn       func(string) string
		name     string
		in, want string
	}{
		{HugoGitHub, "github", "God is good: 神真美好", "god-is-good-神真美好"},
		{HugoGitHub, "github", "Number 32", "number-32"},
		{HugoGitHub, "github", "Question?", "question"},
		{HugoGitHub, "github", "1+2=3", "123"},
		{HugoGitHub, "github", "Special !\"#$%&(parens)=?´* chars", "special-parens-chars"},
		{HugoGitHub, "github", "Resumé", "resumé"},
		{HugoGitHub, "github", "One-Hyphen", "one-hyphen"},
		{HugoGitHub, "github", "Multiple--Hyphens", "multiple--hyphens"},
		{HugoGitHub, "github", "Trailing hyphen-", "trailing-hyphen-"},
		{HugoGitHub, "github", "Many   spaces  here", "many---spaces--here"},
		{HugoGitHub, "github", "Forward/slash", "forwardslash"},
		{HugoGitHub, "github", "Backward\\slash", "backwardslash"},
		{HugoGitHub, "github", "Under_score", "under_score"},
		{HugoGitHub, "github", "Nonbreaking\u00a0Space", "nonbreakingspace"},
		{HugoGitHub, "github", "Tab\tSpace", "tabspace"},
		{HugoGitHub, "github", "Trailing Space ", "trailing-space"},
		{HugoGitHubASCII, "github-ascii", "god is神真美好 good", "god-is-good"},
		{HugoGitHubASCII, "github-ascii", "Resumé", "resume"},
		{HugoBlackfriday, "blackfriday", "Let's try this, shall we?", "let-s-try-this-shall-we"},
		// From Hugo's attributes_integration_test.go (github-ascii).
		{HugoGitHubASCII, "github-ascii", "Foo@Bar", "foobar"},
		{HugoGitHubASCII, "github-ascii", "Ā ā Ă ă Ą ą Ć ć Ĉ ĉ Ċ ċ Č č Ď", "a-a-a-a-a-a-c-c-c-c-c-c-c-c-d"},
		{HugoGitHubASCII, "github-ascii", "Example hyperlink in a header", "example-hyperlink-in-a-header"},
		{HugoGitHubASCII, "github-ascii", "良善天父", ""},
	}
	for _, tt := range tests {
		if got := tt.fn(tt.in); got != tt.want {
			t.Errorf("%s(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

// Hugo's idFactory: "heading" for an empty id, -1, -2 … for a taken one,
// explicit ids put in document order (attributes_integration_test.go: two
// headings with the same explicit id keep it, a later "My Title" steps on).
func TestHugoSlugger(t *testing.T) {
	type step struct{ text, explicit, want string }
	docs := map[string][]step{
		StyleHugo: {
			{text: "Hello World", want: "hello-world"},
			{text: "Hello World", want: "hello-world-1"},
			{text: "Hello World", want: "hello-world-2"},
			{text: "hello-world-1", want: "hello-world-1-1"},
			{text: "!!!", want: "heading"},
			{text: "???", want: "heading-1"},
			{text: "", want: "heading-2"},
		},
		StyleHugoASCII: {
			{explicit: "title-with-id", want: "title-with-id"},
			{explicit: "title-with-id", want: "title-with-id"},
			{text: "My Title", want: "my-title"},
			{text: "My Title", want: "my-title-1"},
			{text: "良善天父", want: "heading"},
		},
		StyleHugoBlackfriday: {
			{text: "Let's try", want: "let-s-try"},
			{text: "Let's try", want: "let-s-try-1"},
			// An explicit id registers: a later heading steps around it.
			{explicit: "foo", want: "foo"},
			{text: "Foo", want: "foo-1"},
		},
	}
	for style, steps := range docs {
		sl, err := New(style)
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range steps {
			var got string
			if st.explicit != "" {
				got = sl.Explicit(st.explicit)
			} else {
				got = sl.Slug(st.text)
			}
			if got != st.want {
				t.Errorf("%s: %+v gave %q", style, st, got)
			}
		}
	}
}
