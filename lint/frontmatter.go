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
	"github.com/adrg/frontmatter"
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

// maxFrontMatterNodes bounds alias expansion (a YAML "billion laughs").
const maxFrontMatterNodes = 100000

type rawBlock struct {
	format string
	data   []byte
}

func captureAs(format string) frontmatter.UnmarshalFunc {
	return func(data []byte, v any) error {
		rb, ok := v.(*rawBlock)
		if !ok {
			return errors.New("internal: unexpected front matter target")
		}
		rb.format = format
		rb.data = data
		return nil
	}
}

// frontMatterFormats are adrg/frontmatter's delimiters; the unmarshal step only
// captures the bytes so that we can decode them with positions.
func frontMatterFormats() []*frontmatter.Format {
	yamlF, tomlF, jsonF := captureAs("yaml"), captureAs("toml"), captureAs("json")
	brace := frontmatter.NewFormat("{", "}", jsonF)
	brace.UnmarshalDelims = true
	brace.RequiresNewLine = true
	return []*frontmatter.Format{
		frontmatter.NewFormat("---", "---", yamlF),
		frontmatter.NewFormat("---yaml", "---", yamlF),
		frontmatter.NewFormat("+++", "+++", tomlF),
		frontmatter.NewFormat("---toml", "---", tomlF),
		frontmatter.NewFormat(";;;", ";;;", jsonF),
		frontmatter.NewFormat("---json", "---", jsonF),
		brace,
	}
}

var openers = map[string]string{"---": "yaml", "---yaml": "yaml", "+++": "toml", "---toml": "toml", ";;;": "json", "---json": "json", "{": "json"}

// ParseFrontMatter finds and decodes the front matter of src. It returns nil
// when the file has none.
func ParseFrontMatter(src []byte, li *LineIndex) *FrontMatter {
	// The opener must be the first non-blank line, as adrg/frontmatter requires.
	off := 0
	if bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
		off = 3
	}
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
	first := strings.TrimSpace(string(li.Line(openLine)))
	format, ok := openers[first]
	if !ok {
		return nil
	}
	var rb rawBlock
	rest, err := frontmatter.Parse(bytes.NewReader(src), &rb, frontMatterFormats()...)
	fm := &FrontMatter{Format: format, Start: off}
	if err != nil || rb.data == nil {
		// adrg returns the whole input when the closing delimiter never comes.
		fm.Unterminated = true
		fm.End = off + len(li.Line(openLine))
		fm.Range = li.Range(off, fm.End)
		return fm
	}
	fm.End = len(src) - len(rest)
	fm.Format = rb.format
	fm.Range = li.Range(fm.Start, fm.End)
	dataLine := openLine + 1
	if first == "{" {
		dataLine = openLine
	}
	switch rb.format {
	case "toml":
		fm.Root, fm.Err = decodeTOML(rb.data, li, dataLine)
	default:
		// JSON is YAML 1.2 flow syntax, so yaml.v3 gives JSON positions too.
		fm.Root, fm.Duplicates, fm.Err = decodeYAML(rb.data, li, dataLine)
	}
	return fm
}

var yamlLineRE = regexp.MustCompile(`line (\d+)`)

func decodeYAML(data []byte, li *LineIndex, firstLine int) (*Value, []*Value, *ParseError) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		line := 0
		if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = strings.TrimSpace(yamlLineRE.ReplaceAllString(msg, ""))
			msg = strings.TrimPrefix(msg, ": ")
		}
		pos := Position{Line: firstLine + max(line, 1) - 1, Col: 1}
		return nil, nil, &ParseError{Pos: pos, Msg: "invalid YAML: " + msg}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return &Value{Kind: Map}, nil, nil // an empty block
	}
	c := &yamlConv{li: li, off: firstLine - 1}
	root := c.convert(doc.Content[0])
	if c.budget > maxFrontMatterNodes {
		return nil, nil, &ParseError{Pos: Position{Line: firstLine, Col: 1}, Msg: fmt.Sprintf("front matter expands to more than %d values (YAML alias bomb?)", maxFrontMatterNodes)}
	}
	if root.Kind != Map {
		return nil, nil, &ParseError{Pos: root.Range.Start, Msg: "front matter is not a mapping of keys to values"}
	}
	return root, c.dups, nil
}

type yamlConv struct {
	li     *LineIndex
	off    int
	budget int
	dups   []*Value
}

func (c *yamlConv) pos(line, col int) Position { return Position{Line: line + c.off, Col: col} }

func (c *yamlConv) convert(n *yaml.Node) *Value {
	c.budget++
	if c.budget > maxFrontMatterNodes {
		return &Value{Kind: Null}
	}
	start := c.pos(n.Line, n.Column)
	v := &Value{Range: Range{Start: start, End: start}}
	switch n.Kind {
	case yaml.AliasNode:
		a := c.convert(n.Alias)
		a.Range = v.Range
		return a
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
			ks := c.pos(k.Line, k.Column)
			item.KeyRange = Range{Start: ks, End: Position{Line: ks.Line, Col: ks.Col + utf8.RuneCountInString(k.Value)}}
			if seen[k.Value] {
				c.dups = append(c.dups, item)
				continue
			}
			seen[k.Value] = true
			v.Items = append(v.Items, item)
		}
		v.Range.End = c.lastEnd(v)
	case yaml.SequenceNode:
		v.Kind = List
		for _, it := range n.Content {
			v.Items = append(v.Items, c.convert(it))
		}
		v.Range.End = c.lastEnd(v)
	case yaml.ScalarNode:
		v.Kind = Scalar
		v.Text = n.Value
		v.Tag = strings.TrimPrefix(n.ShortTag(), "!!")
		if v.Tag == "null" {
			v.Kind = Null
		}
		w := utf8.RuneCountInString(n.Value)
		if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			w += 2
		}
		if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 || strings.Contains(n.Value, "\n") {
			w = utf8.RuneCount(c.li.Line(start.Line)) - start.Col + 1
		}
		v.Range.End = Position{Line: start.Line, Col: start.Col + max(w, 0)}
	default:
		v.Kind = Null
	}
	return v
}

func (c *yamlConv) lastEnd(v *Value) Position {
	end := v.Range.Start
	for _, it := range v.Items {
		if end.Before(it.Range.End) {
			end = it.Range.End
		}
	}
	return end
}

var tomlLineRE = regexp.MustCompile(`line (\d+)`)

func decodeTOML(data []byte, li *LineIndex, firstLine int) (*Value, *ParseError) {
	var m map[string]any
	md, err := toml.Decode(string(data), &m)
	if err != nil {
		var pe toml.ParseError
		line := 1
		msg := err.Error()
		if errors.As(err, &pe) {
			line = pe.Position.Line
			msg = pe.Message
		} else if mm := tomlLineRE.FindStringSubmatch(msg); mm != nil {
			line, _ = strconv.Atoi(mm[1])
		}
		return nil, &ParseError{Pos: Position{Line: firstLine + max(line, 1) - 1, Col: 1}, Msg: "invalid TOML: " + msg}
	}
	// BurntSushi/toml has no value positions: find each key's line ourselves.
	lines := strings.Split(string(data), "\n")
	keyLine := func(k string) int {
		re := regexp.MustCompile(`^\s*(\[+\s*)?["']?` + regexp.QuoteMeta(k) + `["']?\s*(=|\])`)
		for i, l := range lines {
			if re.MatchString(l) {
				return firstLine + i
			}
		}
		return firstLine
	}
	order := map[string]int{}
	for i, k := range md.Keys() {
		if len(k) == 1 {
			if _, ok := order[k[0]]; !ok {
				order[k[0]] = i
			}
		}
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return order[keys[i]] < order[keys[j]] })
	root := &Value{Kind: Map}
	for _, k := range keys {
		ln := keyLine(k)
		lineText := li.Line(ln)
		col := 1 + utf8.RuneCount(lineText) - utf8.RuneCount(bytes.TrimLeft(lineText, " \t"))
		kr := Range{Start: Position{ln, col}, End: Position{ln, col + utf8.RuneCountInString(k)}}
		vcol := col
		if i := bytes.IndexByte(lineText, '='); i >= 0 {
			vcol = utf8.RuneCount(lineText[:i]) + 2
			for vcol-1 < utf8.RuneCount(lineText) && (lineText[min(len(lineText)-1, i+1)] == ' ') {
				vcol++
				i++
			}
		}
		vr := Range{Start: Position{ln, vcol}, End: Position{ln, utf8.RuneCount(lineText) + 1}}
		v := tomlValue(m[k], vr)
		v.Key = k
		v.KeyRange = kr
		root.Items = append(root.Items, v)
	}
	return root, nil
}

func tomlValue(x any, r Range) *Value {
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
		v.Kind, v.Tag, v.Text = Scalar, "timestamp", t.Format(time.RFC3339)
	case []any:
		v.Kind = List
		for _, it := range t {
			v.Items = append(v.Items, tomlValue(it, r))
		}
	case []map[string]any:
		v.Kind = List
		for _, it := range t {
			v.Items = append(v.Items, tomlValue(it, r))
		}
	case map[string]any:
		v.Kind = Map
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			it := tomlValue(t[k], r)
			it.Key = k
			it.KeyRange = r
			v.Items = append(v.Items, it)
		}
	default:
		v.Kind, v.Tag, v.Text = Scalar, "str", fmt.Sprint(t)
	}
	return v
}
