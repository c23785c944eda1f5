package lint

import "sort"

// EditDistance is the optimal string alignment distance in runes: the
// Levenshtein distance where swapping two neighbours (`tpi`) is one edit,
// which is the commonest typo.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	// Three rolling rows: i-2, i-1 and i.
	pp := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], pp[j-2]+1)
			}
		}
		pp, prev, cur = prev, cur, pp
	}
	return prev[len(rb)]
}

// Closest returns the candidate nearest to want, at most limit edits away
// (a negative limit means any distance), or "" when none is. Exact matches
// are skipped; ties go to the first in sorted order so output is stable.
func Closest(want string, cands []string, limit int) string {
	sorted := append([]string(nil), cands...)
	sort.Strings(sorted)
	best, bestD := "", -1
	for _, c := range sorted {
		if c == want {
			continue
		}
		if limit >= 0 {
			if n := len([]rune(c)) - len([]rune(want)); n > limit || -n > limit {
				continue
			}
		}
		d := EditDistance(want, c)
		if (limit < 0 || d <= limit) && (bestD < 0 || d < bestD) {
			best, bestD = c, d
		}
	}
	return best
}
