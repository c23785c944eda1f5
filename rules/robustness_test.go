package rules

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/contentlint/contentlint/lint"
)

// ofRules keeps the findings of the rules these tests are about, so that
// rules added later do not change them.
func ofRules(fs []lint.Finding, ids ...string) []lint.Finding {
	var out []lint.Finding
	for _, f := range fs {
		for _, id := range ids {
			if f.RuleID == id {
				out = append(out, f)
			}
		}
	}
	return out
}

// TestBadInput runs each bad file through the real engine beside a healthy
// post: the bad one gets a finding or an error naming it (and the line), there
// is no panic, and the other post is still linted.
func TestBadInput(t *testing.T) {
	const other = "other.md:1:1-1:4 frontmatter-required" // the healthy post lacks a title
	big := func() string {
		var b strings.Builder
		b.WriteString("---\ntitle: big\ndate: later\n---\n")
		line := strings.Repeat("All work and no play makes Jack a dull boy. ", 2) + "\n\n"
		for b.Len() < 10<<20 {
			b.WriteString(line)
		}
		b.WriteString("<!-- contentlint-disable nope -->\n")
		return b.String()
	}()
	bigLines := strings.Count(big, "\n")
	tests := []struct {
		name  string
		files map[string]string
		setup func(t *testing.T, root string)
		want  []string
		err   string // substring of Result.Err, "" for none
	}{
		{name: "binary", files: map[string]string{"bin.md": "---\ntitle: x\n---\nab\x00cd\n"},
			want: []string{"bin.md:4:3-4:3 file-encoding"}},
		{name: "invalid UTF-8", files: map[string]string{"latin1.md": "---\ntitle: x\n---\ncaf\xe9\n"},
			want: []string{"latin1.md:4:4-4:5 file-encoding"}},
		{name: "BOM", files: map[string]string{"bom.md": "\xEF\xBB\xBF---\ntitle: x\ndate: bad\n---\n"},
			want: []string{"bom.md:3:7-3:10 frontmatter-type"}},
		{name: "BOM, finding on line 1", files: map[string]string{"bom.md": "\xEF\xBB\xBF<!-- contentlint-disable nope -->\n"},
			want: []string{"bom.md:1:1-1:1 frontmatter-syntax", "bom.md:1:26-1:30 directive-unknown"}},
		{name: "CRLF", files: map[string]string{"crlf.md": "---\r\ntitle: x\r\ndate: bad\r\n---\r\n\r\n<!-- contentlint-disable nope -->\r\n"},
			want: []string{"crlf.md:3:7-3:10 frontmatter-type", "crlf.md:6:26-6:30 directive-unknown"}},
		{name: "empty file", files: map[string]string{"empty.md": ""},
			want: []string{"empty.md:1:1-1:1 frontmatter-syntax"}},
		{name: "front matter only", files: map[string]string{"fm.md": "---\ntitle: x\ndate: bad\n---"},
			want: []string{"fm.md:3:7-3:10 frontmatter-type"}},
		{name: "empty front matter only", files: map[string]string{"fm.md": "---\n---\n"},
			want: []string{"fm.md:1:1-1:4 frontmatter-required"}},
		{name: "unterminated block", files: map[string]string{"open.md": "---\ntitle: x\n\n# Heading\n"},
			want: []string{"open.md:1:1-1:4 frontmatter-syntax"}},
		{name: "YAML alias bomb", files: map[string]string{"bomb.md": "---\n" +
			"a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n" +
			"b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n" +
			"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n" +
			"f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n" +
			"h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n---\n"},
			want: []string{"bomb.md:2:1-2:62 frontmatter-syntax"}},
		{name: "10 MB file", files: map[string]string{"big.md": big},
			want: []string{"big.md:3:7-3:12 frontmatter-type", "big.md:" + strconv.Itoa(bigLines) + ":26-" + strconv.Itoa(bigLines) + ":30 directive-unknown"}},
		{name: "over the size limit", setup: func(t *testing.T, root string) {
			// A sparse file: the engine must not read it.
			f, err := os.Create(filepath.Join(root, "huge.md"))
			if err != nil {
				t.Fatal(err)
			}
			if err := f.Truncate(lint.MaxFileSize + 1); err != nil {
				t.Fatal(err)
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
		}, want: []string{"huge.md:1:1-1:1 file-encoding"}},
		{name: "symlink loop", setup: func(t *testing.T, root string) {
			if err := os.MkdirAll(filepath.Join(root, "sub"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink("..", filepath.Join(root, "sub", "up")); err != nil {
				t.Skipf("symlinks: %v", err)
			}
		}, err: filepath.Join("sub", "up") + ": symlink loop"},
		{name: "unreadable file", setup: func(t *testing.T, root string) {
			p := filepath.Join(root, "x.md")
			if os.Geteuid() == 0 {
				// chmod does not stop root: a dangling link is as unreadable.
				if err := os.Symlink("missing.md", p); err != nil {
					t.Skipf("symlinks: %v", err)
				}
				return
			}
			if err := os.WriteFile(p, []byte("---\ntitle: x\n---\n"), 0o000); err != nil {
				t.Fatal(err)
			}
		}, err: "x.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"other.md": "---\ndate: 2024-01-02\n---\n"}
			for k, v := range tt.files {
				files[k] = v
			}
			root := writeSite(t, files, "")
			if tt.setup != nil {
				tt.setup(t, root)
			}
			res := runSite(t, root)
			got := ofRules(res.Findings, "file-encoding", "frontmatter-syntax", "frontmatter-required", "frontmatter-type", "directive-unknown")
			checkFindings(t, got, append(append([]string{}, tt.want...), other))
			switch {
			case tt.err == "" && res.Err != nil:
				t.Errorf("unexpected error: %v", res.Err)
			case tt.err != "" && (res.Err == nil || !strings.HasPrefix(res.Err.Error(), tt.err)):
				// Named relative to the site, as findings are, not by absolute path.
				t.Errorf("error %v, want one starting with %q", res.Err, tt.err)
			}
			for _, f := range res.Findings {
				if f.Range.Start.Line < 1 || f.Range.Start.Col < 1 {
					t.Errorf("finding without a position: %+v", f)
				}
			}
		})
	}
}
