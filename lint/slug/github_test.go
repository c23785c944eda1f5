package slug

import "testing"

// All of github-slugger's fixtures, through one slugger in their order.
func TestGitHubFixtures(t *testing.T) {
	sl, err := New(StyleGitHub)
	if err != nil {
		t.Fatal(err)
	}
	if len(githubFixtures) != 78 {
		t.Fatalf("%d fixtures, want 78", len(githubFixtures))
	}
	for _, tt := range githubFixtures {
		if got := sl.Slug(tt.in); got != tt.want {
			t.Errorf("%s: Slug(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

// github-slugger's test/index.js: slug() is pure, the class counts.
func TestGitHubPureAndCounting(t *testing.T) {
	for range 2 {
		if got := GitHub("foo"); got != "foo" {
			t.Errorf("GitHub(foo) = %q, want foo every time", got)
		}
	}
	sl, _ := New(StyleGitHub)
	for _, tt := range []struct{ in, want string }{
		{"asd", "asd"}, {"asd", "asd-1"},
		// The repeat counter: a text that slugs to a taken id steps on.
		{"foo", "foo"}, {"foo-1", "foo-1"}, {"foo", "foo-2"}, {"foo 1", "foo-1-1"},
	} {
		if got := sl.Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// rehype-slug leaves a given id alone and does not count it.
func TestGitHubExplicitNotCounted(t *testing.T) {
	sl, _ := New(StyleGitHub)
	if got := sl.Explicit("Bar Baz"); got != "Bar Baz" {
		t.Errorf("Explicit = %q", got)
	}
	if got := sl.Slug("Bar Baz"); got != "bar-baz" {
		t.Errorf("Slug after Explicit = %q, want bar-baz", got)
	}
}

// Docusaurus mdx-loader's headings plugin tests (remark/headings), one
// document per case, and docusaurus-utils' parseMarkdownHeadingId tests.
func TestDocusaurusHeadings(t *testing.T) {
	docs := []struct {
		name     string
		headings []string
		want     []string
	}{
		{"patches ids", []string{"Normal", "Table of Contents", "Baz"}, []string{"normal", "table-of-contents", "baz"}},
		{"GitHub-style ids", []string{"I ♥ unicode", "Dash-dash", "en–dash", "em–dash", "😄 unicode emoji",
			"😄-😄 unicode emoji", "😄_😄 unicode emoji", "", "", "Initial spaces", "Final spaces",
			"Duplicate", "Duplicate", ":ok: No underscore", ":ok_hand: Single",
			":ok_hand::hatched_chick: Two in a row with no spaces", ":ok_hand: :hatched_chick: Two in a row"},
			[]string{"i--unicode", "dash-dash", "endash", "emdash", "-unicode-emoji", "--unicode-emoji",
				"_-unicode-emoji", "", "-1", "initial-spaces", "final-spaces", "duplicate", "duplicate-1",
				"ok-no-underscore", "ok_hand-single", "ok_handhatched_chick-two-in-a-row-with-no-spaces",
				"ok_hand-hatched_chick-two-in-a-row"}},
		{"custom ids", []string{"Heading One {#custom_h1}", "Heading Two {#custom-heading-two}",
			"With Bold {#custom-withbold}", "With Bold hello{#custom-withbold-hello}",
			"With Bold hello2 {#custom-withbold-hello2}", "Snake-cased ID {#this_is_custom_id}",
			"No custom ID", "{#id-only}", "{#text-after} custom ID"},
			[]string{"custom_h1", "custom-heading-two", "custom-withbold", "custom-withbold-hello",
				"custom-withbold-hello2", "this_is_custom_id", "no-custom-id", "id-only", "text-after-custom-id"}},
		// The brief's fact: an explicit id is not registered.
		{"explicit not registered", []string{"Foo", "Bar {#foo}", "Foo"}, []string{"foo", "foo", "foo-1"}},
		{"explicit with spaces", []string{"Bar {# my id }", "My id"}, []string{"my id", "my-id"}},
	}
	for _, d := range docs {
		sl, _ := New(StyleDocusaurus)
		for i, h := range d.headings {
			var got string
			if _, id, ok := DocusaurusHeadingID(h); ok {
				got = sl.Explicit(id)
			} else {
				got = sl.Slug(h)
			}
			if got != d.want[i] {
				t.Errorf("%s: heading %q = %q, want %q", d.name, h, got, d.want[i])
			}
		}
	}
}

func TestDocusaurusHeadingID(t *testing.T) {
	tests := []struct {
		in, text, id string
		ok           bool
	}{
		{"## Some heading", "## Some heading", "", false},
		{"## Some heading {#custom-_id}", "## Some heading", "custom-_id", true},
		{"## {#custom-_id} Some heading", "## {#custom-_id} Some heading", "", false},
		{"## Some heading {#id1} {#id2}", "## Some heading {#id1}", "id2", true},
		{"## Some heading [facebook](https://facebook.com) {#id}", "## Some heading [facebook](https://facebook.com)", "id", true},
		{"## {#id}", "##", "id", true},
		{"## a {#}", "## a {#}", "", false},
		{"## a {#你好}", "## a", "你好", true},
		{"## a {#2022.1.1}", "## a", "2022.1.1", true},
		{"## a {#a#b}", "## a", "a#b", true},
		{"## a {# a {#bcd}", "## a {# a", "bcd", true},
		{"## a {#bcd}}", "## a {#bcd}}", "", false},
		{"## a {#b{cd}", "## a", "b{cd", true},
		{"## a {#b{#b}", "## a {#b", "b", true},
		{"## Some heading {/* #my-id */}", "## Some heading {/* #my-id */}", "", false},
	}
	for _, tt := range tests {
		text, id, ok := DocusaurusHeadingID(tt.in)
		if text != tt.text || id != tt.id || ok != tt.ok {
			t.Errorf("DocusaurusHeadingID(%q) = %q, %q, %v, want %q, %q, %v", tt.in, text, id, ok, tt.text, tt.id, tt.ok)
		}
	}
}

// JavaScript's toLowerCase (Node 20 here): full case mapping with the
// final-sigma rule, which Go's strings.ToLower lacks.
func TestGitHubLowerCase(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"ΣΑΣ", "σας"},
		{"İx", "i̇x"},
		{"ǅ", "ǆ"},
	} {
		if got := GitHub(tt.in); got != tt.want {
			t.Errorf("GitHub(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNewUnknownStyle(t *testing.T) {
	if _, err := New("jekyll"); err == nil {
		t.Error("New(jekyll) gave no error")
	}
}
