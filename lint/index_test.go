package lint

import "testing"

// A post's own URL wins over another post's alias, whatever their paths.
func TestIndexURLBeatsAlias(t *testing.T) {
	a := &Entry{Path: "a.md", URL: "/a", Aliases: []string{"/b"}}
	b := &Entry{Path: "b.md", URL: "/b"}
	ix := NewIndex([]*Entry{b, a})
	if got := ix.ByURL("/b"); got != b {
		t.Errorf("ByURL(/b) = %v, want b.md", got.Path)
	}
	if got := ix.ByURL("/a/"); got != a {
		t.Errorf("ByURL(/a/) = %v, want a.md", got.Path)
	}
}
