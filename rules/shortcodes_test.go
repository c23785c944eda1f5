package rules

import (
	"testing"

	"github.com/contentlint/contentlint/lint"
)

// hugoShortcodeSite is a Hugo site (no .contentlint.yml preset needed: the
// hugo.toml marks it) whose from.md uses ref, relref, figure and include.
var hugoShortcodeSite = map[string]string{
	"hugo.toml":                        "baseURL = 'https://example.org/'\n",
	"layouts/_shortcodes/include.html": "{{ with .Site.GetPage (.Get 0) }}{{ .RenderShortcodes }}{{ end }}\n",
	"layouts/_shortcodes/tabs.html":    "<div id=\"{{ .Get 0 }}\">{{ .Inner }}</div>\n",
	"layouts/_shortcodes/note.html":    "<aside>{{ .Inner }}</aside>\n",
	"content/about.md":                 "---\ntitle: About\n---\n## Team\n",
	"content/blog/post.md":             "---\ntitle: Post\n---\n## Post heading\n",
	"content/blog/bundle/index.md":     "---\ntitle: Bundle\n---\n",
	"content/blog/bundle/pic.png":      "png",
	"content/docs/a/dup.md":            "---\ntitle: Dup A\n---\n",
	"content/docs/b/dup.md":            "---\ntitle: Dup B\n---\n",
	"content/docs/draft.md":            "---\ntitle: Draft\ndraft: true\n---\n",
	"content/snippets/part.md":         "---\nheadless: true\n---\n## Included heading\n",
	"content/open.md":                  "---\ntitle: Open\n---\n{{< tabs \"t1\" >}}x{{< /tabs >}}\n",
	"static/img/logo.png":              "png",
	"content/blog/from.md": "---\ntitle: From\n---\n" +
		"[a]({{< ref \"about.md\" >}}) [b]({{< relref \"post\" >}}) {{< ref \"/blog/bundle\" >}}\n" + // 4: fine
		"{{< ref \"missing.md\" >}} and {{< relref \"dup\" >}}\n" + // 5: missing; ambiguous
		"{{< ref \"draft.md\" >}} {{< ref \"about.md#team\" >}} {{< ref \"about.md#nobody\" >}}\n" + // 6: draft; ok; bad fragment
		"{{< figure src=\"/img/logo.png\" >}} {{< figure src=\"/img/none.png\" >}}\n" + // 7: ok; missing
		"{{</* ref \"missing.md\" */>}} {{< note >}}{{< /note >}}\n" + // 8: commented out; harmless
		"{{% include \"snippets/part\" %}}\n" + // 9: adds #included-heading
		"[inc](#included-heading) [open](/open/#t2) [closed](/about/#nobody)\n", // 10
}

func TestShortcodeTarget(t *testing.T) {
	got := lintFiles(t, hugoShortcodeSite, "")
	fs := append(onlyRule(got, "shortcode-target"), onlyRule(got, "link-internal")...)
	checkFindings(t, fs, []string{
		"content/blog/from.md:5:1-5:25 shortcode-target",
		"content/blog/from.md:5:30-5:50 shortcode-target",
		"content/blog/from.md:6:1-6:23 shortcode-target",
		"content/blog/from.md:6:52-6:81 shortcode-target",
		"content/blog/from.md:7:36-7:70 shortcode-target",
		"content/blog/from.md:10:26-10:43 link-internal",
		"content/blog/from.md:10:44-10:68 link-internal",
	})
	// A missing anchor on a page whose shortcodes may write ids is a
	// warning; every other finding here is an error.
	for i, f := range fs {
		want := lint.Error
		if i == 5 {
			want = lint.Warning
		}
		if f.Severity != want {
			t.Errorf("%s: severity %v, want %v", where(f), f.Severity, want)
		}
	}
}
