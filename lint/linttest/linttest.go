// Package linttest holds helpers for tests that lint real files.
package linttest

import (
	"net"
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

// ClosedAddr returns a loopback host:port on which nothing listens: a port
// that was just free, so connecting to it is refused.
func ClosedAddr(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	return addr
}
