package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/contentlint/contentlint/lint/report"
)

// actionlint checks the workflows and, through them, that action.yml parses
// and that `uses: ./` passes known inputs; it does not look inside a composite
// action. These tests check the rest of action.yml, and run its scripts.

type actionStep struct {
	ID    string            `yaml:"id"`
	Name  string            `yaml:"name"`
	If    string            `yaml:"if"`
	Uses  string            `yaml:"uses"`
	Run   string            `yaml:"run"`
	Shell string            `yaml:"shell"`
	With  map[string]string `yaml:"with"`
	Env   map[string]string `yaml:"env"`
}

type actionMeta struct {
	Name        string            `yaml:"name"`
	Description string            `yaml:"description"`
	Author      string            `yaml:"author"`
	Branding    map[string]string `yaml:"branding"`
	Inputs      map[string]struct {
		Description string  `yaml:"description"`
		Required    bool    `yaml:"required"`
		Default     *string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Description string `yaml:"description"`
		Value       string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

var repoRoot = filepath.Join("..", "..")

func loadAction(t *testing.T) *actionMeta {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a actionMeta
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	return &a
}

var exprRe = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

func TestActionMetadata(t *testing.T) {
	a := loadAction(t)
	if a.Name == "" || a.Description == "" {
		t.Error("action.yml needs a name and a description")
	}
	if a.Runs.Using != "composite" {
		t.Fatalf("runs.using = %q, want composite", a.Runs.Using)
	}
	var inputs []string
	for name, in := range a.Inputs {
		inputs = append(inputs, name)
		if in.Description == "" || in.Default == nil || in.Required {
			t.Errorf("input %s: want a description, a default and required: false", name)
		}
	}
	sort.Strings(inputs)
	want := []string{"cache", "config", "fail-on", "format", "offline", "path", "sarif-file", "version"}
	if !slices.Equal(inputs, want) {
		t.Errorf("inputs %v, want %v", inputs, want)
	}
	if d := a.Inputs["format"].Default; d == nil || *d != "github" || !slices.Contains(report.FormatNames(), *d) {
		t.Errorf("format must default to github, a known format")
	}

	used := map[string]bool{}
	steps := map[string]actionStep{}
	for i, s := range a.Runs.Steps {
		if s.ID != "" {
			steps[s.ID] = s
		}
		if (s.Run == "") == (s.Uses == "") {
			t.Errorf("step %d (%s): want exactly one of run and uses", i, s.Name)
		}
		if s.Run != "" && s.Shell == "" {
			t.Errorf("step %d (%s): a composite run step needs a shell", i, s.Name)
		}
		if s.Uses != "" && !regexp.MustCompile(`^[\w.-]+/[\w./-]+@v\d+$`).MatchString(s.Uses) {
			t.Errorf("step %d: uses %q: pin a major version tag", i, s.Uses)
		}
		// Inputs reach scripts through env, never pasted into the script.
		if exprRe.MatchString(s.Run) {
			t.Errorf("step %d (%s): run has an expression; pass it through env", i, s.Name)
		}
		texts := []string{s.If}
		for _, v := range s.With {
			texts = append(texts, v)
		}
		for _, v := range s.Env {
			texts = append(texts, v)
		}
		for _, text := range texts {
			for _, m := range regexp.MustCompile(`inputs\.([\w-]+)`).FindAllStringSubmatch(text, -1) {
				used[m[1]] = true
				if _, ok := a.Inputs[m[1]]; !ok {
					t.Errorf("step %d uses undeclared input %s", i, m[1])
				}
			}
		}
	}
	for _, name := range inputs {
		if !used[name] {
			t.Errorf("input %s is never used", name)
		}
	}
	for name, out := range a.Outputs {
		m := regexp.MustCompile(`^\$\{\{ steps\.([\w-]+)\.outputs\.([\w-]+) \}\}$`).FindStringSubmatch(out.Value)
		if m == nil || out.Description == "" {
			t.Errorf("output %s: want a description and a steps.ID.outputs.NAME value, got %q", name, out.Value)
			continue
		}
		if s, ok := steps[m[1]]; !ok || !strings.Contains(s.Run, `echo "`+m[2]+`=`) {
			t.Errorf("output %s: step %s does not write %s to GITHUB_OUTPUT", name, m[1], m[2])
		}
	}
	if len(a.Outputs) != 2 || a.Outputs["findings"].Value == "" || a.Outputs["exit-code"].Value == "" {
		t.Errorf("want outputs findings and exit-code")
	}
}

func actionStepByID(t *testing.T, a *actionMeta, id string) actionStep {
	t.Helper()
	for _, s := range a.Runs.Steps {
		if s.ID == id || s.Name == id {
			return s
		}
	}
	t.Fatalf("action.yml has no step %s", id)
	return actionStep{}
}

// runActionStep runs a run step the way the runner does for shell: bash,
// with the env block's expressions evaluated from inputs and runner.temp.
func runActionStep(t *testing.T, a *actionMeta, s actionStep, inputs map[string]string, pathEnv string) (code int, stdout string, outputs map[string]string, summary string) {
	t.Helper()
	tmp := t.TempDir()
	ghOutput := filepath.Join(tmp, "output")
	ghSummary := filepath.Join(tmp, "summary")
	for _, f := range []string{ghOutput, ghSummary} {
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	value := func(expr string) string {
		// Contexts other than inputs (github.action_ref, steps.ID.outputs.X)
		// come from the test, under their own names.
		if v, ok := inputs[expr]; ok && !strings.HasPrefix(expr, "inputs.") {
			return v
		}
		switch {
		case strings.HasPrefix(expr, "inputs."):
			name := strings.TrimPrefix(expr, "inputs.")
			if v, ok := inputs[name]; ok {
				return v
			}
			return *a.Inputs[name].Default
		case expr == "runner.temp":
			return tmp
		case expr == "github.action_path":
			abs, err := filepath.Abs(repoRoot)
			if err != nil {
				t.Fatal(err)
			}
			return abs
		}
		t.Fatalf("step %s: no value for expression %q in this test", s.Name, expr)
		return ""
	}
	env := append(os.Environ(), "PATH="+pathEnv, "RUNNER_TEMP="+tmp, "GITHUB_OUTPUT="+ghOutput,
		"GITHUB_STEP_SUMMARY="+ghSummary, "GITHUB_PATH="+filepath.Join(tmp, "path"), "NO_COLOR=1")
	for k, v := range s.Env {
		env = append(env, k+"="+exprRe.ReplaceAllStringFunc(v, func(e string) string { return value(exprRe.FindStringSubmatch(e)[1]) }))
	}
	script := filepath.Join(tmp, "step.sh")
	if err := os.WriteFile(script, []byte(s.Run), 0o644); err != nil {
		t.Fatal(err)
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	// GitHub's `shell: bash` is `bash --noprofile --norc -eo pipefail {0}`.
	cmd := exec.Command(bash, "--noprofile", "--norc", "-eo", "pipefail", script)
	cmd.Dir = repoRoot
	cmd.Env = env
	out, err := cmd.Output()
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		code = ee.ExitCode()
		t.Logf("stderr: %s", ee.Stderr)
	default:
		t.Fatal(err)
	}
	outputs = map[string]string{}
	written, err := os.ReadFile(ghOutput)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(written), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			outputs[k] = v
		}
	}
	sum, err := os.ReadFile(ghSummary)
	if err != nil {
		t.Fatal(err)
	}
	return code, string(out), outputs, string(sum)
}

// siteFindings is what contentlint itself reports on testdata/site.
func siteFindings(t *testing.T) int {
	t.Helper()
	res := runCLI(t, repoRoot, "--offline", "--format", "json", "--fail-on", "never", "testdata/site")
	var doc struct{ Findings []json.RawMessage }
	if err := json.Unmarshal([]byte(res.stdout), &doc); err != nil {
		t.Fatalf("%v\n%s", err, res.stderr)
	}
	if len(doc.Findings) == 0 {
		t.Fatal("testdata/site has deliberate defects but gave no finding")
	}
	return len(doc.Findings)
}

func TestActionLintStep(t *testing.T) {
	a := loadAction(t)
	step := actionStepByID(t, a, "lint")
	want := siteFindings(t)
	pathEnv := filepath.Dir(binary) + string(os.PathListSeparator) + os.Getenv("PATH")
	sarifFile := filepath.Join(t.TempDir(), "reports", "contentlint.sarif")

	code, stdout, outputs, summary := runActionStep(t, a, step, map[string]string{
		"path": "testdata/site", "offline": "true", "sarif-file": sarifFile}, pathEnv)
	if code != exitFindings || outputs["exit-code"] != "1" {
		t.Errorf("step exit %d, exit-code output %q; want 1 (testdata/site has errors)", code, outputs["exit-code"])
	}
	if outputs["findings"] != strconv.Itoa(want) {
		t.Errorf("findings output %q, want %d", outputs["findings"], want)
	}
	if n := strings.Count(stdout, "\n::"); n+1 < want || !strings.HasPrefix(stdout, "::") {
		t.Errorf("want %d GitHub annotations on stdout, got:\n%s", want, stdout)
	}
	if !strings.HasPrefix(summary, "## contentlint\n") || !strings.Contains(summary, "| location | rule | severity | message |") {
		t.Errorf("the step summary lacks the Markdown report:\n%s", summary)
	}
	data, err := os.ReadFile(sarifFile)
	if err != nil {
		t.Fatalf("sarif-file was not written: %v", err)
	}
	var log struct {
		Runs []struct{ Results []json.RawMessage }
	}
	if err := json.Unmarshal(data, &log); err != nil || len(log.Runs) != 1 || len(log.Runs[0].Results) != want {
		t.Errorf("sarif-file: want one run with %d results (err %v)", want, err)
	}

	code, _, outputs, _ = runActionStep(t, a, step, map[string]string{"path": "testdata/site", "offline": "true", "fail-on": "never"}, pathEnv)
	if code != 0 || outputs["exit-code"] != "0" || outputs["findings"] != strconv.Itoa(want) {
		t.Errorf("fail-on never: exit %d, outputs %v; want 0 and %d findings", code, outputs, want)
	}

	code, _, outputs, summary = runActionStep(t, a, step, map[string]string{"path": "testdata/site", "config": "no/such.yml"}, pathEnv)
	if code != exitError || outputs["exit-code"] != "2" || outputs["findings"] != "0" || summary != "" {
		t.Errorf("missing config: exit %d, outputs %v, summary %q; want 2 and 0 findings", code, outputs, summary)
	}
}

// Without jq (some self-hosted runners) the count comes from the JSON layout.
func TestActionLintStepWithoutJQ(t *testing.T) {
	a := loadAction(t)
	want := siteFindings(t)
	bin := t.TempDir()
	for _, tool := range []string{"bash", "mktemp", "mkdir", "dirname", "grep", "cat"} {
		p, err := exec.LookPath(tool)
		if err != nil {
			t.Skipf("no %s", tool)
		}
		if err := os.Symlink(p, filepath.Join(bin, tool)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(binary, filepath.Join(bin, "contentlint")); err != nil {
		t.Fatal(err)
	}
	code, _, outputs, _ := runActionStep(t, a, actionStepByID(t, a, "lint"), map[string]string{"path": "testdata/site", "offline": "true"}, bin)
	if code != exitFindings || outputs["findings"] != strconv.Itoa(want) {
		t.Errorf("without jq: exit %d, outputs %v; want 1 and %d findings", code, outputs, want)
	}
}

// The install step, on a ref that is not a release, builds contentlint from
// the action's own checkout.
func TestActionInstallStep(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the module")
	}
	a := loadAction(t)
	step := actionStepByID(t, a, "Install contentlint")
	code, stdout, _, _ := runActionStep(t, a, step, map[string]string{"steps.mode.outputs.prebuilt": "false", "steps.mode.outputs.tag": ""}, os.Getenv("PATH"))
	if code != 0 || !strings.HasPrefix(stdout, "contentlint ") {
		t.Errorf("install step: exit %d, stdout %q; want the built binary's version", code, stdout)
	}
}

// The mode step picks the release binary for a release ref or version, and
// a build otherwise.
func TestActionModeStep(t *testing.T) {
	a := loadAction(t)
	step := actionStepByID(t, a, "mode")
	for _, tc := range []struct {
		ref, version, want string
	}{
		{"v1.2.3", "", "prebuilt=true tag=v1.2.3"},
		{"main", "", "prebuilt=false"},
		{"0123456789abcdef0123456789abcdef01234567", "", "prebuilt=false"},
		{"v1.2.3-rc.1", "", "prebuilt=false"},
		{"main", "v2.0.0", "prebuilt=true tag=v2.0.0"},
		{"v1.2.3", "latest", "prebuilt=false"},
	} {
		code, _, outputs, _ := runActionStep(t, a, step, map[string]string{"github.action_ref": tc.ref, "version": tc.version}, os.Getenv("PATH"))
		got := "prebuilt=" + outputs["prebuilt"]
		if outputs["tag"] != "" {
			got += " tag=" + outputs["tag"]
		}
		if code != 0 || got != tc.want {
			t.Errorf("ref %q version %q: exit %d, %s; want %s", tc.ref, tc.version, code, got, tc.want)
		}
	}
	if s := actionStepByID(t, a, "Set up Go"); s.If != "steps.mode.outputs.prebuilt != 'true'" {
		t.Errorf("Set up Go runs for release binaries too: if %q", s.If)
	}
}

// releaseServer serves a release like GitHub's download URLs: TAG/archive and
// TAG/checksums.txt, the archive holding binary as contentlint.
func releaseServer(t *testing.T, tag, binaryPath string, corrupt bool) *httptest.Server {
	t.Helper()
	data, err := os.ReadFile(binaryPath)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	if err := tw.WriteHeader(&tar.Header{Name: "contentlint", Mode: 0o755, Size: int64(len(data)), Typeflag: tar.TypeReg}); err != nil {
		t.Fatal(err)
	}
	if _, err := tw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	archive := buf.Bytes()
	name := "contentlint_" + strings.TrimPrefix(tag, "v") + "_" + runtime.GOOS + "_" + runtime.GOARCH + ".tar.gz"
	sum := sha256.Sum256(archive)
	if corrupt {
		sum[0] ^= 0xff
	}
	checksums := hex.EncodeToString(sum[:]) + "  " + name + "\n"
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/" + tag + "/" + name:
			_, _ = w.Write(archive)
		case "/" + tag + "/checksums.txt":
			_, _ = io.WriteString(w, checksums)
		default:
			http.NotFound(w, r)
		}
	}))
}

// The install step with a release tag downloads the archive, checks it
// against checksums.txt and installs the binary, without Go.
func TestActionInstallStepPrebuilt(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the test serves a tar.gz")
	}
	a := loadAction(t)
	step := actionStepByID(t, a, "Install contentlint")
	noGo := t.TempDir() // tools the step needs, and no go
	for _, tool := range []string{"bash", "mkdir", "curl", "awk", "sha256sum", "cut", "tar", "gzip", "uname"} {
		p, err := exec.LookPath(tool)
		if err != nil {
			t.Skipf("no %s", tool)
		}
		if err := os.Symlink(p, filepath.Join(noGo, tool)); err != nil {
			t.Fatal(err)
		}
	}
	srv := releaseServer(t, "v9.8.7", binary, false)
	defer srv.Close()
	t.Setenv("CONTENTLINT_RELEASE_URL", srv.URL)
	steps := map[string]string{"steps.mode.outputs.prebuilt": "true", "steps.mode.outputs.tag": "v9.8.7"}
	code, stdout, _, _ := runActionStep(t, a, step, steps, noGo)
	if code != 0 || stdout != "contentlint "+testVersion+"\n" {
		t.Errorf("prebuilt install: exit %d, stdout %q; want the release binary's version", code, stdout)
	}

	bad := releaseServer(t, "v9.8.7", binary, true)
	defer bad.Close()
	t.Setenv("CONTENTLINT_RELEASE_URL", bad.URL)
	code, stdout, _, _ = runActionStep(t, a, step, steps, noGo)
	if code == 0 || !strings.Contains(stdout, "does not match checksums.txt") {
		t.Errorf("corrupt download: exit %d, stdout %q; want a checksum failure", code, stdout)
	}
}
