package lint

import (
	"strings"
	"testing"
)

// setupErr runs the configuration steps of Setup on data and returns the
// first error.
func setupErr(t *testing.T, rules []*Rule, data string) error {
	t.Helper()
	cfg, err := ParseConfig([]byte(data), "c.yml")
	if err != nil {
		return err
	}
	cfg.Root = t.TempDir()
	if err := ApplyPreset(cfg); err != nil {
		return err
	}
	if _, err := NewSite(cfg); err != nil {
		return err
	}
	return cfg.ValidateRules(rules)
}

// Every configuration value error names the file and the line, as syntax and
// type errors do.
func TestConfigErrorsNameTheLine(t *testing.T) {
	rules := []*Rule{{ID: "a-rule"}, {ID: "b-rule"}}
	tests := []struct {
		name, data, want string
	}{
		{"preset", "ignore: []\npreset: hugoo\n", `c.yml: line 2: preset "hugoo": want`},
		{"baseURL scalar", "\nbaseURL: example.com\n", `c.yml: line 2: baseURL "example.com": not an absolute URL`},
		{"baseURL item", "baseURL:\n  - https://ok.example\n  - nope\n", `c.yml: line 3: baseURL "nope": not an absolute URL`},
		{"permalink", "\n\npermalink: posts/:path\n", `c.yml: line 3: permalink "posts/:path": must start with /`},
		{"permalink by language", "permalink:\n  en: /en/:path\n  fr: /:nope\n", `c.yml: line 3: permalink "/:nope": unknown token :nope`},
		{"dialect", "admonitions:\n  dialect: xx\n", `c.yml: line 2: admonitions.dialect "xx": want`},
		{"unknown rules, sorted", "rules:\n  a-rule: off\n  zz-rule: off\n  yy-rule: error\n", `c.yml: line 4: rules: unknown rule yy-rule, zz-rule`},
		{"accept", "links:\n  accept:\n    - 200\n    - abc\n", `c.yml: line 4: links.accept[1]: "abc" is not a status code`},
		{"exclude", "links:\n  exclude:\n    - ok\n    - \"(\"\n", `c.yml: line 4: links.exclude[1]: error parsing regexp`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for range 5 { // map order must not change the message
				err := setupErr(t, rules, tt.data)
				if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
					t.Fatalf("got %v\nwant prefix %s", err, tt.want)
				}
			}
		})
	}
}
