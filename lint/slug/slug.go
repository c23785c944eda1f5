// Package slug turns heading text into the element ids that static-site
// generators give headings, one slugger per generator, each tested against
// the facts of that generator's own test suite.
//
// A [Slugger] is made per document by [New] and is not safe for concurrent
// use. Slug returns the id a generated heading gets, unique in the way the
// generator makes it unique (github-slugger counts per base and skips taken
// ids; Hugo tries -1, -2 … until free; kramdown counts without looking).
// Explicit returns the id a heading with an explicit id ({#id}, an id
// attribute) ends up with (mdc cleans it up, the others keep it), and
// registers it where the generator does. Only Hugo does: `## Bar {#foo}`
// then `## Foo` give foo, foo-1 in Hugo and foo, foo everywhere else. Call
// both in document order.
//
// The pure functions ([GitHub], [HugoGitHub], [KramdownGFM], …) slug one
// text without any counting. The text preparation a generator does before
// slugging (entity decoding, typographer) is [PrepareText]; callers apply it
// to the heading text they extract, outside code spans, as the generator
// would. The tests hold the cases of each generator's own suite, and
// oracle_test.go compares with the generators' own code where installed.
//
// The package imports nothing from package lint.
package slug

import (
	"fmt"
	"sort"
)

// The styles New accepts.
const (
	// StyleGitHub is github-slugger as rehype-slug uses it (Starlight and
	// Astro 5 differ a little: StyleAstro).
	StyleGitHub = "github"
	// StyleAstro is Astro 5's heading ids: smartypants, github-slugger,
	// a trailing "-" dropped (see HeadingIDCompat).
	StyleAstro = "astro"
	// StyleDocusaurus is github-slugger with Docusaurus's explicit ids.
	StyleDocusaurus = "docusaurus"
	// StyleHugo is Hugo's default autoHeadingIDType "github".
	StyleHugo = "hugo"
	// StyleHugoASCII is Hugo's autoHeadingIDType "github-ascii".
	StyleHugoASCII = "hugo-github-ascii"
	// StyleHugoBlackfriday is Hugo's autoHeadingIDType "blackfriday".
	StyleHugoBlackfriday = "hugo-blackfriday"
	// StyleKramdownGFM is kramdown-parser-gfm (Jekyll's default input).
	StyleKramdownGFM = "kramdown-gfm"
	// StyleKramdown is kramdown's own auto_ids (Jekyll with input: kramdown).
	StyleKramdown = "kramdown"
	// StyleMDC is nuxt-modules/mdc (Nuxt Content).
	StyleMDC = "mdc"
)

// Slugger makes the ids of one document's headings.
type Slugger interface {
	// Slug returns the id generated for a heading's text.
	Slug(text string) string
	// Explicit returns the id of a heading whose id is given, normalised
	// and registered as the generator does.
	Explicit(id string) string
}

// Option changes a slugger made by New.
type Option func(*options)

type options struct {
	prefix        string
	transliterate bool
	compat        bool
}

// Prefix puts p before every generated id (kramdown's auto_id_prefix).
// Other generators have no such setting and ignore it.
func Prefix(p string) Option { return func(o *options) { o.prefix = p } }

// Transliterated turns on kramdown's transliterated_header_ids. Other
// generators ignore it.
func Transliterated() Option { return func(o *options) { o.transliterate = true } }

// HeadingIDCompat is Astro's experimental.headingIdCompat: the trailing
// "-" stays. Other generators ignore it.
func HeadingIDCompat() Option { return func(o *options) { o.compat = true } }

// Styles lists the styles New accepts, sorted.
func Styles() []string {
	s := []string{StyleGitHub, StyleAstro, StyleDocusaurus, StyleHugo, StyleHugoASCII, StyleHugoBlackfriday,
		StyleKramdownGFM, StyleKramdown, StyleMDC}
	sort.Strings(s)
	return s
}

// New returns a slugger for one document in the given style.
func New(style string, opts ...Option) (Slugger, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	switch style {
	case StyleGitHub, StyleDocusaurus:
		return &githubSlugger{seen: map[string]int{}}, nil
	case StyleAstro:
		return &astroSlugger{github: githubSlugger{seen: map[string]int{}}, compat: o.compat}, nil
	case StyleHugo:
		return newHugoSlugger(HugoGitHub), nil
	case StyleHugoASCII:
		return newHugoSlugger(HugoGitHubASCII), nil
	case StyleHugoBlackfriday:
		return newHugoSlugger(HugoBlackfriday), nil
	case StyleKramdownGFM:
		if o.transliterate {
			// kramdown-parser-gfm leaves the id to kramdown's converter then.
			return &kramdownSlugger{seen: map[string]int{}, prefix: o.prefix, transliterate: true}, nil
		}
		return &gfmSlugger{count: map[string]int{}, prefix: o.prefix}, nil
	case StyleKramdown:
		return &kramdownSlugger{seen: map[string]int{}, prefix: o.prefix, transliterate: o.transliterate}, nil
	case StyleMDC:
		return &mdcSlugger{github: githubSlugger{seen: map[string]int{}}}, nil
	}
	return nil, fmt.Errorf("unknown slug style %q (want one of %v)", style, Styles())
}
