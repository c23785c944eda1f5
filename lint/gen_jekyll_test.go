package lint

import (
	"strings"
	"testing"
	"time"

	"github.com/contentlint/contentlint/lint/linttest"
)

// TestParseJekyllDate holds Ruby's own answers: each want is what
// `Time.parse(s).localtime` printed with TZ=UTC (Ruby 3.1, the one Debian's
// Jekyll 4.3.1 runs on), or "" where it raised ArgumentError, which stops a
// Jekyll build.
func TestParseJekyllDate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2024-01-02", "2024-01-02 00:00:00"},
		{"2024-01-02 10:11:12", "2024-01-02 10:11:12"},
		{"2024-01-02 10:11:12 +0200", "2024-01-02 08:11:12"},
		{"2024-01-02T10:11:12Z", "2024-01-02 10:11:12"},
		{"2024-01-02T10:11:12+02:00", "2024-01-02 08:11:12"},
		{"2024/01/02", "2024-01-02 00:00:00"},
		{"02.01.2024", "2024-01-02 00:00:00"},
		{"Jan 2, 2024", "2024-01-02 00:00:00"},
		{"2 January 2024", "2024-01-02 00:00:00"},
		{"January 2 2024", "2024-01-02 00:00:00"},
		{"2024-1-2", "2024-01-02 00:00:00"},
		{"2024-13-01", ""},
		{"2024-02-30", "2024-03-01 00:00:00"},
		{"yesterday", ""},
		{"not a date", ""},
		{"", ""},
		{"2024", ""},
		{"2024-01", ""},
		{"2024-01-02 25:00", ""},
		{"20240102", "2024-01-02 00:00:00"},
		{"Tue, 02 Jan 2024 10:00:00 +0000", "2024-01-02 10:00:00"},
		{"2024-01-02 10:11", "2024-01-02 10:11:00"},
		{"2024-01-02 10:11:12 PST", "2024-01-02 18:11:12"},
		{"2023-01-29 18:30:22 2023 -0800", "2023-01-29 18:30:22"},
		{"2024-01-02 foo", "2024-01-02 00:00:00"},
		{"on 2024-01-02", "2024-01-02 00:00:00"},
		{"2024-01-02 10:11:12.123 +02:00", "2024-01-02 08:11:12"},
		{"2024-01-02T10:00", "2024-01-02 10:00:00"},
		{"Monday, 2 January 2024", "2024-01-02 00:00:00"},
		{"2024-01-32", ""},
		{"2024-00-10", ""},
		{"2024-01-02 24:00:00", "2024-01-03 00:00:00"},
		{"2024-01-02 10:60", ""},
		{"2024-1-2 9:05", "2024-01-02 09:05:00"},
		{"01/02/2024", "2024-02-01 00:00:00"},
		{"2024.01.02", "2024-01-02 00:00:00"},
		{"tomorrow 2024-01-02", "2024-01-02 00:00:00"},
		{"Jan 2024", "2024-01-01 00:00:00"},
		{"2024-01-02 10:11:12 +02", "2024-01-02 08:11:12"},
		{"2024-01-02 10:11:12 -07:00", "2024-01-02 17:11:12"},
		{"2024-01-02 10:11:12 UTC", "2024-01-02 10:11:12"},
		{"2024-01-02 10:11:12 CEST", "2024-01-02 10:11:12"},
	} {
		got, ok := ParseJekyllDate(tc.in, time.UTC)
		s := ""
		if ok {
			s = got.Format("2006-01-02 15:04:05")
		}
		if s != tc.want {
			t.Errorf("ParseJekyllDate(%q) = %q, want %q", tc.in, s, tc.want)
		}
	}
}

// TestJekyllSlugify: the wants are Jekyll::Utils.slugify's answers.
func TestJekyllSlugify(t *testing.T) {
	for _, tc := range []struct {
		in, mode string
		cased    bool
		want     string
	}{
		{"Custom Slug", "pretty", true, "Custom-Slug"},
		{"Custom Slug", "default", false, "custom-slug"},
		{"  Hello, World!  ", "default", false, "hello-world"},
		{"Hello, World!", "pretty", true, "Hello,-World!"},
		{"a_b.c", "default", false, "a-b-c"},
		{"a_b.c", "pretty", false, "a_b.c"},
		{"Ünïcödé 日本", "default", false, "ünïcödé-日本"},
	} {
		if got := jekyllSlugify(tc.in, tc.mode, tc.cased); got != tc.want {
			t.Errorf("jekyllSlugify(%q, %s, %v) = %q, want %q", tc.in, tc.mode, tc.cased, got, tc.want)
		}
	}
}

// TestJekyllNotes: what the model cannot know is said once, in a note.
func TestJekyllNotes(t *testing.T) {
	root := t.TempDir()
	linttest.WriteTree(t, root, map[string]string{
		"_config.yml": "title: x\nsource: .tmp/src\nplugins: [jekyll-feed, jekyll-paginate-v2, jekyll-archives]\nkramdown:\n  auto_ids: false\ntimezone: Nowhere/Atlantis\n",
	})
	_, site, err := Setup([]string{root}, "")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"source .tmp/src in _config.yml does not exist (a build step makes it?); set content: in .contentlint.yml to lint the folder it is made from",
		"timezone Nowhere/Atlantis is unknown here: post dates are placed in UTC",
		"kramdown auto_ids, auto_id_prefix and transliterated_header_ids are not modelled: heading ids may differ from the built site's",
		"plugins jekyll-archives, jekyll-paginate-v2 may add pages or change links and ids; the model does not know them",
	}
	if strings.Join(site.Notes, "\n") != strings.Join(want, "\n") {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(site.Notes, "\n"), strings.Join(want, "\n"))
	}
	// Custom plugins, and a site whose config names nothing it cannot know.
	root = t.TempDir()
	linttest.WriteTree(t, root, map[string]string{"_config.yml": "title: x\nplugins: [jekyll-feed, jekyll-redirect-from]\n", "_plugins/x.rb": "# x\n"})
	if _, site, err = Setup([]string{root}, ""); err != nil {
		t.Fatal(err)
	}
	if want := "custom plugins in _plugins/ may add pages or change links and ids; the model does not know them"; strings.Join(site.Notes, "\n") != want {
		t.Errorf("notes %q, want %q", site.Notes, want)
	}
}
