package rules

import (
	"strings"
	"testing"
)

func TestDirectiveUnknown(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"known rule", "---\ntitle: x\n---\n<!-- contentlint-disable file-encoding -->\n", nil},
		{"unknown rule", "---\ntitle: x\n---\n<!-- contentlint-disable file-encodng -->\n",
			[]string{"a.md:4:26-4:38 directive-unknown"}},
		{"second of a list", "---\ntitle: x\n---\n<!-- contentlint-disable-next-line file-encoding, nope -->\n",
			[]string{"a.md:4:51-4:55 directive-unknown"}},
		{"multi-byte text before", "---\ntitle: x\n---\nÉté <!-- contentlint-disable-line nope -->\n",
			[]string{"a.md:4:35-4:39 directive-unknown"}},
		{"in fenced code", "---\ntitle: x\n---\n```md\n<!-- contentlint-disable nope -->\n```\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := onlyRule(lintFiles(t, map[string]string{"a.md": tt.src}, ""), "directive-unknown")
			checkFindings(t, got, tt.want)
			for _, f := range got {
				if !strings.Contains(f.Message, "unknown rule") {
					t.Errorf("message %q does not say unknown rule", f.Message)
				}
			}
		})
	}
}
