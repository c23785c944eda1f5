package report

import (
	"errors"
	"io"
)

// SARIF is implemented in sarif.go (pending).
func SARIF(w io.Writer, r *Run) error { return errors.New("sarif: not implemented yet") }

// GitHub is implemented in github.go (pending).
func GitHub(w io.Writer, r *Run) error { return errors.New("github: not implemented yet") }

// Markdown is implemented in markdown.go (pending).
func Markdown(w io.Writer, r *Run) error { return errors.New("markdown: not implemented yet") }
