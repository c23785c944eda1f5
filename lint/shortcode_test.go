package lint

import (
	"fmt"
	"testing"
)

func TestScanShortcodes(t *testing.T) {
	tests := []struct {
		src  string
		want string
	}{
		{`{{< ref "a.md" >}}`, `[ref < [a.md] map[] 1:1-1:19]`},
		{"x {{% include \"p\" %}} y", `[include % [p] map[] 1:3-1:22]`},
		{`{{< figure src="/i.png" alt="A \"b\"" >}}`, `[figure < [] map[alt:A "b" src:/i.png] 1:1-1:42]`},
		{"line\n  {{<relref `x y`>}}", `[relref < [x y] map[] 2:3-2:21]`},
		{`{{</* ref "a.md" */>}}`, `[]`},
		{`{{< /note >}}`, `[]`},
		{`{{< note >}}body{{< /note >}}`, `[note < [] map[] 1:1-1:13]`},
		{`{{< ref "a" %}}`, `[]`},
		{`{{ .Title }}`, `[]`},
	}
	for _, tt := range tests {
		src := []byte(tt.src)
		var got []string
		for _, sc := range ScanShortcodes(src, NewLineIndex(src)) {
			delim := "<"
			if sc.Markdown {
				delim = "%"
			}
			if sc.Named == nil {
				sc.Named = map[string]string{}
			}
			r := sc.Range
			got = append(got, fmt.Sprintf("%s %s %v %v %d:%d-%d:%d", sc.Name, delim, fmt.Sprint(sc.Args), sc.Named, r.Start.Line, r.Start.Col, r.End.Line, r.End.Col))
		}
		if g := fmt.Sprint(got); g != tt.want {
			t.Errorf("%q: got %s, want %s", tt.src, g, tt.want)
		}
	}
}
