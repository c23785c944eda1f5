package lint

import (
	"testing"
	"time"
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
