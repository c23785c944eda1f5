package lint

import (
	"fmt"
	"strings"
	"testing"
)

func parseForTest(t testing.TB, src string) *Post {
	t.Helper()
	p := NewParser(&Site{SlugStyle: "github"})
	return p.Parse("a.md", "/a.md", []byte(src))
}

func TestParseDirectives(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // "kind@L:C-L:C [rule@L:C-L:C ...]"
	}{
		{"none", "text\n", nil},
		{"disable all", "<!-- contentlint-disable -->\n", []string{"disable@1:1-1:29"}},
		{"one rule", "<!-- contentlint-disable-line a-b -->\n", []string{"disable-line@1:1-1:38 a-b@1:31-1:34"}},
		{"comma list", "x <!-- contentlint-disable-next-line a,b, c -->\n", []string{"disable-next-line@1:3-1:48 a@1:38-1:39 b@1:40-1:41 c@1:43-1:44"}},
		{"space list", "<!--contentlint-enable a b-->\n", []string{"enable@1:1-1:30 a@1:24-1:25 b@1:26-1:27"}},
		{"reason after --", "<!-- contentlint-disable-file a -- generated page -->\n", []string{"disable-file@1:1-1:54 a@1:31-1:32"}},
		{"multi-byte before", "Été <!-- contentlint-disable x -->\n", []string{"disable@1:5-1:35 x@1:30-1:31"}},
		{"mdx expression", "{/* contentlint-disable-next-line a */}\n", []string{"disable-next-line@1:1-1:40 a@1:35-1:36"}},
		{"multi-line comment", "<!--\n  contentlint-disable-next-line a\n-->\n", []string{"disable-next-line@1:1-3:4 a@2:33-2:34"}},
		{"in fenced code", "```md\n<!-- contentlint-disable -->\n```\n", nil},
		{"in tilde fence inside a list", "- item\n\n  ~~~\n  <!-- contentlint-disable -->\n  ~~~\n", nil},
		{"in indented code", "para\n\n    <!-- contentlint-disable -->\n", nil},
		{"in a code span", "Write `<!-- contentlint-disable -->` to silence.\n", nil},
		{"after a code block", "```\nx\n```\n<!-- contentlint-disable -->\n", []string{"disable@4:1-4:29"}},
		{"in front matter", "---\nx: <!-- contentlint-disable -->\n---\n", nil},
		{"crlf", "a\r\n<!-- contentlint-disable x -->\r\n", []string{"disable@2:1-2:31 x@2:26-2:27"}},
		{"bom", "\xEF\xBB\xBF<!-- contentlint-disable x -->\n", []string{"disable@1:1-1:31 x@1:26-1:27"}},
		{"unknown kind is not a directive", "<!-- contentlint-silence x -->\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, d := range parseForTest(t, tt.src).Directives {
				s := d.Kind + "@" + rng(d.Range)
				for i, r := range d.Rules {
					s += " " + r + "@" + rng(d.RuleRanges[i])
				}
				got = append(got, s)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

func TestSuppressed(t *testing.T) {
	src := strings.Join([]string{
		"line 1",
		"<!-- contentlint-disable a -->", // 2
		"line 3",                         // a off
		"<!-- contentlint-enable a -->",  // 4
		"line 5",                         // a on
		"<!-- contentlint-disable-next-line b -->", // 6
		"line 7", // b off
		"line 8 <!-- contentlint-disable-line c -->",
		"<!-- contentlint-disable -->", // 9: everything off
		"line 10",
		"<!-- contentlint-enable b, c -->", // 11: b and c back on, others stay off
		"line 12",
		"<!-- contentlint-enable -->", // 13
		"```",
		"<!-- contentlint-disable a -->", // 15: code, ignored
		"```",
		"line 17",
		"<!--",
		"contentlint-disable-next-line d",
		"-->",
		"line 21",
		"<!-- contentlint-disable-line e -->", // 22: the comment's own line
		"",
	}, "\n")
	s := NewSuppressor(parseForTest(t, src).Directives)
	off := map[string][]int{
		"a": {2, 3, 9, 10, 11, 12},
		"b": {7, 9, 10},
		"c": {8, 9, 10},
		"d": {9, 10, 11, 12, 21},
		"e": {9, 10, 11, 12, 22},
	}
	for rule, lines := range off {
		want := map[int]bool{}
		for _, l := range lines {
			want[l] = true
		}
		for line := 1; line <= 23; line++ {
			if got := s.Suppressed(rule, line); got != want[line] {
				t.Errorf("Suppressed(%s, line %d) = %v, want %v", rule, line, got, want[line])
			}
		}
	}
	if (*Suppressor)(nil).Suppressed("a", 1) {
		t.Error("a nil suppressor suppresses")
	}
}

func TestSuppressedFile(t *testing.T) {
	post := parseForTest(t, "text\n\n<!-- contentlint-disable-file a, b -->\n")
	s := NewSuppressor(post.Directives)
	for _, tc := range []struct {
		rule string
		line int
		want bool
	}{{"a", 1, true}, {"b", 99, true}, {"c", 1, false}} {
		if got := s.Suppressed(tc.rule, tc.line); got != tc.want {
			t.Errorf("Suppressed(%s, %d) = %v, want %v", tc.rule, tc.line, got, tc.want)
		}
	}
	all := NewSuppressor(parseForTest(t, "{/* contentlint-disable-file */}\n").Directives)
	if !all.Suppressed("anything", 5) {
		t.Error("a bare disable-file must silence every rule")
	}
}

// FuzzDirectives: no panic, and every directive and rule name lies inside
// the file.
func FuzzDirectives(f *testing.F) {
	for _, s := range []string{
		"<!-- contentlint-disable a,b -->\n",
		"{/* contentlint-disable-next-line x y -- why */}\n",
		"<!--\ncontentlint-enable\n-->",
		"```\n<!-- contentlint-disable -->\n```\n",
		"`<!-- contentlint-disable-line -->`",
		"---\ntitle: x\n---\n<!-- contentlint-disable-file -->",
		"\xEF\xBB\xBF<!-- contentlint-disable é -->\r\n",
	} {
		f.Add(s)
	}
	p := NewParser(&Site{SlugStyle: "github"})
	f.Fuzz(func(t *testing.T, src string) {
		post := p.Parse("a.md", "/a.md", []byte(src))
		s := NewSuppressor(post.Directives)
		lines := post.Lines.Lines()
		in := func(r Range) error {
			for _, q := range []Position{r.Start, r.End} {
				if q.Line < 1 || q.Line > lines+1 || q.Col < 1 {
					return fmt.Errorf("position %v outside %d lines", q, lines)
				}
			}
			if r.End.Before(r.Start) {
				return fmt.Errorf("range %v ends before it starts", r)
			}
			return nil
		}
		for _, d := range post.Directives {
			if err := in(d.Range); err != nil {
				t.Fatalf("directive %+v: %v", d, err)
			}
			if len(d.Rules) != len(d.RuleRanges) {
				t.Fatalf("directive %+v: %d rules, %d ranges", d, len(d.Rules), len(d.RuleRanges))
			}
			for _, r := range d.RuleRanges {
				if err := in(r); err != nil {
					t.Fatalf("rule in %+v: %v", d, err)
				}
			}
			s.Suppressed("x", d.Line)
		}
	})
}
