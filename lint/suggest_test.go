package lint

import "testing"

func TestEditDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"tip", "tip", 0},
		{"tipp", "tip", 1},
		{"tpi", "tip", 1}, // a swap is one edit
		{"note", "tip", 4},
		{"café", "cafe", 1}, // runes, not bytes
		{"", "abc", 3},
		{"kitten", "sitting", 3},
		{"link-intenral", "link-internal", 1},
	} {
		if got := EditDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestClosest(t *testing.T) {
	cands := []string{"warning", "tip", "note", "info", "danger"}
	for _, tt := range []struct {
		want  string
		limit int
		best  string
	}{
		{"tipp", 2, "tip"},
		{"tip", 2, ""}, // an exact match is no suggestion
		{"xyzzy", 2, ""},
		{"xyzzy", -1, "info"},
		{"warn", 3, "warning"},
		{"not", 1, "note"},
	} {
		if got := Closest(tt.want, cands, tt.limit); got != tt.best {
			t.Errorf("Closest(%q, %d) = %q, want %q", tt.want, tt.limit, got, tt.best)
		}
	}
}
