package oracle

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"

	"github.com/contentlint/contentlint/lint"
)

// Tool is the contentlint binary, built at most once per test process from
// the module's own source.
type Tool struct {
	dir  string
	once sync.Once
	path string
	err  error
}

// NewTool returns a Tool that builds into dir (a folder the caller removes).
func NewTool(dir string) *Tool { return &Tool{dir: dir} }

// Path builds the binary on first use and returns its path.
func (t *Tool) Path(ctx context.Context) (string, error) {
	t.once.Do(func() {
		root, err := ModuleRoot()
		if err != nil {
			t.err = err
			return
		}
		bin := filepath.Join(t.dir, "contentlint")
		cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/contentlint")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			t.err = fmt.Errorf("go build ./cmd/contentlint: %w\n%s", err, out)
			return
		}
		t.path = bin
	})
	return t.path, t.err
}

// Routes runs `contentlint routes --format json site` with its caches under
// cacheHome, and decodes what it prints.
func (t *Tool) Routes(ctx context.Context, site, cacheHome string) (*lint.RouteTable, error) {
	bin, err := t.Path(ctx)
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, bin, "routes", "--format", "json", site)
	cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+cacheHome, "NO_COLOR=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("contentlint routes --format json %s: %w\n%s", site, err, stderr.Bytes())
	}
	var r lint.RouteTable
	dec := json.NewDecoder(&stdout)
	if err := dec.Decode(&r); err != nil {
		return nil, fmt.Errorf("decoding contentlint routes output for %s: %w", site, err)
	}
	return &r, nil
}
