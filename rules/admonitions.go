package rules

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/contentlint/contentlint/lint"
)

// AdmonitionUnclosed reports admonitions and block components that have no
// closing fence and so run to the end of their container.
var AdmonitionUnclosed = &lint.Rule{
	ID:       "admonition-unclosed",
	Doc:      "an admonition or block component has no closing fence and swallows the content after it",
	Severity: lint.Error,
	Help: "A container with no closing fence runs to the end of the file (or of the list item, block quote " +
		"or enclosing block it sits in): everything after it renders inside the box. Neither Docusaurus nor " +
		"Nuxt Content reports this. The finding starts at the opener and ends at the last line it swallows.\n\n" +
		"Bad:\n\n```md\n:::tip\n\nUse the cache.\n\n## Next section\n```\n\n" +
		"Good:\n\n```md\n:::tip\n\nUse the cache.\n\n:::\n\n## Next section\n```\n\n" +
		"Docusaurus closes with a line of at least as many colons as the opener; MDC (`::card` … `::`) with " +
		"exactly as many.",
	Check: func(p *lint.Pass) {
		li := p.Post.Lines
		for _, d := range p.Post.Blocks {
			if d.Shape != lint.DirectiveContainer || d.Closed || hasProblem(d, lint.ProblemNesting) {
				continue
			}
			closer := "a line `" + d.Closer() + "`"
			if d.Dialect != lint.DialectMDC && d.Colons > 3 {
				closer = fmt.Sprintf("a line of at least %d colons (`%s`)", d.Colons, d.Closer())
			}
			end := li.Pos(d.LastStop)
			p.Report(lint.Diagnostic{
				Range: lint.Range{Start: li.Pos(d.FenceStart), End: end},
				Message: fmt.Sprintf("`%s` is never closed, so it swallows everything up to line %d (%s); close it with %s",
					d.Fence(), end.Line, containerEnd(d), closer),
				Properties: map[string]string{"closer": d.Closer()},
			})
		}
	},
}

// containerEnd names what an unclosed block runs to.
func containerEnd(d *lint.DirectiveBlock) string {
	for p := d.Parent(); p != nil; p = p.Parent() {
		switch e := p.(type) {
		case *lint.DirectiveBlock:
			return "the end of `" + e.Fence() + "`"
		case *ast.Blockquote:
			return "the end of its block quote"
		case *ast.ListItem:
			return "the end of its list item"
		}
	}
	return "the end of the file"
}

func hasProblem(d *lint.DirectiveBlock, kind string) bool {
	for _, pr := range d.Problems {
		if pr.Kind == kind {
			return true
		}
	}
	return false
}

// AdmonitionUnknown reports admonition keywords and component names that are
// not allowed, with the closest allowed name.
var AdmonitionUnknown = &lint.Rule{
	ID:       "admonition-unknown",
	Doc:      "an admonition keyword or block component name is not one the site knows",
	Severity: lint.Warning,
	Help: "Docusaurus renders `:::tipp` as an unhandled directive instead of an admonition, and Nuxt " +
		"Content renders an unknown `::component` as an empty element: a typo silently loses the box. " +
		"Allowed names are Docusaurus's keywords (plus `keywords` from `docusaurus.config.js` and " +
		"`admonitions.types`), or the `.vue` files in `components/content/` for MDC. It is a warning " +
		"because plugins and Nuxt modules can register names contentlint cannot see; add those to " +
		"`admonitions.types`.\n\n" +
		"Bad:\n\n```md\n:::tipp\n\nUse the cache.\n\n:::\n```\n\n" +
		"Good:\n\n```md\n:::tip\n\nUse the cache.\n\n:::\n```",
	Check: func(p *lint.Pass) {
		li := p.Post.Lines
		for _, d := range p.Post.Blocks {
			if d.Shape != lint.DirectiveContainer || d.Name == "" {
				continue
			}
			allowed, checked := p.Site.AdmonitionNames(d.Dialect)
			if !checked {
				continue
			}
			name, what := d.Name, "admonition type"
			if d.Dialect == lint.DialectMDC {
				name, what = lint.KebabCase(d.Name), "component"
			}
			if contains(allowed, name) {
				continue
			}
			diag := lint.Diagnostic{Range: li.Range(d.NameStart, d.NameStop)}
			if best := closestName(name, allowed); best != "" {
				diag.Message = fmt.Sprintf("unknown %s `%s`; did you mean `%s`?", what, d.Name, best)
				diag.Properties = map[string]string{"suggestion": best}
				diag.Fix = &lint.Fix{Message: "replace with `" + best + "`", Start: d.NameStart, End: d.NameStop, Replacement: best}
			} else {
				diag.Message = fmt.Sprintf("unknown %s `%s`; allowed: %s (set admonitions.types to add names)", what, d.Name, strings.Join(allowed, ", "))
			}
			p.Report(diag)
		}
	},
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// closestName returns the allowed name nearest to name by edit distance, or
// "" when none is near enough to be a plausible typo.
func closestName(name string, allowed []string) string {
	lower := strings.ToLower(name)
	for _, a := range allowed {
		if a == lower {
			return a
		}
	}
	return lint.Closest(lower, allowed, max(2, len([]rune(name))/3))
}

// AdmonitionSyntax reports fence lines that the site generator does not read
// as intended.
var AdmonitionSyntax = &lint.Rule{
	ID:       "admonition-syntax",
	Doc:      "an admonition or block component fence is malformed, stray or merged into a paragraph",
	Severity: lint.Error,
	Help: "Each of these renders as literal colons and text, or closes the wrong block:\n\n" +
		"- a closing fence that closes nothing (often the leftover of a mis-nested block);\n" +
		"- a space between the colons and the name (`::: note`), or no name at all (`::: {.class}`);\n" +
		"- a Prettier-mangled one-liner (`::: note Hello:::`);\n" +
		"- text after the `[label]` or `{attributes}`, or a `[label` or `{attributes` left open;\n" +
		"- a Docusaurus block nested in one with as many colons (the inner closer closes the parent; " +
		"MDC tracks nesting, so `::` there closes the child).\n\n" +
		"No blank line is needed between a paragraph and an opener, or after a closer: " +
		"remark-directive and remark-mdc both read them.\n\n" +
		"Bad:\n\n```md\n:::note\n:::tip\n\nNested.\n\n:::\n:::\n```\n\n" +
		"Good:\n\n```md\n::::note\n\n:::tip\n\nNested.\n\n:::\n\n::::\n```",
	Check: func(p *lint.Pass) {
		li := p.Post.Lines
		for _, d := range p.Post.Blocks {
			for _, pr := range d.Problems {
				p.Report(lint.Diagnostic{Range: li.Range(pr.Start, pr.Stop), Message: pr.Message, Properties: map[string]string{"problem": pr.Kind}})
			}
		}
	},
}
