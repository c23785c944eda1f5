package lint

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/hashicorp/go-multierror"
)

// MaxFileSize bounds what is read into memory; larger files get a finding.
const MaxFileSize = 64 << 20

// Engine runs rules over a site. It knows no particular rule.
type Engine struct {
	Rules   []*Rule
	Config  *Config
	Site    *Site
	Options Options
	// BaseDir is where reported paths are relative to (default: the working
	// directory), so that editors, CI annotations and SARIF can open them.
	BaseDir string
}

// Result is the outcome of a run. Err collects I/O problems per file; the
// other files are linted all the same.
type Result struct {
	Findings []Finding
	Files    int // files linted (targets)
	// Targets are the linted files, as findings name them.
	Targets []string
	// Index is the site index the run built (every post, URL and alias).
	Index   *Index
	Indexed int // files in the site index
	// Entries is the site index, sorted by path.
	Entries []*Entry
	Err     error
}

var markdownExt = map[string]bool{".md": true, ".mdx": true, ".markdown": true}

// isHTMLPage reports whether a file name has an HTML extension.
func isHTMLPage(name string) bool { return strings.EqualFold(filepath.Ext(name), ".html") }

// IsMarkdown reports whether a file name has a Markdown extension.
func IsMarkdown(name string) bool { return markdownExt[strings.ToLower(filepath.Ext(name))] }

// The walk is bounded: a committed symlink can point at /sys or /, and no
// real site nests folders this deep or holds this many entries.
const (
	maxWalkDepth   = 64
	maxWalkEntries = 4 << 20
)

type discovered struct {
	display func(string) string
	files   map[string]bool // absolute paths
	errs    *multierror.Error
	ignore  []string
	root    string
	found   *phase
	site    *Site
	// also is a folder given on the command line outside the content roots:
	// symlinks inside it may be followed too.
	also     string
	reported map[string]bool // links already reported, by real link path
	entries  int
	stopped  bool
	// htmlPages: .html files are pages too (see Traits.HTMLPages).
	htmlPages bool
}

func (d *discovered) fail(key string, err error) {
	if d.reported[key] {
		return
	}
	d.reported[key] = true
	d.errs = multierror.Append(d.errs, err)
}

// inside applies the containment rule to a symlink found by the walk.
func (d *discovered) inside(p string) bool {
	return d.site.Inside(p) || (d.also != "" && within(resolveExisting(d.also), resolveExisting(p)))
}

// walk follows directory symlinks that stay inside the site, and remembers
// real paths, so a loop is an error that names the link instead of a hang
// or a silent skip.
func (d *discovered) walk(ctx context.Context, dir string, seen map[string]bool) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		d.errs = multierror.Append(d.errs, pathError(d.display(dir), err))
		return
	}
	d.walkReal(ctx, dir, real, seen)
}

// walkReal is walk once dir's real path is known: a folder that is no
// symlink has its parent's real path and its own name, so only symlinks
// are resolved (resolving every folder from the root was an eighth of a
// warm one-file run).
func (d *discovered) walkReal(ctx context.Context, dir, real string, seen map[string]bool) {
	if ctx.Err() != nil || d.stopped {
		return
	}
	if len(seen) >= maxWalkDepth {
		d.fail("depth "+dir, fmt.Errorf("%s: folders nest more than %d deep; not walked further", d.display(dir), maxWalkDepth))
		return
	}
	if seen[real] {
		d.fail(dir, fmt.Errorf("%s: symlink loop: it leads back to %s, which is already being walked", d.display(dir), d.display(real)))
		return
	}
	seen[real] = true
	defer delete(seen, real)
	ents, err := os.ReadDir(dir)
	if err != nil {
		d.errs = multierror.Append(d.errs, pathError(d.display(dir), err))
		return
	}
	for _, ent := range ents {
		if d.entries++; d.entries > maxWalkEntries {
			d.stopped = true
			d.errs = multierror.Append(d.errs, fmt.Errorf("%s: more than %d files and folders; the walk stopped here", d.display(dir), maxWalkEntries))
			return
		}
		name := ent.Name()
		p := filepath.Join(dir, name)
		if d.ignored(p) {
			continue
		}
		mode := ent.Type()
		isDir := ent.IsDir()
		if mode&fs.ModeSymlink != 0 {
			fi, err := os.Stat(p)
			if err != nil {
				// A dangling link to something else is not ours to judge; a
				// loop or a broken Markdown link is.
				if IsMarkdown(name) || errors.Is(err, syscall.ELOOP) {
					d.errs = multierror.Append(d.errs, pathError(d.display(p), err))
				}
				continue
			}
			isDir = fi.IsDir()
			if (isDir || IsMarkdown(name)) && !d.inside(p) {
				what := "file"
				if isDir {
					what = "folder"
				}
				d.fail(p, fmt.Errorf("%s: symlink to a %s outside the site; not followed", d.display(p), what))
				continue
			}
		}
		if isDir {
			if strings.HasPrefix(name, ".") || name == "node_modules" {
				continue
			}
			if mode&fs.ModeSymlink != 0 {
				d.walk(ctx, p, seen)
			} else {
				d.walkReal(ctx, p, filepath.Join(real, name), seen)
			}
			continue
		}
		if IsMarkdown(name) || (d.htmlPages && isHTMLPage(name)) {
			d.files[p] = true
			d.found.add(1)
		}
	}
}

func (d *discovered) ignored(abs string) bool {
	rel := filepath.ToSlash(abs)
	if r, err := filepath.Rel(d.root, abs); err == nil {
		rel = filepath.ToSlash(r)
	}
	for _, g := range d.ignore {
		if ok, _ := doublestar.Match(g, rel); ok {
			return true
		}
	}
	return false
}

func (e *Engine) discover(ctx context.Context, paths []string) (site, targets []string, errs *multierror.Error) {
	found := e.Options.startPhase("finding files", "file", -1)
	defer found.finish()
	all := &discovered{display: e.display, files: map[string]bool{}, ignore: e.Config.Ignore, root: e.Site.Root, found: found, site: e.Site, reported: map[string]bool{}, htmlPages: e.Site.Traits().HTMLPages}
	for _, r := range e.Site.ContentRoots {
		if fi, err := os.Stat(r.Dir); err == nil && fi.IsDir() {
			all.walk(ctx, r.Dir, map[string]bool{})
		}
	}
	tset := map[string]bool{}
	explicit := map[string]bool{}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			all.errs = multierror.Append(all.errs, pathError(p, err))
			continue
		}
		fi, err := os.Stat(abs)
		if err != nil {
			all.errs = multierror.Append(all.errs, pathError(p, err))
			continue
		}
		if !fi.IsDir() {
			tset[abs] = true
			explicit[abs] = true
			all.files[abs] = true
			continue
		}
		n := 0
		for f := range all.files {
			if within(abs, f) {
				tset[f] = true
				n++
			}
		}
		overlaps := false
		for _, r := range e.Site.ContentRoots {
			if within(abs, r.Dir) || within(r.Dir, abs) {
				overlaps = true
			}
		}
		if !overlaps {
			// A folder outside the content roots is linted as given.
			extra := &discovered{display: e.display, files: map[string]bool{}, ignore: e.Config.Ignore, root: e.Site.Root, found: found, site: e.Site, also: abs, reported: all.reported, entries: all.entries, htmlPages: all.htmlPages}
			extra.walk(ctx, abs, map[string]bool{})
			all.entries = extra.entries
			all.errs = multierror.Append(all.errs, extra.errs)
			for f := range extra.files {
				tset[f] = true
				all.files[f] = true
			}
		}
	}
	for f := range all.files {
		// A file the generator does not read (outside every Hugo mount,
		// or refused by a mount's filter) is not a post.
		if !e.Site.IsContent(f) {
			if explicit[f] && e.Options.Warnings != nil {
				// Named on the command line (pre-commit does), so say why
				// nothing is reported for it.
				why := ""
				if u := e.Site.Unrendered(f, nil); u != "" {
					why = " (" + u + ")"
				}
				_, _ = fmt.Fprintf(e.Options.Warnings, "contentlint: %s is not linted: the generator does not read it as content%s\n",
					e.display(f), why)
			}
			delete(tset, f)
			continue
		}
		site = append(site, f)
	}
	for f := range tset {
		targets = append(targets, f)
	}
	sort.Strings(site)
	sort.Strings(targets)
	return site, targets, all.errs
}

// Run lints the posts under paths (files or folders). The rest of the site is
// indexed so that site-wide rules resolve.
func (e *Engine) Run(ctx context.Context, paths []string) (*Result, error) {
	if e.BaseDir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, fmt.Errorf("working directory: %w", err)
		}
		e.BaseDir = wd
	}
	start := time.Now()
	// A run given only files (a pre-commit hook's) will index the rest of
	// the site light, so its cache loads while the site is walked; its
	// warnings wait, so that they keep their place in the output.
	var early chan *indexCache
	var earlyWarn bytes.Buffer
	if !e.Options.NoCache && onlyFiles(paths) {
		early = make(chan *indexCache, 1)
		go func() { early <- e.openIndexCache(start, &earlyWarn) }()
	}
	siteFiles, targets, errs := e.discover(ctx, paths)
	// Only a partial run indexes files light; a big enough one caches them.
	var cache *indexCache
	partial := len(siteFiles)-len(targets) >= minCachedFiles && !e.Options.NoCache
	switch {
	case early != nil:
		c := <-early
		if partial {
			cache = c
			if cache != nil {
				cache.warn = e.Options.Warnings
			}
			if e.Options.Warnings != nil && earlyWarn.Len() > 0 {
				// A warning that can't be written changes no finding.
				_, _ = e.Options.Warnings.Write(earlyWarn.Bytes())
			}
		}
	case partial:
		cache = e.openIndexCache(start, e.Options.Warnings)
	}
	isTarget := make(map[string]bool, len(targets))
	for _, t := range targets {
		isTarget[t] = true
	}
	parser := NewParser(e.Site)
	jobs := e.Options.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	entries := make([]*Entry, len(siteFiles))
	perFile := make([][]Finding, len(siteFiles))
	fileErrs := make([]error, len(siteFiles))
	dirs := make([][]Directive, len(siteFiles))
	next := make(chan int)
	reading := e.Options.startPhase("reading", "file", len(siteFiles))
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var bufs fileBuffers
			for i := range next {
				if ctx.Err() != nil {
					continue
				}
				entries[i], perFile[i], dirs[i], fileErrs[i] = e.lintFile(ctx, parser, cache, siteFiles[i], isTarget[siteFiles[i]], &bufs)
				reading.add(1)
			}
		}()
	}
	for i := range siteFiles {
		next <- i
	}
	close(next)
	wg.Wait()
	reading.finish()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("lint: %w", err)
	}
	if cache != nil {
		rels := make([]string, len(siteFiles))
		for i, f := range siteFiles {
			rels[i] = e.Site.Rel(f)
		}
		cache.save(rels)
	}

	res := &Result{Files: len(targets), Indexed: len(siteFiles)}
	for _, t := range targets {
		res.Targets = append(res.Targets, e.display(t))
	}
	var findings []Finding
	suppress := map[string]*Suppressor{}
	var live []*Entry
	for i := range siteFiles {
		if fileErrs[i] != nil {
			errs = multierror.Append(errs, fileErrs[i])
		}
		findings = append(findings, perFile[i]...)
		if entries[i] != nil {
			live = append(live, entries[i])
			if entries[i].Target {
				suppress[e.display(entries[i].Abs)] = NewSuppressor(dirs[i])
			}
		}
	}
	if l, ok := e.Site.gen().(entryLinker); ok {
		l.LinkEntries(e.Site, live)
	}
	index := NewIndex(live)
	res.Entries = index.Entries
	res.Index = index
	var targetEntries []*Entry
	for _, en := range index.Entries {
		if en.Target {
			targetEntries = append(targetEntries, en)
		}
	}
	// Site rules are independent, so they run side by side; each keeps its
	// own findings and notes, merged in rule order so output stays stable.
	siteFindings := make([][]Finding, len(e.Rules))
	siteNotes := make([]bytes.Buffer, len(e.Rules))
	siteErrs := make([]error, len(e.Rules))
	var swg sync.WaitGroup
	for i, r := range e.Rules {
		sev := e.Config.RuleSeverity(r)
		if r.CheckSite == nil || sev == Off {
			continue
		}
		opts := e.Options
		if opts.Warnings != nil {
			opts.Warnings = &siteNotes[i]
		}
		sp := &SitePass{Ctx: ctx, Rule: r, Index: index, Site: e.Site, Config: e.Config, Targets: targetEntries, Options: &opts}
		sp.report = func(en *Entry, d Diagnostic) {
			siteFindings[i] = append(siteFindings[i], e.finding(r, sev, en.Abs, d))
		}
		sp.fail = func(err error) { siteErrs[i] = fmt.Errorf("rule %s: %w", r.ID, err) }
		swg.Add(1)
		go func() {
			defer swg.Done()
			if err := runSafely(func() { r.CheckSite(sp) }); err != nil {
				siteErrs[i] = fmt.Errorf("rule %s: %w", r.ID, err)
			}
		}()
	}
	swg.Wait()
	for i := range e.Rules {
		findings = append(findings, siteFindings[i]...)
		if siteNotes[i].Len() > 0 {
			if _, err := e.Options.Warnings.Write(siteNotes[i].Bytes()); err != nil {
				errs = multierror.Append(errs, fmt.Errorf("warnings: %w", err))
			}
		}
		if siteErrs[i] != nil {
			errs = multierror.Append(errs, siteErrs[i])
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("lint: %w", err)
	}
	kept := findings[:0]
	for _, f := range findings {
		if !suppress[f.File].Suppressed(f.RuleID, f.Range.Start.Line) {
			kept = append(kept, f)
		}
	}
	dirFindings, dirErr := e.checkDirectives(suppress, targetEntries)
	kept = append(kept, dirFindings...)
	if dirErr != nil {
		errs = multierror.Append(errs, dirErr)
	}
	SortFindings(kept)
	res.Findings = kept
	if errs != nil {
		errs.ErrorFormat = listErrors
		res.Err = errs.ErrorOrNil()
	}
	return res, nil
}

// checkDirectives runs the rules that judge suppression comments, once the
// suppression filter has marked the comments it used.
func (e *Engine) checkDirectives(suppress map[string]*Suppressor, targets []*Entry) ([]Finding, error) {
	known := map[string]bool{}
	for _, r := range e.Rules {
		known[r.ID] = true
	}
	var unused []UnusedDirective
	ran := false
	var out []Finding
	for _, r := range e.Rules {
		sev := e.Config.RuleSeverity(r)
		if r.CheckDirectives == nil || sev == Off {
			continue
		}
		if !ran {
			for _, en := range targets { // sorted by path
				unused = append(unused, suppress[e.display(en.Abs)].Unused(en.Abs, func(id string) bool { return known[id] })...)
			}
			ran = true
		}
		p := &DirectivePass{Rule: r, Config: e.Config, Unused: unused}
		p.report = func(abs string, d Diagnostic) { out = append(out, e.finding(r, sev, abs, d)) }
		if err := runSafely(func() { r.CheckDirectives(p) }); err != nil {
			return out, fmt.Errorf("rule %s: %w", r.ID, err)
		}
	}
	return out, nil
}

func listErrors(es []error) string {
	lines := make([]string, len(es))
	for i, err := range es {
		lines[i] = err.Error()
	}
	return strings.Join(lines, "\n")
}

// SortFindings orders findings by file, line, column and rule.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Range.Start != b.Range.Start {
			return a.Range.Start.Before(b.Range.Start)
		}
		if a.RuleID != b.RuleID {
			return a.RuleID < b.RuleID
		}
		return a.Message < b.Message
	})
}

func (e *Engine) display(abs string) string {
	if r, err := filepath.Rel(e.BaseDir, abs); err == nil {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(abs)
}

func (e *Engine) finding(r *Rule, sev Severity, abs string, d Diagnostic) Finding {
	if _, set := e.Config.Rules[r.ID]; d.Severity != Off && !set {
		sev = d.Severity
	}
	if d.Cap != Off && d.Cap < sev {
		sev = d.Cap
	}
	if d.Fix != nil && d.Fix.File != "" && filepath.IsAbs(d.Fix.File) {
		fx := *d.Fix
		fx.File = e.display(fx.File)
		d.Fix = &fx
	}
	return Finding{RuleID: r.ID, Severity: sev, File: e.display(abs), Range: d.Range, Message: d.Message, Properties: d.Properties, Fix: d.Fix}
}

func runSafely(f func()) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error (please report): %v\n%s", p, debug.Stack())
		}
	}()
	f()
	return nil
}

// onlyFiles reports whether every path names a regular file.
func onlyFiles(paths []string) bool {
	for _, p := range paths {
		if fi, err := os.Stat(p); err != nil || !fi.Mode().IsRegular() {
			return false
		}
	}
	return len(paths) > 0
}

// fileBuffers are one worker's buffers for a file's bytes and its body,
// reused from file to file: allocating and zeroing them for every file was
// a third of a lint's allocations. Nothing kept after lintFile returns
// (entries, findings, directives) holds a []byte, so reuse is safe.
type fileBuffers struct{ src, body []byte }

// maxKeptBuffer bounds what a worker keeps between files; a bigger file's
// buffers are dropped with it.
const maxKeptBuffer = 4 << 20

func (b *fileBuffers) keep(src, body []byte) {
	if cap(src) > 0 && cap(src) <= maxKeptBuffer {
		b.src = src
	}
	// Without front matter the body is src itself, which must not become
	// the next file's body buffer too.
	if cap(body) > 0 && cap(body) <= maxKeptBuffer && (cap(src) == 0 || &body[:1][0] != &src[:1][0]) {
		b.body = body
	}
}

// lintFile reads and parses one file. Targets get every per-post rule; other
// files are only indexed, from the cache when it holds them unchanged.
func (e *Engine) lintFile(ctx context.Context, parser *Parser, cache *indexCache, abs string, target bool, bufs *fileBuffers) (*Entry, []Finding, []Directive, error) {
	rel := e.Site.Rel(abs)
	fi, err := os.Stat(abs)
	if err != nil {
		return nil, nil, nil, pathError(e.display(abs), err)
	}
	if !fi.Mode().IsRegular() {
		// A FIFO would block the read forever, /dev/zero never end it.
		return nil, nil, nil, fmt.Errorf("%s: %w", e.display(abs), &NotRegularError{Mode: fi.Mode()})
	}
	if rec := cache.lookup(rel, fi); rec != nil && !target {
		return rec.entry(abs), nil, nil, nil
	}
	src, err := readRegularInto(ctx, abs, MaxFileSize, bufs.src)
	tooBig := errors.Is(err, ErrTooLarge)
	if err != nil && !tooBig {
		return nil, nil, nil, pathError(e.display(abs), err)
	}
	var post *Post
	switch {
	case !target:
		post = parser.ParseLight(rel, abs, src)
	case tooBig:
		post = &Post{Path: rel, Abs: abs, Lines: NewLineIndex(nil)}
		size := "over"
		if fi.Size() > MaxFileSize {
			size = fmt.Sprintf("%d MiB, over", fi.Size()>>20)
		}
		post.Problems = append(post.Problems, FileProblem{Kind: "size", Range: Range{Position{1, 1}, Position{1, 1}}, Message: fmt.Sprintf("file is %s the %d MiB limit; it was not linted", size, MaxFileSize>>20)})
	default:
		post = parser.parse(rel, abs, src, bufs.body)
	}
	defer bufs.keep(src, post.Body)
	en := e.entry(post)
	if target && post.FrontMatter == nil && len(post.Problems) == 0 && en.URL == "" && e.Site.Traits().CopiesWithoutFrontMatter {
		target = false // copied as-is by the generator: no post, nothing rendered to lint
	}
	var findings []Finding
	if target {
		for _, r := range e.Rules {
			sev := e.Config.RuleSeverity(r)
			if r.Check == nil || sev == Off {
				continue
			}
			p := &Pass{Rule: r, Post: post, Site: e.Site, Config: e.Config, Rules: e.Rules}
			p.report = func(d Diagnostic) {
				findings = append(findings, e.finding(r, sev, abs, d))
			}
			if err := runSafely(func() { r.Check(p) }); err != nil {
				return nil, findings, nil, fmt.Errorf("%s: rule %s: %w", e.display(abs), r.ID, err)
			}
		}
	}
	en.Target = target
	en.Light = !target
	if !target {
		cache.store(fi, en, post.Anchors)
	}
	return en, findings, post.Directives, nil
}

// entry copies what site rules need out of a post; the AST is not kept.
func (e *Engine) entry(p *Post) *Entry {
	// Refs is copied to its length: append's spare capacity was a fifth of
	// the index, which lives until the run ends.
	en := &Entry{Path: p.Path, Abs: p.Abs, Refs: slices.Clone(p.Refs), Shortcodes: p.Shortcodes, Anchors: make(map[string]bool, len(p.Anchors))}
	for _, a := range p.Anchors {
		en.Anchors[a] = true
	}
	if fm := p.FrontMatter; fm != nil && fm.Root != nil && !fm.Unterminated && fm.End > 0 {
		en.FrontMatter, en.FrontMatterEnd = fm.Format, p.Lines.Pos(fm.End-1).Line
	}
	if p.FrontMatter != nil && p.FrontMatter.Root != nil {
		en.Fields = p.FrontMatter.Root
		en.ID = en.Fields.Get("id").String()
		en.Lang = en.Fields.Get(e.Site.LangField).String()
		if en.Lang == "" {
			en.Lang = en.Fields.Get("lang").String()
		}
	}
	if en.Lang == "" {
		en.Lang = e.Site.DefaultLang
	}
	if cm, ok := e.Site.gen().(ContentModel); ok {
		cm.ModelEntry(e.Site, en)
		return en
	}
	en.URL, en.Aliases = e.Site.EntryURL(en)
	return en
}

// pathError names the file once, as the user wrote it or relative to the
// base folder, instead of the absolute path inside *fs.PathError.
func pathError(name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %s: %w", name, pe.Op, pe.Err)
	}
	return fmt.Errorf("%s: %w", name, err)
}
