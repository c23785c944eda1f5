package report

import (
	"encoding/xml"
	"fmt"
	"io"
)

// The JUnit shape is the Ant/Jenkins one, as testdata/schema/junit.xsd
// defines it: every attribute and element that schema requires is written,
// even when empty, so strict readers accept the file.
type junitSuites struct {
	XMLName xml.Name     `xml:"testsuites"`
	Suites  []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Package    string          `xml:"package,attr"`
	ID         int             `xml:"id,attr"`
	Name       string          `xml:"name,attr"`
	Timestamp  string          `xml:"timestamp,attr"`
	Hostname   string          `xml:"hostname,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Time       string          `xml:"time,attr"`
	Properties junitProperties `xml:"properties"`
	Cases      []junitCase     `xml:"testcase"`
	SystemOut  string          `xml:"system-out"`
	SystemErr  string          `xml:"system-err"`
}

type junitProperties struct {
	Props []junitProperty `xml:"property"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitProblem `xml:"failure"`
	Error     *junitProblem `xml:"error"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// JUnit writes one testsuite per file with findings (one failing testcase
// per finding, named by rule and position), plus a suite for I/O errors. A
// clean run writes one passing testcase, so CI shows a test rather than none.
func JUnit(w io.Writer, r *Run) error {
	stamp := r.Started.UTC().Format("2006-01-02T15:04:05")
	doc := junitSuites{}
	suite := func(name string) *junitSuite {
		doc.Suites = append(doc.Suites, junitSuite{Package: r.Tool, ID: len(doc.Suites), Name: name,
			Timestamp: stamp, Hostname: "localhost", Time: "0",
			Properties: junitProperties{Props: []junitProperty{{Name: "version", Value: r.Version}}}})
		return &doc.Suites[len(doc.Suites)-1]
	}
	var cur *junitSuite
	for _, f := range r.Findings {
		if cur == nil || cur.Name != f.File {
			cur = suite(f.File)
		}
		pos := fmt.Sprintf("%d:%d", f.Range.Start.Line, f.Range.Start.Col)
		cur.Cases = append(cur.Cases, junitCase{Name: f.RuleID + " at " + pos, Classname: f.File, Time: "0",
			Failure: &junitProblem{Message: f.Message, Type: f.Severity.String(),
				Text: fmt.Sprintf("%s:%s: %s: %s (%s)", f.File, pos, f.Severity, f.Message, f.RuleID)}})
		cur.Tests++
		cur.Failures++
	}
	if len(r.Errors) > 0 {
		s := suite(r.Tool)
		for _, e := range r.Errors {
			s.Cases = append(s.Cases, junitCase{Name: "run", Classname: r.Tool, Time: "0",
				Error: &junitProblem{Message: e.Error(), Type: "error", Text: e.Error()}})
			s.Tests++
			s.Errors++
		}
	}
	if len(doc.Suites) == 0 {
		s := suite(r.Tool)
		s.Cases = []junitCase{{Name: fmt.Sprintf("%d files linted", r.Files), Classname: r.Tool, Time: "0"}}
		s.Tests = 1
	}
	return writeXML(w, doc, "junit")
}

// writeXML writes an indented document with its declaration.
func writeXML(w io.Writer, doc any, format string) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("write %s report: %w", format, err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write %s report: %w", format, err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("write %s report: %w", format, err)
	}
	return nil
}
