package oracle_test

import (
	"context"
	"testing"

	"github.com/contentlint/contentlint/lint/oracle"
)

// TestNuxtContent prerenders testdata/oracle/nuxt (collections with globs and
// prefixes, number prefixes, a routeRules redirect, MDC components) with Nuxt
// 3.17.7 and @nuxt/content 3.6.3 and compares its pages and ids with the
// model. The fixture's pages/all.vue lists every page of every collection,
// so the prerender crawler visits exactly the paths Nuxt Content gives them.
func TestNuxtContent(t *testing.T) {
	tc := oracle.FindNPMToolchain(t, "nuxt")
	oracle.Check(t, oracle.Case{
		Fixture: "nuxt",
		Tool:    contentlint,
		Spec: oracle.BuildSpec{
			Name:      "nuxt",
			Toolchain: tc.Key,
			Output:    ".output/public",
			Run: func(ctx context.Context, work string) error {
				return tc.Run(ctx, work, "@nuxt/cli/bin/nuxi.mjs", "generate")
			},
		},
		// pages/[...slug].vue renders the document inside <main>.
		Scope: "main",
	})
}
