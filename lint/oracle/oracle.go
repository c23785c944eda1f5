// Package oracle proves contentlint's generator models against the real
// generators: a fixture site under testdata/oracle/<name>/site is built by the
// generator, and the pages, redirect pages and element ids of its output are
// compared with what `contentlint routes --format json` prints for the same
// site. Differences fail unless testdata/oracle/<name>/allow.txt lists them
// with a reason.
//
// Toolchains and builds live outside the clone, under CacheDir. A test whose
// generator is absent skips, naming the install script; with
// CONTENTLINT_ORACLE=required (set by .ci/oracle.sh) it fails instead.
package oracle

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// InstallHint is how a missing generator is installed.
const InstallHint = "bash .ci/oracle-install.sh"

// CacheDir is where toolchains and cached builds live:
// $CONTENTLINT_ORACLE_CACHE, else $XDG_CACHE_HOME/contentlint-ci, else
// ~/.cache/contentlint-ci.
func CacheDir() string {
	if d := os.Getenv("CONTENTLINT_ORACLE_CACHE"); d != "" {
		return d
	}
	if d := os.Getenv("XDG_CACHE_HOME"); d != "" {
		return filepath.Join(d, "contentlint-ci")
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".cache", "contentlint-ci")
	}
	return filepath.Join(os.TempDir(), "contentlint-ci")
}

// Required reports whether a missing generator fails the test instead of
// skipping it (CONTENTLINT_ORACLE=required).
func Required() bool { return os.Getenv("CONTENTLINT_ORACLE") == "required" }

// Unavailable skips the test, or fails it when the oracle is required,
// saying what is missing and how to install it.
func Unavailable(t testing.TB, what string, err error) {
	t.Helper()
	msg := fmt.Sprintf("%s is not available (%v); install it with `%s`", what, err, InstallHint)
	if Required() {
		t.Fatal(msg + " (CONTENTLINT_ORACLE=required)")
	}
	t.Skip(msg)
}

// ModuleRoot is the folder of the go.mod above the working directory.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("working directory: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// FixtureDir is testdata/oracle/<name> in the module.
func FixtureDir(name string) (string, error) {
	root, err := ModuleRoot()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(root, "testdata", "oracle", name)
	if fi, err := os.Stat(filepath.Join(dir, "site")); err != nil || !fi.IsDir() {
		return "", fmt.Errorf("fixture %s: no site/ folder in %s", name, dir)
	}
	return dir, nil
}
