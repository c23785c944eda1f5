package lint

import "unicode/utf8"

// EditDistance is the optimal string alignment distance in runes: the
// Levenshtein distance where swapping two neighbours (`tpi`) is one edit,
// which is the commonest typo.
func EditDistance(a, b string) int {
	return editDistance([]rune(a), []rune(b), -1)
}

// editDistance stops early, returning limit+1, once every alignment costs
// more than limit (a negative limit never stops).
func editDistance(ra, rb []rune, limit int) int {
	// A shared prefix or suffix costs nothing: paths and URLs share most of
	// theirs, which leaves a short table to fill.
	for len(ra) > 0 && len(rb) > 0 && ra[0] == rb[0] {
		ra, rb = ra[1:], rb[1:]
	}
	for len(ra) > 0 && len(rb) > 0 && ra[len(ra)-1] == rb[len(rb)-1] {
		ra, rb = ra[:len(ra)-1], rb[:len(rb)-1]
	}
	// Three rolling rows: i-2, i-1 and i.
	pp := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], pp[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if limit >= 0 && rowMin > limit+1 {
			// Rows i+1 and on cannot get below rowMin-1 (a swap reaches back
			// two rows), so the result is over limit.
			return limit + 1
		}
		pp, prev, cur = prev, cur, pp
	}
	return prev[len(rb)]
}

// Closest returns the candidate nearest to want, at most limit edits away
// (a negative limit means any distance), or "" when none is. Exact matches
// are skipped; ties go to the smallest string so output is stable.
func Closest(want string, cands []string, limit int) string {
	rw := []rune(want)
	best, bestD := "", -1
	for _, c := range cands {
		if c == want {
			continue
		}
		n := utf8.RuneCountInString(c) - len(rw)
		if limit >= 0 && (n > limit || -n > limit) {
			continue
		}
		bound := limit
		if bestD >= 0 && (bound < 0 || bestD < bound) {
			bound = bestD
		}
		d := editDistance(rw, []rune(c), bound)
		if (limit >= 0 && d > limit) || (bestD >= 0 && (d > bestD || (d == bestD && c >= best))) {
			continue
		}
		best, bestD = c, d
	}
	return best
}
