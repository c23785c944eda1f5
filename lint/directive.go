package lint

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Admonition dialects (config key admonitions.dialect).
const (
	// DialectDocusaurus is remark-directive container syntax as Docusaurus 3
	// uses it: `:::note[label]{attrs}` … a closing line of at least as many
	// colons.
	DialectDocusaurus = "docusaurus"
	// DialectMDC is Nuxt Content block components: `::name{props}` … a
	// closing line of exactly as many colons.
	DialectMDC = "mdc"
	// DialectAuto reads `::name` as MDC and `:::name` as Docusaurus.
	DialectAuto = "auto"
	// DialectNone turns block syntax off.
	DialectNone = "none"
)

// DefaultAdmonitionTypes returns Docusaurus's default keywords.
func DefaultAdmonitionTypes() []string {
	return []string{"note", "tip", "info", "warning", "danger", "caution", "important", "success", "secondary"}
}

// DirectiveKind says what a directive fence line is.
type DirectiveKind int

// Directive kinds.
const (
	// DirectiveContainer is an opener and the blocks it holds.
	DirectiveContainer DirectiveKind = iota
	// DirectiveStrayCloser is a closing fence that closes nothing.
	DirectiveStrayCloser
	// DirectiveOneLiner is an opener and a closer squeezed onto one line
	// (`::: note Hello:::`), which no parser reads as a block.
	DirectiveOneLiner
	// DirectiveTooDeep is an opener nested deeper than MaxDirectiveDepth; it
	// is not opened, so its content stays with the enclosing block.
	DirectiveTooDeep
)

// MaxDirectiveDepth bounds how deeply directive blocks nest. goldmark visits
// every open block on every line, so unbounded nesting costs quadratic time
// and memory; no real page nests anywhere near this deep.
const MaxDirectiveDepth = 32

// Problem kinds recorded on directive blocks.
const (
	ProblemStrayCloser = "stray-closer"
	ProblemSpace       = "space-after-colons"
	ProblemNoName      = "missing-name"
	ProblemBadName     = "bad-name"
	ProblemOneLiner    = "one-liner"
	ProblemTextAfter   = "text-after"
	ProblemLabel       = "unbalanced-label"
	ProblemAttributes  = "unbalanced-attributes"
	ProblemNesting     = "mismatched-nesting"
	ProblemTooDeep     = "too-deep"
)

// The fewest colons that make a fence in each dialect.
const (
	directiveMinDocusaur = 3
	directiveMinMDC      = 2
)

// KindDirectiveBlock is the goldmark node kind of DirectiveBlock.
var KindDirectiveBlock = ast.NewNodeKind("DirectiveBlock")

// DirectiveBlock is an admonition (Docusaurus container directive) or an MDC
// block component. Its children are ordinary Markdown blocks, so links and
// images inside stay visible to the other rules. Offsets are byte offsets
// into the post's source.
type DirectiveBlock struct {
	ast.BaseBlock
	Dialect string
	Shape   DirectiveKind
	Colons  int
	Indent  int // columns before the fence
	Name    string
	// FenceStart is where the opening colons start; LineStop is the end of
	// the opener line's text.
	FenceStart, LineStop int
	NameStart, NameStop  int // equal when there is no name
	HasLabel             bool
	Label                string
	LabelStart           int // the `[`
	LabelStop            int // after the `]` (or the end of the line)
	// Title is the legacy `:::note Some title` text.
	Title      string
	TitleStart int
	HasAttrs   bool
	AttrsStart int // the `{`
	AttrsStop  int // after the `}` (or the end of the line)
	Attrs      []DirectiveAttr
	// Closed reports whether a closing fence was found; CloseStart and
	// CloseStop locate its colons.
	Closed                bool
	CloseStart, CloseStop int
	// LastStart and LastStop span the last non-blank line the block holds.
	LastStart, LastStop int
	Problems            []DirectiveProblem
}

// DirectiveAttr is one `{attributes}` entry. ValueStart:ValueStop spans the
// value without its quotes.
type DirectiveAttr struct {
	Name                  string
	Value                 string
	Raw                   string // the entry as written
	NameStart, NameStop   int
	ValueStart, ValueStop int
	HasValue              bool
}

// DirectiveProblem is a syntax problem found while parsing a fence line or
// its context. Start:Stop are byte offsets.
type DirectiveProblem struct {
	Kind        string
	Start, Stop int
	Message     string
}

// Kind implements ast.Node.
func (d *DirectiveBlock) Kind() ast.NodeKind { return KindDirectiveBlock }

// Dump implements ast.Node.
func (d *DirectiveBlock) Dump(source []byte, level int) {
	ast.DumpHelper(d, source, level, map[string]string{
		"Dialect": d.Dialect, "Name": d.Name, "Colons": strconv.Itoa(d.Colons),
		"Closed": strconv.FormatBool(d.Closed), "Label": d.Label, "Title": d.Title,
	}, nil)
}

// Fence is the opener as written up to the name: `:::note`.
func (d *DirectiveBlock) Fence() string { return strings.Repeat(":", d.Colons) + d.Name }

// Closer is the closing fence that closes this block.
func (d *DirectiveBlock) Closer() string { return strings.Repeat(":", d.Colons) }

// Enclosing returns the nearest directive block holding d, or nil.
func (d *DirectiveBlock) Enclosing() *DirectiveBlock {
	for p := d.Parent(); p != nil; p = p.Parent() {
		if e, ok := p.(*DirectiveBlock); ok {
			return e
		}
	}
	return nil
}

func (d *DirectiveBlock) problem(kind string, start, stop int, format string, args ...any) {
	d.Problems = append(d.Problems, DirectiveProblem{Kind: kind, Start: start, Stop: stop, Message: fmt.Sprintf(format, args...)})
}

// closedBy reports whether a line of n colons closes d: remark-directive
// takes at least as many colons, remark-mdc exactly as many.
func (d *DirectiveBlock) closedBy(n int) bool {
	if d.Dialect == DialectMDC {
		return n == d.Colons
	}
	return n >= d.Colons
}

// directiveExtension adds the block parser; it also carries the allowed
// names per dialect for the admonition rules.
type directiveExtension struct {
	dialect    string
	docTypes   []string
	components []string
	// unseen: a layer or module may register components contentlint
	// cannot see, so component names are not judged.
	unseen bool
	// mdx: every file is MDX, which has no indented code, so a closing
	// fence indented by four or more spaces still closes.
	mdx bool
}

// Extend implements goldmark.Extender.
func (e *directiveExtension) Extend(m goldmark.Markdown) {
	// Before the paragraph parser, which takes any line.
	m.Parser().AddOptions(parser.WithBlockParsers(util.Prioritized(&directiveParser{ext: e}, 150)))
	if e.dialect != DialectDocusaurus {
		m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(inlineComponentParser{}, 500)))
	}
}

// KindDirectiveInline is the goldmark node kind of DirectiveInline.
var KindDirectiveInline = ast.NewNodeKind("DirectiveInline")

// DirectiveInline is an MDC inline component with props, `:icon{name=x}`;
// only its src/href props matter to the rules.
type DirectiveInline struct {
	ast.BaseInline
	Name  string
	Attrs []DirectiveAttr
}

// Kind implements ast.Node.
func (d *DirectiveInline) Kind() ast.NodeKind { return KindDirectiveInline }

// Dump implements ast.Node.
func (d *DirectiveInline) Dump(source []byte, level int) {
	ast.DumpHelper(d, source, level, map[string]string{"Name": d.Name}, nil)
}

// inlineComponentParser reads `:name{props}` in text. Code spans are parsed
// by their own parser first, so a component in backticks never gets here.
type inlineComponentParser struct{}

func (inlineComponentParser) Trigger() []byte { return []byte{':'} }

func (inlineComponentParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	if prev := block.PrecendingCharacter(); prev == ':' || strings.ContainsRune("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", prev) {
		return nil // `a:b{…}`, `::x` and URLs are not components
	}
	line, seg := block.PeekLine()
	if len(line) < 3 || !isNameStart(line[1]) {
		return nil
	}
	base := seg.Start - seg.Padding
	tmp := &DirectiveBlock{}
	k := tmp.scanName(line, 1, base)
	if k >= len(line) || line[k] != '{' {
		return nil
	}
	end, ok := tmp.scanAttrs(line, k, base)
	if !ok {
		return nil
	}
	block.Advance(end)
	return &DirectiveInline{Name: tmp.Name, Attrs: tmp.Attrs}
}

// AdmonitionNames returns the names allowed for blocks of a dialect, and
// whether they are checked at all: MDC components are only checked when some
// were configured or discovered, since Nuxt modules register others.
func (s *Site) AdmonitionNames(dialect string) ([]string, bool) {
	for _, x := range s.Extensions {
		e, ok := x.(*directiveExtension)
		if !ok {
			continue
		}
		if dialect == DialectMDC {
			return e.components, len(e.components) > 0 && !e.unseen
		}
		return e.docTypes, e.dialect != DialectMDC
	}
	return nil, false
}

// configureAdmonitions sets the site's admonition dialect, allowed names and
// parser extension from the config and the preset.
func configureAdmonitions(cfg *Config, s *Site) error {
	ac := cfg.Admonitions
	d := ac.Dialect
	genDialect, genNames := s.gen().Dialect(s.Root)
	if d == "" {
		d = genDialect
	}
	switch d {
	case DialectDocusaurus, DialectMDC, DialectAuto, DialectNone:
	default:
		return fmt.Errorf("admonitions.dialect %q: want docusaurus, mdc, auto or none", d)
	}
	s.Dialect = d
	s.AdmonitionTypes = nil
	if d == DialectNone {
		return nil
	}
	extend := ac.ExtendDefaults == nil || *ac.ExtendDefaults
	ext := &directiveExtension{dialect: d, mdx: s.Traits().MDXComments}
	if d != DialectMDC {
		var types []string
		kw, kwExtend := docusaurusKeywords(s.Root)
		switch {
		case genNames != nil && extend:
			types = genNames
		case extend && kwExtend:
			types = DefaultAdmonitionTypes()
		}
		types = append(types, kw...)
		types = append(types, ac.Types...)
		ext.docTypes = uniqSorted(types)
	}
	if d != DialectDocusaurus {
		comps, err := discoverComponents(s.Root, ac.Components)
		if err != nil {
			return err
		}
		if d == DialectMDC {
			comps = append(comps, ac.Types...)
		}
		for i, c := range comps {
			comps[i] = KebabCase(c)
		}
		ext.components = uniqSorted(comps)
	}
	s.AdmonitionTypes = uniqSorted(append(append([]string(nil), ext.docTypes...), ext.components...))
	s.Extensions = append(s.Extensions, ext)
	return nil
}

var (
	docuAdmonitionsRE = regexp.MustCompile(`admonitions\s*:\s*\{([^}]*)\}`)
	docuKeywordsRE    = regexp.MustCompile(`keywords\s*:\s*\[([^\]]*)\]`)
	docuExtendRE      = regexp.MustCompile(`extendDefaults\s*:\s*false`)
	jsStringRE        = regexp.MustCompile(`['"]([A-Za-z][\w-]*)['"]`)
)

// docusaurusKeywords reads the admonition keywords a docusaurus.config.*
// registers (admonitions: {keywords: [...], extendDefaults}). It is a plain
// text scan: the config is JavaScript, and running it is out of the question.
func docusaurusKeywords(root string) (keywords []string, extend bool) {
	extend = true
	for _, name := range []string{"docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs"} {
		src, err := readSiteFile(root, name)
		if err != nil {
			continue
		}
		for _, m := range docuAdmonitionsRE.FindAllSubmatch(src, -1) {
			if k := docuKeywordsRE.FindSubmatch(m[1]); k != nil {
				for _, s := range jsStringRE.FindAllSubmatch(k[1], -1) {
					keywords = append(keywords, string(s[1]))
				}
				if docuExtendRE.Match(m[1]) {
					extend = false
				}
			}
		}
		break
	}
	return keywords, extend
}

// discoverComponents lists the .vue components under components/content (or
// the configured folder) by the kebab-case name Nuxt gives them.
func discoverComponents(root, dir string) ([]string, error) {
	dirs := []string{"components/content", "app/components/content"}
	if dir != "" {
		dirs = []string{dir}
	}
	var names []string
	for _, d := range dirs {
		abs := d
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(root, filepath.FromSlash(d))
		}
		fi, err := os.Stat(abs)
		if err != nil || !fi.IsDir() {
			if dir != "" {
				return nil, fmt.Errorf("admonitions.components %q: not a folder", dir)
			}
			continue
		}
		err = filepath.WalkDir(abs, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".vue") {
				return nil
			}
			rel, _ := filepath.Rel(abs, p)
			names = append(names, componentName(filepath.ToSlash(rel)))
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("admonitions.components: %w", err)
		}
	}
	return names, nil
}

// componentName turns "prose/ProseA.vue" into "prose-a" the way Nuxt names
// nested components: folder prefixes that the file name repeats count once.
func componentName(rel string) string {
	rel = strings.TrimSuffix(rel, ".vue")
	for _, suf := range []string{".global", ".client", ".server"} {
		rel = strings.TrimSuffix(rel, suf)
	}
	parts := strings.Split(rel, "/")
	file := KebabCase(parts[len(parts)-1])
	prefix := ""
	for _, dir := range parts[:len(parts)-1] {
		k := KebabCase(dir)
		if !strings.HasPrefix(file, k+"-") && !strings.HasPrefix(prefix+file, k) {
			prefix += k + "-"
		}
	}
	if file == "index" && prefix != "" {
		return strings.TrimSuffix(prefix, "-")
	}
	return prefix + file
}

// KebabCase turns TableOfContent or HTMLBlock into table-of-content and
// html-block, the name Nuxt gives a component file.
func KebabCase(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		up := r >= 'A' && r <= 'Z'
		if up && i > 0 {
			prev := rs[i-1]
			nextLower := i+1 < len(rs) && rs[i+1] >= 'a' && rs[i+1] <= 'z'
			if (prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9') || (prev >= 'A' && prev <= 'Z' && nextLower) {
				b.WriteByte('-')
			}
		}
		if r == '_' || r == ' ' {
			r = '-'
		}
		if up {
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

func uniqSorted(in []string) []string {
	seen := map[string]bool{}
	out := make([]string, 0, len(in))
	for _, s := range in {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// directiveParser is a goldmark block parser for container directives and
// MDC block components. It keeps no state of its own: what a block needs is
// on its node, so one instance serves every worker.
type directiveParser struct{ ext *directiveExtension }

func (p *directiveParser) Trigger() []byte { return []byte{':'} }

func (p *directiveParser) CanInterruptParagraph() bool { return true }

func (p *directiveParser) CanAcceptIndentedLine() bool { return false }

// dialectFor decides the dialect of a fence of n colons opened under parent.
func (p *directiveParser) dialectFor(parent ast.Node, n int) string {
	switch p.ext.dialect {
	case DialectDocusaurus, DialectMDC:
		return p.ext.dialect
	}
	for a := parent; a != nil; a = a.Parent() {
		if d, ok := a.(*DirectiveBlock); ok {
			if d.Dialect == DialectMDC {
				return DialectMDC
			}
			break
		}
	}
	if n == directiveMinMDC {
		return DialectMDC
	}
	return DialectDocusaurus
}

func (p *directiveParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos >= len(line) || line[pos] != ':' {
		return nil, parser.NoChildren
	}
	n := 0
	for pos+n < len(line) && line[pos+n] == ':' {
		n++
	}
	dialect := p.dialectFor(parent, n)
	min := directiveMinDocusaur
	if dialect == DialectMDC {
		min = directiveMinMDC
	}
	if n < min {
		return nil, parser.NoChildren
	}
	base := seg.Start - seg.Padding
	if dialect == DialectDocusaurus && inMDXComment(pc, reader.Source(), base+pos) {
		return nil, parser.NoChildren
	}
	end := len(line)
	for end > pos+n && util.IsSpace(line[end-1]) {
		end--
	}
	d := &DirectiveBlock{Dialect: dialect, Colons: n, Indent: max(pc.BlockIndent(), 0), FenceStart: base + pos, LineStop: base + end}
	d.LastStart, d.LastStop = d.FenceStart, d.LineStop
	d.NameStart, d.NameStop = base+pos+n, base+pos+n
	if end == pos+n {
		d.Shape = DirectiveStrayCloser
		reader.AdvanceToEOL()
		return d, parser.NoChildren
	}
	if !p.scanOpener(d, line[:end], pos+n, min, base) {
		return nil, parser.NoChildren
	}
	reader.AdvanceToEOL()
	if d.Shape != DirectiveContainer {
		return d, parser.NoChildren
	}
	if directiveDepth(parent) >= MaxDirectiveDepth {
		d.Shape = DirectiveTooDeep
		d.problem(ProblemTooDeep, d.FenceStart, d.NameStop,
			"`%s` is nested more than %d blocks deep; contentlint does not open it, so its content is checked as part of the enclosing block", d.Fence(), MaxDirectiveDepth)
		return d, parser.NoChildren
	}
	return d, parser.HasChildren
}

// directiveDepth counts the directive blocks enclosing n, up to the cap.
func directiveDepth(n ast.Node) int {
	depth := 0
	for ; n != nil && depth < MaxDirectiveDepth; n = n.Parent() {
		if _, ok := n.(*DirectiveBlock); ok {
			depth++
		}
	}
	return depth
}

func isNameStart(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isNameByte(c byte) bool { return isNameStart(c) || c >= '0' && c <= '9' || c == '-' || c == '_' }

// scanOpener reads `name[label]{attributes}` from line[i:] into d and
// records what is wrong with it. It returns false when the line is no
// opener at all (colons followed by something that cannot start one).
func (p *directiveParser) scanOpener(d *DirectiveBlock, line []byte, i, min int, base int) bool {
	fenceEnd := i
	j := i
	for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
		j++
	}
	if j >= len(line) || (!isNameStart(line[j]) && line[j] != '[' && line[j] != '{') {
		return false
	}
	colons := strings.Repeat(":", d.Colons)
	// A one-liner ends in a run of fence colons: `::: note Hello:::`.
	if k := trailingColons(line); k >= min && len(line)-k > j {
		d.Shape = DirectiveOneLiner
		d.scanName(line, j, base)
		d.problem(ProblemOneLiner, d.FenceStart, d.LineStop,
			"`%s` squeezes an opener, its content and the closing fence onto one line (Prettier does this to admonitions without blank lines around the content), so it is plain text; put `%s`, the content and `%s` on separate lines with blank lines around the content",
			strings.TrimSpace(string(line[d.FenceStart-base:])), d.Closer()+d.Name, d.Closer())
		return true
	}
	spaced := j > fenceEnd
	j = d.scanName(line, j, base)
	switch {
	case d.Name == "":
		d.problem(ProblemNoName, d.FenceStart, base+j+1,
			"`%s` has no name before `%c`: an opener is `%sname[label]{attributes}` (Pandoc and Quarto fenced divs are not admonitions)", colons, line[j], colons)
	case spaced:
		d.problem(ProblemSpace, base+fenceEnd, d.NameStart,
			"space between `%s` and `%s`: the name must follow the colons directly (`%s%s`)", colons, d.Name, colons, d.Name)
	}
	if last := d.Name[max(len(d.Name)-1, 0):]; last == "-" || last == "_" {
		d.problem(ProblemBadName, d.NameStart, d.NameStop, "name `%s` must not end in `%s`", d.Name, last)
	}
	if j < len(line) && line[j] == '[' {
		d.HasLabel = true
		d.LabelStart = base + j
		k := closeBracket(line, j)
		if k < 0 {
			d.Label = string(line[j+1:])
			d.LabelStop = base + len(line)
			d.problem(ProblemLabel, base+j, base+j+1, "the label `[` after `%s` is not closed with `]` on this line", d.Fence())
			return true
		}
		d.Label = string(line[j+1 : k])
		d.LabelStop = base + k + 1
		j = k + 1
	}
	if j < len(line) && line[j] == '{' {
		d.HasAttrs = true
		d.AttrsStart = base + j
		k, ok := d.scanAttrs(line, j, base)
		d.AttrsStop = base + k
		if !ok {
			return true
		}
		j = k
	}
	rest := j
	for rest < len(line) && (line[rest] == ' ' || line[rest] == '\t') {
		rest++
	}
	if rest == len(line) {
		return true
	}
	after := "the name"
	switch {
	case d.HasAttrs:
		after = "the attributes"
	case d.HasLabel:
		after = "the label"
	case d.Dialect == DialectDocusaurus && rest > j && d.Name != "":
		// Legacy title, `:::note Some title`: Docusaurus rewrites it to a
		// label for its keywords; the unknown-name rule covers the others.
		d.Title = string(line[rest:])
		d.TitleStart = base + rest
		return true
	}
	if d.HasAttrs && !d.HasLabel && line[rest] == '[' {
		d.problem(ProblemTextAfter, base+rest, base+len(line),
			"the label `%s` must come before the attributes: `%s[label]{attributes}`", string(line[rest:]), d.Fence())
		return true
	}
	d.problem(ProblemTextAfter, base+rest, base+len(line),
		"unexpected text `%s` after %s: an opener holds only `%sname[label]{attributes}`", string(line[rest:]), after, colons)
	return true
}

// scanName reads a directive name at line[j:] and returns where it ends.
func (d *DirectiveBlock) scanName(line []byte, j, base int) int {
	k := j
	if k < len(line) && isNameStart(line[k]) {
		for k < len(line) && isNameByte(line[k]) {
			k++
		}
	}
	d.Name = string(line[j:k])
	d.NameStart, d.NameStop = base+j, base+k
	return k
}

func trailingColons(line []byte) int {
	k := 0
	for k < len(line) && line[len(line)-1-k] == ':' {
		k++
	}
	return k
}

// closeBracket finds the `]` matching line[j] == '[', honouring nesting and
// backslash escapes as micromark's label factory does.
func closeBracket(line []byte, j int) int {
	depth := 0
	for k := j; k < len(line); k++ {
		switch line[k] {
		case '\\':
			k++
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}

// scanAttrs reads `{...}` at line[j] into d.Attrs. It returns the
// offset after the `}` and false (with a problem recorded) when a quote or
// the brace is left open.
func (d *DirectiveBlock) scanAttrs(line []byte, j, base int) (int, bool) {
	k := j + 1
	for {
		for k < len(line) && (line[k] == ' ' || line[k] == '\t') {
			k++
		}
		if k >= len(line) {
			d.problem(ProblemAttributes, base+j, base+j+1, "the attributes `{` after `%s` are not closed with `}` on this line", d.Fence())
			return len(line), false
		}
		if line[k] == '}' {
			return k + 1, true
		}
		a := DirectiveAttr{NameStart: base + k}
		s := k
		for k < len(line) && line[k] != '=' && line[k] != '}' && line[k] != ' ' && line[k] != '\t' && line[k] != '"' && line[k] != '\'' {
			k++
		}
		a.Name = string(line[s:k])
		a.NameStop = base + k
		if k < len(line) && line[k] == '=' {
			k++
			a.HasValue = true
			if k < len(line) && (line[k] == '"' || line[k] == '\'') {
				q := line[k]
				e := k + 1
				for e < len(line) && line[e] != q {
					if line[e] == '\\' && e+1 < len(line) && line[e+1] == q && d.Dialect == DialectMDC {
						// remark-mdc has no escapes in quoted values: the
						// quote ends the value and the rest breaks the
						// attributes, so the line is not a component.
						d.problem(ProblemAttributes, base+e, base+e+2,
							"`\\%c` does not escape the quote in the value of `%s`: remark-mdc ends the value there and does not read `%s` as a component; quote the value with the other quote (%s)",
							q, a.Name, d.Fence(), otherQuoteHint(q))
						return len(line), false
					}
					e++
				}
				if e >= len(line) {
					d.problem(ProblemAttributes, base+k, base+k+1, "the quoted value of `%s` in `%s` is not closed with `%c` on this line", a.Name, d.Fence(), q)
					return len(line), false
				}
				a.Value = string(line[k+1 : e])
				a.ValueStart, a.ValueStop = base+k+1, base+e
				k = e + 1
			} else {
				v := k
				for k < len(line) && line[k] != '}' && line[k] != ' ' && line[k] != '\t' {
					k++
				}
				a.Value = string(line[v:k])
				a.ValueStart, a.ValueStop = base+v, base+k
			}
		} else if k < len(line) && (line[k] == '"' || line[k] == '\'') {
			// A stray quote: skip it so the scan moves on.
			k++
		}
		a.Raw = string(line[s:k])
		if k == s {
			k++ // never loop in place
			continue
		}
		d.Attrs = append(d.Attrs, a)
	}
}

// otherQuoteHint shows a value quoted with the quote other than q.
func otherQuoteHint(q byte) string {
	if q == '\'' {
		return "`\"It's fine\"`"
	}
	return "`'say \"hi\"'`"
}

func (p *directiveParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	d, ok := node.(*DirectiveBlock)
	if !ok || d.Shape != DirectiveContainer {
		return parser.Close
	}
	line, seg := reader.PeekLine()
	if util.IsBlank(line) {
		return parser.Continue | parser.HasChildren
	}
	base := seg.Start - seg.Padding
	w, pos := util.IndentWidth(line, reader.LineOffset())
	if (w < 4 || p.ext.mdx) && pos < len(line) && line[pos] == ':' {
		n := 0
		for pos+n < len(line) && line[pos+n] == ':' {
			n++
		}
		if util.IsBlank(line[pos+n:]) && d.closedBy(n) && !inCode(d, pc, w) && !openMDCChild(d, n) &&
			(d.Dialect != DialectDocusaurus || !inMDXComment(pc, reader.Source(), base+pos)) {
			d.Closed = true
			d.CloseStart, d.CloseStop = base+pos, base+pos+n
			reader.AdvanceToEOL()
			return parser.Close
		}
	}
	end := len(line)
	for end > 0 && util.IsSpace(line[end-1]) {
		end--
	}
	d.LastStart, d.LastStop = base+max(pos, seg.Padding), base+end
	// Content lines lose the opener's indentation, as in micromark, so an
	// indented component's content is not an indented code block.
	if d.Indent > 0 && w >= d.Indent {
		if ip, padding := util.IndentPosition(line, reader.LineOffset(), d.Indent); ip >= 0 {
			reader.AdvanceAndSetPadding(ip, padding)
		}
	}
	return parser.Continue | parser.HasChildren
}

// openMDCChild reports whether d's last child is an MDC component still
// open that a closer of n colons closes: remark-mdc gives it the closer.
func openMDCChild(d *DirectiveBlock, n int) bool {
	c, ok := d.LastChild().(*DirectiveBlock)
	return ok && d.Dialect == DialectMDC && c.Dialect == DialectMDC && c.Shape == DirectiveContainer && !c.Closed && c.closedBy(n)
}

// mdxCommentsKey caches a document's multi-line MDX comments. Docusaurus
// reads Markdown as MDX, where `{/* … */}` comments out whole blocks,
// fences included.
var mdxCommentsKey = parser.NewContextKey()

// inMDXComment reports whether the source offset off lies inside a
// `{/* … */}` comment that spans lines.
func inMDXComment(pc parser.Context, src []byte, off int) bool {
	rs, ok := pc.Get(mdxCommentsKey).([][2]int)
	if !ok {
		rs = mdxComments(src)
		pc.Set(mdxCommentsKey, rs)
	}
	i := sort.Search(len(rs), func(i int) bool { return rs[i][1] > off })
	return i < len(rs) && rs[i][0] <= off
}

// mdxComments returns the byte ranges of the `{/* … */}` comments in src
// that span lines, in order. An unclosed one is not a comment: MDX refuses
// the file, and the fences after it stay visible.
func mdxComments(src []byte) [][2]int {
	rs := [][2]int{}
	for i := 0; i < len(src); {
		j := bytes.Index(src[i:], []byte("{/*"))
		if j < 0 {
			break
		}
		start := i + j
		k := bytes.Index(src[start+3:], []byte("*/"))
		if k < 0 {
			break
		}
		end := start + 3 + k + 2
		e := end
		for e < len(src) && util.IsSpace(src[e]) {
			e++
		}
		if e < len(src) && src[e] == '}' && bytes.IndexByte(src[start:end], '\n') >= 0 {
			rs = append(rs, [2]int{start, e + 1})
		}
		i = end
	}
	return rs
}

// inCode reports whether the current line, indented w columns inside d,
// belongs to a fenced code block or a raw HTML block (comment, <pre>, …)
// nested in d: such a line is never a fence.
func inCode(d *DirectiveBlock, pc parser.Context, w int) bool {
	blocks := pc.OpenedBlocks()
	idx := -1
	for i, b := range blocks {
		if b.Node == d {
			idx = i
			break
		}
	}
	if idx < 0 {
		return false
	}
	rel := w
	if rel >= d.Indent {
		rel -= d.Indent
	}
	for _, b := range blocks[idx+1:] {
		switch n := b.Node.(type) {
		case *ast.List:
		case *ast.ListItem:
			if rel < n.Offset {
				return false
			}
			rel -= n.Offset
		case *DirectiveBlock:
			if rel >= n.Indent {
				rel -= n.Indent
			}
		case *ast.FencedCodeBlock:
			return true
		case *ast.HTMLBlock:
			return n.HTMLBlockType <= ast.HTMLBlockType5
		default:
			return false
		}
	}
	return false
}

func (p *directiveParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

// extractDirective records directive blocks on the post, adds the problems
// that need the surrounding blocks, and turns src/href attributes into
// references for the image and link rules.
func extractDirective(post *Post, n ast.Node) {
	if in, ok := n.(*DirectiveInline); ok {
		attrRefs(post, in.Attrs)
		return
	}
	d, ok := n.(*DirectiveBlock)
	if !ok {
		return
	}
	post.Blocks = append(post.Blocks, d)
	li := post.Lines
	line := func(off int) int { return li.Pos(off).Line }
	switch d.Shape {
	case DirectiveStrayCloser:
		what := "admonition"
		if d.Dialect == DialectMDC {
			what = "component"
		}
		msg := fmt.Sprintf("closing fence `%s` closes nothing: no %s is open here", d.Closer(), what)
		if e := nestingParent(d); e != nil {
			need := "at least " + strconv.Itoa(e.Colons)
			if e.Dialect == DialectMDC {
				need = "exactly " + strconv.Itoa(e.Colons)
			}
			msg = fmt.Sprintf("closing fence `%s` closes nothing: the enclosing `%s` (line %d) needs %s colons", d.Closer(), e.Fence(), line(e.FenceStart), need)
		}
		d.problem(ProblemStrayCloser, d.FenceStart, d.LineStop, "%s", msg)
	case DirectiveContainer:
		if e := nestingParent(d); e != nil {
			// remark-mdc tracks a nested opener with the same colons, so
			// the next closer closes the child: only Docusaurus needs more.
			if e.Dialect != DialectMDC && d.Colons >= e.Colons {
				d.problem(ProblemNesting, d.FenceStart, d.NameStop,
					"`%s` is nested in `%s` (line %d) with at least as many colons, so its closing fence closes `%s` instead; give the outer block more colons (`%s`)",
					d.Fence(), e.Fence(), line(e.FenceStart), e.Fence(), strings.Repeat(":", d.Colons+1)+e.Name)
			}
		}
		// No blank line is needed before an opener or after a closer:
		// remark-directive and remark-mdc both read a block right after a
		// paragraph and a paragraph right after a closer.
	}
	attrRefs(post, d.Attrs)
}

// attrRefs records src and href attributes as component references.
func attrRefs(post *Post, attrs []DirectiveAttr) {
	for _, a := range attrs {
		if a.HasValue && a.Value != "" && (a.Name == "src" || a.Name == "href") {
			ref := Ref{Kind: RefComponent, Dest: a.Value, Range: post.Lines.Range(a.ValueStart, a.ValueStop), Attr: a.Name}
			if a.ValueStop <= len(post.Body) && a.ValueStart >= 0 && string(post.Body[a.ValueStart:a.ValueStop]) == a.Value {
				ref.DestStart, ref.DestEnd = a.ValueStart, a.ValueStop
			}
			post.Refs = append(post.Refs, ref)
		}
	}
}

// nestingParent is the directive block whose closing fence is checked
// before d's on every line of d: the nearest enclosing one, unless a block
// quote sits between them (a fence there needs its `>` first).
func nestingParent(d *DirectiveBlock) *DirectiveBlock {
	for p := d.Parent(); p != nil; p = p.Parent() {
		switch e := p.(type) {
		case *DirectiveBlock:
			return e
		case *ast.Blockquote:
			return nil
		}
	}
	return nil
}
