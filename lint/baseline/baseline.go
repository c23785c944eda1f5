// Package baseline records the findings a site has today, by fingerprint, so
// that later runs report only new ones: the way to adopt contentlint on a
// large site without fixing everything first.
package baseline

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"

	"github.com/contentlint/contentlint/lint"
	"github.com/contentlint/contentlint/lint/internal/atomicfile"
	"github.com/contentlint/contentlint/lint/report"
)

// Version is the baseline file's format version.
const Version = 1

// Entry is one recorded finding. Only the fingerprint is matched; the other
// fields make the file readable and its diffs reviewable.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Message     string `json:"message"`
}

// File is the document written to disk.
type File struct {
	Version  int     `json:"version"`
	Tool     string  `json:"tool"`
	Findings []Entry `json:"findings"`
}

// Load reads a baseline; a missing file gives (nil, nil), so the caller can
// write one.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	var b File
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("baseline %s: not a contentlint baseline: %w", path, err)
	}
	if b.Version != Version {
		return nil, fmt.Errorf("baseline %s: version %d, want %d (delete it to write a new one)", path, b.Version, Version)
	}
	return &b, nil
}

// Write records findings (sorted, as the engine returns them) at path,
// atomically, sorted by file, rule and fingerprint so that the file's diff
// shows what changed.
func Write(path string, findings []lint.Finding) error {
	prints := report.Fingerprints(findings)
	b := File{Version: Version, Tool: "contentlint", Findings: make([]Entry, len(findings))}
	for i, f := range findings {
		b.Findings[i] = Entry{Fingerprint: prints[i], Rule: f.RuleID, File: f.File, Message: f.Message}
	}
	sort.SliceStable(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		if x.File != y.File {
			return x.File < y.File
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		return x.Fingerprint < y.Fingerprint
	})
	return atomicfile.Write(path, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(b)
	})
}

// Outcome is what filtering a run against a baseline leaves.
type Outcome struct {
	Findings     []lint.Finding // not in the baseline
	Fingerprints []string       // of Findings, as computed over the whole run
	Known        int            // findings the baseline holds, not reported
	Gone         int            // baseline entries of linted files that no longer occur
}

// Filter drops the findings the baseline holds. prints are the findings'
// fingerprints as computed over the whole run (nil: computed here over
// findings), so a finding keeps the ordinal, and so the fingerprint, it has
// in the baseline even when --new-only dropped others. Gone counts only entries whose file
// was linted (linted holds those paths), so a run over a few files does not
// call the rest of the baseline fixed.
func (b *File) Filter(findings []lint.Finding, prints []string, linted map[string]bool) Outcome {
	if len(prints) != len(findings) {
		prints = report.Fingerprints(findings)
	}
	known := make(map[string]bool, len(b.Findings))
	for _, e := range b.Findings {
		known[e.Fingerprint] = true
	}
	var out Outcome
	seen := map[string]bool{}
	for i, f := range findings {
		seen[prints[i]] = true
		if known[prints[i]] {
			out.Known++
			continue
		}
		out.Findings = append(out.Findings, f)
		out.Fingerprints = append(out.Fingerprints, prints[i])
	}
	for _, e := range b.Findings {
		if !seen[e.Fingerprint] && linted[e.File] {
			out.Gone++
		}
	}
	return out
}
