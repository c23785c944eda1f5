package lint

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"
)

// Kind is the shape of a front matter value.
type Kind int

// Value kinds.
const (
	Null Kind = iota
	Scalar
	List
	Map
)

// Value is a front matter value that remembers where it was written. Map
// entries are Items with Key set, in source order.
type Value struct {
	Kind     Kind
	Tag      string // str, int, float, bool, timestamp, null
	Text     string
	Key      string
	KeyRange Range
	Range    Range
	Items    []*Value
}

// Get returns the map entry named key, or nil.
func (v *Value) Get(key string) *Value {
	if v == nil || v.Kind != Map {
		return nil
	}
	for _, it := range v.Items {
		if it.Key == key {
			return it
		}
	}
	return nil
}

// String returns the scalar text, or "" for other kinds.
func (v *Value) String() string {
	if v == nil || v.Kind != Scalar {
		return ""
	}
	return v.Text
}

// Empty reports whether the value is null, blank, or an empty list or map.
func (v *Value) Empty() bool {
	if v == nil {
		return true
	}
	switch v.Kind {
	case Scalar:
		return strings.TrimSpace(v.Text) == ""
	case List, Map:
		return len(v.Items) == 0
	}
	return true
}

// FrontMatter is a post's parsed front matter block.
type FrontMatter struct {
	Format string // yaml, toml or json
	// Start and End are byte offsets of the block including its delimiters.
	Start, End   int
	Range        Range
	Root         *Value // a Map, or nil when the block did not parse
	Err          *ParseError
	Unterminated bool
	Duplicates   []*Value // repeated map entries, at the repetition
}

// ParseError is a parse failure at a position in the file.
type ParseError struct {
	Pos Position
	Msg string
}

func (e *ParseError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Col, e.Msg) }

// maxFrontMatterNodes bounds alias expansion (a YAML "billion laughs") and
// the size of any decoded block.
const maxFrontMatterNodes = 100000

// maxFrontMatterDepth bounds how deeply arrays and tables nest. The decoders
// and the position scanners recurse per level, and a path per level costs
// quadratic memory; real front matter nests a few levels.
const maxFrontMatterDepth = 64

// tooDeep returns the offset in data of the first bracket that opens more
// than maxFrontMatterDepth levels, or -1. It skips strings (and with toml,
// literal and multi-line strings and comments), so a bracket inside a value
// does not count.
func tooDeep(data []byte, toml bool) int {
	depth := 0
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '"', '\'':
			if c == '\'' && !toml {
				continue // JSON has no single-quoted strings
			}
			if toml && i+2 < len(data) && data[i+1] == c && data[i+2] == c {
				end := bytes.Index(data[i+3:], []byte{c, c, c})
				if end < 0 {
					return -1
				}
				i += 3 + end + 2
				continue
			}
			for i++; i < len(data) && data[i] != c && data[i] != '\n'; i++ {
				if c == '"' && data[i] == '\\' {
					i++
				}
			}
		case '#':
			if toml {
				for i < len(data) && data[i] != '\n' {
					i++
				}
			}
		case '[', '{':
			if depth++; depth > maxFrontMatterDepth {
				return i
			}
		case ']', '}':
			depth = max(depth-1, 0)
		}
	}
	return -1
}

func tooDeepError(li *LineIndex, off int, name string) *ParseError {
	return &ParseError{Pos: li.Pos(off), Msg: fmt.Sprintf("invalid %s: values nest more than %d levels deep", name, maxFrontMatterDepth)}
}

// closers are the closing delimiters of each opener but "{".
var closers = map[string]string{"---": "---", "---yaml": "---", "+++": "+++", "---toml": "---", ";;;": ";;;", "---json": "---"}

// blockEnd finds the closing delimiter of the block that opener opens on
// the line at off, by adrg/frontmatter's rule (lines end at \n only; the
// opener is the whole line and the closer the first later line that is the
// delimiter, once trimmed): the data is src[from:to] and end is past the
// closing line. An opener on the last line, with no newline, opens nothing. Only the offsets are wanted, so this scan
// replaces adrg's, which copies the whole file (an eighth of a lint's
// allocations); TestBlockEndMatchesAdrg holds the two equal.
func blockEnd(src []byte, off int, opener string) (from, to, end int, ok bool) {
	nl := bytes.IndexByte(src[off:], '\n')
	if nl < 0 || string(bytes.TrimSpace(src[off:off+nl])) != opener {
		return 0, 0, 0, false
	}
	delim := closers[opener]
	from = off + nl + 1
	for i := from; i < len(src); {
		next := len(src)
		if nl := bytes.IndexByte(src[i:], '\n'); nl >= 0 {
			next = i + nl + 1
		}
		if string(bytes.TrimSpace(src[i:next])) == delim {
			return from, i, next, true
		}
		i = next
	}
	return 0, 0, 0, false
}

var openers = map[string]string{"---": "yaml", "---yaml": "yaml", "+++": "toml", "---toml": "toml", ";;;": "json", "---json": "json", "{": "json"}

var bom = []byte("\xEF\xBB\xBF")

// ParseFrontMatter finds and decodes the front matter of src. It returns nil
// when the file has none.
func ParseFrontMatter(src []byte, li *LineIndex) *FrontMatter {
	// The opener must be the first non-blank line, as adrg/frontmatter requires.
	base := 0
	if bytes.HasPrefix(src, bom) {
		base = 3 // adrg does not know the BOM
	}
	off := base
	for off < len(src) {
		nl := bytes.IndexByte(src[off:], '\n')
		line := src[off:]
		if nl >= 0 {
			line = src[off : off+nl]
		}
		if len(bytes.TrimSpace(line)) != 0 {
			break
		}
		if nl < 0 {
			return nil
		}
		off += nl + 1
	}
	openLine := li.Pos(off).Line
	first := strings.TrimSpace(string(src[off : li.LineStart(openLine)+len(li.Line(openLine))]))
	format, ok := openers[first]
	if !ok {
		return nil
	}
	fm := &FrontMatter{Format: format, Start: off}
	unterminated := func() *FrontMatter {
		fm.Unterminated = true
		fm.End = li.LineStart(openLine) + len(li.Line(openLine))
		fm.Range = li.Range(off, fm.End)
		return fm
	}
	var data []byte
	dataStart := li.LineStart(openLine + 1)
	if first == "{" {
		end := jsonBlockEnd(src, off)
		if end < 0 {
			return unterminated()
		}
		data = src[off:end]
		dataStart = off
		// The block takes the rest of the closing line.
		fm.End = end
		if nl := bytes.IndexByte(src[end:], '\n'); nl >= 0 {
			fm.End = end + nl + 1
		} else {
			fm.End = len(src)
		}
	} else {
		from, to, end, ok := blockEnd(src, off, first)
		if !ok {
			return unterminated()
		}
		fm.End = end
		data = src[from:to]
	}
	fm.Range = li.Range(fm.Start, fm.End)
	switch format {
	case "toml":
		fm.Root, fm.Err = decodeTOML(data, li, dataStart)
	default:
		// JSON is YAML 1.2 flow syntax, so yaml.v3 gives JSON positions too.
		fm.Root, fm.Duplicates, fm.Err = decodeYAML(data, li, dataStart, format)
	}
	return fm
}

// jsonBlockEnd returns the offset just past the "}" that closes the "{" at
// off, skipping strings, or -1 when it never closes.
func jsonBlockEnd(src []byte, off int) int {
	depth := 0
	for i := off; i < len(src); i++ {
		switch src[i] {
		case '"':
			for i++; i < len(src) && src[i] != '"'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return -1
}

var yamlLineRE = regexp.MustCompile(`line (\d+)`)

// yamlParserErrors are libyaml's parser problems; yaml.v3 reports their line
// 0-based, unlike scanner problems.
var yamlParserErrors = map[string]bool{
	"did not find expected <document start>": true,
	"did not find expected node content":     true,
	"did not find expected key":              true,
	"did not find expected '-' indicator":    true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
}

// decodeYAML decodes a YAML (or JSON) block whose first byte is at file offset
// dataStart.
func decodeYAML(data []byte, li *LineIndex, dataStart int, format string) (*Value, []*Value, *ParseError) {
	firstLine := li.Pos(dataStart).Line
	name := "YAML"
	if format == "json" {
		name = "JSON"
		// YAML forbids tabs where JSON allows them as white space; a raw tab
		// inside a JSON string is invalid anyway, so swapping keeps columns.
		if bytes.IndexByte(data, '\t') >= 0 {
			data = bytes.ReplaceAll(data, []byte("\t"), []byte(" "))
		}
	}
	// yaml.v3 stops at 10,000 levels, but only after seconds and a gigabyte.
	if at := tooDeep(data, false); at >= 0 {
		return nil, nil, tooDeepError(li, dataStart+at, name)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		line := 0
		if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = strings.TrimSpace(yamlLineRE.ReplaceAllString(msg, ""))
			msg = strings.TrimPrefix(msg, ": ")
		}
		if yamlParserErrors[msg] {
			line++ // yaml.v3 prints 0-based lines for parser (not scanner) errors
		}
		// yaml.v3 counts the line after the last one of a block that ends
		// without a newline; keep the position inside the block.
		yl := newYAMLLines(data)
		pos := li.Pos(dataStart + yl.offset(min(max(line, 1), yl.count()), 1))
		pos.Col = 1
		return nil, nil, &ParseError{Pos: pos, Msg: "invalid " + name + ": " + msg}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return &Value{Kind: Map}, nil, nil // an empty block
	}
	c := &yamlConv{li: li, lines: newYAMLLines(data), base: dataStart, ends: map[*Value]int{}}
	root := c.convert(doc.Content[0])
	if c.budget > maxFrontMatterNodes {
		return nil, nil, &ParseError{Pos: Position{Line: firstLine, Col: 1}, Msg: fmt.Sprintf("front matter expands to more than %d values (YAML alias bomb?)", maxFrontMatterNodes)}
	}
	if root.Kind != Map {
		return nil, nil, &ParseError{Pos: root.Range.Start, Msg: "front matter is not a mapping of keys to values"}
	}
	return root, c.dups, nil
}

// yamlLines are a block's lines as yaml.v3 counts them: it also ends a line
// at a lone CR, NEL, LS and PS, which the file's LineIndex (like goldmark)
// does not. Positions go through byte offsets so the two never disagree.
type yamlLines struct {
	data   []byte
	starts []int
}

func newYAMLLines(data []byte) *yamlLines {
	starts := []int{0}
	for i := 0; i < len(data); i++ {
		switch {
		case data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n':
			i++
			starts = append(starts, i+1)
		case data[i] == '\r' || data[i] == '\n':
			starts = append(starts, i+1)
		case data[i] == 0xC2 && i+1 < len(data) && data[i+1] == 0x85:
			i++
			starts = append(starts, i+1)
		case data[i] == 0xE2 && i+2 < len(data) && data[i+1] == 0x80 && (data[i+2] == 0xA8 || data[i+2] == 0xA9):
			i += 2
			starts = append(starts, i+1)
		}
	}
	return &yamlLines{data: data, starts: starts}
}

// count is the number of lines; a final line break opens no new one.
func (y *yamlLines) count() int {
	n := len(y.starts)
	if n > 1 && y.starts[n-1] == len(y.data) {
		n--
	}
	return n
}

// offset is the byte offset in the block of 1-based line and character
// column, clamped to the line.
func (y *yamlLines) offset(line, col int) int {
	if line < 1 {
		return 0
	}
	if line > len(y.starts) {
		return len(y.data)
	}
	off, end := y.starts[line-1], len(y.data)
	if line < len(y.starts) {
		end = y.starts[line]
	}
	for ; col > 1 && off < end; col-- {
		_, w := utf8.DecodeRune(y.data[off:end])
		off += w
	}
	return off
}

type yamlConv struct {
	li     *LineIndex
	lines  *yamlLines
	base   int            // file offset of the block's first byte
	ends   map[*Value]int // file offset where each value ends
	budget int
	dups   []*Value
}

// at is the file offset of a yaml.v3 node's start.
func (c *yamlConv) at(n *yaml.Node) int { return c.base + c.lines.offset(n.Line, n.Column) }

func (c *yamlConv) convert(n *yaml.Node) *Value {
	c.budget++
	if c.budget > maxFrontMatterNodes {
		return &Value{Kind: Null}
	}
	so := c.at(n)
	start := c.li.Pos(so)
	v := &Value{Range: Range{Start: start, End: start}}
	end := so
	switch n.Kind {
	case yaml.AliasNode:
		a := c.convert(n.Alias)
		cp := *a // the anchored value keeps its own range
		e := min(so+1+len(n.Value), c.lineEnd(so))
		cp.Range = c.li.Range(so, e)
		c.ends[&cp] = e
		return &cp
	case yaml.MappingNode:
		v.Kind = Map
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
				continue
			}
			item := c.convert(val)
			item.Key = k.Value
			ks := c.at(k)
			item.KeyRange = c.li.Range(ks, c.scalarEnd(k, ks))
			if seen[k.Value] {
				c.dups = append(c.dups, item)
				continue
			}
			seen[k.Value] = true
			v.Items = append(v.Items, item)
		}
		end = c.collectionEnd(n, v, so)
	case yaml.SequenceNode:
		v.Kind = List
		for _, it := range n.Content {
			v.Items = append(v.Items, c.convert(it))
		}
		end = c.collectionEnd(n, v, so)
	case yaml.ScalarNode:
		v.Kind = Scalar
		v.Text = n.Value
		v.Tag = strings.TrimPrefix(n.ShortTag(), "!!")
		if v.Tag == "null" {
			v.Kind = Null
		}
		end = c.scalarEnd(n, so)
	default:
		v.Kind = Null
	}
	v.Range.End = c.li.Pos(end)
	c.ends[v] = end
	return v
}

// lineEnd is the offset of the first line break at or after off.
func (c *yamlConv) lineEnd(off int) int {
	src := c.li.src
	for off < len(src) && src[off] != '\n' && src[off] != '\r' {
		off++
	}
	return off
}

// scalarEnd finds the file offset where a scalar that starts at file offset
// s ends: yaml.v3 only records where nodes start.
func (c *yamlConv) scalarEnd(n *yaml.Node, s int) int {
	src := c.li.src
	i := -1
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		for j := s + 1; j < len(src); j++ {
			if src[j] == '\\' {
				j++
			} else if src[j] == '"' {
				i = j + 1
				break
			}
		}
	case n.Style&yaml.SingleQuotedStyle != 0:
		for j := s + 1; j < len(src); j++ {
			if src[j] == '\'' {
				if j+1 < len(src) && src[j+1] == '\'' {
					j++
					continue
				}
				i = j + 1
				break
			}
		}
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		// The header ("|", ">-", "|2") ends at white space; the content starts
		// on the next line.
		h := s
		for h < len(src) && src[h] != ' ' && src[h] != '\t' && src[h] != '\n' && src[h] != '\r' {
			h++
		}
		i = h
		if nl := bytes.IndexByte(src[h:], '\n'); nl >= 0 {
			if e := wordsEnd(src, h+nl+1, n.Value); e >= 0 {
				i = e
			}
		}
	default:
		i = wordsEnd(src, s, n.Value)
	}
	if i < 0 {
		return min(s+len(n.Value), c.lineEnd(s))
	}
	return i
}

// wordsEnd finds the words of value in order from off and returns the offset
// after the last one: a plain or block scalar's words appear verbatim in the
// source, whatever the folding. It returns -1 if one is missing.
func wordsEnd(src []byte, off int, value string) int {
	for _, w := range strings.Fields(value) {
		i := bytes.Index(src[off:], []byte(w))
		if i < 0 {
			return -1
		}
		off += i + len(w)
	}
	return off
}

// collectionEnd is the end of the last item, or past the closing bracket of a
// flow collection, as a file offset.
func (c *yamlConv) collectionEnd(n *yaml.Node, v *Value, start int) int {
	end := start
	for _, it := range v.Items {
		end = max(end, c.ends[it])
	}
	if n.Style&yaml.FlowStyle == 0 {
		return end
	}
	src := c.li.src
	i := end
	if len(v.Items) == 0 {
		i++ // past the opening bracket
	}
	for i < len(src) {
		switch src[i] {
		case ' ', '\t', '\r', '\n', ',':
			i++
			continue
		case ']', '}':
			return i + 1
		}
		break
	}
	return end
}

// decodeTOML decodes a TOML block whose first byte is at file offset
// dataStart. BurntSushi/toml keeps no value positions, so tomlScan finds them.
func decodeTOML(data []byte, li *LineIndex, dataStart int) (*Value, *ParseError) {
	if at := tooDeep(data, true); at >= 0 {
		return nil, tooDeepError(li, dataStart+at, "TOML")
	}
	var m map[string]any
	md, err := toml.Decode(string(data), &m)
	if err != nil {
		var pe toml.ParseError
		pos := li.Pos(dataStart)
		msg := err.Error()
		if errors.As(err, &pe) {
			pos = li.Pos(dataStart + min(max(pe.Position.Start, 0), len(data)))
			msg = pe.Message
		}
		return nil, &ParseError{Pos: pos, Msg: "invalid TOML: " + msg}
	}
	sc := &tomlScan{src: data, locs: map[string]tomlLoc{}}
	sc.scan()
	order := map[string]int{}
	for i, k := range md.Keys() {
		if len(k) == 1 {
			if _, ok := order[k[0]]; !ok {
				order[k[0]] = i
			}
		}
	}
	b := &tomlBuild{li: li, base: dataStart, locs: sc.locs, whole: li.Range(dataStart, dataStart+len(data)), data: data}
	root := b.value(m, "", b.whole)
	if b.budget > maxFrontMatterNodes {
		return nil, &ParseError{Pos: li.Pos(dataStart), Msg: fmt.Sprintf("invalid TOML: more than %d values", maxFrontMatterNodes)}
	}
	sort.SliceStable(root.Items, func(i, j int) bool { return order[root.Items[i].Key] < order[root.Items[j].Key] })
	return root, nil
}

// tomlLoc is where a key and its value were written, as byte offsets into the
// block.
type tomlLoc struct{ ks, ke, vs, ve int }

type tomlBuild struct {
	budget int
	li     *LineIndex
	base   int
	locs   map[string]tomlLoc
	whole  Range
	data   []byte
}

// value converts a decoded TOML value at path; a value the scanner did not
// place gets its parent's range.
func (b *tomlBuild) value(x any, path string, parent Range) *Value {
	if b.budget++; b.budget > maxFrontMatterNodes {
		return &Value{Kind: Null}
	}
	r := parent
	loc, found := b.locs[path]
	if found {
		r = b.li.Range(b.base+loc.vs, b.base+loc.ve)
	}
	v := &Value{Range: r}
	switch t := x.(type) {
	case nil:
		v.Kind = Null
	case string:
		v.Kind, v.Tag, v.Text = Scalar, "str", t
	case bool:
		v.Kind, v.Tag, v.Text = Scalar, "bool", strconv.FormatBool(t)
	case int64:
		v.Kind, v.Tag, v.Text = Scalar, "int", strconv.FormatInt(t, 10)
	case float64:
		v.Kind, v.Tag, v.Text = Scalar, "float", strconv.FormatFloat(t, 'g', -1, 64)
	case time.Time:
		// Keep the text as written: a local date must not gain a zone.
		v.Kind, v.Tag, v.Text = Scalar, "timestamp", t.Format(time.RFC3339)
		if found {
			v.Text = string(b.data[loc.vs:loc.ve])
		}
	case []any:
		v.Kind = List
		for i, it := range t {
			v.Items = append(v.Items, b.value(it, path+"\x00#"+strconv.Itoa(i), r))
		}
	case []map[string]any:
		v.Kind = List
		for i, it := range t {
			v.Items = append(v.Items, b.value(it, path+"\x00#"+strconv.Itoa(i), r))
		}
	case map[string]any:
		v.Kind = Map
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			p := k
			if path != "" {
				p = path + "\x00" + k
			}
			it := b.value(t[k], p, r)
			it.Key = k
			it.KeyRange = r
			if l, ok := b.locs[p]; ok {
				it.KeyRange = b.li.Range(b.base+l.ks, b.base+l.ke)
			}
			v.Items = append(v.Items, it)
		}
		sort.SliceStable(v.Items, func(i, j int) bool { return v.Items[i].KeyRange.Start.Before(v.Items[j].KeyRange.Start) })
	default:
		v.Kind, v.Tag, v.Text = Scalar, "str", fmt.Sprint(t)
	}
	return v
}

// tomlScan walks a TOML document that already decoded without error and
// records where each key path ("a\x00b", list items "a\x00#0") was written.
// It is lenient: what it cannot place keeps its parent's position.
type tomlScan struct {
	src    []byte
	i      int
	locs   map[string]tomlLoc
	arrays map[string]int // occurrences of each [[array]] header
}

func (s *tomlScan) peek() byte {
	if s.i < len(s.src) {
		return s.src[s.i]
	}
	return 0
}

// skip passes spaces and tabs, and with nl also newlines and comments.
func (s *tomlScan) skip(nl bool) {
	for s.i < len(s.src) {
		switch c := s.src[s.i]; {
		case c == ' ' || c == '\t':
			s.i++
		case nl && (c == '\n' || c == '\r'):
			s.i++
		case nl && c == '#':
			for s.i < len(s.src) && s.src[s.i] != '\n' {
				s.i++
			}
		default:
			return
		}
	}
}

func (s *tomlScan) record(path string, l tomlLoc) {
	if _, ok := s.locs[path]; !ok {
		s.locs[path] = l
	}
}

func join(prefix, k string) string {
	if prefix == "" {
		return k
	}
	return prefix + "\x00" + k
}

func (s *tomlScan) scan() {
	s.arrays = map[string]int{}
	prefix := ""
	for s.i < len(s.src) {
		s.skip(true)
		if s.i >= len(s.src) {
			return
		}
		if s.peek() == '[' {
			arr := s.i+1 < len(s.src) && s.src[s.i+1] == '['
			hs := s.i
			s.i++
			if arr {
				s.i++
			}
			s.skip(false)
			path, ks, ke := s.key("")
			for s.i < len(s.src) && s.src[s.i] != '\n' && s.src[s.i] != '#' {
				s.i++
			}
			he := hs + len(bytes.TrimRight(s.src[hs:s.i], " \t\r"))
			if arr {
				n := s.arrays[path]
				s.arrays[path] = n + 1
				s.record(path, tomlLoc{ks, ke, hs, he})
				path += "\x00#" + strconv.Itoa(n)
			}
			s.record(path, tomlLoc{ks, ke, hs, he})
			prefix = path
			continue
		}
		before := s.i
		path, ks, ke := s.key(prefix)
		s.skip(false)
		if s.peek() != '=' || s.i == before {
			// Not a key/value line: move on to the next line.
			for s.i < len(s.src) && s.src[s.i] != '\n' {
				s.i++
			}
			continue
		}
		s.i++
		s.skip(false)
		vs := s.i
		ve := s.value(path)
		s.record(path, tomlLoc{ks, ke, vs, ve})
	}
}

// key reads a possibly dotted key and returns its full path and the span of
// its text. Intermediate tables of a dotted key are recorded too.
func (s *tomlScan) key(prefix string) (string, int, int) {
	path := prefix
	start := s.i
	for {
		s.skip(false)
		var part string
		switch s.peek() {
		case '"', '\'':
			q := s.peek()
			ps := s.i
			s.quoted(q)
			raw := string(s.src[ps:s.i])
			if q == '"' {
				if u, err := strconv.Unquote(raw); err == nil {
					part = u
				} else {
					part = strings.Trim(raw, `"`)
				}
			} else {
				part = strings.Trim(raw, "'")
			}
		default:
			ps := s.i
			for s.i < len(s.src) && isBareKey(s.src[s.i]) {
				s.i++
			}
			part = string(s.src[ps:s.i])
		}
		path = join(path, part)
		end := s.i
		s.skip(false)
		if s.peek() != '.' {
			return path, start, end
		}
		s.record(path, tomlLoc{start, end, start, end})
		s.i++
	}
}

// quoted moves past a one-line string opened by q at s.i; only basic
// (double-quoted) strings have escapes. An unclosed one ends at the line.
func (s *tomlScan) quoted(q byte) {
	s.i++
	for s.i < len(s.src) && s.src[s.i] != q && s.src[s.i] != '\n' {
		if q == '"' && s.src[s.i] == '\\' {
			s.i++
		}
		s.i++
	}
	s.i = min(s.i+1, len(s.src))
}

func isBareKey(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// value reads one value at s.i and returns the offset where it ends.
func (s *tomlScan) value(path string) int {
	switch c := s.peek(); c {
	case '"', '\'':
		if bytes.HasPrefix(s.src[s.i:], []byte{c, c, c}) {
			s.i += 3
			for s.i < len(s.src) {
				if c == '"' && s.src[s.i] == '\\' {
					s.i += 2
					continue
				}
				if bytes.HasPrefix(s.src[s.i:], []byte{c, c, c}) {
					s.i += 3
					// Up to two more quotes may close the string.
					for k := 0; k < 2 && s.peek() == c; k++ {
						s.i++
					}
					return s.i
				}
				s.i++
			}
			return s.i
		}
		s.quoted(c)
		return s.i
	case '[':
		s.i++
		for n := 0; s.i < len(s.src); n++ {
			s.skip(true)
			if s.peek() == ']' {
				break
			}
			vs := s.i
			p := path + "\x00#" + strconv.Itoa(n)
			ve := s.value(p)
			s.record(p, tomlLoc{vs, vs, vs, ve})
			s.skip(true)
			if s.peek() == ',' {
				s.i++
			} else if s.i == vs {
				s.i++ // unexpected byte: never loop on it
			}
		}
		s.i = min(s.i+1, len(s.src))
		return s.i
	case '{':
		s.i++
		for s.i < len(s.src) {
			s.skip(false)
			if s.peek() == '}' || s.peek() == '\n' {
				break
			}
			before := s.i
			p, ks, ke := s.key(path)
			s.skip(false)
			if s.peek() == '=' {
				s.i++
				s.skip(false)
				vs := s.i
				ve := s.value(p)
				s.record(p, tomlLoc{ks, ke, vs, ve})
			}
			s.skip(false)
			if s.peek() == ',' {
				s.i++
			} else if s.i == before {
				s.i++
			}
		}
		s.i = min(s.i+1, len(s.src))
		return s.i
	}
	start := s.i
	for s.i < len(s.src) {
		c := s.src[s.i]
		if c == ' ' && s.i-start == 10 && s.i+3 < len(s.src) && isDigit(s.src[s.i+1]) && s.src[s.i+3] == ':' {
			s.i++ // "1979-05-27 07:32:00": a space may separate date and time
			continue
		}
		if c == ' ' || c == '\t' || c == ',' || c == ']' || c == '}' || c == '#' || c == '\n' || c == '\r' {
			break
		}
		s.i++
	}
	return s.i
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
