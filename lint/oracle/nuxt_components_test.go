package oracle_test

import (
	"archive/tar"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/contentlint/contentlint/lint"
	"github.com/contentlint/contentlint/lint/oracle"
)

// packFiles lists the file names in an npm tarball (package/…), and returns
// the content of the one named want.
func packFiles(t *testing.T, file, want string) ([]string, string) {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		oracle.Unavailable(t, filepath.Base(file), err)
	}
	defer func() { _ = f.Close() }()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	tr := tar.NewReader(gz)
	var names []string
	var content string
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		name := strings.TrimPrefix(h.Name, "package/")
		names = append(names, name)
		if name == want {
			b, err := io.ReadAll(tr)
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			content = string(b)
		}
	}
	return names, content
}

// TestNuxtModuleComponents proves the component names contentlint ships for
// @nuxt/ui 4.11.2 and Docus 5.12.3 against the real packages (tarballs that
// .ci/oracle-install.sh fetches with npm pack): @nuxt/ui registers its prose
// components globally with the Prose prefix and no path prefix, and the rest
// with the U prefix; Docus registers no content component of its own and
// brings @nuxt/ui 4.
func TestNuxtModuleComponents(t *testing.T) {
	packs := filepath.Join(oracle.CacheDir(), "npm", "packs")
	files, module := packFiles(t, filepath.Join(packs, "nuxt-ui-4.11.2.tgz"), "dist/module.mjs")
	for _, want := range []string{`path: resolve("./runtime/components/prose"),`, `prefix: "Prose",`, `global: true`} {
		if !strings.Contains(module, want) {
			t.Errorf("@nuxt/ui module.mjs no longer has %s: the naming rule changed", want)
		}
	}
	var want []string
	for _, f := range files {
		rel, ok := strings.CutPrefix(f, "dist/runtime/components/")
		if !ok || path.Ext(rel) != ".vue" {
			continue
		}
		name := lint.KebabCase(strings.TrimSuffix(path.Base(rel), ".vue"))
		if strings.HasPrefix(rel, "prose/") {
			want = append(want, name, "prose-"+name)
		} else {
			want = append(want, "u-"+name)
		}
	}
	slices.Sort(want)
	for _, mod := range []string{"@nuxt/ui", "docus"} {
		got, ok := lint.NuxtModuleComponents(mod)
		if !ok {
			t.Fatalf("%s: not known", mod)
		}
		got = slices.Clone(got)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: shipped names differ from @nuxt/ui 4.11.2's components\nshipped: %v\npackage: %v", mod, got, want)
		}
	}
	files, pkg := packFiles(t, filepath.Join(packs, "docus-5.12.3.tgz"), "package.json")
	if !strings.Contains(pkg, `"@nuxt/ui": "^4.`) {
		t.Errorf("docus 5.12.3 does not depend on @nuxt/ui 4")
	}
	for _, f := range files {
		if strings.Contains(f, "components/content/") || strings.Contains(f, "components/global/") || strings.HasSuffix(f, ".global.vue") {
			t.Errorf("docus 5.12.3 ships a content component contentlint does not list: %s", f)
		}
	}
}
