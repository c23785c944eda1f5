package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/contentlint/contentlint/lint/linttest"
)

// gitIn runs git in dir with a fixed identity, failing the test on error.
func gitIn(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// repo makes a git repository holding files, committed once.
func repo(t *testing.T, files map[string]string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := site(t, files)
	gitIn(t, dir, "init", "-q")
	gitIn(t, dir, "add", "-A")
	gitIn(t, dir, "commit", "-q", "-m", "base")
	return dir
}

func writeIn(t *testing.T, dir, name, content string) {
	t.Helper()
	linttest.WriteTree(t, dir, map[string]string{name: content})
}

func unknownRule(name string) string {
	return "<!-- contentlint-disable-next-line " + name + " -->\nText.\n"
}

func TestChangedSinceAndNewOnly(t *testing.T) {
	fm := "---\ntitle: T\n---\n\n"
	dir := repo(t, map[string]string{
		"content/a.md": fm + unknownRule("old-in-a"),
		"content/b.md": fm + unknownRule("old-in-b"),
		"content/c.md": fm + "Plain.\n",
	})
	writeIn(t, dir, "content/b.md", fm+unknownRule("old-in-b")+"\n"+unknownRule("new-in-b"))
	gitIn(t, dir, "mv", "content/c.md", "content/d.md")
	writeIn(t, dir, "content/e.md", fm+unknownRule("new-in-e")) // untracked

	r := runCLI(t, dir, "--offline", "--changed-since", "HEAD")
	expect(t, r, 1)
	want := []string{
		`content/b.md:5:36: warning: contentlint-disable-next-line names unknown rule "old-in-b" (directive-unknown)`,
		`content/b.md:8:36: warning: contentlint-disable-next-line names unknown rule "new-in-b" (directive-unknown)`,
		`content/d.md:1:1: error: /c was published at HEAD by content/c.md and nothing serves it now (it is now at /d); add ` + "`aliases: [/c]`" + ` to this file's front matter, or a redirect (url-removed)`,
		`content/e.md:5:36: warning: contentlint-disable-next-line names unknown rule "new-in-e" (directive-unknown)`,
	}
	if got := r.lines(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("--changed-since HEAD:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(r.stderr, "3 files linted") {
		t.Errorf("stderr = %q", r.stderr)
	}

	n := runCLI(t, dir, "--offline", "--changed-since", "HEAD", "--new-only")
	expect(t, n, 1)
	wantNew := []string{want[1], want[2], want[3]}
	if got := n.lines(); strings.Join(got, "\n") != strings.Join(wantNew, "\n") {
		t.Errorf("--new-only:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantNew, "\n"))
	}

	// The alias keeps the old URL: url-removed is satisfied.
	writeIn(t, dir, "content/d.md", "---\ntitle: T\naliases: [/c]\n---\n\nPlain.\n")
	if r := runCLI(t, dir, "--offline", "--changed-since", "HEAD"); strings.Contains(r.stdout, "url-removed") {
		t.Errorf("alias did not satisfy url-removed:\n%s", r.stdout)
	}

	// Nothing changed: nothing linted, exit 0.
	clean := repo(t, map[string]string{"content/a.md": fm + unknownRule("old")})
	c := runCLI(t, clean, "--offline", "--changed-since", "HEAD")
	expect(t, c, 0)
	if c.stdout != "" || !strings.Contains(c.stderr, "0 files linted") {
		t.Errorf("unchanged repo: stdout %q stderr %q", c.stdout, c.stderr)
	}
}

func TestChangedSinceUnreachable(t *testing.T) {
	dir := repo(t, map[string]string{"content/a.md": cleanPost})
	r := runCLI(t, dir, "--offline", "--changed-since", "no-such-ref")
	expect(t, r, 2)
	if !strings.Contains(r.stderr, "no-such-ref is not a commit") {
		t.Errorf("stderr = %q", r.stderr)
	}
	if r := runCLI(t, dir, "--offline", "--new-only"); r.code != 2 || !strings.Contains(r.stderr, "--new-only needs --changed-since") {
		t.Errorf("--new-only alone: exit %d, %q", r.code, r.stderr)
	}
	notGit := site(t, map[string]string{"content/a.md": cleanPost})
	if r := runCLI(t, notGit, "--offline", "--changed-since", "HEAD"); r.code != 2 || !strings.Contains(r.stderr, "not in a git work tree") {
		t.Errorf("outside git: exit %d, %q", r.code, r.stderr)
	}
}

func TestChangedSinceShallowClone(t *testing.T) {
	src := repo(t, map[string]string{"content/a.md": cleanPost})
	writeIn(t, src, "content/b.md", cleanPost)
	gitIn(t, src, "add", "-A")
	gitIn(t, src, "commit", "-q", "-m", "second")
	clone := filepath.Join(t.TempDir(), "clone")
	gitIn(t, src, "clone", "-q", "--depth", "1", "file://"+src, clone)

	far := runCLI(t, clone, "--offline", "--changed-since", "HEAD~1")
	expect(t, far, 2)
	if !strings.Contains(far.stderr, "shallow clone") {
		t.Errorf("stderr = %q, want the shallow clone hint", far.stderr)
	}
	writeIn(t, clone, "content/c.md", "---\n---\nNo title.\n")
	near := runCLI(t, clone, "--offline", "--changed-since", "HEAD")
	expect(t, near, 1)
	if want := `content/c.md:1:1: error: required field "title" is missing (frontmatter-required)`; !hasLine(near.lines(), want) || len(near.lines()) != 1 {
		t.Errorf("shallow clone, reachable REF:\n%s", near.stdout)
	}
}

// urlRemoved lists the url-removed findings of a run as "file: URL".
func urlRemoved(t *testing.T, dir string) []string {
	t.Helper()
	r := runCLI(t, dir, "--offline", "--changed-since", "HEAD", "--fail-on", "never")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	var out []string
	for _, l := range r.lines() {
		if !strings.HasSuffix(l, "(url-removed)") {
			continue
		}
		file, rest, _ := strings.Cut(l, ":1:1: error: ")
		u, _, _ := strings.Cut(rest, " ")
		out = append(out, file+": "+u)
	}
	return out
}

func TestURLRemovedPerGenerator(t *testing.T) {
	type gen struct {
		name    string
		files   map[string]string // the site at the base commit
		post    string            // the post that moves
		moved   string            // where it is renamed to
		url     string            // its URL at the base commit
		aliasFM string            // front matter key the generator reads for old URLs
		written string            // the old URL as users write it in an alias or redirect ("": url)
		// genConfig, when set, is the generator config rewritten to redirect
		// the old URL (%s) in the generator's own redirect setting.
		genConfig [2]string
	}
	post := func(extra string) string { return "---\ntitle: Hello\n" + extra + "---\n\nBody.\n" }
	gens := []gen{
		{"hugo", map[string]string{"hugo.toml": "baseURL = 'https://example.org/'\n", "content/posts/hello.md": post(""), "content/posts/other.md": post("")},
			"content/posts/hello.md", "content/posts/hello-world.md", "/posts/hello", "aliases", "", [2]string{}},
		// Jekyll's default permalink keeps .html; redirect_from needs its plugin.
		{"jekyll", map[string]string{"_config.yml": "title: t\nplugins: [jekyll-redirect-from]\n", "_posts/2024-01-02-hello.md": post(""), "_posts/2024-01-03-other.md": post("")},
			"_posts/2024-01-02-hello.md", "_posts/2024-01-02-hello-world.md", "/2024/01/02/hello.html", "redirect_from", "", [2]string{}},
		{"docusaurus", map[string]string{"docusaurus.config.js": "module.exports = {url: 'https://example.org'};\n", "docs/hello.md": post(""), "docs/other.md": post("")},
			"docs/hello.md", "docs/hello-world.md", "/docs/hello", "aliases", "",
			[2]string{"docusaurus.config.js", "module.exports = {url: 'https://example.org', plugins: [['@docusaurus/plugin-client-redirects', {redirects: [{to: '/docs/hello-world', from: '%s'}]}]]};\n"}},
		{"nuxt-content", map[string]string{"nuxt.config.ts": "export default defineNuxtConfig({})\n", "content/hello.md": post(""), "content/other.md": post("")},
			"content/hello.md", "content/hello-world.md", "/hello", "aliases", "",
			[2]string{"nuxt.config.ts", "export default defineNuxtConfig({routeRules: {'%s': {redirect: '/hello-world'}}})\n"}},
		// Astro serves a (legacy) collection where a page passes its slugs.
		{"astro", map[string]string{"astro.config.mjs": "export default {}\n", "src/content/blog/hello.md": post(""), "src/content/blog/other.md": post(""),
			"src/pages/blog/[...slug].astro": "---\nconst posts = await getCollection('blog');\nposts.map((p) => ({ params: { slug: p.slug } }));\n---\n"},
			"src/content/blog/hello.md", "src/content/blog/hello-world.md", "/blog/hello", "aliases", "",
			[2]string{"astro.config.mjs", "export default {redirects: {'%s': '/blog/hello-world'}}\n"}},
	}
	for _, g := range gens {
		if g.written == "" {
			g.written = g.url
		}
		base := func(t *testing.T) string {
			files := map[string]string{".contentlint.yml": "preset: " + g.name + "\n"}
			for k, v := range g.files {
				files[k] = v
			}
			return repo(t, files)
		}
		t.Run(g.name+"/rename", func(t *testing.T) {
			dir := base(t)
			gitIn(t, dir, "mv", g.post, g.moved)
			if got := urlRemoved(t, dir); strings.Join(got, ",") != g.moved+": "+g.url {
				t.Errorf("got %v, want [%s: %s]", got, g.moved, g.url)
			}
		})
		t.Run(g.name+"/rename with alias", func(t *testing.T) {
			dir := base(t)
			gitIn(t, dir, "mv", g.post, g.moved)
			writeIn(t, dir, g.moved, post(g.aliasFM+": ["+g.written+"]\n"))
			if got := urlRemoved(t, dir); len(got) != 0 {
				t.Errorf("got %v, want none", got)
			}
		})
		if g.genConfig[0] != "" {
			t.Run(g.name+"/rename with the generator's redirect config", func(t *testing.T) {
				dir := base(t)
				gitIn(t, dir, "mv", g.post, g.moved)
				writeIn(t, dir, g.genConfig[0], fmt.Sprintf(g.genConfig[1], g.url))
				if got := urlRemoved(t, dir); len(got) != 0 {
					t.Errorf("got %v, want none", got)
				}
			})
		}
		t.Run(g.name+"/delete", func(t *testing.T) {
			dir := base(t)
			gitIn(t, dir, "rm", "-q", g.post)
			if got := urlRemoved(t, dir); strings.Join(got, ",") != g.post+": "+g.url {
				t.Errorf("got %v, want [%s: %s]", got, g.post, g.url)
			}
		})
		t.Run(g.name+"/delete with Netlify redirect", func(t *testing.T) {
			dir := base(t)
			gitIn(t, dir, "rm", "-q", g.post)
			writeIn(t, dir, "_redirects", g.written+"  /  301\n")
			if got := urlRemoved(t, dir); len(got) != 0 {
				t.Errorf("got %v, want none", got)
			}
		})
		t.Run(g.name+"/slug change", func(t *testing.T) {
			dir := base(t)
			writeIn(t, dir, g.post, post("slug: renamed\npermalink: /renamed/\n"))
			if got := urlRemoved(t, dir); strings.Join(got, ",") != g.post+": "+g.url {
				t.Errorf("got %v, want [%s: %s]", got, g.post, g.url)
			}
		})
		t.Run(g.name+"/slug change with Vercel redirect", func(t *testing.T) {
			dir := base(t)
			writeIn(t, dir, g.post, post("slug: renamed\npermalink: /renamed/\n"))
			writeIn(t, dir, "vercel.json", `{"redirects": [{"source": "`+g.written+`", "destination": "/renamed"}]}`)
			if got := urlRemoved(t, dir); len(got) != 0 {
				t.Errorf("got %v, want none", got)
			}
		})
	}
}

func TestBaselineNotWrittenFromChangedRun(t *testing.T) {
	dir := repo(t, map[string]string{"content/a.md": cleanPost})
	r := runCLI(t, dir, "--offline", "--changed-since", "HEAD", "--baseline", "b.json")
	expect(t, r, 2)
	if _, err := os.Stat(filepath.Join(dir, "b.json")); err == nil || !strings.Contains(r.stderr, "write it from a full run") {
		t.Errorf("a --changed-since run wrote a baseline (stderr %q)", r.stderr)
	}
}
