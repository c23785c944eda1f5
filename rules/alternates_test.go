package rules

import (
	"strings"
	"testing"
)

// altCfg is the config of the alternates tests: posts under en/ and fr/ are
// published at /en/... and /fr/..., and the site lives at blog.example.com.
const altCfg = "preset: none\nbaseURL: https://blog.example.com/\n"

// altPost is a post in lang whose front matter ends with extra, so that extra
// starts on line 4.
func altPost(lang, extra string) string {
	return "---\ntitle: t\nlanguage: " + lang + "\n" + extra + "---\nbody\n"
}

type altCase struct {
	name  string
	files map[string]string
	want  []string
	// msg must appear in every finding's message. A ".contentlint.yml"
	// entry of files replaces the config.
	msg []string
}

func runAltCases(t *testing.T, rule string, tests []altCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := altCfg
			files := map[string]string{}
			for k, v := range tt.files {
				if k == ".contentlint.yml" {
					cfg = v
					continue
				}
				files[k] = v
			}
			got := onlyRule(lintFiles(t, files, cfg), rule)
			checkFindings(t, got, tt.want)
			for _, f := range got {
				for _, m := range tt.msg {
					if !strings.Contains(f.Message, m) {
						t.Errorf("message %q lacks %q", f.Message, m)
					}
				}
			}
		})
	}
}

// frBack is a French post at /fr/b that names /en/a back.
var frBack = altPost("fr", "alternates:\n  - en: /en/a\n")

func TestAlternateBroken(t *testing.T) {
	runAltCases(t, "alternate-broken", []altCase{
		{"list shape, reaches a post", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - fr: /fr/b\n"), "fr/b.md": frBack}, nil, nil},
		{"map shape, trailing slash", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  fr: /fr/b/\n"), "fr/b.md": frBack}, nil, nil},
		{"hreflang shape, reaches a post", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - hreflang: fr\n    href: /fr/b\n"), "fr/b.md": frBack}, nil, nil},
		{"list shape", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - fr: /fr/nope\n")},
			[]string{"en/a.md:5:9-5:17 alternate-broken"}, []string{`"fr"`, "/fr/nope", "reaches no post"}},
		{"list shape, quoted", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - fr: \"/fr/nope\"\n")},
			[]string{"en/a.md:5:9-5:19 alternate-broken"}, nil},
		{"map shape", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  fr: /fr/nope\n")},
			[]string{"en/a.md:5:7-5:15 alternate-broken"}, nil},
		{"hreflang shape", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - hreflang: fr\n    href: /fr/nope\n")},
			[]string{"en/a.md:6:11-6:19 alternate-broken"}, nil},
		{"hreflang flow shape", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - {hreflang: fr, href: \"/fr/nope\"}\n")},
			[]string{"en/a.md:5:26-5:36 alternate-broken"}, nil},
		{"second entry of three", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - fr: /fr/b\n  - de: /de/nope\n  - x-default: /fr/b\n"), "fr/b.md": frBack},
			[]string{"en/a.md:6:9-6:17 alternate-broken"}, nil},
		{"self-origin URL reaches a post", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - fr: https://blog.example.com/fr/b/\n"), "fr/b.md": frBack}, nil, nil},
		{"self-origin URL, case-insensitive host", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - fr: https://BLOG.example.com/fr/b\n"), "fr/b.md": frBack}, nil, nil},
		{"self-origin URL reaches nothing", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - fr: https://blog.example.com/fr/nope\n")},
			[]string{"en/a.md:5:9-5:41 alternate-broken"}, []string{"/fr/nope on this site"}},
		{"other origin is not ours", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - fr: https://autre.example.org/fr/nope\n")}, nil, nil},
		{"relative Markdown path", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - fr: ../fr/b.md\n"), "fr/b.md": frBack}, nil, nil},
		{"relative Markdown path reaches nothing", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - fr: ../fr/zz.md\n")},
			[]string{"en/a.md:5:9-5:20 alternate-broken"}, nil},
		{"relative URL", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - fr: ../../fr/b\n"), "fr/b.md": frBack}, nil, nil},
		{"typo gets a suggestion", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - fr: /fr/bb\n"), "fr/b.md": frBack},
			[]string{"en/a.md:5:9-5:15 alternate-broken"}, []string{"did you mean /fr/b?"}},
		{"same slug in the wrong folder gets a suggestion", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - fr: /fr/2024/b\n"), "fr/2023/b.md": altPost("fr", "")},
			[]string{"en/a.md:5:9-5:19 alternate-broken"}, []string{"did you mean /fr/2023/b?"}},
		{"points at itself", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - fr: /en/a\n")},
			[]string{"en/a.md:5:9-5:14 alternate-broken"}, []string{"this post itself"}},
		{"no URL", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - fr:\n  - de: \"\"\n")},
			[]string{"en/a.md:5:5-5:7 alternate-broken", "en/a.md:6:5-6:11 alternate-broken"}, []string{"has no URL"}},
		{"a scalar instead of a list", map[string]string{
			"en/a.md": altPost("en", "alternates: /fr/b\n"), "fr/b.md": frBack},
			[]string{"en/a.md:4:13-4:18 alternate-broken"}, []string{"write a list"}},
		{"a list of bare URLs", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - /fr/b\n"), "fr/b.md": frBack},
			[]string{"en/a.md:5:5-5:10 alternate-broken"}, []string{"names no language"}},
		{"an empty entry", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - {}\n")},
			[]string{"en/a.md:5:5-5:7 alternate-broken"}, []string{"empty alternate: write"}},
		{"hreflang without href", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - hreflang: fr\n")},
			[]string{"en/a.md:5:5-5:17 alternate-broken"}, []string{"has no href"}},
		{"configured field name", map[string]string{
			".contentlint.yml": altCfg + "alternates:\n  field: translations\n",
			"en/a.md":          altPost("en", "translations:\n  - fr: /fr/nope\nalternates: not read\n")},
			[]string{"en/a.md:5:9-5:17 alternate-broken"}, nil},
		{"JSON front matter", map[string]string{
			"en/a.md": "{\n  \"title\": \"t\",\n  \"language\": \"en\",\n  \"alternates\": {\"fr\": \"/fr/nope\"}\n}\nbody\n"},
			[]string{"en/a.md:4:24-4:34 alternate-broken"}, nil},
	})
}

func TestAlternateLanguage(t *testing.T) {
	runAltCases(t, "alternate-language", []altCase{
		{"matching languages", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - fr: /fr/b\n"), "fr/b.md": frBack}, nil, nil},
		{"wider tag than the target's", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - fr: /fr/b\n"), "fr/b.md": altPost("fr-CA", "alternates:\n  - en: /en/a\n")}, nil, nil},
		{"region tag for a plain target", map[string]string{
			"en/a.md": altPost("en-US", "alternates:\n  - fr-CA: /fr/b\n"), "fr/b.md": frBack}, nil, nil},
		{"x-default", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - x-default: /fr/b\n"), "fr/b.md": frBack}, nil, nil},
		{"target of another language, list shape", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - de: /fr/b\n"), "fr/b.md": frBack},
			[]string{"en/a.md:5:5-5:7 alternate-language"}, []string{`"de"`, "fr/b.md", `"fr"`}},
		{"target of another language, map shape", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  de: /fr/b\n"), "fr/b.md": frBack},
			[]string{"en/a.md:5:3-5:5 alternate-language"}, nil},
		{"target of another language, hreflang shape", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - hreflang: de\n    href: /fr/b\n"), "fr/b.md": frBack},
			[]string{"en/a.md:5:15-5:17 alternate-language"}, nil},
		{"not a BCP 47 tag", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - français: /fr/b\n"), "fr/b.md": frBack},
			[]string{"en/a.md:5:5-5:13 alternate-language"}, []string{"not a BCP 47"}},
		{"underscore separator", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - fr_FR: /fr/b\n"), "fr/b.md": frBack},
			[]string{"en/a.md:5:5-5:10 alternate-language"}, []string{`"fr-FR"`}},
		{"unknown subtag", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  zz: /fr/b\n"), "fr/b.md": frBack},
			[]string{"en/a.md:5:3-5:5 alternate-language"}, nil},
		{"the post's own language", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - EN: /fr/b\n"), "fr/b.md": frBack},
			[]string{"en/a.md:5:5-5:7 alternate-language"}, []string{"own language"}},
		{"listed twice", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - fr: /fr/b\n  - fr: /fr/c\n"), "fr/b.md": frBack, "fr/c.md": frBack},
			[]string{"en/a.md:6:5-6:7 alternate-language"}, []string{"listed twice"}},
		{"broken target is alternate-broken's", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - de: /fr/nope\n")}, nil, nil},
		{"target without language", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - de: /fr/b\n"), "fr/b.md": "---\ntitle: b\n---\n"}, nil, nil},
	})
}

func TestAlternateReciprocal(t *testing.T) {
	runAltCases(t, "alternate-reciprocal", []altCase{
		{"good pair, list shape", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - fr: /fr/b\n"), "fr/b.md": frBack}, nil, nil},
		{"good pair across shapes and spellings", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  fr: https://blog.example.com/fr/b/\n"),
			"fr/b.md": altPost("fr", "alternates:\n  - {hreflang: en, href: ../en/a.md}\n")}, nil, nil},
		{"one-way, list shape", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - fr: /fr/b\n"), "fr/b.md": altPost("fr", "")},
			[]string{"en/a.md:5:5-5:14 alternate-reciprocal"}, []string{"fr/b.md does not list en/a.md", "en: /en/a"}},
		{"one-way, map shape", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  fr: /fr/b\n"), "fr/b.md": altPost("fr", "")},
			[]string{"en/a.md:5:3-5:12 alternate-reciprocal"}, nil},
		{"one-way, hreflang shape", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - hreflang: fr\n    href: /fr/b\n"), "fr/b.md": altPost("fr", "")},
			[]string{"en/a.md:5:5-6:16 alternate-reciprocal"}, nil},
		{"target names another post", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - fr: /fr/b\n"),
			"en/c.md": altPost("en", "alternates:\n  - fr: /fr/b\n"),
			"fr/b.md": altPost("fr", "alternates:\n  - en: /en/c\n")},
			[]string{"en/a.md:5:5-5:14 alternate-reciprocal"}, []string{"fr/b.md names en/c.md", "not en/a.md"}},
		{"target names a broken URL", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - fr: /fr/b\n"),
			"fr/b.md": altPost("fr", "alternates:\n  - en: /en/zz\n")},
			[]string{"en/a.md:5:5-5:14 alternate-reciprocal"}, []string{"fr/b.md names /en/zz", "reaches no post", "en/a.md"}},
		{"target names an external URL for our language", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - fr: /fr/b\n"),
			"fr/b.md": altPost("fr", "alternates:\n  - en: https://elsewhere.example.org/a\n")}, nil, nil},
		{"target lists only other languages", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - fr: /fr/b\n"),
			"de/c.md": altPost("de", ""),
			"fr/b.md": altPost("fr", "alternates:\n  - de: /de/c\n")},
			[]string{"en/a.md:5:5-5:14 alternate-reciprocal", "fr/b.md:5:5-5:14 alternate-reciprocal"}, []string{"does not list"}},
		{"three languages, all linked", map[string]string{
			"en/a.md": altPost("en", "alternates:\n  - fr: /fr/b\n  - de: /de/c\n"),
			"fr/b.md": altPost("fr", "alternates:\n  - en: /en/a\n  - de: /de/c\n"),
			"de/c.md": altPost("de", "alternates:\n  - en: /en/a\n  - fr: /fr/b\n")}, nil, nil},
	})
}

// TestAlternatesPreCommit lints one file: the rest of the site is indexed from
// front matter alone, and only the named file gets findings.
func TestAlternatesPreCommit(t *testing.T) {
	root := writeSite(t, map[string]string{
		"en/a.md": altPost("en", "alternates:\n  - fr: /fr/b\n"),
		"fr/b.md": altPost("fr", "alternates:\n  - en: /en/nope\n"),
	}, altCfg)
	res := runSite(t, root, "en/a.md")
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	var got []string
	for _, f := range res.Findings {
		if strings.HasPrefix(f.RuleID, "alternate-") {
			got = append(got, where(f))
		}
	}
	want := []string{"en/a.md:5:5-5:14 alternate-reciprocal"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestReadAlternatesShapes(t *testing.T) {
	// The three shapes read to the same pairs.
	for _, fm := range []string{
		"alternates:\n  - fr: /fr/b\n  - de: /de/c\n",
		"alternates:\n  fr: /fr/b\n  de: /de/c\n",
		"alternates:\n  - hreflang: fr\n    href: /fr/b\n  - {hreflang: de, href: /de/c}\n",
	} {
		files := map[string]string{"en/a.md": altPost("en", fm)}
		got := onlyRule(lintFiles(t, files, altCfg), "alternate-broken")
		if len(got) != 2 || !strings.Contains(got[0].Message, `"fr": /fr/b`) || !strings.Contains(got[1].Message, `"de": /de/c`) {
			t.Errorf("%q: got %v", fm, got)
		}
	}
}
