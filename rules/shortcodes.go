package rules

import "github.com/contentlint/contentlint/lint"

// ShortcodeTarget reports shortcodes that name a page or file that does not
// exist, where the generator's model knows what they name.
var ShortcodeTarget = &lint.Rule{
	ID:       "shortcode-target",
	Doc:      "a shortcode names a page or file that does not exist (ref, relref, figure)",
	Severity: lint.Error,
	Help: "Shortcodes that name a page (Hugo's `ref` and `relref`) must name one the generator finds with its own " +
		"lookup: a path relative to the page, then from the content root, then a file name that one page alone " +
		"has. Hugo fails the build on one it cannot find. A `#fragment` must name an anchor of that page. The " +
		"`src` of `figure` must be a page resource, an asset or a static file. Commented-out calls " +
		"(`{{</* ref \"x\" */>}}`) are not checked.\n\n" +
		"Bad:\n\n```md\nSee [setup]({{< ref \"guides/setpu.md\" >}}) and {{< figure src=\"missing.png\" >}}.\n```\n\n" +
		"Good:\n\n```md\nSee [setup]({{< ref \"guides/setup.md\" >}}) and {{< figure src=\"diagram.png\" >}}.\n```",
	CheckSite: func(p *lint.SitePass) {
		for _, e := range p.Targets {
			if p.Ctx.Err() != nil {
				return
			}
			if len(e.Shortcodes) == 0 {
				continue
			}
			for _, d := range p.Site.CheckShortcodes(p.Index, e) {
				p.Report(e, d)
			}
		}
	},
}
