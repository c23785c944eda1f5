package lint

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
)

// AllowEnvVar names the environment variable that lists, comma-separated,
// the variables links.headers may expand. It and --allow-env live outside
// the repository (the CI workflow), so a pull request's .contentlint.yml
// cannot send ${GITHUB_TOKEN} or any other secret to a host it picks.
const AllowEnvVar = "CONTENTLINT_ALLOW_ENV"

// AllowedEnv merges the names in CONTENTLINT_ALLOW_ENV (read with getenv)
// with those given by flags.
func AllowedEnv(getenv func(string) string, flags []string) map[string]bool {
	allowed := map[string]bool{}
	for _, n := range append(strings.Split(getenv(AllowEnvVar), ","), flags...) {
		if n = strings.TrimSpace(n); n != "" {
			allowed[n] = true
		}
	}
	return allowed
}

// CheckHeaderEnv reports the first header value, in sorted order, that
// expands a variable not in allowed, as a configuration error that says how
// to allow it.
func (c *Config) CheckHeaderEnv(allowed map[string]bool) error {
	for _, host := range slices.Sorted(maps.Keys(c.Links.Headers)) {
		hs := c.Links.Headers[host]
		for _, name := range slices.Sorted(maps.Keys(hs)) {
			for _, v := range envRefs(hs[name]) {
				if !allowed[v] {
					return c.errorAt(fmt.Errorf("links.headers: %s: %s expands ${%s}, which is not allowed: "+
						"a repository's configuration may not read the environment; allow it where the run is set up, "+
						"with %s=%s or --allow-env %s", host, name, v, AllowEnvVar, v, v), "links", "headers", host, name)
				}
			}
		}
	}
	return nil
}

// envRefs lists the variables os.Expand would read in s, sorted.
func envRefs(s string) []string {
	seen := map[string]bool{}
	os.Expand(s, func(k string) string {
		seen[k] = true
		return ""
	})
	return slices.Sorted(maps.Keys(seen))
}

// AllowedGetenv reads only allowed variables: the rest read as unset, so
// nothing else can leak even past CheckHeaderEnv.
func AllowedGetenv(allowed map[string]bool) func(string) string {
	return func(k string) string {
		if allowed[k] {
			return os.Getenv(k)
		}
		return ""
	}
}
