package lint

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
)

// The GFM spec's "Autolinks (extension)" examples, rendered with the
// extension and compared with the spec's HTML, then cases the spec's rules
// decide that it has no example for: IP and numeric hosts, ports, and what
// is not a valid domain.
func TestAutolinkLiteral(t *testing.T) {
	tests := []struct{ name, md, html string }{
		// Spec examples, in order.
		{"www", "www.commonmark.org\n",
			`<p><a href="http://www.commonmark.org">www.commonmark.org</a></p>`},
		{"www path", "Visit www.commonmark.org/help for more information.\n",
			`<p>Visit <a href="http://www.commonmark.org/help">www.commonmark.org/help</a> for more information.</p>`},
		{"trailing punctuation", "Visit www.commonmark.org.\n\nVisit www.commonmark.org/a.b.\n\nVisit www.commonmark.org/~jm/foo/bar.pdf.\n",
			`<p>Visit <a href="http://www.commonmark.org">www.commonmark.org</a>.</p>` + "\n" +
				`<p>Visit <a href="http://www.commonmark.org/a.b">www.commonmark.org/a.b</a>.</p>` + "\n" +
				`<p>Visit <a href="http://www.commonmark.org/~jm/foo/bar.pdf">www.commonmark.org/~jm/foo/bar.pdf</a>.</p>`},
		{"parentheses", "www.google.com/search?q=Markup+(business)\n\n(www.google.com/search?q=Markup+(business))\n",
			`<p><a href="http://www.google.com/search?q=Markup+(business)">www.google.com/search?q=Markup+(business)</a></p>` + "\n" +
				`<p>(<a href="http://www.google.com/search?q=Markup+(business)">www.google.com/search?q=Markup+(business)</a>)</p>`},
		{"interior parentheses", "www.google.com/search?q=(business))+ok\n",
			`<p><a href="http://www.google.com/search?q=(business))+ok">www.google.com/search?q=(business))+ok</a></p>`},
		{"entity-like end", "www.google.com/search?q=commonmark&hl=en\n\nwww.google.com/search?q=commonmark&hl;\n",
			`<p><a href="http://www.google.com/search?q=commonmark&amp;hl=en">www.google.com/search?q=commonmark&amp;hl=en</a></p>` + "\n" +
				`<p><a href="http://www.google.com/search?q=commonmark">www.google.com/search?q=commonmark</a>&amp;hl;</p>`},
		{"< ends it", "www.commonmark.org/he<lp\n",
			`<p><a href="http://www.commonmark.org/he">www.commonmark.org/he</a>&lt;lp</p>`},
		{"schemes", "http://commonmark.org\n\n(Visit https://encrypted.google.com/search?q=Markup+(business))\n\nAnonymous FTP is available at ftp://foo.bar.baz.\n",
			`<p><a href="http://commonmark.org">http://commonmark.org</a></p>` + "\n" +
				`<p>(Visit <a href="https://encrypted.google.com/search?q=Markup+(business)">https://encrypted.google.com/search?q=Markup+(business)</a>)</p>` + "\n" +
				`<p>Anonymous FTP is available at <a href="ftp://foo.bar.baz">ftp://foo.bar.baz</a>.</p>`},
		{"email", "foo@bar.baz\n",
			`<p><a href="mailto:foo@bar.baz">foo@bar.baz</a></p>`},
		{"email plus", "hello@mail+xyz.example isn't valid, but hello+xyz@mail.example is.\n",
			`<p>hello@mail+xyz.example isn't valid, but <a href="mailto:hello+xyz@mail.example">hello+xyz@mail.example</a> is.</p>`},
		{"email ends", "a.b-c_d@a.b\n\na.b-c_d@a.b.\n\na.b-c_d@a.b-\n\na.b-c_d@a.b_\n",
			`<p><a href="mailto:a.b-c_d@a.b">a.b-c_d@a.b</a></p>` + "\n" +
				`<p><a href="mailto:a.b-c_d@a.b">a.b-c_d@a.b</a>.</p>` + "\n" +
				`<p>a.b-c_d@a.b-</p>` + "\n" + `<p>a.b-c_d@a.b_</p>`},
		{"regular links untouched", "[a link](http://www.google.com/)stuff?\n",
			`<p><a href="http://www.google.com/">a link</a>stuff?</p>`},

		// IP and numeric hosts, ports: goldmark's Linkify left these as text.
		{"IPv4 with port", "See http://127.0.0.1:8080/x now.\n",
			`<p>See <a href="http://127.0.0.1:8080/x">http://127.0.0.1:8080/x</a> now.</p>`},
		{"private IPv4", "Dashboard: http://10.0.0.5:3000/.\n",
			`<p>Dashboard: <a href="http://10.0.0.5:3000/">http://10.0.0.5:3000/</a>.</p>`},
		{"numeric TLD", "https://example.123/a?b=1,\n",
			`<p><a href="https://example.123/a?b=1">https://example.123/a?b=1</a>,</p>`},
		{"port without path", "(https://1.2.3.4:8443)\n",
			`<p>(<a href="https://1.2.3.4:8443">https://1.2.3.4:8443</a>)</p>`},
		{"www with port", "www.example.com:8080/x\n",
			`<p><a href="http://www.example.com:8080/x">www.example.com:8080/x</a></p>`},
		{"upper-case scheme", "HTTPS://Example.org/A\n",
			`<p><a href="HTTPS://Example.org/A">HTTPS://Example.org/A</a></p>`},
		{"quotes trail", `See https://example.org/q", 'https://example.org/r'.` + "\n",
			`<p>See <a href="https://example.org/q">https://example.org/q</a>&quot;, 'https://example.org/r'.</p>`},
		{"semicolon trails", "https://example.org/a;\n",
			`<p><a href="https://example.org/a">https://example.org/a</a>;</p>`},

		// Not valid domains: no link.
		{"no period", "http://localhost:3000/x\n", `<p>http://localhost:3000/x</p>`},
		{"underscore in last two segments", "www.xxx.yyy._zzz and www.xxx._yyy.zzz\n", `<p>www.xxx.yyy._zzz and www.xxx._yyy.zzz</p>`},
		{"underscore earlier is fine", "www._xxx.yyy.zzz\n", `<p><a href="http://www._xxx.yyy.zzz">www._xxx.yyy.zzz</a></p>`},
		{"IPv6 brackets", "http://[::1]:8080/\n", `<p>http://[::1]:8080/</p>`},
		{"scheme alone", "http:// is a scheme\n", `<p>http:// is a scheme</p>`},
		{"mid-word", "xhttp://example.org and foo.www.example.org\n", `<p>xhttp://example.org and foo.www.example.org</p>`},
		{"other scheme", "ssh://host.example and gopher://x.example\n", `<p>ssh://host.example and gopher://x.example</p>`},
		{"code span", "`http://127.0.0.1/`\n", `<p><code>http://127.0.0.1/</code></p>`},
	}
	md := goldmark.New(goldmark.WithExtensions(gfmExtension{}))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := md.Convert([]byte(tt.md), &buf); err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(buf.String()); got != tt.html {
				t.Errorf("%q\n got: %s\nwant: %s", tt.md, got, tt.html)
			}
		})
	}
}
