package rules

import "github.com/contentlint/contentlint/lint"

// FileEncoding reports files whose bytes are not readable Markdown.
var FileEncoding = &lint.Rule{
	ID:       "file-encoding",
	Doc:      "the file is binary, not valid UTF-8, or too large to lint",
	Severity: lint.Error,
	Help: "Posts must be UTF-8 text. A binary file with a Markdown extension, or a post saved in another " +
		"encoding, renders as garbage or breaks the build.\n\n" +
		"Bad: a file saved as Latin-1, where `é` is the byte `0xE9`.\n\nGood: the same file saved as UTF-8.",
	Check: func(p *lint.Pass) {
		for _, pr := range p.Post.Problems {
			p.Reportf(pr.Range, "%s", pr.Message)
		}
	},
}

// DirectiveUnknown reports suppression comments that name no rule.
var DirectiveUnknown = &lint.Rule{
	ID:       "directive-unknown",
	Doc:      "a contentlint-disable/enable comment names an unknown rule",
	Severity: lint.Warning,
	Help: "A suppression comment that names a rule that does not exist suppresses nothing, usually " +
		"because of a typo.\n\nBad:\n\n```md\n<!-- contentlint-disable-next-line link-intenral -->\n```\n\n" +
		"Good:\n\n```md\n<!-- contentlint-disable-next-line link-internal -->\n```",
	Check: func(p *lint.Pass) {
		known := make(map[string]bool, len(p.Rules))
		for _, r := range p.Rules {
			known[r.ID] = true
		}
		for _, d := range p.Post.Directives {
			for i, name := range d.Rules {
				if !known[name] {
					p.Reportf(d.RuleRanges[i], "contentlint-%s names unknown rule %q", d.Kind, name)
				}
			}
		}
	},
}
