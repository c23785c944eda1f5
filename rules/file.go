package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"

	"github.com/contentlint/contentlint/lint"
)

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

// DirectiveUnused reports disable comments that suppressed nothing and
// links.exclude patterns that matched no URL: leftovers that would hide a
// future problem, or never did what was meant.
var DirectiveUnused = &lint.Rule{
	ID:       "directive-unused",
	Doc:      "a contentlint-disable comment suppressed nothing, or a links.exclude pattern matched no URL (off by default)",
	Severity: lint.Info,
	Optional: true,
	Help: "Off by default; turn it on with `rules: {directive-unused: info}` (or `warning`, `error`).\n\n" +
		"A suppression comment whose rule reports nothing where it points is stale: the problem was fixed, " +
		"or the comment names the wrong rule or line. Left in place, it would hide the next real problem " +
		"there. Each rule named in a comment is judged on its own, and so is a `links.exclude` pattern " +
		"that matches no external URL of the site (judged only when the whole site is linted).\n\n" +
		"Bad:\n\n```md\n<!-- contentlint-disable-next-line link-internal -->\n[Install](/docs/install)\n```\n\n" +
		"where `/docs/install` exists.\n\nGood: the comment removed.",
	CheckDirectives: func(p *lint.DirectivePass) {
		for _, u := range p.Unused {
			what := "any finding"
			if u.Rule != "" {
				what = "any " + u.Rule + " finding"
			}
			p.Report(u.Abs, lint.Diagnostic{Range: u.Range,
				Message: fmt.Sprintf("contentlint-%s did not suppress %s; remove it", u.Kind, what)})
		}
	},
	CheckSite: func(p *lint.SitePass) {
		excl := p.Config.Links.Exclude
		if len(excl) == 0 || len(p.Targets) != len(p.Index.Entries) {
			return // a partial run cannot know which URLs the rest of the site has
		}
		var urls []string
		for _, o := range collectExternal(p) {
			urls = append(urls, o.url)
		}
		cfgFile := &lint.Entry{Abs: p.Config.File}
		for i, pat := range excl {
			re, err := regexp.Compile(pat)
			if err != nil {
				continue // reported when the configuration was read
			}
			if slices.ContainsFunc(urls, re.MatchString) {
				continue
			}
			rg, ok := p.Config.ValueRange("links", "exclude", strconv.Itoa(i))
			if !ok {
				continue // a preset's pattern has no line to point at
			}
			p.Report(cfgFile, lint.Diagnostic{Range: rg,
				Message: fmt.Sprintf("links.exclude pattern %q matches no external URL in the site; remove it", pat)})
		}
	},
}
