package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Paths that leave the site, by "../" or through a committed symlink, are
// findings that say so, whether or not something exists there, and nothing
// there is read or quoted.
func TestContainment(t *testing.T) {
	const secret = "root:x:0:0:root:/root:/bin/bash\n"
	post := imgPost("cover: %s\n", "\n![a](%s)\n\n[l](%s)\n")
	tests := []struct {
		name, cover, image, link string
		want                     []string
	}{
		{"dot-dot to a file that exists", "../../secret.png", "../../secret.png", "../../secret.md", []string{
			"blog/p.md:3:8-3:24 cover-missing", "blog/p.md:6:1-6:23 image-missing", "blog/p.md:8:1-8:21 link-internal"}},
		{"dot-dot to nothing", "../../nothing.png", "../../nothing.png", "../../nothing.md", []string{
			"blog/p.md:3:8-3:25 cover-missing", "blog/p.md:6:1-6:24 image-missing", "blog/p.md:8:1-8:22 link-internal"}},
		{"symlink to a file outside", "avatar.png", "avatar.png", "avatar.md", []string{
			"blog/p.md:3:8-3:18 cover-missing", "blog/p.md:6:1-6:17 image-missing", "blog/p.md:8:1-8:15 link-internal"}},
		{"through a symlinked folder to nothing", "out/nothing.png", "out/nothing.png", "out/nothing.md", []string{
			"blog/p.md:3:8-3:23 cover-missing", "blog/p.md:6:1-6:22 image-missing", "blog/p.md:8:1-8:20 link-internal"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(strings.Replace(strings.Replace(post, "%s", tt.cover, 1), "%s", tt.image, 1), "%s", tt.link, 1)
			root := writeSite(t, map[string]string{"blog/p.md": src}, imgCfg)
			outside := filepath.Dir(root) // the test's own temporary folder
			for _, n := range []string{"secret.png", "secret.md"} {
				if err := os.WriteFile(filepath.Join(outside, n), []byte(secret), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for link, target := range map[string]string{"avatar.png": "secret.png", "avatar.md": "secret.md", "out": "."} {
				if err := os.Symlink(filepath.Join(outside, target), filepath.Join(root, "blog", link)); err != nil {
					t.Skipf("no symlinks here: %v", err)
				}
			}
			res := runSite(t, root)
			// The walk itself refuses the links that leave the site.
			if want := "blog/avatar.md: symlink to a file outside the site; not followed\nblog/out: symlink to a folder outside the site; not followed"; res.Err == nil || res.Err.Error() != want {
				t.Errorf("errors %v, want %q", res.Err, want)
			}
			for _, f := range res.Findings {
				switch f.RuleID {
				case "cover-missing", "cover-invalid", "image-missing", "link-internal":
					if !strings.Contains(f.Message, "points outside the site; files outside the site root are not looked at") {
						t.Errorf("%s: %s", where(f), f.Message)
					}
				}
				if strings.Contains(f.Message, "root:x") {
					t.Errorf("%s quotes the file: %s", where(f), f.Message)
				}
			}
			kept := res.Findings[:0]
			for _, f := range res.Findings {
				if f.RuleID != "frontmatter-syntax" && f.RuleID != "frontmatter-required" {
					kept = append(kept, f)
				}
			}
			checkFindings(t, kept, tt.want)
		})
	}
}

// Generator configs are read only from inside the site: a committed
// docusaurus.config.js that links outside is treated as absent, so nothing
// from the file it points at can reach a message.
func TestGeneratorConfigOutsideTheSite(t *testing.T) {
	root := writeSite(t, map[string]string{"docs/a.md": "---\ntitle: a\n---\n\n:::zzzz\n\nx\n\n:::\n"}, "admonitions:\n  dialect: docusaurus\n")
	outside := filepath.Join(filepath.Dir(root), "docusaurus.config.js")
	if err := os.WriteFile(outside, []byte("module.exports = {presets: [['classic', {docs: {admonitions: {keywords: ['leakedsecret']}}}]]};\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(root, "docusaurus.config.js")); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	res := runSite(t, root)
	found := false
	for _, f := range res.Findings {
		if strings.Contains(f.Message, "leakedsecret") {
			t.Errorf("%s quotes the file outside: %s", where(f), f.Message)
		}
		if f.RuleID == "admonition-unknown" {
			found = true
		}
	}
	if !found {
		t.Errorf("no admonition-unknown finding: %v", res.Findings)
	}
	// The same file inside the site is read.
	if err := os.Remove(filepath.Join(root, "docusaurus.config.js")); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(outside, filepath.Join(root, "docusaurus.config.js")); err != nil {
		t.Fatal(err)
	}
	res = runSite(t, root)
	leaked := false
	for _, f := range res.Findings {
		leaked = leaked || strings.Contains(f.Message, "leakedsecret")
	}
	if !leaked {
		t.Errorf("the config inside the site was not read: %v", res.Findings)
	}
}
