package report

import (
	"encoding/xml"

	"io"

	"github.com/contentlint/contentlint/lint"
)

// Checkstyle's XML, as checkstyle.org documents its XMLLogger and as
// Jenkins warnings-ng, reviewdog and SonarQube read it.
type checkstyleDoc struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr,omitempty"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// checkstyleVersion is the format version Checkstyle's own logger writes for
// this shape; readers check the root element, not the number.
const checkstyleVersion = "4.3"

// Checkstyle writes one <file> per file with findings, in finding order, and
// I/O errors as errors without a line under a <file> named after the tool.
func Checkstyle(w io.Writer, r *Run) error {
	doc := checkstyleDoc{Version: checkstyleVersion}
	for _, f := range r.Findings {
		if n := len(doc.Files); n == 0 || doc.Files[n-1].Name != f.File {
			doc.Files = append(doc.Files, checkstyleFile{Name: f.File})
		}
		rg := clamp(f.Range)
		cur := &doc.Files[len(doc.Files)-1]
		cur.Errors = append(cur.Errors, checkstyleError{Line: rg.Start.Line, Column: rg.Start.Col,
			Severity: checkstyleSeverity(f.Severity), Message: f.Message, Source: r.Tool + "." + f.RuleID})
	}
	if len(r.Errors) > 0 {
		file := checkstyleFile{Name: r.Tool}
		for _, e := range r.Errors {
			file.Errors = append(file.Errors, checkstyleError{Severity: "error", Message: e.Error(), Source: r.Tool})
		}
		doc.Files = append(doc.Files, file)
	}
	return writeXML(w, doc, "checkstyle")
}

func checkstyleSeverity(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "info"
}
