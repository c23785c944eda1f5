package lint

import "testing"

// The cases follow github-slugger's own fixtures (test/fixtures.json), run in
// order through one slugger, so the duplicate counting is checked too.
func TestGitHubSlugger(t *testing.T) {
	sl := NewSlugger("github")
	tests := []struct{ in, want string }{
		{"alpha", "alpha"},
		{"alpha", "alpha-1"},
		{"bravoCharlieDelta", "bravocharliedelta"},
		{"__proto__", "__proto__"},
		{"__proto__", "__proto__-1"},
		{"echo", "echo"},
		{"echo", "echo-1"},
		{"echo 1", "echo-1-1"},
		{"echo-1", "echo-1-2"},
		{"echo", "echo-2"},
		{"foxtrot-1", "foxtrot-1"},
		{"foxtrot", "foxtrot"},
		{"foxtrot", "foxtrot-2"},
		{"heading with a - dash", "heading-with-a---dash"},
		{"heading with an _ underscore", "heading-with-an-_-underscore"},
		{"heading with a period.txt", "heading-with-a-periodtxt"},
		{"exchange.bind_headers(exchange, routing [, bindCallback])", "exchangebind_headersexchange-routing--bindcallback"},
		{" a ", "-a-"},
		{"apostrophe’s should be trimmed", "apostrophes-should-be-trimmed"},
		{"I ♥ unicode", "i--unicode"},
		{"en–dash", "endash"},
		{"😄 unicode emoji", "-unicode-emoji"},
		{"😄-😄 unicode emoji", "--unicode-emoji"},
		{"😄_😄 unicode emoji", "_-unicode-emoji"},
		{":smile: - a gemoji", "smile---a-gemoji"},
		{"Привет non-latin 你好", "привет-non-latin-你好"},
		{"Community plugins 🔌", "community-plugins-"},
		{"`customFields`", "customfields"},
		{"What's new in 2.0?", "whats-new-in-20"},
		{"Ⅻ roman", "ⅻ-roman"},               // letter numbers stay
		{"a$ ¢ b", "a--b"},                   // currency symbols go
		{"x²", "x"},                          // other numbers go
		{"tab\there", "tabhere"},             // only the space becomes a hyphen
		{"non\u00a0breaking", "nonbreaking"}, // other separators go
	}
	for _, tt := range tests {
		if got := sl.Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHugoSlugger(t *testing.T) {
	sl := NewSlugger("hugo")
	tests := []struct{ in, want string }{
		{"Hello World", "hello-world"},
		{"Hello World", "hello-world-1"},
		{"Hello World", "hello-world-2"},
		{"hello-world-1", "hello-world-1-1"},
		{"  Trimmed  ", "trimmed"},
		{"C++ & Go!", "c--go"},
		{"snake_case", "snake_case"},
		{"Ünïcödé", "ünïcödé"},
		{"😄 emoji", "-emoji"},
		{"!!!", "heading"},
		{"???", "heading-1"},
	}
	for _, tt := range tests {
		if got := sl.Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// An explicit id is registered only where the generator registers it:
// Hugo's id factory does, github-slugger based generators (Docusaurus,
// rehype-slug) do not. The old slugger reserved it for every style.
func TestSluggerReserve(t *testing.T) {
	for _, tt := range []struct{ style, want string }{
		{"github", "intro"},
		{"docusaurus", "intro"},
		{"hugo", "intro-1"},
	} {
		sl := NewSlugger(tt.style)
		sl.Reserve("intro")
		if got := sl.Slug("Intro"); got != tt.want {
			t.Errorf("%s: Slug after Reserve = %q, want %q", tt.style, got, tt.want)
		}
	}
}

// The text preparation happens in Slug: entities decoded (named only for
// Hugo), Hugo's and kramdown's typographer; mdc cleans explicit ids up.
func TestSluggerPreparesText(t *testing.T) {
	for _, tt := range []struct{ style, in, want string }{
		{"github", "Q&amp;A", "qa"},
		{"hugo", "a -- b", "a--b"},
		{"hugo", "&#169; x", "169-x"},
		{"kramdown-gfm", "a -- b", "a--b"},
		{"mdc", "1. Introduction", "_1-introduction"},
		{"no-such-style", "Q&amp;A", "qa"},
	} {
		if got := NewSlugger(tt.style).Slug(tt.in); got != tt.want {
			t.Errorf("%s: Slug(%q) = %q, want %q", tt.style, tt.in, got, tt.want)
		}
	}
	if got := NewSlugger("mdc").Explicit("-My--id"); got != "My-id" {
		t.Errorf("mdc Explicit = %q, want My-id", got)
	}
}
