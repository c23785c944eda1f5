package lint

import (
	"bytes"
	"errors"
	"testing"

	"github.com/adrg/frontmatter"
)

// adrg/frontmatter is the reference for where a delimited block ends:
// blockEnd must agree with it on every input.

type rawBlock struct {
	data []byte
}

func captureAs(data []byte, v any) error {
	rb, ok := v.(*rawBlock)
	if !ok {
		return errors.New("unexpected front matter target")
	}
	rb.data = data
	return nil
}

func adrgFormats() []*frontmatter.Format {
	var out []*frontmatter.Format
	for _, o := range []string{"---", "---yaml", "+++", "---toml", ";;;", "---json"} {
		out = append(out, frontmatter.NewFormat(o, closers[o], captureAs))
	}
	return out
}

// adrgBlock is where adrg finds src's block: its data, and the end of its
// closing line.
func adrgBlock(src []byte) (data []byte, end int, ok bool) {
	var rb rawBlock
	rest, err := frontmatter.Parse(bytes.NewReader(src), &rb, adrgFormats()...)
	if err != nil || rb.data == nil {
		return nil, 0, false
	}
	return rb.data, len(src) - len(rest), true
}

func checkBlockEnd(t *testing.T, src []byte) {
	t.Helper()
	off := 0
	for off < len(src) {
		nl := bytes.IndexByte(src[off:], '\n')
		if nl < 0 || len(bytes.TrimSpace(src[off:off+nl])) != 0 {
			break
		}
		off += nl + 1
	}
	line := src[off:]
	if nl := bytes.IndexByte(line, '\n'); nl >= 0 {
		line = line[:nl]
	}
	opener := string(bytes.TrimSpace(line))
	if _, known := closers[opener]; !known {
		return
	}
	wantData, wantEnd, wantOK := adrgBlock(src)
	from, to, end, ok := blockEnd(src, off, opener)
	if ok != wantOK || (ok && (end != wantEnd || !bytes.Equal(src[from:to], wantData))) {
		t.Fatalf("blockEnd(%q) = %v %q end %d; adrg: %v %q end %d", src, ok, src[from:to], end, wantOK, wantData, wantEnd)
	}
}

func TestBlockEndMatchesAdrg(t *testing.T) {
	for _, s := range []string{
		"---\ntitle: x\n---\nbody\n",
		"---\ntitle: x\n---",
		"---\n---\n",
		"---",
		"---\n",
		"---\ntitle: x\n",
		"\n \n---\na: 1\n  ---  \nrest",
		"---yaml\na: 1\n---\n",
		"---toml\na = 1\n---\n",
		"+++\na = 1\n+++\n",
		"+++\na = 1\n---\n+++\n",
		";;;\n{}\n;;;\n",
		"---json\n{}\n---\n",
		"---\r\na: 1\r\n---\r\nbody",
		"---\r0: x\n---\n",
		"---\n\r0: é\n---",
		"--- \t\na: 1\n---\t\n",
		"---\na: |\n  ---\n---\n",
	} {
		checkBlockEnd(t, []byte(s))
	}
}

func FuzzBlockEnd(f *testing.F) {
	for _, s := range []string{"---\na: 1\n---\nx", "+++\n+++", "\n---\r\n---\r\n", "---json\n{}\n --- \n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) { checkBlockEnd(t, src) })
}
