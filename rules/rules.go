// Package rules holds contentlint's rules, one file per family. All lists
// them explicitly: adding a rule is one file, one testdata folder and one line
// here.
package rules

import "github.com/contentlint/contentlint/lint"

// All returns every rule, in the order they run.
func All() []*lint.Rule {
	return []*lint.Rule{
		FileEncoding,
		DirectiveUnknown,
		AdmonitionUnclosed,
		AdmonitionUnknown,
		AdmonitionSyntax,
		FrontmatterSyntax,
		FrontmatterRequired,
		FrontmatterType,
		AlternateBroken,
		AlternateLanguage,
		AlternateReciprocal,
		CoverMissing,
		CoverInvalid,
		ImageMissing,
		LinkInternal,
		ShortcodeTarget,
		LinkDead, LinkRedirect, LinkFragment, LinkSkipped,
		URLRemoved,
		DirectiveUnused, // judges the suppression comments, after every other rule
	}
}
