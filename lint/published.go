package lint

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
)

// PublishedURL is a URL the site served at an earlier revision.
type PublishedURL struct {
	URL string
	Rev string // the revision as the user named it, for messages
	Was string // site-relative path of the file that served it then
	// Now is the absolute path of that file in the work tree (the same path,
	// or where git saw it renamed to); "" when it was deleted.
	Now string
}

// Redirects are the host redirect rules found in a site: Netlify
// `_redirects` files (site root and static folders) and `netlify.toml`
// [[redirects]], and Vercel `vercel.json` redirects and rewrites. They are
// read from the source the host deploys, so they hold for every generator.
type Redirects struct {
	from []*regexp.Regexp
	// Unknown names a generator config whose redirects are computed in code
	// (Docusaurus createRedirects): the redirects cannot all be known.
	Unknown string
}

// LoadRedirects reads every redirect file the site has. A file that exists
// but cannot be read or parsed is an error naming it.
func LoadRedirects(s *Site) (*Redirects, error) {
	r := &Redirects{}
	dirs := append([]string{s.Root}, s.StaticRoots...)
	for _, d := range dirs {
		if err := r.readNetlify(filepath.Join(d, "_redirects")); err != nil {
			return r, err
		}
	}
	if err := r.readNetlifyTOML(filepath.Join(s.Root, "netlify.toml")); err != nil {
		return r, err
	}
	if err := r.readVercel(filepath.Join(s.Root, "vercel.json")); err != nil {
		return r, err
	}
	// The generator's own redirect settings, as its model read them.
	for _, from := range s.RedirectSources {
		r.add(from)
	}
	r.Unknown = s.RedirectsUnknown
	return r, nil
}

// Matches reports whether a redirect rule starts at the URL path u.
func (r *Redirects) Matches(u string) bool {
	if r == nil {
		return false
	}
	u = NormalizeURLPath(u)
	for _, re := range r.from {
		if re.MatchString(u) || re.MatchString(u+"/") {
			return true
		}
	}
	return false
}

// add compiles a source pattern: `*` (Netlify splat), `:name` (a segment)
// and `:name*` (Vercel: any rest of the path).
func (r *Redirects) add(pattern string) {
	pattern = strings.TrimSpace(pattern)
	if pattern == "" || !strings.HasPrefix(pattern, "/") {
		return // full URLs (another domain) cannot serve this site's paths
	}
	if i := strings.IndexAny(pattern, "?#"); i >= 0 {
		pattern = pattern[:i]
	}
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		switch {
		case c == '*':
			b.WriteString(".*")
		case c == ':' && i+1 < len(pattern) && isIdent(pattern[i+1]):
			j := i + 1
			for j < len(pattern) && isIdent(pattern[j]) {
				j++
			}
			if j < len(pattern) && (pattern[j] == '*' || pattern[j] == '+') {
				b.WriteString(".*")
				j++
			} else {
				b.WriteString("[^/]+")
			}
			i = j - 1
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("/?$")
	if re, err := regexp.Compile(b.String()); err == nil {
		r.from = append(r.from, re)
	}
}

func isIdent(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func readIfExists(path string) ([]byte, bool, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("redirects: %w", err)
	}
	return data, true, nil
}

// readNetlify reads `from to [status]` lines; # starts a comment.
func (r *Redirects) readNetlify(path string) error {
	data, ok, err := readIfExists(path)
	if !ok {
		return err
	}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && !strings.HasPrefix(f[0], "#") {
			r.add(f[0])
		}
	}
	return nil
}

func (r *Redirects) readNetlifyTOML(path string) error {
	data, ok, err := readIfExists(path)
	if !ok {
		return err
	}
	var doc struct {
		Redirects []struct {
			From string `toml:"from"`
		} `toml:"redirects"`
	}
	if _, err := toml.Decode(string(data), &doc); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for _, rd := range doc.Redirects {
		r.add(rd.From)
	}
	return nil
}

func (r *Redirects) readVercel(path string) error {
	data, ok, err := readIfExists(path)
	if !ok {
		return err
	}
	var doc struct {
		Redirects []struct {
			Source string `json:"source"`
		} `json:"redirects"`
		Rewrites []struct {
			Source string `json:"source"`
		} `json:"rewrites"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for _, rd := range doc.Redirects {
		r.add(rd.Source)
	}
	for _, rw := range doc.Rewrites {
		r.add(rw.Source)
	}
	return nil
}

// PropAboutChange is the finding property a rule sets (to "true") when the
// finding is about the change since --changed-since itself, such as a URL
// that went away: --new-only keeps it whatever lines it points at.
const PropAboutChange = "aboutChange"
