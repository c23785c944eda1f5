package oracle_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/contentlint/contentlint/lint/oracle"
)

// contentlint is built at most once for all oracle tests, on first use, so a
// run where every generator is absent builds nothing.
var contentlint *oracle.Tool

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	dir, err := os.MkdirTemp("", "contentlint-oracle")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer func() { _ = os.RemoveAll(dir) }()
	contentlint = oracle.NewTool(dir)
	return m.Run()
}
