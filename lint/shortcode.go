package lint

import (
	"bytes"
	"regexp"
	"strings"
)

// Shortcode is a template call written in content, such as Hugo's
// {{< ref "about.md" >}} or {{% include "x" %}}. Generators process them
// before the Markdown (even inside code blocks), so they are scanned in
// the raw body. Closing tags ({{< /note >}}) and commented-out ones
// ({{</* x */>}}) are left out.
type Shortcode struct {
	Name string
	// Markdown: the % delimiters, whose output is rendered as Markdown.
	Markdown bool
	// Args are the positional arguments, unquoted; Named the k="v" ones.
	Args  []string
	Named map[string]string
	Range Range
}

var (
	shortcodeRE    = regexp.MustCompile(`\{\{([<%])\s*([A-Za-z0-9_][A-Za-z0-9_./-]*)((?:[^>%}]|[>%][^}]|\}[^}])*?)\s*([>%])\}\}`)
	shortcodeArgRE = regexp.MustCompile(`(?:([A-Za-z0-9_]+)\s*=\s*)?(?:"((?:[^"\\]|\\.)*)"|` + "`([^`]*)`" + `|([^\s"` + "`" + `]+))`)
)

// ScanShortcodes lists the shortcode calls in a post's body.
func ScanShortcodes(body []byte, li *LineIndex) []Shortcode {
	if !bytes.Contains(body, []byte("{{")) {
		return nil
	}
	var out []Shortcode
	for _, m := range shortcodeRE.FindAllSubmatchIndex(body, -1) {
		open, close := body[m[2]], body[m[8]]
		if (open == '%') != (close == '%') {
			continue // {{< … %}} is not a shortcode
		}
		sc := Shortcode{Name: string(body[m[4]:m[5]]), Markdown: open == '%', Range: li.Range(m[0], m[1])}
		for _, a := range shortcodeArgRE.FindAllSubmatch(body[m[6]:m[7]], -1) {
			v := string(a[4])
			switch {
			case a[2] != nil:
				v = strings.ReplaceAll(string(a[2]), `\"`, `"`)
			case a[3] != nil:
				v = string(a[3])
			}
			if len(a[1]) > 0 {
				if sc.Named == nil {
					sc.Named = map[string]string{}
				}
				sc.Named[string(a[1])] = v
				continue
			}
			sc.Args = append(sc.Args, v)
		}
		out = append(out, sc)
	}
	return out
}

// Arg returns the named argument, else the positional one at i.
func (sc Shortcode) Arg(name string, i int) string {
	if v, ok := sc.Named[name]; ok {
		return v
	}
	if i >= 0 && i < len(sc.Args) {
		return sc.Args[i]
	}
	return ""
}
