package slug

import "testing"

// nuxt-modules/mdc test/markdown/heading-id.test.ts, one document. The
// third heading's text is " Foo": the <a> before it has no text.
func TestMDCUpstream(t *testing.T) {
	runSteps(t, "heading-id", mustNew(t, StyleMDC), func(s string) string { return PrepareText(StyleMDC, s) }, []step{
		{text: "Hello", want: "hello"},
		{text: "Hello World", want: "hello-world"},
		{text: " Foo", want: "foo"},
		{text: "C. Great", want: "c-great"},
		{text: "1. Introduction", want: "_1-introduction"},
		{text: "ending space", want: "ending-space"},
		{text: "Slash - in - Title", want: "slash-in-title"},
		{text: "-Starting dash", want: "starting-dash"},
		{text: "Ending dash-", want: "ending-dash"},
		{text: "-Dash-", want: "dash"},
	})
}

func TestMDC(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"step-2---configure", "step-2-configure"},
		{"1-introduction", "_1-introduction"},
		{"--", ""},
		{"-", ""},
		{"a--b--", "a-b"},
		{"9", "_9"},
		{"_9", "_9"},
		{"", ""},
	} {
		if got := MDC(tt.in); got != tt.want {
			t.Errorf("MDC(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// The brief's facts, and explicit ids cleaned up but not registered.
	runSteps(t, "mdc", mustNew(t, StyleMDC), func(s string) string { return s }, []step{
		{text: "Step 2 - Configure", want: "step-2-configure"},
		{explicit: "1. Introduction", want: "_1. Introduction"},
		{explicit: "--my--id-", want: "my-id"},
		{text: "Foo", want: "foo"},
		{explicit: "foo", want: "foo"},
		{text: "Foo", want: "foo-1"},
		// github-slugger counts before the clean-up: both become "foo".
		{text: "-Foo", want: "foo"},
	})
}
