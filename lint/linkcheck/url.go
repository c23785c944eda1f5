package linkcheck

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// normalize parses raw and returns the URL without its fragment and the key
// under which it is fetched once: lower-case scheme and host, no default port,
// "/" for an empty path.
func normalize(raw string) (*url.URL, string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // without the URL, which may hold credentials
		}
		return nil, "", err
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, "", fmt.Errorf("scheme %q is not fetched", u.Scheme)
	}
	if u.Host == "" {
		return nil, "", fmt.Errorf("no host")
	}
	host := strings.ToLower(u.Hostname())
	if p := u.Port(); p != "" && !defaultPort(u.Scheme, p) {
		host = joinHost(host, p)
	} else if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	u.Host = host
	if u.Path == "" && u.RawPath == "" {
		u.Path = "/"
	}
	u.Fragment, u.RawFragment = "", ""
	return u, u.String(), nil
}

func joinHost(host, port string) string {
	if strings.Contains(host, ":") {
		return "[" + host + "]:" + port
	}
	return host + ":" + port
}

// hostKey is the host:port the per-host limits apply to.
func hostKey(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = "80"
		if u.Scheme == "https" {
			port = "443"
		}
	}
	return joinHost(strings.ToLower(u.Hostname()), port)
}

// Redact removes credentials from a URL string so it can be printed; a string
// that does not parse is returned with anything before an "@" in its
// authority masked.
func Redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		if i := strings.Index(raw, "://"); i >= 0 {
			rest := raw[i+3:]
			end := strings.IndexAny(rest, "/?#")
			if end < 0 {
				end = len(rest)
			}
			if at := strings.LastIndex(rest[:end], "@"); at >= 0 {
				return raw[:i+3] + "REDACTED" + rest[at:]
			}
		}
		return raw
	}
	return redactURL(u)
}

func redactURL(u *url.URL) string {
	if u.User == nil {
		return u.String()
	}
	c := *u
	c.User = url.User("REDACTED")
	return c.String()
}

// fragmentOf returns the fragment to look for in the page, and false when
// there is none to check: no fragment, "#top", or a text directive.
func fragmentOf(raw string) (string, bool) {
	i := strings.IndexByte(raw, '#')
	if i < 0 {
		return "", false
	}
	f := raw[i+1:]
	if j := strings.Index(f, ":~:"); j >= 0 {
		f = f[:j] // a text fragment directive, optionally after a real one
	}
	if d, err := url.PathUnescape(f); err == nil {
		f = d
	}
	if f == "" || strings.EqualFold(f, "top") {
		return "", false
	}
	return f, true
}

// statusRange is an inclusive range of accepted status codes.
type statusRange struct{ lo, hi int }

// ParseAccept parses accepted status codes such as "200-299" or "403".
func ParseAccept(specs []string) ([]statusRange, error) {
	var out []statusRange
	for i, s := range specs {
		s = strings.TrimSpace(s)
		lo, hi, isRange := strings.Cut(s, "-")
		a, err1 := strconv.Atoi(strings.TrimSpace(lo))
		b := a
		var err2 error
		if isRange {
			b, err2 = strconv.Atoi(strings.TrimSpace(hi))
		}
		if err1 != nil || err2 != nil || a < 100 || b > 999 || a > b {
			return nil, fmt.Errorf("accept[%d]: %q is not a status code or a range such as 200-299", i, s)
		}
		out = append(out, statusRange{a, b})
	}
	return out, nil
}

// defaultPort reports whether port is the one scheme implies.
func defaultPort(scheme, port string) bool {
	return scheme == "http" && port == "80" || scheme == "https" && port == "443"
}
