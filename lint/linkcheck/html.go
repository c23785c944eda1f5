package linkcheck

import (
	"errors"
	"io"

	"golang.org/x/net/html"
)

// MaxHTML is how much of a page is read to look for fragments.
const MaxHTML = 5 << 20

// anchors collects the id and name attributes of a page, reading at most
// MaxHTML bytes. truncated is true when the page was longer.
func anchors(r io.Reader) (set map[string]bool, truncated bool, err error) {
	lr := &io.LimitedReader{R: r, N: MaxHTML}
	z := html.NewTokenizer(lr)
	set = map[string]bool{}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if e := z.Err(); e != nil && !errors.Is(e, io.EOF) {
				return set, false, e
			}
			return set, lr.N <= 0, nil
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		_, more := z.TagName()
		for more {
			var k, v []byte
			k, v, more = z.TagAttr()
			if (string(k) == "id" || string(k) == "name") && len(v) > 0 {
				set[string(v)] = true
			}
		}
	}
}

// hasAnchor matches a fragment the way browsers and GitHub do: exactly, or
// with GitHub's "user-content-" prefix on rendered Markdown ids.
func hasAnchor(set map[string]bool, frag string) bool {
	return set[frag] || set["user-content-"+frag]
}
