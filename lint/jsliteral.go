package lint

import (
	"regexp"
	"strings"
)

// A light reader of the JavaScript object literals that Astro and Starlight
// configs are written in. It reads literal values only; anything computed is
// reported as unknown by the callers, never guessed.

// jsWalk calls f with each byte offset of s that is outside string
// literals, and the bracket depth before it; f returns false to stop.
func jsWalk(s string, f func(i, depth int) bool) {
	depth := 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			switch c {
			case '\\':
				i++
			case quote:
				quote = 0
			}
			continue
		case c == '\'' || c == '"' || c == '`':
			quote = c
			continue
		}
		if !f(i, depth) {
			return
		}
		switch c {
		case '{', '[', '(':
			depth++
		case '}', ']', ')':
			depth--
		}
	}
}

// jsBalanced returns s from its first byte (an opening bracket) up to the
// bracket that closes it, skipping strings; all of s when unbalanced.
func jsBalanced(s string) string {
	out := s
	jsWalk(s, func(i, depth int) bool {
		if depth == 1 && strings.IndexByte("}])", s[i]) >= 0 {
			out = s[:i+1]
			return false
		}
		return true
	})
	return out
}

// jsEntry is one member of an object literal: key and value text. A
// shorthand member (`{ blog }`) has the key as its value; a spread has key "...".
type jsEntry struct{ key, value string }

// jsEntries splits an object or array literal (with its brackets) into its
// members at depth one.
func jsEntries(lit string) []jsEntry {
	lit = strings.TrimSpace(lit)
	if len(lit) < 2 {
		return nil
	}
	inner := lit[1 : len(lit)-1]
	var out []jsEntry
	start := 0
	flush := func(end int) {
		part := strings.TrimSpace(inner[start:end])
		start = end + 1
		if part == "" {
			return
		}
		if strings.HasPrefix(part, "...") {
			out = append(out, jsEntry{key: "...", value: strings.TrimSpace(part[3:])})
			return
		}
		if k, v, ok := jsSplitKey(part); ok {
			out = append(out, jsEntry{key: k, value: v})
			return
		}
		out = append(out, jsEntry{key: jsUnquote(part), value: part})
	}
	jsWalk(inner, func(i, depth int) bool {
		if inner[i] == ',' && depth == 0 {
			flush(i)
		}
		return true
	})
	flush(len(inner))
	return out
}

var jsIdentRE = regexp.MustCompile(`^[A-Za-z_$][\w$]*$`)

var jsKeyRE = regexp.MustCompile(`^(?:([A-Za-z_$][\w$]*)|'([^']*)'|"([^"]*)")\s*:`)

// jsSplitKey splits `key: value` (key bare or quoted).
func jsSplitKey(part string) (string, string, bool) {
	m := jsKeyRE.FindStringSubmatchIndex(part)
	if m == nil {
		return "", "", false
	}
	key := ""
	for g := 1; g <= 3; g++ {
		if m[2*g] >= 0 {
			key = part[m[2*g]:m[2*g+1]]
		}
	}
	return key, strings.TrimSpace(part[m[1]:]), true
}

// jsGet returns the value text of key in an object literal, "" when absent.
func jsGet(lit, key string) string {
	for _, e := range jsEntries(lit) {
		if e.key == key {
			return e.value
		}
	}
	return ""
}

// jsString returns the value of a plain string literal, and whether v is one.
func jsString(v string) (string, bool) {
	v = strings.TrimSpace(v)
	if len(v) >= 2 && (v[0] == '\'' || v[0] == '"' || v[0] == '`') && v[len(v)-1] == v[0] {
		s := v[1 : len(v)-1]
		if v[0] == '`' && strings.Contains(s, "${") {
			return "", false
		}
		return s, true
	}
	return "", false
}

// jsStrings returns a string literal or an array of them.
func jsStrings(v string) ([]string, bool) {
	if s, ok := jsString(v); ok {
		return []string{s}, true
	}
	v = strings.TrimSpace(v)
	if !strings.HasPrefix(v, "[") {
		return nil, false
	}
	var out []string
	for _, e := range jsEntries(v) {
		s, ok := jsString(e.value)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

func jsUnquote(s string) string {
	if u, ok := jsString(s); ok {
		return u
	}
	return s
}

// jsCallArg finds the first call of name( in src and returns its argument
// list, parentheses included; "" when there is none.
func jsCallArg(src, name string) string {
	re := regexp.MustCompile(`(?:^|[^\w$.])` + regexp.QuoteMeta(name) + `\s*\(`)
	loc := re.FindStringIndex(src)
	if loc == nil {
		return ""
	}
	return jsBalanced(src[loc[1]-1:])
}

// jsFirstObject returns the first {...} literal inside s, "" when none.
func jsFirstObject(s string) string {
	i := strings.IndexByte(s, '{')
	if i < 0 {
		return ""
	}
	return jsBalanced(s[i:])
}

// jsIdentPrefix returns the identifier at the start of s.
func jsIdentPrefix(s string) string {
	i := 0
	for i < len(s) && (s[i] == '_' || s[i] == '$' || s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || i > 0 && s[i] >= '0' && s[i] <= '9') {
		i++
	}
	return s[:i]
}
