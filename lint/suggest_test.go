package lint

import (
	"math/rand/v2"
	"testing"
)

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

// Closest's early exits must not change its answer: compare it with a plain
// scan over random near-miss strings.
func TestClosestMatchesPlainScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		b := make([]rune, 1+rng.IntN(8))
		for i := range b {
			b[i] = rune("abcdé-"[rng.IntN(6)])
		}
		return string(b)
	}
	for range 300 {
		cands := make([]string, 20)
		for i := range cands {
			cands[i] = word()
		}
		want := word()
		for _, limit := range []int{-1, 0, 1, 2, 3} {
			plain, plainD := "", -1
			for _, c := range cands {
				d := osaReference(want, c)
				if c == want || (limit >= 0 && d > limit) {
					continue
				}
				if plainD < 0 || d < plainD || (d == plainD && c < plain) {
					plain, plainD = c, d
				}
			}
			if got := Closest(want, cands, limit); got != plain {
				t.Fatalf("Closest(%q, %q, %d) = %q, plain scan gives %q", want, cands, limit, got, plain)
			}
		}
	}
}

// osaReference is the textbook full-table optimal string alignment distance.
func osaReference(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

func TestEditDistanceMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 3000 {
		a, b := make([]rune, rng.IntN(9)), make([]rune, rng.IntN(9))
		for i := range a {
			a[i] = rune("abcé"[rng.IntN(4)])
		}
		for i := range b {
			b[i] = rune("abcé"[rng.IntN(4)])
		}
		if got, want := EditDistance(string(a), string(b)), osaReference(string(a), string(b)); got != want {
			t.Fatalf("EditDistance(%q, %q) = %d, reference %d", string(a), string(b), got, want)
		}
	}
}
