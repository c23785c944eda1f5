package report

import (
	"encoding/json"
	"fmt"
	"io"
)

// JSONSchemaVersion is bumped on any incompatible change to the JSON output.
const JSONSchemaVersion = 1

type jsonPos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type jsonFinding struct {
	Rule       string            `json:"rule"`
	Severity   string            `json:"severity"`
	File       string            `json:"file"`
	Start      jsonPos           `json:"start"`
	End        jsonPos           `json:"end"`
	Message    string            `json:"message"`
	Properties map[string]string `json:"properties,omitempty"`
	Fix        *jsonFix          `json:"fix,omitempty"`
}

type jsonFix struct {
	Message     string `json:"message"`
	StartByte   int    `json:"startByte"`
	EndByte     int    `json:"endByte"`
	Replacement string `json:"replacement"`
	File        string `json:"file,omitempty"`
	Line        int    `json:"line,omitempty"`
}

type jsonDoc struct {
	SchemaVersion int           `json:"schemaVersion"`
	Tool          string        `json:"tool"`
	Version       string        `json:"version"`
	Files         int           `json:"files"`
	Summary       jsonSummary   `json:"summary"`
	Findings      []jsonFinding `json:"findings"`
	Errors        []string      `json:"errors"`
}

type jsonSummary struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
}

// JSON writes one document with a stable, documented schema (see README).
func JSON(w io.Writer, r *Run) error {
	doc := jsonDoc{SchemaVersion: JSONSchemaVersion, Tool: r.Tool, Version: r.Version, Files: r.Files, Findings: []jsonFinding{}, Errors: []string{}}
	doc.Summary.Errors, doc.Summary.Warnings, doc.Summary.Infos = Counts(r.Findings)
	for _, f := range r.Findings {
		jf := jsonFinding{Rule: f.RuleID, Severity: f.Severity.String(), File: f.File,
			Start:   jsonPos{f.Range.Start.Line, f.Range.Start.Col},
			End:     jsonPos{f.Range.End.Line, f.Range.End.Col},
			Message: f.Message, Properties: f.Properties}
		if f.Fix != nil {
			jf.Fix = &jsonFix{Message: f.Fix.Message, StartByte: f.Fix.Start, EndByte: f.Fix.End, Replacement: f.Fix.Replacement,
				File: f.Fix.File, Line: f.Fix.Line}
		}
		doc.Findings = append(doc.Findings, jf)
	}
	for _, e := range r.Errors {
		doc.Errors = append(doc.Errors, e.Error())
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write json report: %w", err)
	}
	return nil
}
