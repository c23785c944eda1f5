package oracle

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// NPMToolchain is a generator installed from testdata/oracle/<name>/toolchain
// (package.json and its lockfile) by .ci/oracle-install.sh, into
// <cache>/npm/<name>-<first 12 hex of the lockfile's sha256>.
type NPMToolchain struct {
	Name string // fixture and toolchain name, e.g. "docusaurus"
	Dir  string // the install folder (holding node_modules)
	Key  string // lockfile hash and Node version, for the build cache key
}

// FindNPMToolchain locates the installed toolchain of fixture name, or skips
// the test (fails it when the oracle is required) naming the install script.
func FindNPMToolchain(t testing.TB, name string) NPMToolchain {
	t.Helper()
	dir, err := FixtureDir(name)
	if err != nil {
		t.Fatal(err)
	}
	lock, err := os.ReadFile(filepath.Join(dir, "toolchain", "package-lock.json"))
	if err != nil {
		t.Fatalf("fixture %s: %v", name, err)
	}
	sum := sha256.Sum256(lock)
	hash := hex.EncodeToString(sum[:])[:12]
	install := filepath.Join(CacheDir(), "npm", name+"-"+hash)
	//nolint:gosec // G703: the cache folder is the tester's own choice
	if fi, err := os.Stat(filepath.Join(install, "node_modules")); err != nil || !fi.IsDir() {
		Unavailable(t, "the "+name+" toolchain", fmt.Errorf("no %s", filepath.Join(install, "node_modules")))
	}
	node := Version(t.Context(), t, "node", "--version")
	return NPMToolchain{Name: name, Dir: install, Key: name + "-" + hash + " node " + string(bytes.TrimSpace([]byte(node)))}
}

// Run links the toolchain's node_modules into the working copy work and runs
// the JavaScript file bin (relative to node_modules) with node and args there.
// The command's output is returned in the error when it fails.
func (tc NPMToolchain) Run(ctx context.Context, work, bin string, args ...string) error {
	if err := os.Symlink(filepath.Join(tc.Dir, "node_modules"), filepath.Join(work, "node_modules")); err != nil {
		return fmt.Errorf("linking node_modules: %w", err)
	}
	cmd := exec.CommandContext(ctx, "node", append([]string{filepath.Join("node_modules", filepath.FromSlash(bin))}, args...)...)
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "NODE_ENV=production", "NUXT_TELEMETRY_DISABLED=1", "DOCUSAURUS_TELEMETRY_DISABLED=1", "CI=true")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("node %s %v: %w\n%s", bin, args, err, out.Bytes())
	}
	return nil
}
