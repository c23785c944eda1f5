package lint

import (
	"strings"
)

// stripJSComments blanks // and /* */ comments outside string literals.
func stripJSComments(s string) string {
	b := []byte(s)
	var quote byte
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote || (c == '\n' && quote != '`') {
				quote = 0
			}
		case c == '\'' || c == '"' || c == '`':
			quote = c
		case c == '/' && i+1 < len(b) && b[i+1] == '/':
			for ; i < len(b) && b[i] != '\n'; i++ {
				b[i] = ' '
			}
		case c == '/' && i+1 < len(b) && b[i+1] == '*':
			end := strings.Index(s[i+2:], "*/")
			stop := len(b)
			if end >= 0 {
				stop = i + 2 + end + 2
			}
			for ; i < stop; i++ {
				if b[i] != '\n' {
					b[i] = ' '
				}
			}
			i--
		}
	}
	return string(b)
}

// readFirst returns the first of the files in root that exists, comments
// blanked (they are JavaScript or TypeScript).
func readFirst(root string, names ...string) string {
	for _, n := range names {
		if b, err := readSiteFile(root, n); err == nil {
			return stripJSComments(string(b))
		}
	}
	return ""
}
