package oracle_test

import (
	"context"
	"testing"

	"github.com/contentlint/contentlint/lint/oracle"
)

// TestDocusaurus builds testdata/oracle/docusaurus (docs, blog and pages in
// an en and an fr locale) with Docusaurus 3.10.2 and compares its pages and
// heading ids with the model.
func TestDocusaurus(t *testing.T) {
	tc := oracle.FindNPMToolchain(t, "docusaurus")
	oracle.Check(t, oracle.Case{
		Fixture: "docusaurus",
		Tool:    contentlint,
		Spec: oracle.BuildSpec{
			Name:      "docusaurus",
			Toolchain: tc.Key,
			Output:    "build",
			Run: func(ctx context.Context, work string) error {
				return tc.Run(ctx, work, "@docusaurus/core/bin/docusaurus.mjs", "build", "--out-dir", "build")
			},
		},
		// <main> holds the article, the blog lists and the archive; the
		// navbar and footer are outside it.
		Scope: "main",
	})
}
