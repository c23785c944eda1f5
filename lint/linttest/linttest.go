// Package linttest holds helpers for tests that lint real files.
package linttest

import (
	"os"
	"path/filepath"
	"testing"
)

// WriteTree writes files (slash-separated path → content) under root,
// creating folders as needed, and fails the test on any error.
func WriteTree(t testing.TB, root string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
