// Package lint is the contentlint engine: it discovers posts, parses them once,
// runs rules through passes and returns sorted findings. It names no rule.
package lint

import (
	"context"
	"fmt"
	"strings"
)

// Severity orders findings; the zero value is Off so an unset override never
// silently upgrades a rule.
type Severity int

// Severities, from least to most severe.
const (
	Off Severity = iota
	Info
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "off"
}

// ParseSeverity accepts off, info, warning and error.
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "off", "none":
		return Off, nil
	case "info", "note":
		return Info, nil
	case "warning", "warn":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return Off, fmt.Errorf("unknown severity %q (want off, info, warning or error)", s)
}

// Position is 1-based; Col counts characters (runes), not bytes.
type Position struct {
	Line int `json:"line"`
	Col  int `json:"column"`
}

// Range is a span in a file. End is exclusive in columns, like editors expect.
type Range struct {
	Start Position `json:"start"`
	End   Position `json:"end"`
}

// Before orders positions.
func (p Position) Before(q Position) bool {
	return p.Line < q.Line || (p.Line == q.Line && p.Col < q.Col)
}

// Fix is a suggested edit: a byte range of the source and its replacement.
type Fix struct {
	Message     string `json:"message"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
	Replacement string `json:"replacement"`
	// File is the file the edit applies to when it is not the finding's own
	// (a rule passes an absolute path; findings carry it as they name
	// files).
	File string `json:"file,omitempty"`
	// Line, when > 0, makes the edit an insertion of Replacement at the
	// start of that 1-based line instead of the byte range: for a file the
	// rule has only the index of. Its "\n" line ends follow the file's.
	Line int `json:"line,omitempty"`
}

// Diagnostic is what a rule reports; the pass turns it into a Finding.
type Diagnostic struct {
	Range      Range
	Message    string
	Properties map[string]string
	Fix        *Fix
	// Severity, when set, replaces the rule's default for this finding
	// (the generator fails its build on it, say); a severity the user
	// configured for the rule still wins.
	Severity Severity
	// Cap, when set, lowers this finding's severity to at most Cap (a dead
	// link still in its grace period is a warning, not an error).
	Cap Severity
}

// Finding is the only type that crosses from rules to reporters.
type Finding struct {
	RuleID     string            `json:"rule"`
	Severity   Severity          `json:"-"`
	File       string            `json:"file"`
	Range      Range             `json:"range"`
	Message    string            `json:"message"`
	Properties map[string]string `json:"properties,omitempty"`
	Fix        *Fix              `json:"fix,omitempty"`
}

// Rule is a small value in the spirit of go/analysis.Analyzer. Check runs per
// post and sees the AST; CheckSite runs once the site index is built. A rule
// sets one or both.
type Rule struct {
	ID       string
	Doc      string // one line
	Help     string // Markdown, with a bad and a good example
	Severity Severity
	// Optional rules are off unless the configuration gives them a
	// severity; Severity is then what "on" means in the docs and SARIF.
	Optional  bool
	Check     func(*Pass)
	CheckSite func(*SitePass)
	// CheckDirectives runs after suppression and sees the disable comments
	// that suppressed nothing.
	CheckDirectives func(*DirectivePass)
}

// UnusedDirective is a disable comment, or one rule name in it, that
// suppressed no finding in this run.
type UnusedDirective struct {
	Abs  string // the post's absolute path
	Kind string // disable, disable-line, disable-next-line, disable-file
	Rule string // the rule named; "" for a comment naming none (every rule)
	// Range is the rule name, or the whole comment when Rule is "".
	Range Range
}

// DirectivePass gives a rule the unused disable comments of the linted posts.
// Its findings are not subject to suppression comments themselves.
type DirectivePass struct {
	Rule   *Rule
	Config *Config
	Unused []UnusedDirective
	report func(abs string, d Diagnostic)
}

// Report records a diagnostic in the file at abs.
func (p *DirectivePass) Report(abs string, d Diagnostic) { p.report(abs, d) }

// Pass gives a per-post rule the post, the site and a way to report.
type Pass struct {
	Rule   *Rule
	Post   *Post
	Site   *Site
	Config *Config
	Rules  []*Rule // every known rule, for rules that validate rule names
	report func(Diagnostic)
}

// Report records a diagnostic for the current post.
func (p *Pass) Report(d Diagnostic) { p.report(d) }

// Reportf reports a message at r.
func (p *Pass) Reportf(r Range, format string, args ...any) {
	p.report(Diagnostic{Range: r, Message: fmt.Sprintf(format, args...)})
}

// SitePass gives a site-wide rule the compact index. Targets are the entries
// findings may be reported on (all of them, or the files named on the CLI).
type SitePass struct {
	Ctx     context.Context
	Rule    *Rule
	Index   *Index
	Site    *Site
	Config  *Config
	Targets []*Entry
	Options *Options
	report  func(*Entry, Diagnostic)
	fail    func(error)
}

// Report records a diagnostic on entry e.
func (p *SitePass) Report(e *Entry, d Diagnostic) { p.report(e, d) }

// Fail records an error that fails the whole run (exit 2) instead of a
// finding, such as a missing network.
func (p *SitePass) Fail(err error) { p.fail(err) }

// Reportf reports a message at r in e.
func (p *SitePass) Reportf(e *Entry, r Range, format string, args ...any) {
	p.report(e, Diagnostic{Range: r, Message: fmt.Sprintf(format, args...)})
}
