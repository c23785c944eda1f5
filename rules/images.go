package rules

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // registers the decoders image.DecodeConfig sniffs with
	_ "image/jpeg"
	_ "image/png"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	_ "golang.org/x/image/webp"
	"golang.org/x/net/html/charset"

	"github.com/contentlint/contentlint/lint"
)

// CoverMissing reports cover images that are not found.
var CoverMissing = &lint.Rule{
	ID:       "cover-missing",
	Doc:      "the cover image named in front matter is not found",
	Severity: lint.Error,
	Help: "The cover field (`cover` unless `cover.field` says otherwise; Docusaurus uses `image`) must name " +
		"an existing file. `a.jpg`, `./a.jpg` and `/x/a.jpg` are looked up next to the post, then under each " +
		"of `cover.dirs`, then under the static folders. Remote covers are left to the external link " +
		"checker; an empty cover is left to `frontmatter-required`.\n\n" +
		"Bad:\n\n```yaml\ncover: images/sunset.jpeg   # the file is images/sunset.jpg\n```\n\n" +
		"Good:\n\n```yaml\ncover: images/sunset.jpg\n```",
	CheckSite: func(p *lint.SitePass) { newAssetChecker(p).covers(true) },
}

// CoverInvalid reports cover files that are not usable images.
var CoverInvalid = &lint.Rule{
	ID:       "cover-invalid",
	Doc:      "the cover file does not decode as an image of its extension, or is too narrow",
	Severity: lint.Error,
	Help: "A cover must be a real image of the type its extension says: `.jpg`/`.jpeg`, `.png`, `.gif` " +
		"and `.webp` must decode, and `.svg` must be XML with an `<svg>` root. With `cover.minWidth` set, " +
		"narrower images are reported too. Other extensions are not decoded.\n\n" +
		"Bad: `cover: og.jpg` where `og.jpg` is an HTML error page saved by a failed download, or a PNG " +
		"renamed to `.jpg`.\n\nGood: `cover: og.png`, the same file under its real extension.",
	CheckSite: func(p *lint.SitePass) { newAssetChecker(p).covers(false) },
}

// ImageMissing reports body images whose file does not exist.
var ImageMissing = &lint.Rule{
	ID:       "image-missing",
	Doc:      "an image in the post body points at a file that does not exist",
	Severity: lint.Error,
	Help: "Markdown images (`![alt](src)` and reference-style `![alt][ref]`), `<img src>` in raw HTML and " +
		"component attributes such as `::nuxt-image{src=\"/images/a.png\"}` must reach a file: relative " +
		"paths next to the post, site-absolute ones under the static folders. Remote, `data:` and " +
		"protocol-relative URLs are skipped, except those on the site's own `baseURL`.\n\n" +
		"Bad:\n\n```md\n![Architecture](./img/architecure.png)\n```\n\n" +
		"Good:\n\n```md\n![Architecture](./img/architecture.png)\n```",
	CheckSite: bodyImages,
}

// assetChecker resolves and decodes files for one rule run; every cache is
// keyed by absolute path and lives only as long as the run.
type assetChecker struct {
	p        *lint.SitePass
	resolved map[[2]string]resolvedAsset // (post folder, dest) → result
	listings *listings                   // shared by a rule's workers
	decoded  map[string]string           // file → problem, "" when it decodes
	widths   map[string]int              // file → pixel width
	// unchecked counts site-absolute paths left unjudged because no static
	// folder exists; static is nil until computed.
	unchecked int
	static    *bool
	contain   *lint.Containment
}

type resolvedAsset struct {
	abs   string
	tried []string
	// outside is set when a place looked at leaves the site: the asset is
	// then reported as outside, found or not, so that no finding tells
	// whether a file outside exists.
	outside bool
}

func newAssetChecker(p *lint.SitePass) *assetChecker {
	return &assetChecker{p: p, resolved: map[[2]string]resolvedAsset{}, listings: newListings(),
		decoded: map[string]string{}, widths: map[string]int{}, contain: p.Site.NewContainment()}
}

// localDest returns the part of an image reference to look up on disk. ok is
// false for references that are not local files: remote URLs on other
// origins, data: URLs, templates and MDX expressions.
func (c *assetChecker) localDest(dest string) (string, bool) {
	dest = strings.TrimSpace(dest)
	if strings.Contains(dest, "{{") {
		if tl, ok := c.p.Site.TemplateLink(dest); ok && tl.URL != "" {
			dest = tl.URL // {{ '/x.png' | relative_url }}
		}
	}
	switch {
	case strings.HasPrefix(dest, "{") || strings.Contains(dest, "{{") || strings.HasPrefix(dest, "require("):
		return "", false
	case strings.HasPrefix(dest, "//") || schemeRE.MatchString(dest):
		p, ok := c.p.Site.IsInternalURL(dest)
		if !ok {
			return "", false
		}
		p = c.p.Site.StripBasePath(p)
		if p == "" {
			p = "/"
		}
		return p, true
	}
	return dest, true
}

func (c *assetChecker) resolve(from, dest string, dirs []string) resolvedAsset {
	key := [2]string{filepath.Dir(from), dest + "\x00" + strings.Join(dirs, "\x00")}
	if r, ok := c.resolved[key]; ok {
		return r
	}
	var r resolvedAsset
	if rest, ok := strings.CutPrefix(dest, "@site/"); ok {
		// Docusaurus' alias for the site root.
		p := filepath.Join(c.p.Site.Root, filepath.FromSlash(rest))
		r.tried = []string{p}
		if lint.FileExists(p) {
			r.abs = p
		}
	} else {
		r.abs, r.tried = c.p.Site.ResolveAsset(from, dest, dirs)
	}
	for _, t := range r.tried {
		if !c.contain.Inside(t, dirs...) {
			r.abs, r.outside = "", true
			break
		}
	}
	c.resolved[key] = r
	return r
}

// resolveCover tries a cover next to the post, under each cover dir, then
// under the static folders, whichever way the path is written.
func (c *assetChecker) resolveCover(from, dest string) resolvedAsset {
	if strings.HasPrefix(dest, "@site/") {
		return c.resolve(from, dest, nil)
	}
	rel := strings.TrimLeft(strings.TrimPrefix(dest, "./"), "/")
	r := c.resolve(from, rel, c.p.Config.Cover.Dirs)
	if r.abs != "" || r.outside || strings.HasPrefix(rel, "../") {
		return r
	}
	s := c.resolve(from, "/"+rel, nil)
	out := resolvedAsset{abs: s.abs, tried: append(append([]string(nil), r.tried...), s.tried...), outside: s.outside}
	return out
}

// uncheckable reports whether a site-absolute path that was not found can't
// be judged because no static folder exists (a checkout without its assets,
// or a site whose static folder the config does not name); it counts them.
func (c *assetChecker) uncheckable(dest string) bool {
	if !strings.HasPrefix(dest, "/") {
		return false
	}
	if c.static == nil {
		exists := false
		for _, d := range c.p.Site.StaticRoots {
			if fi, err := os.Stat(d); err == nil && fi.IsDir() {
				exists = true
			}
		}
		c.static = &exists
	}
	if *c.static {
		return false
	}
	c.unchecked++
	return true
}

// noteUnchecked says, once per rule, how many paths uncheckable skipped.
func (c *assetChecker) noteUnchecked(what string) {
	if c.unchecked == 0 || c.p.Options == nil || c.p.Options.Warnings == nil {
		return
	}
	w := c.p.Options.Warnings
	var dirs []string
	for _, d := range c.p.Site.StaticRoots {
		dirs = append(dirs, c.p.Site.Rel(d))
	}
	where := "no static folder is configured (set static: in .contentlint.yml)"
	if len(dirs) > 0 {
		where = "none of the static folders exists (" + strings.Join(dirs, ", ") + ")"
	}
	// A note that can't be written changes no finding.
	_, _ = fmt.Fprintf(w, "contentlint: %s: %d site-absolute %s paths were not checked: %s\n", c.p.Rule.ID, c.unchecked, what, where)
}

// coverValue is one cover path written in front matter.
type coverValue struct {
	dest string
	rng  lint.Range
	bad  string // why the value is not a path
}

// coverValues reads the cover field: a path, a list of paths, or a map
// holding one under image, src, url or path (as Hugo themes write it).
func coverValues(v *lint.Value) []coverValue {
	if v == nil || v.Empty() {
		return nil
	}
	switch v.Kind {
	case lint.Scalar:
		return []coverValue{{dest: v.Text, rng: v.Range}}
	case lint.Map:
		for _, k := range []string{"image", "src", "url", "path"} {
			if it := v.Get(k); it != nil {
				return coverValues(it)
			}
		}
		return []coverValue{{rng: v.Range, bad: fmt.Sprintf("cover field %q is a map without image, src, url or path", v.Key)}}
	case lint.List:
		var out []coverValue
		for _, it := range v.Items {
			if it.Kind == lint.Scalar {
				out = append(out, coverValue{dest: it.Text, rng: it.Range})
			} else if !it.Empty() {
				out = append(out, coverValue{rng: it.Range, bad: fmt.Sprintf("cover %s is not a path", quoteValue(it))})
			}
		}
		return out
	}
	return nil
}

func (c *assetChecker) covers(missing bool) {
	defer c.noteUnchecked("cover")
	field := c.p.Config.Cover.Field
	if field == "" {
		field = "cover"
	}
	for _, e := range c.p.Targets {
		if c.p.Ctx.Err() != nil {
			return
		}
		if e.Fields == nil {
			continue
		}
		for _, cv := range coverValues(e.Fields.Get(field)) {
			if cv.bad != "" {
				if !missing {
					c.p.Reportf(e, cv.rng, "%s", cv.bad)
				}
				continue
			}
			dest, ok := c.localDest(cv.dest)
			if !ok || strings.TrimSpace(dest) == "" {
				continue
			}
			r := c.resolveCover(e.Abs, dest)
			switch {
			case r.outside && missing:
				c.p.Report(e, outsideDiag("cover", cv.dest, cv.rng))
			case r.outside:
			case r.abs == "" && missing && c.uncheckable(dest):
			case r.abs == "" && missing:
				c.p.Report(e, c.missingDiag("cover", cv.dest, dest, cv.rng, r.tried))
			case r.abs != "" && !missing:
				if msg := c.decode(r.abs); msg != "" {
					c.p.Reportf(e, cv.rng, "cover %s %s", c.p.Site.Rel(r.abs), msg)
				} else if w, min := c.widths[r.abs], c.p.Config.Cover.MinWidth; min > 0 && w > 0 && w < min {
					c.p.Reportf(e, cv.rng, "cover %s is %d px wide, narrower than cover.minWidth (%d px)", c.p.Site.Rel(r.abs), w, min)
				}
			}
		}
	}
}

// bodyImages checks every target's images on the run's workers; the count
// of unchecked paths is summed into one note.
func bodyImages(p *lint.SitePass) {
	shared := newListings()
	workers := lint.EachTarget(p, func(q *lint.SitePass) *assetChecker {
		c := newAssetChecker(q)
		c.listings = shared
		return c
	}, (*assetChecker).entryImages)
	for _, c := range workers[1:] {
		workers[0].unchecked += c.unchecked
	}
	workers[0].noteUnchecked("image")
}

func (c *assetChecker) entryImages(e *lint.Entry) {
	for _, ref := range e.Refs {
		if !ref.IsImage() {
			continue
		}
		if strings.TrimSpace(ref.Dest) == "" {
			c.p.Reportf(e, ref.Range, "image has no source")
			continue
		}
		dest, ok := c.localDest(ref.Dest)
		if !ok {
			continue
		}
		if strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "?") {
			c.p.Reportf(e, ref.Range, "image %q names no file", ref.Dest)
			continue
		}
		if c.p.Site.Traits().RelativeToURL && e.URL != "" && !strings.HasPrefix(dest, "/") {
			dest = againstURL(e.URL, dest) // the browser resolves it from the page's URL
		}
		if r := c.resolve(e.Abs, dest, nil); r.outside {
			c.p.Report(e, outsideDiag("image", ref.Dest, ref.Range))
		} else if r.abs == "" && !c.uncheckable(dest) {
			d := c.missingDiag("image", ref.Dest, dest, ref.Range, r.tried)
			d.Fix = c.caseFix(ref, dest, r.tried)
			c.p.Report(e, d)
		}
	}
}

func outsideDiag(what, written string, rng lint.Range) lint.Diagnostic {
	return lint.Diagnostic{Range: rng, Properties: map[string]string{"path": written},
		Message: fmt.Sprintf("%s %q points outside the site; files outside the site root are not looked at", what, written)}
}

// missingDiag says where a file was looked for and suggests the closest
// existing name in those folders.
func (c *assetChecker) missingDiag(what, written, dest string, rng lint.Range, tried []string) lint.Diagnostic {
	seen := map[string]bool{}
	var where []string
	for _, t := range tried {
		if rel := c.p.Site.Rel(t); !seen[rel] {
			seen[rel] = true
			where = append(where, rel)
		}
	}
	msg := fmt.Sprintf("%s %q not found", what, written)
	if len(where) > 0 {
		msg += "; looked for " + strings.Join(where, ", ")
	}
	d := lint.Diagnostic{Range: rng, Properties: map[string]string{"path": written}}
	if name := c.nearestName(dest, tried); name != "" {
		base := dest
		if i := strings.IndexAny(base, "?#"); i >= 0 {
			base = base[:i]
		}
		sugg := base[:strings.LastIndex(base, "/")+1] + name
		msg += fmt.Sprintf(" (did you mean %q?)", sugg)
		d.Properties["suggestion"] = sugg
	}
	d.Message = msg
	return d
}

// nearestName finds the existing file name closest to dest's in the folders
// that were tried, when one is close enough to be a typo or a wrong case.
func (c *assetChecker) nearestName(dest string, tried []string) string {
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		dest = dest[:i]
	}
	want := strings.ToLower(path.Base(dest))
	if want == "" || want == "." || want == "/" {
		return ""
	}
	// A quarter of the name may differ: sunset.jpeg for sunset.jpg, not cow
	// for cat.
	best, bestD := "", max(1, len([]rune(want))/4)+1
	for _, t := range tried {
		f := c.listing(filepath.Dir(t))
		for _, low := range f.near.near(want) {
			d := lint.EditDistance(low, want)
			for _, name := range f.byLower[low] {
				if d < bestD || (d == bestD && best != "" && name < best) {
					best, bestD = name, d
				}
			}
		}
	}
	if best == path.Base(dest) {
		return "" // the name is right; the folder is not
	}
	return best
}

// caseFix renames the file in an image path whose name has the wrong case,
// when exactly one file in the folders tried matches it ignoring case: that
// is the file the author meant, and the one a case-insensitive disk (macOS,
// Windows) served while the site was written.
func (c *assetChecker) caseFix(ref lint.Ref, dest string, tried []string) *lint.Fix {
	start, end, ok := ref.DestSpan()
	if !ok {
		return nil
	}
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		dest = dest[:i]
	}
	base := path.Base(dest)
	match := ""
	for _, t := range tried {
		for _, name := range c.listing(filepath.Dir(t)).byLower[strings.ToLower(base)] {
			if name == base || !strings.EqualFold(name, base) {
				continue
			}
			if match != "" && match != name {
				return nil // two candidates: not ours to choose
			}
			match = name
		}
	}
	i := strings.LastIndex(ref.Dest, base)
	if match == "" || i < 0 {
		return nil
	}
	rep := ref.Dest[:i] + match + ref.Dest[i+len(base):]
	return &lint.Fix{Message: "use " + rep, Start: start, End: end, Replacement: rep}
}

// folderNames are the names of a folder's files, looked up by lower case,
// with the lower-case names grouped for suggestions: a folder of 200,000
// posts made a linear scan per missing image quadratic.
type folderNames struct {
	byLower map[string][]string // lower case → names, sorted
	near    *nearList           // of the lower-case names
}

// listings are folders' names, read once per rule run however many
// workers ask: a folder of 200,000 posts is not cheap to list.
type listings struct {
	mu      sync.Mutex
	folders map[string]*listedFolder
}

type listedFolder struct {
	once  sync.Once
	names *folderNames
}

func newListings() *listings { return &listings{folders: map[string]*listedFolder{}} }

func (c *assetChecker) listing(dir string) *folderNames {
	l := c.listings
	l.mu.Lock()
	lf := l.folders[dir]
	if lf == nil {
		lf = &listedFolder{}
		l.folders[dir] = lf
	}
	l.mu.Unlock()
	lf.once.Do(func() { lf.names = listFolder(dir) })
	return lf.names
}

func listFolder(dir string) *folderNames {
	ents, _ := os.ReadDir(dir) // a missing folder has no names to suggest
	f := &folderNames{byLower: map[string][]string{}}
	var lows []string
	for _, e := range ents { // in name order, so each byLower list is sorted
		if e.Type().IsRegular() || e.Type()&os.ModeSymlink != 0 {
			low := strings.ToLower(e.Name())
			if f.byLower[low] == nil {
				lows = append(lows, low)
			}
			f.byLower[low] = append(f.byLower[low], e.Name())
		}
	}
	f.near = newNearList(lows)
	return f
}

// imageFormats maps an extension to the format name image.DecodeConfig
// reports for it.
var imageFormats = map[string]string{".jpg": "jpeg", ".jpeg": "jpeg", ".jpe": "jpeg", ".png": "png", ".gif": "gif", ".webp": "webp"}

// decode returns why abs is not an image of its extension, or "". Only the
// header is read: that is what tells a renamed or truncated download apart.
func (c *assetChecker) decode(abs string) string {
	if msg, ok := c.decoded[abs]; ok {
		return msg
	}
	msg, w := decodeImageFile(abs)
	c.decoded[abs], c.widths[abs] = msg, w
	return msg
}

func decodeImageFile(abs string) (string, int) {
	ext := strings.ToLower(filepath.Ext(abs))
	want, raster := imageFormats[ext]
	if !raster && ext != ".svg" {
		return "", 0 // no decoder for it here (avif, ico...): existing is enough
	}
	f, _, err := lint.OpenRegular(abs)
	if err != nil {
		return fmt.Sprintf("cannot be read: %v", err), 0
	}
	defer func() { _ = f.Close() }() // read-only: closing can't lose data
	br := bufio.NewReader(f)
	head, _ := br.Peek(512)
	if len(head) == 0 {
		return "is an empty file", 0
	}
	if ext == ".svg" {
		return svgProblem(br), 0
	}
	cfg, got, err := image.DecodeConfig(br)
	switch {
	case errors.Is(err, image.ErrFormat):
		return fmt.Sprintf("is not a %s image: it holds %s", strings.ToUpper(want), contentKind(head)), 0
	case err != nil:
		// Decoder errors name the format problem, never file bytes.
		return fmt.Sprintf("does not decode as %s: %v", strings.ToUpper(want), err), 0
	case got != want:
		return fmt.Sprintf("is a %s image, not %s as its extension says", strings.ToUpper(got), strings.ToUpper(want)), 0
	}
	return "", cfg.Width
}

// contentKind names what a file holds instead of an image.
func contentKind(head []byte) string {
	kind := http.DetectContentType(head)
	if i := strings.IndexByte(kind, ';'); i >= 0 {
		kind = kind[:i]
	}
	// Only the type: a message must never quote what a file holds (the
	// file may be a secret that a committed symlink points at).
	return kind
}

// svgProblem parses XML up to the root element, which must be <svg>.
func svgProblem(r io.Reader) string {
	br := bufio.NewReader(r)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\xEF\xBB\xBF")) {
		_, _ = br.Discard(3)
	}
	d := xml.NewDecoder(br)
	d.CharsetReader = charset.NewReaderLabel
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return "is not an SVG image: it holds no XML element"
		}
		if err != nil {
			// XML errors quote the text they stumble on; keep the line only.
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return fmt.Sprintf("is not an SVG image: invalid XML on line %d", se.Line)
			}
			return "is not an SVG image: invalid XML"
		}
		if se, ok := tok.(xml.StartElement); ok {
			if se.Name.Local != "svg" {
				return "is not an SVG image: its root element is not <svg>"
			}
			return ""
		}
	}
}
