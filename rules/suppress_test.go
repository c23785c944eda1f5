package rules

import "testing"

// TestSuppressionThroughEngine checks that directives silence findings of the
// real rules, on the lines they should and no others.
func TestSuppressionThroughEngine(t *testing.T) {
	const du = " directive-unknown"
	tests := []struct {
		name, src string
		want      []string
	}{
		{"next line", "---\ntitle: x\n---\n<!-- contentlint-disable-next-line directive-unknown -->\n<!-- contentlint-disable nope -->\n<!-- contentlint-disable nope2 -->\n",
			[]string{"a.md:6:26-6:31" + du}},
		{"same line", "---\ntitle: x\n---\n<!-- contentlint-disable nope --> <!-- contentlint-disable-line directive-unknown -->\n", nil},
		{"range", "---\ntitle: x\n---\n<!-- contentlint-disable directive-unknown -->\n\n<!-- contentlint-disable-line nope -->\n\n<!-- contentlint-enable directive-unknown -->\n\n<!-- contentlint-disable-line nope2 -->\n",
			[]string{"a.md:10:31-10:36" + du}},
		{"file-wide silences front matter findings too", "---\ndate: bad\n---\n\n<!-- contentlint-disable-file frontmatter-required, frontmatter-type -->\n", nil},
		{"file-wide for other rules only", "---\ndate: bad\n---\n\n<!-- contentlint-disable-file frontmatter-type -->\n",
			[]string{"a.md:1:1-1:4 frontmatter-required"}},
		{"mdx comment", "---\ntitle: x\n---\n{/* contentlint-disable-next-line directive-unknown */}\n<!-- contentlint-disable nope -->\n", nil},
		{"directive in fenced code does nothing", "---\ndate: bad\n---\n\n```md\n<!-- contentlint-disable-file -->\n```\n",
			[]string{"a.md:1:1-1:4 frontmatter-required", "a.md:2:7-2:10 frontmatter-type"}},
		{"unknown name in a list is reported, the known one still works", "---\ndate: bad\n---\n\n<!-- contentlint-disable-file frontmatter-type, frontmatter-typo -->\n",
			[]string{"a.md:1:1-1:4 frontmatter-required", "a.md:5:49-5:65" + du}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ofRules(lintFiles(t, map[string]string{"a.md": tt.src}, ""),
				"directive-unknown", "frontmatter-required", "frontmatter-type", "frontmatter-syntax")
			checkFindings(t, got, tt.want)
		})
	}
}
