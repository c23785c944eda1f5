package rules

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"path/filepath"
	"strings"
	"testing"

	"github.com/contentlint/contentlint/lint"
)

// imgCfg: site-absolute paths resolve under static/, covers also under covers/.
const imgCfg = "preset: none\nbaseURL: https://blog.example.com\nstatic: [static]\ncover:\n  dirs: [covers]\n"

// imgPost is a post whose front matter ends with extra (starting on line 3)
// and whose body starts on the line after the closing delimiter.
func imgPost(extra, body string) string {
	return "---\ntitle: t\n" + extra + "---\n" + body
}

func testImage(w, h int) image.Image {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		for y := range h {
			m.Set(x, y, color.RGBA{uint8(x * 30), 90, uint8(y * 30), 255})
		}
	}
	return m
}

func encoded(t testing.TB, enc func(*bytes.Buffer, image.Image) error, w, h int) string {
	t.Helper()
	var b bytes.Buffer
	if err := enc(&b, testImage(w, h)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func pngOf(t testing.TB, w, h int) string {
	return encoded(t, func(b *bytes.Buffer, m image.Image) error { return png.Encode(b, m) }, w, h)
}

func jpegOf(t testing.TB, w, h int) string {
	return encoded(t, func(b *bytes.Buffer, m image.Image) error { return jpeg.Encode(b, m, nil) }, w, h)
}

func gifOf(t testing.TB, w, h int) string {
	return encoded(t, func(b *bytes.Buffer, m image.Image) error { return gif.Encode(b, m, nil) }, w, h)
}

// webp1x1 is a 1×1 lossless WebP (the standard library has no WebP encoder).
func webp1x1(t testing.TB) string {
	b, err := base64.StdEncoding.DecodeString("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

const svgOK = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<!-- a comment before the root -->
<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>
`

type imgCase struct {
	name  string
	cfg   string // "" for imgCfg
	files map[string]string
	want  []string
	msg   []string // must appear in every finding's message
	not   []string // must appear in no finding's message
}

func runImgCases(t *testing.T, rule string, tests []imgCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := tt.cfg
			if cfg == "" {
				cfg = imgCfg
			}
			got := onlyRule(lintFiles(t, tt.files, cfg), rule)
			checkFindings(t, got, tt.want)
			for _, f := range got {
				for _, m := range tt.msg {
					if !strings.Contains(f.Message, m) {
						t.Errorf("message %q lacks %q", f.Message, m)
					}
				}
				for _, m := range tt.not {
					if strings.Contains(f.Message, m) {
						t.Errorf("message %q has %q", f.Message, m)
					}
				}
			}
		})
	}
}

func TestCoverMissing(t *testing.T) {
	a := pngOf(t, 4, 3)
	runImgCases(t, "cover-missing", []imgCase{
		{name: "relative, next to the post", files: map[string]string{
			"blog/p.md": imgPost("cover: img/a.png\n", ""), "blog/img/a.png": a}},
		{name: "dot-relative, next to the post", files: map[string]string{
			"blog/p.md": imgPost("cover: ./img/a.png\n", ""), "blog/img/a.png": a}},
		{name: "site-absolute, next to the post", files: map[string]string{
			"blog/p.md": imgPost("cover: /img/a.png\n", ""), "blog/img/a.png": a}},
		{name: "site-absolute, under static", files: map[string]string{
			"blog/p.md": imgPost("cover: /img/a.png\n", ""), "static/img/a.png": a}},
		{name: "relative, under cover.dirs", files: map[string]string{
			"blog/p.md": imgPost("cover: a.png\n", ""), "covers/a.png": a}},
		{name: "site-absolute, under cover.dirs", files: map[string]string{
			"blog/p.md": imgPost("cover: /a.png\n", ""), "covers/a.png": a}},
		{name: "relative, under static", files: map[string]string{
			"blog/p.md": imgPost("cover: img/a.png\n", ""), "static/img/a.png": a}},
		{name: "page bundle", files: map[string]string{
			"blog/b/index.md": imgPost("cover: cover.png\n", ""), "blog/b/cover.png": a}},
		{name: "percent-encoded and with a query", files: map[string]string{
			"blog/p.md": imgPost("cover: img/a%20b.png?v=2\n", ""), "blog/img/a b.png": a}},
		{name: "own origin", files: map[string]string{
			"blog/p.md": imgPost("cover: https://blog.example.com/img/a.png\n", ""), "static/img/a.png": a}},
		{name: "map value", files: map[string]string{
			"blog/p.md": imgPost("cover:\n  image: img/a.png\n  alt: A\n", ""), "blog/img/a.png": a}},
		{name: "remote, empty and null are not checked", files: map[string]string{
			"blog/p.md": imgPost("cover: https://cdn.example.net/zz.png\n", ""),
			"blog/q.md": imgPost("cover: \"\"\n", ""), "blog/r.md": imgPost("cover:\n", ""),
			"blog/s.md": imgPost("cover: //cdn.example.net/zz.png\n", "")}},
		{name: "missing, with where it looked and a near name", files: map[string]string{
			"blog/p.md": imgPost("cover: img/sunset.jpeg\n", ""), "blog/img/sunset.jpg": jpegOf(t, 2, 2)},
			want: []string{"blog/p.md:3:8-3:23 cover-missing"},
			msg: []string{`"img/sunset.jpeg" not found`,
				"looked for blog/img/sunset.jpeg, covers/img/sunset.jpeg, static/img/sunset.jpeg",
				`did you mean "img/sunset.jpg"?`}},
		{name: "missing, near name in a cover dir", files: map[string]string{
			"blog/p.md": imgPost("cover: ./cta.png\n", ""), "covers/cat.png": a},
			want: []string{"blog/p.md:3:8-3:17 cover-missing"}, msg: []string{`did you mean "./cat.png"?`}},
		{name: "missing, wrong case", files: map[string]string{
			"blog/p.md": imgPost("cover: /img/Photo.PNG\n", ""), "static/img/photo.png": a},
			want: []string{"blog/p.md:3:8-3:22 cover-missing"}, msg: []string{`did you mean "/img/photo.png"?`}},
		{name: "missing, nothing close", files: map[string]string{
			"blog/p.md": imgPost("cover: img/cow.png\n", ""), "blog/img/cat.png": a},
			want: []string{"blog/p.md:3:8-3:19 cover-missing"}, not: []string{"did you mean"}},
		{name: "missing, quoted", files: map[string]string{
			"blog/p.md": imgPost("cover: \"img/zz.png\"\n", "")},
			want: []string{"blog/p.md:3:8-3:20 cover-missing"}},
		{name: "missing, own origin", files: map[string]string{
			"blog/p.md": imgPost("cover: https://blog.example.com/img/zz.png\n", ""), "static/robots.txt": ""},
			want: []string{"blog/p.md:3:8-3:43 cover-missing"}, msg: []string{"static/img/zz.png"}},
		{name: "missing, map value", files: map[string]string{
			"blog/p.md": imgPost("cover:\n  image: img/zz.png\n", "")},
			want: []string{"blog/p.md:4:10-4:20 cover-missing"}},
		{name: "missing, second of a list", files: map[string]string{
			"blog/p.md": imgPost("cover:\n  - img/a.png\n  - img/zz.png\n", ""), "blog/img/a.png": a},
			want: []string{"blog/p.md:5:5-5:15 cover-missing"}},
		{name: "a folder is not a file", files: map[string]string{
			"blog/p.md": imgPost("cover: img\n", ""), "blog/img/a.png": a},
			want: []string{"blog/p.md:3:8-3:11 cover-missing"}},
		{name: "configured field", cfg: imgCfg + "  field: image\n", files: map[string]string{
			"blog/p.md": imgPost("image: img/zz.png\ncover: img/also-zz.png\n", "")},
			want: []string{"blog/p.md:3:8-3:18 cover-missing"}},
		{name: "TOML front matter", files: map[string]string{
			"blog/p.md": "+++\ntitle = \"t\"\ncover = \"img/zz.png\"\n+++\n"},
			want: []string{"blog/p.md:3:9-3:21 cover-missing"}},
	})
}

func TestCoverInvalid(t *testing.T) {
	runImgCases(t, "cover-invalid", []imgCase{
		{name: "valid PNG, JPEG, GIF, WebP and SVG", files: map[string]string{
			"blog/a.md": imgPost("cover: a.png\n", ""), "blog/a.png": pngOf(t, 3, 2),
			"blog/b.md": imgPost("cover: b.jpg\n", ""), "blog/b.jpg": jpegOf(t, 3, 2),
			"blog/c.md": imgPost("cover: c.JPEG\n", ""), "blog/c.JPEG": jpegOf(t, 3, 2),
			"blog/d.md": imgPost("cover: d.gif\n", ""), "blog/d.gif": gifOf(t, 3, 2),
			"blog/e.md": imgPost("cover: e.webp\n", ""), "blog/e.webp": webp1x1(t),
			"blog/f.md": imgPost("cover: f.svg\n", ""), "blog/f.svg": svgOK,
			"blog/g.md": imgPost("cover: g.svg\n", ""), "blog/g.svg": "\xEF\xBB\xBF<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
			"blog/h.md": imgPost("cover: h.svg\n", ""), "blog/h.svg": "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<svg><title>caf\xe9</title></svg>"}},
		{name: "text named .jpg", files: map[string]string{
			"blog/p.md": imgPost("cover: a.jpg\n", ""), "blog/a.jpg": "404 Not Found\n"},
			want: []string{"blog/p.md:3:8-3:13 cover-invalid"},
			msg:  []string{"cover blog/a.jpg is not a JPEG image", "text/plain"}, not: []string{"404"}},
		{name: "HTML named .png", files: map[string]string{
			"blog/p.md": imgPost("cover: a.png\n", ""), "blog/a.png": "<!DOCTYPE html><html><body>Error</body></html>"},
			want: []string{"blog/p.md:3:8-3:13 cover-invalid"}, msg: []string{"text/html"}},
		{name: "PNG named .jpg", files: map[string]string{
			"blog/p.md": imgPost("cover: a.jpg\n", ""), "blog/a.jpg": pngOf(t, 2, 2)},
			want: []string{"blog/p.md:3:8-3:13 cover-invalid"}, msg: []string{"is a PNG image, not JPEG"}},
		{name: "WebP named .png", files: map[string]string{
			"blog/p.md": imgPost("cover: a.png\n", ""), "blog/a.png": webp1x1(t)},
			want: []string{"blog/p.md:3:8-3:13 cover-invalid"}, msg: []string{"is a WEBP image, not PNG"}},
		{name: "truncated PNG", files: map[string]string{
			"blog/p.md": imgPost("cover: a.png\n", ""), "blog/a.png": pngOf(t, 2, 2)[:20]},
			want: []string{"blog/p.md:3:8-3:13 cover-invalid"}, msg: []string{"does not decode as PNG"}},
		{name: "empty file", files: map[string]string{
			"blog/p.md": imgPost("cover: a.gif\n", ""), "blog/a.gif": ""},
			want: []string{"blog/p.md:3:8-3:13 cover-invalid"}, msg: []string{"empty file"}},
		{name: "SVG with an HTML root", files: map[string]string{
			"blog/p.md": imgPost("cover: a.svg\n", ""), "blog/a.svg": "<html><body>Not found</body></html>"},
			want: []string{"blog/p.md:3:8-3:13 cover-invalid"}, msg: []string{"root element is not <svg>"}, not: []string{"html"}},
		{name: "SVG that is not XML", files: map[string]string{
			"blog/p.md": imgPost("cover: a.svg\n", ""), "blog/a.svg": "<svg width=4>"},
			want: []string{"blog/p.md:3:8-3:13 cover-invalid"}, msg: []string{"invalid XML"}},
		{name: "SVG with no element", files: map[string]string{
			"blog/p.md": imgPost("cover: a.svg\n", ""), "blog/a.svg": "<?xml version=\"1.0\"?>\n<!-- nothing -->\n"},
			want: []string{"blog/p.md:3:8-3:13 cover-invalid"}, msg: []string{"no XML element"}},
		{name: "narrower than minWidth", cfg: imgCfg + "  minWidth: 10\n", files: map[string]string{
			"blog/p.md": imgPost("cover: a.png\n", ""), "blog/a.png": pngOf(t, 4, 30),
			"blog/q.md": imgPost("cover: b.png\n", ""), "blog/b.png": pngOf(t, 10, 1),
			"blog/r.md": imgPost("cover: c.svg\n", ""), "blog/c.svg": svgOK},
			want: []string{"blog/p.md:3:8-3:13 cover-invalid"}, msg: []string{"4 px wide", "minWidth (10 px)"}},
		{name: "extensions without a decoder are not judged", files: map[string]string{
			"blog/p.md": imgPost("cover: a.avif\n", ""), "blog/a.avif": "not checked"}},
		{name: "a map without a path", files: map[string]string{
			"blog/p.md": imgPost("cover:\n  alt: A\n", "")},
			want: []string{"blog/p.md:4:3-4:9 cover-invalid"}, msg: []string{"without image, src, url or path"}},
		{name: "missing files are cover-missing's", files: map[string]string{
			"blog/p.md": imgPost("cover: zz.png\n", "")}},
	})
}

func TestImageMissing(t *testing.T) {
	a := pngOf(t, 2, 2)
	// A folder too big to score every name: the suggestion still comes.
	bigFolder := func(body string) map[string]string {
		files := map[string]string{"blog/p.md": imgPost("", body), "blog/img/architecture.png": a}
		for i := range 500 {
			files[fmt.Sprintf("blog/img/f-%04d.png", i)] = a
		}
		return files
	}
	runImgCases(t, "image-missing", []imgCase{
		{name: "near name in a folder of 500", files: bigFolder("![Architecture](./img/architecure.png)\n"),
			want: []string{"blog/p.md:4:1-4:39 image-missing"}, msg: []string{`did you mean "./img/architecture.png"?`}},
		{name: "wrong case in a folder of 500", files: bigFolder("![b](img/F-0100.PNG)\n"),
			want: []string{"blog/p.md:4:1-4:21 image-missing"}, msg: []string{`did you mean "img/f-0100.png"?`}},
		{name: "found: relative, site-absolute, own origin, encoded, query", files: map[string]string{
			"blog/p.md": imgPost("", "![a](img/a.png) ![b](/s.png) ![c](https://blog.example.com/s.png)\n\n"+
				"![d](img/a%20b.png) ![e](<img/a b.png>) ![f](./img/a.png?w=10#x)\n"),
			"blog/img/a.png": a, "blog/img/a b.png": a, "static/s.png": a}},
		{name: "not checked: remote, protocol-relative, data, MDX, templates", files: map[string]string{
			"blog/p.md": imgPost("", "![a](https://example.org/zz.png) ![b](//cdn.example.org/zz.png)\n\n"+
				"![c](data:image/png;base64,iVBORw0KGgo=) ![d]({{.Site.BaseURL}}/zz.png)\n\n"+
				"<img src={require('./zz.png').default} />\n")}},
		{name: "inline", files: map[string]string{
			"blog/p.md": imgPost("", "Text ![a cow](img/cow.png) text.\n"), "blog/img/cat.png": a},
			want: []string{"blog/p.md:4:6-4:27 image-missing"},
			msg:  []string{`image "img/cow.png" not found; looked for blog/img/cow.png`}},
		{name: "inline, near name", files: map[string]string{
			"blog/p.md": imgPost("", "![Architecture](./img/architecure.png)\n"), "blog/img/architecture.png": a},
			want: []string{"blog/p.md:4:1-4:39 image-missing"}, msg: []string{`did you mean "./img/architecture.png"?`}},
		{name: "site-absolute", files: map[string]string{
			"blog/p.md": imgPost("", "![x](/img/zz.png)\n"), "static/robots.txt": ""},
			want: []string{"blog/p.md:4:1-4:18 image-missing"}, msg: []string{"looked for static/img/zz.png"}},
		{name: "own origin", files: map[string]string{
			"blog/p.md": imgPost("", "![x](https://blog.example.com/img/zz.png)\n"), "static/robots.txt": ""},
			want: []string{"blog/p.md:4:1-4:42 image-missing"}, msg: []string{"static/img/zz.png"}},
		{name: "reference style", files: map[string]string{
			"blog/p.md": imgPost("", "See ![the ghost][g].\n\n[g]: img/ghost.png\n")},
			want: []string{"blog/p.md:4:5-4:6 image-missing"}},
		{name: "raw HTML", files: map[string]string{
			"blog/p.md": imgPost("", "<p>\n  <img alt=\"x\" src=\"img/zz.png\">\n</p>\n\nInline <img src='/zz.gif'> too.\n"), "static/robots.txt": ""},
			want: []string{"blog/p.md:5:21-5:31 image-missing", "blog/p.md:8:18-8:25 image-missing"}},
		{name: "empty source", files: map[string]string{
			"blog/p.md": imgPost("", "![nothing]()\n")},
			want: []string{"blog/p.md:4:1-4:2 image-missing"}, msg: []string{"no source"}},
		{name: "fragment only", files: map[string]string{
			"blog/p.md": imgPost("", "![x](#top)\n")},
			want: []string{"blog/p.md:4:1-4:11 image-missing"}, msg: []string{"names no file"}},
		{name: "@site alias", files: map[string]string{
			"blog/p.md": imgPost("", "![a](@site/static/s.png) ![b](@site/static/zz.png)\n"), "static/s.png": a},
			want: []string{"blog/p.md:4:26-4:51 image-missing"}, msg: []string{"looked for static/zz.png"}},
		{name: "component attribute", cfg: imgCfg + "admonitions:\n  dialect: mdc\n", files: map[string]string{
			"blog/p.md":    imgPost("", "::nuxt-image{src=\"/img/zz.png\"}\n::\n\n::nuxt-image{src=\"/s.png\"}\n::\n\n::card{href=\"/zz.png\"}\n::\n"),
			"static/s.png": a},
			want: []string{"blog/p.md:4:19-4:30 image-missing"}, msg: []string{"looked for static/img/zz.png"}},
		{name: "links, code and covers are not body images", files: map[string]string{
			"blog/p.md": imgPost("cover: zz.png\n", "[a link](img/zz.png)\n\n`![code](zz.png)`\n\n```\n![fenced](zz.png)\n```\n")}},
	})
}

// TestImagesPreCommit lints one file: the other post's images are its own
// business.
func TestImagesPreCommit(t *testing.T) {
	root := writeSite(t, map[string]string{
		"blog/a.md": imgPost("cover: zz.png\n", "![x](zz.png)\n"),
		"blog/b.md": imgPost("cover: zz.png\n", "![x](zz.png)\n"),
	}, imgCfg)
	res := runSite(t, root, "blog/b.md")
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	var got []string
	for _, f := range res.Findings {
		if f.RuleID == "cover-missing" || f.RuleID == "image-missing" {
			got = append(got, where(f))
		}
	}
	want := []string{"blog/b.md:3:8-3:14 cover-missing", "blog/b.md:5:1-5:13 image-missing"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestImagesWithoutStaticFolder: when no static folder exists (a checkout
// without its assets), site-absolute paths can't be judged. They are not
// reported, but counted in one note per rule; relative paths still are.
func TestImagesWithoutStaticFolder(t *testing.T) {
	root := writeSite(t, map[string]string{
		"blog/p.md": imgPost("cover: /img/zz.png\n", "![a](/img/zz.png) ![b](/img/yy.png) ![c](img/zz.png)\n"),
		"blog/q.md": imgPost("cover: img/zz.png\n", ""),
	}, imgCfg)
	cfg, site, err := lint.Setup([]string{root}, filepath.Join(root, lint.ConfigFileName))
	if err != nil {
		t.Fatal(err)
	}
	var notes bytes.Buffer
	eng := &lint.Engine{Rules: []*lint.Rule{CoverMissing, ImageMissing}, Config: cfg, Site: site, BaseDir: root,
		Options: lint.Options{Jobs: 1, Offline: true, Warnings: &notes}}
	res, err := eng.Run(context.Background(), []string{root})
	if err != nil || res.Err != nil {
		t.Fatal(err, res.Err)
	}
	checkFindings(t, res.Findings, []string{"blog/p.md:5:37-5:53 image-missing", "blog/q.md:3:8-3:18 cover-missing"})
	want := "contentlint: cover-missing: 1 site-absolute cover paths were not checked: none of the static folders exists (static)\n" +
		"contentlint: image-missing: 2 site-absolute image paths were not checked: none of the static folders exists (static)\n"
	if notes.String() != want {
		t.Errorf("notes:\n%s\nwant:\n%s", notes.String(), want)
	}
}
