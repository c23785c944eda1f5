package linkcheck

import (
	"net/netip"
	"net/url"
	"testing"
)

// The guard's decision, tested without dialling anything.
func TestBlockedHost(t *testing.T) {
	tests := []struct {
		host    string
		ip      string // the address it is read as; "" for a name DNS must judge
		blocked bool
	}{
		{"127.0.0.1", "127.0.0.1", true},
		// inet_aton spellings, which netip.ParseAddr refuses.
		{"2130706433", "127.0.0.1", true},
		{"127.1", "127.0.0.1", true},
		{"127.0.1", "127.0.0.1", true},
		{"0x7f000001", "127.0.0.1", true},
		{"0X7F.1", "127.0.0.1", true},
		{"0177.0.0.1", "127.0.0.1", true},
		{"0", "0.0.0.0", true},
		{"127.000.000.001", "127.0.0.1", true},
		{"127.0.0.1.", "127.0.0.1", true},
		{"169.254.43518", "169.254.169.254", true},
		{"3232235777", "192.168.1.1", true},
		{"010.0.0.1", "8.0.0.1", false}, // octal: 010 is 8
		{"134744072", "8.8.8.8", false},
		{"8.8.8.8", "8.8.8.8", false},
		// RFC 6761 names.
		{"localhost", "127.0.0.1", true},
		{"localhost.", "127.0.0.1", true},
		{"LocalHost", "127.0.0.1", true},
		{"app.localhost", "127.0.0.1", true},
		{"a.b.localhost.", "127.0.0.1", true},
		// Names, and things that are not inet_aton numbers.
		{"example.com", "", false},
		{"notlocalhost", "", false},
		{"localhost.example.com", "", false},
		{"1.2.3.4.5", "", false},
		{"256.1.1.1", "", false},
		{"1.2.3.256", "", false},
		{"08.1.1.1", "", false},
		{"0x", "", false},
		{"1e100.net", "", false},
		{"4294967296", "", false},
		// IPv6 literals as url.Hostname gives them.
		{"::1", "::1", true},
		{"::ffff:127.0.0.1", "::ffff:127.0.0.1", true},
		{"fe80::1%eth0", "fe80::1", true},
		{"2606:4700::1111", "2606:4700::1111", false},
	}
	for _, tt := range tests {
		ip, blocked := blockedHost(tt.host, isPrivate)
		got := ""
		if ip.IsValid() {
			got = ip.String()
		}
		if got != tt.ip || blocked != tt.blocked {
			t.Errorf("blockedHost(%q) = %q, %v; want %q, %v", tt.host, got, blocked, tt.ip, tt.blocked)
		}
	}
}

func TestIsPrivateRanges(t *testing.T) {
	blocked := []string{
		"100.64.0.1", "100.100.100.200", "100.127.255.255", // CGNAT, cloud metadata
		"198.18.0.1", "198.19.255.255", // benchmarking
		"240.0.0.1", "255.255.255.255", // reserved, broadcast
		"224.0.0.1", "239.255.255.250", "ff02::1", "ff05::2", // multicast
		"fec0::1", "feff::1", // site-local
		// Embedded IPv4: NAT64, local-use NAT64, 6to4, IPv4-compatible, mapped.
		"64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "64:ff9b:1:7f00:0:100::", "2002:7f00:1::", "2002:a9fe:a9fe::1",
		"::127.0.0.1", "::10.0.0.1", "::ffff:100.100.100.200", "::ffff:169.254.169.254",
	}
	public := []string{
		"100.63.255.255", "100.128.0.0", "198.17.255.255", "198.20.0.0", "223.255.255.255",
		"64:ff9b::808:808", "64:ff9b:1:808:0:800::", "2002:808:808::", "::8.8.8.8", "::ffff:8.8.8.8",
		"2001:4860:4860::8888", "fe00::1",
	}
	for _, s := range blocked {
		if !isPrivate(netip.MustParseAddr(s)) {
			t.Errorf("%s not blocked", s)
		}
	}
	for _, s := range public {
		if isPrivate(netip.MustParseAddr(s)) {
			t.Errorf("%s blocked", s)
		}
	}
}

// Behind a proxy the literal host is judged before the proxy is asked: these
// spellings used to be handed to it.
func TestProxyNeverSeesPrivateSpellings(t *testing.T) {
	proxy := serve(t, status(200))
	pu, _ := url.Parse(proxy.URL)
	opt := testOptions()
	opt.AllowPrivate = false
	opt.Retries = 0
	opt.Proxy = func(*url.URL) (*url.URL, error) { return pu, nil }
	var urls []string
	for _, h := range []string{"2130706433", "127.1", "0x7f000001", "0177.0.0.1", "0", "127.000.000.001", "localhost.", "app.localhost", "[::ffff:7f00:1]", "[64:ff9b::a9fe:a9fe]", "100.100.100.200"} {
		urls = append(urls, "http://"+h+":9/x")
	}
	for u, r := range check(t, opt, urls...) {
		if r.State != Skipped || r.Kind != KindBlocked {
			t.Errorf("%s: %v %s %q, want blocked", u, r.State, r.Kind, r.Reason)
		}
	}
	if proxy.hits() != 0 {
		t.Errorf("the proxy saw %d requests, want none", proxy.hits())
	}
}
