package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/contentlint/contentlint/lint"
)

// SrcRootID is the uriBaseId every result location is relative to.
const SrcRootID = "%SRCROOT%"

// FingerprintKey names contentlint's entry in result.partialFingerprints.
const FingerprintKey = "contentlint/v1"

// SARIF writes one SARIF 2.1.0 log with one run.
func SARIF(w io.Writer, r *Run) error {
	log, err := BuildSARIF(r)
	if err != nil {
		return err
	}
	raw, err := json.Marshal(log)
	if err != nil {
		return fmt.Errorf("write sarif report: %w", err)
	}
	// go-sarif's constructors spell out every default (-1 sentinels, empty
	// arrays); dropping them keeps the file small, which validators ask for.
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return fmt.Errorf("write sarif report: %w", err)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(compact("", tree)); err != nil {
		return fmt.Errorf("write sarif report: %w", err)
	}
	return nil
}

// sentinels are properties whose value -1 is SARIF's "unset" default.
var sentinels = map[string]bool{"index": true, "byteOffset": true, "charOffset": true, "id": true, "rank": true}

// compact drops properties equal to SARIF's documented defaults: the -1
// sentinels, empty arrays (except run.results, which GitHub requires) and
// empty property bags.
func compact(key string, v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, c := range v {
			if n, ok := c.(json.Number); ok && sentinels[k] && n.String() == "-1" {
				delete(v, k)
				continue
			}
			if a, ok := c.([]any); ok && len(a) == 0 && k != "results" {
				delete(v, k)
				continue
			}
			if m, ok := c.(map[string]any); ok && len(m) == 0 && k == "properties" {
				delete(v, k)
				continue
			}
			v[k] = compact(k, c)
		}
	case []any:
		for i, c := range v {
			v[i] = compact(key, c)
		}
	}
	return v
}

// BuildSARIF returns the log SARIF writes, so tests can validate it as built.
func BuildSARIF(r *Run) (*sarif.Report, error) {
	run := sarif.NewRunWithInformationURI(r.Tool, r.InfoURI)
	version, semver := sarifVersion(r.Version)
	run.Tool.Driver.WithVersion(version)
	if semver {
		run.Tool.Driver.WithSemanticVersion(version)
	}
	run.ColumnKind = ptr("unicodeCodePoints")
	root := sarif.NewArtifactLocation()
	if r.SrcRoot != "" {
		root.URI = ptr(dirURI(r.SrcRoot))
	} else {
		root.Description = sarif.NewTextMessage("The folder contentlint's paths are relative to (the working directory of the run).")
	}
	run.OriginalUriBaseIds = map[string]sarif.ArtifactLocation{SrcRootID: *root}

	index := map[string]int{}
	addRule := func(id string, rule *lint.Rule) {
		d := sarif.NewReportingDescriptor().WithID(id).WithName(pascal(id))
		sev := lint.Warning
		if rule != nil {
			sev = rule.Severity
		}
		if s, ok := r.Severities[id]; ok {
			sev = s
		}
		cfg := sarif.NewReportingConfiguration()
		if sev == lint.Off {
			// A disabled rule keeps its default level so readers see what
			// enabling it would give.
			cfg.Enabled = false
			if rule != nil {
				sev = rule.Severity
			}
		}
		cfg.Level = sarifLevel(sev)
		d.WithDefaultConfiguration(cfg)
		if rule != nil {
			d.WithShortDescription(text(rule.Doc))
			d.WithFullDescription(text(firstParagraph(rule.Help, rule.Doc)))
			help := rule.Help
			if help == "" {
				help = rule.Doc
			}
			d.WithHelp(&sarif.MultiformatMessageString{Text: ptr(help), Markdown: ptr(help)})
		}
		index[id] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, d)
	}
	for _, rule := range r.Rules {
		if _, dup := index[rule.ID]; !dup {
			addRule(rule.ID, rule)
		}
	}

	prints := r.fingerprints()
	for i, f := range r.Findings {
		if _, ok := index[f.RuleID]; !ok {
			addRule(f.RuleID, nil)
		}
		res := sarif.NewResult()
		res.RuleID = ptr(f.RuleID)
		res.RuleIndex = index[f.RuleID]
		res.Level = sarifLevel(f.Severity)
		res.Message = sarif.NewTextMessage(f.Message)
		loc := artifactLocation(f.File)
		res.Locations = append(res.Locations, sarif.NewLocationWithPhysicalLocation(
			sarif.NewPhysicalLocation().WithArtifactLocation(loc).WithRegion(region(f.Range))))
		res.PartialFingerprints = map[string]string{FingerprintKey: prints[i]}
		if len(f.Properties) > 0 {
			bag := sarif.NewPropertyBag()
			for k, v := range f.Properties {
				bag.Add(k, v)
			}
			res.Properties = bag
		}
		if f.Fix != nil && (f.Fix.Line > 0 || f.Fix.End >= f.Fix.Start) {
			del := sarif.NewRegion()
			if f.Fix.Line > 0 {
				// An insertion at the start of a line: an empty region there.
				del.StartLine, del.StartColumn = ptr(f.Fix.Line), ptr(1)
				del.EndLine, del.EndColumn = ptr(f.Fix.Line), ptr(1)
			} else {
				del.ByteOffset = f.Fix.Start
				del.ByteLength = ptr(f.Fix.End - f.Fix.Start)
			}
			rep := sarif.NewReplacement()
			rep.DeletedRegion = del
			rep.InsertedContent = &sarif.ArtifactContent{Text: ptr(f.Fix.Replacement)}
			change := sarif.NewArtifactChange()
			target := f.File
			if f.Fix.File != "" {
				target = f.Fix.File
			}
			change.ArtifactLocation = artifactLocation(target)
			change.Replacements = append(change.Replacements, rep)
			fix := sarif.NewFix()
			fix.Description = sarif.NewTextMessage(f.Fix.Message)
			fix.ArtifactChanges = append(fix.ArtifactChanges, change)
			res.Fixes = append(res.Fixes, fix)
		}
		run.Results = append(run.Results, res)
	}

	inv := sarif.NewInvocation().WithExecutionSuccessful(len(r.Errors) == 0)
	for _, e := range r.Errors {
		n := sarif.NewNotification()
		n.Level = sarif.LevelError
		n.Message = sarif.NewTextMessage(e.Error())
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	run.Invocations = append(run.Invocations, inv)

	log := sarif.NewReport()
	log.AddRun(run)
	return log, nil
}

// sarifVersion makes the tool version start with a number, as SARIF readers
// compare versions that way: v1.2.3 gives 1.2.3 (also a semantic version),
// and a build without one (dev, test) gives 0.0.0-dev.
func sarifVersion(v string) (string, bool) {
	v = strings.TrimPrefix(v, "v")
	if v == "" || v[0] < '0' || v[0] > '9' {
		return "0.0.0-" + strings.TrimPrefix(v, "-"), false
	}
	return v, semverRE.MatchString(v)
}

var semverRE = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)

// Fingerprint is the value of result.partialFingerprints["contentlint/v1"]:
// the first 128 bits, in hex, of SHA-256 over the rule ID, the file path, the
// message and the finding's ordinal among findings with that same rule, file
// and message (0 for the first, in file order). Line and column numbers and
// the line's text are left out, so editing other lines of a post keeps the
// fingerprint, and two identical findings in one file still differ.
func Fingerprint(ruleID, file, message string, ordinal int) string {
	sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%s\x00%s\x00%d", ruleID, file, message, ordinal))
	return hex.EncodeToString(sum[:16])
}

// Fingerprints gives each finding its Fingerprint, counting ordinals in the
// order given (sorted findings: file order). SARIF, GitLab Code Quality and
// baselines share it, so one finding has one identity everywhere.
func Fingerprints(fs []lint.Finding) []string {
	out := make([]string, len(fs))
	seen := map[string]int{}
	for i, f := range fs {
		key := f.RuleID + "\x00" + f.File + "\x00" + f.Message
		out[i] = Fingerprint(f.RuleID, f.File, f.Message, seen[key])
		seen[key]++
	}
	return out
}

func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return sarif.LevelError
	case lint.Warning:
		return sarif.LevelWarning
	case lint.Info:
		return sarif.LevelNote
	}
	return sarif.LevelNone
}

// artifactLocation makes a relative path a URI under %SRCROOT%. An absolute
// path (a file outside the base folder on another volume) becomes a file URI.
func artifactLocation(file string) *sarif.ArtifactLocation {
	loc := sarif.NewArtifactLocation()
	slashed := filepath.ToSlash(ValidUTF8(file))
	if filepath.IsAbs(file) || strings.HasPrefix(slashed, "/") {
		loc.URI = ptr(fileURI(slashed))
		return loc
	}
	loc.URI = ptr((&url.URL{Path: slashed}).String())
	loc.URIBaseID = ptr(SrcRootID)
	return loc
}

func fileURI(slashed string) string {
	if !strings.HasPrefix(slashed, "/") {
		slashed = "/" + slashed // C:/x -> /C:/x
	}
	return (&url.URL{Scheme: "file", Path: slashed}).String()
}

// dirURI is an absolute folder as a file URI with the trailing slash SARIF
// requires of a base URI.
func dirURI(dir string) string {
	s := filepath.ToSlash(ValidUTF8(dir))
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	return fileURI(s)
}

// clamp keeps a range within what SARIF and GitHub accept: lines and columns
// start at 1 and the end never precedes the start.
func clamp(rg lint.Range) lint.Range {
	start := rg.Start
	if start.Line < 1 {
		start.Line = 1
	}
	if start.Col < 1 {
		start.Col = 1
	}
	end := rg.End
	if end.Line < start.Line {
		end.Line = start.Line
	}
	if end.Col < 1 || (end.Line == start.Line && end.Col < start.Col) {
		end.Col = start.Col
		if end.Line != start.Line {
			end.Col = 1
		}
	}
	return lint.Range{Start: start, End: end}
}

func region(rg lint.Range) *sarif.Region {
	rg = clamp(rg)
	reg := sarif.NewRegion()
	reg.StartLine, reg.StartColumn = ptr(rg.Start.Line), ptr(rg.Start.Col)
	reg.EndLine, reg.EndColumn = ptr(rg.End.Line), ptr(rg.End.Col)
	return reg
}

// pascal turns a rule ID such as frontmatter-type into FrontmatterType, the
// form SARIF recommends for reportingDescriptor.name.
func pascal(id string) string {
	var b strings.Builder
	up := true
	for _, c := range id {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			up = true
			continue
		}
		if up {
			c = unicode.ToUpper(c)
			up = false
		}
		b.WriteRune(c)
	}
	return b.String()
}

// firstParagraph is the help text's opening paragraph, used as the rule's
// fullDescription.
func firstParagraph(help, fallback string) string {
	p, _, _ := strings.Cut(strings.TrimSpace(help), "\n\n")
	p = strings.TrimSpace(strings.ReplaceAll(p, "\n", " "))
	if p == "" {
		return fallback
	}
	return p
}

func text(s string) *sarif.MultiformatMessageString {
	return &sarif.MultiformatMessageString{Text: ptr(s)}
}

func ptr[T any](v T) *T { return &v }
