package oracle

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// Difference kinds, as written in allow.txt.
const (
	KindURL  = "url"  // a page or redirect URL on one side only
	KindID   = "id"   // an id the generator wrote that the model lacks
	KindNoID = "noid" // an anchor the model claims that the generator did not write
)

// AllowEntry is one line of allow.txt: `kind target  # reason`.
type AllowEntry struct {
	Kind   string
	Target string // URL path (a doublestar glob), with #id for id and noid
	Reason string
	Line   int
	used   bool
}

// Allow is a parsed allow.txt.
type Allow struct {
	File    string
	Entries []*AllowEntry
}

// LoadAllow reads an allow-list; a missing file is an empty list.
func LoadAllow(file string) (*Allow, error) {
	f, err := os.Open(file)
	if errors.Is(err, os.ErrNotExist) {
		return &Allow{File: file}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", file, err)
	}
	defer func() { _ = f.Close() }()
	return ParseAllow(f, file)
}

// ParseAllow parses allow-list lines: blank lines and lines starting with #
// are comments; any other is `url <path>`, `id <path>#<id>` or
// `noid <path>#<id>`, followed by `# reason`. A line without a reason is an
// error naming the file and line.
func ParseAllow(r io.Reader, name string) (*Allow, error) {
	a := &Allow{File: name}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 2 {
			return nil, fmt.Errorf("%s:%d: want `url|id|noid <target>  # reason`", name, n)
		}
		kind, target := fields[0], fields[1]
		rest := strings.TrimSpace(strings.Join(fields[2:], " "))
		reason, ok := strings.CutPrefix(rest, "#")
		reason = strings.TrimSpace(reason)
		if !ok || reason == "" {
			return nil, fmt.Errorf("%s:%d: %s %s has no reason (add `# why`)", name, n, kind, target)
		}
		switch kind {
		case KindURL:
			if strings.Contains(target, "#") {
				return nil, fmt.Errorf("%s:%d: url %s: a url entry names a path, not an id", name, n, target)
			}
		case KindID, KindNoID:
			if p, id, ok := strings.Cut(target, "#"); !ok || p == "" || id == "" {
				return nil, fmt.Errorf("%s:%d: %s %s: want <path>#<id>", name, n, kind, target)
			}
		default:
			return nil, fmt.Errorf("%s:%d: unknown kind %q (want url, id or noid)", name, n, kind)
		}
		if _, err := doublestar.Match(normalizeTarget(target), "/"); err != nil {
			return nil, fmt.Errorf("%s:%d: bad pattern %s: %w", name, n, target, err)
		}
		a.Entries = append(a.Entries, &AllowEntry{Kind: kind, Target: target, Reason: reason, Line: n})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return a, nil
}

// normalizeTarget normalizes the path part of a target as URLs are.
func normalizeTarget(t string) string {
	p, id, hasID := strings.Cut(t, "#")
	p = canon(p)
	if hasID {
		return p + "#" + id
	}
	return p
}

// allows reports whether an entry covers the difference, and marks it used.
func (a *Allow) allows(d Difference) bool {
	if a == nil {
		return false
	}
	key := normalizeTarget(d.Target)
	ok := false
	for _, e := range a.Entries {
		if e.Kind != d.Kind {
			continue
		}
		if m, _ := doublestar.Match(normalizeTarget(e.Target), key); m {
			e.used = true
			ok = true
		}
	}
	return ok
}

// Covers reports whether an entry of kind covers target, without marking
// it used.
func (a *Allow) Covers(kind, target string) bool {
	if a == nil {
		return false
	}
	key := normalizeTarget(target)
	for _, e := range a.Entries {
		if m, _ := doublestar.Match(normalizeTarget(e.Target), key); m && e.Kind == kind {
			return true
		}
	}
	return false
}

// Unused lists entries that matched no difference: stale lines to remove.
func (a *Allow) Unused() []*AllowEntry {
	if a == nil {
		return nil
	}
	var out []*AllowEntry
	for _, e := range a.Entries {
		if !e.used {
			out = append(out, e)
		}
	}
	return out
}
