package linkcheck

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// BlockedError says a connection was refused by the private-address guard.
type BlockedError struct {
	Host string
	IP   netip.Addr
}

func (e *BlockedError) Error() string {
	if e.Host == e.IP.String() {
		return fmt.Sprintf("%s is a non-public address", e.IP)
	}
	return fmt.Sprintf("%s resolves to the non-public address %s", e.Host, e.IP)
}

// blockedRanges are the non-public ranges that netip has no predicate for.
var blockedRanges = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),     // this network
	netip.MustParsePrefix("100.64.0.0/10"), // CGNAT; cloud metadata such as 100.100.100.200
	netip.MustParsePrefix("198.18.0.0/15"), // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),   // reserved, and the broadcast 255.255.255.255
	netip.MustParsePrefix("fec0::/10"),     // site-local (deprecated, still routed inside some sites)
}

// Prefixes whose addresses embed an IPv4 address, which is what gets reached.
var (
	nat64      = netip.MustParsePrefix("64:ff9b::/96")   // RFC 6052: IPv4 in the last 32 bits
	nat64local = netip.MustParsePrefix("64:ff9b:1::/48") // RFC 8215: IPv4 in bits 48-88, skipping bits 64-71
	sixToFour  = netip.MustParsePrefix("2002::/16")      // RFC 3056: IPv4 in bits 16-48
	v4compat   = netip.MustParsePrefix("::/96")          // IPv4-compatible (deprecated)
)

// isPrivate reports addresses a link checker in CI must not reach: loopback,
// RFC 1918 and fc00::/7, link-local (which holds cloud metadata endpoints such
// as 169.254.169.254), unspecified, multicast, CGNAT, benchmarking, reserved
// and site-local addresses, and IPv6 addresses that embed one of those
// (IPv4-mapped and -compatible, NAT64, 6to4).
func isPrivate(ip netip.Addr) bool {
	ip = ip.Unmap()
	if ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() {
		return true
	}
	for _, p := range blockedRanges {
		if p.Contains(ip) {
			return true
		}
	}
	if v4, ok := embeddedIPv4(ip); ok {
		return isPrivate(v4)
	}
	return false
}

// embeddedIPv4 returns the IPv4 address an IPv6 translation or tunnel
// address leads to.
func embeddedIPv4(ip netip.Addr) (netip.Addr, bool) {
	if !ip.Is6() {
		return netip.Addr{}, false
	}
	b := ip.As16()
	switch {
	case nat64.Contains(ip), v4compat.Contains(ip):
		return netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}), true
	case nat64local.Contains(ip):
		return netip.AddrFrom4([4]byte{b[6], b[7], b[9], b[10]}), true
	case sixToFour.Contains(ip):
		return netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]}), true
	}
	return netip.Addr{}, false
}

// hostAddr reads a URL host as an address the way the platform resolver
// does: IPv6 and dotted-quad literals, and also the inet_aton spellings
// ("127.1", "2130706433", "0x7f000001", "0177.0.0.1", "127.000.000.001")
// that netip refuses but resolvers and proxies accept. A trailing dot is
// allowed, as in DNS names.
func hostAddr(host string) (netip.Addr, bool) {
	if ip, err := netip.ParseAddr(strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")); err == nil {
		return ip.WithZone(""), true
	}
	parts := strings.Split(strings.TrimSuffix(host, "."), ".")
	if len(parts) > 4 {
		return netip.Addr{}, false
	}
	vals := make([]uint64, len(parts))
	for i, p := range parts {
		base, digits := 10, p
		switch {
		case len(p) > 2 && (p[:2] == "0x" || p[:2] == "0X"):
			base, digits = 16, p[2:]
		case len(p) > 1 && p[0] == '0':
			base, digits = 8, p[1:]
		}
		v, err := strconv.ParseUint(digits, base, 32)
		if err != nil || digits == "" || strings.ContainsAny(digits, "+-_") {
			return netip.Addr{}, false
		}
		vals[i] = v
	}
	// All parts but the last are one byte; the last fills the rest.
	var n uint64
	for i, v := range vals[:len(vals)-1] {
		if v > 0xff {
			return netip.Addr{}, false
		}
		n |= v << (24 - 8*i)
	}
	last := vals[len(vals)-1]
	if last >= 1<<(8*(5-len(vals))) {
		return netip.Addr{}, false
	}
	n |= last
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], uint32(n)) //nolint:gosec // n < 1<<32: each part was bounded above
	return netip.AddrFrom4(b), true
}

// isLocalhostName reports the names RFC 6761 reserves for loopback:
// localhost and every name under it, with or without the final dot.
func isLocalhostName(host string) bool {
	h := strings.ToLower(strings.TrimSuffix(host, "."))
	return h == "localhost" || strings.HasSuffix(h, ".localhost")
}

// blockedHost is the guard's decision on a URL host before any lookup: an
// address in any spelling is judged by isPrivate, a localhost name is
// loopback. ok is false when the host is a name that only DNS can judge.
func blockedHost(host string, blocked func(netip.Addr) bool) (netip.Addr, bool) {
	if ip, ok := hostAddr(host); ok {
		return ip, blocked(ip)
	}
	if isLocalhostName(host) {
		ip := netip.MustParseAddr("127.0.0.1")
		return ip, blocked(ip)
	}
	return netip.Addr{}, false
}

// guard enforces the private-address rule on the IP actually dialled, so a
// DNS name that resolves to 127.0.0.1, or a redirect to one, is caught too.
// The configured proxy is trusted and exempt, but only for the requests sent
// through it: those go through a transport of their own (see route), so a
// link straight to the proxy's address is still guarded. For proxied
// requests the target is resolved locally and checked before sending.
type guard struct {
	allowPrivate bool
	blocked      func(netip.Addr) bool // isPrivate; tests narrow it
	proxy        func(*url.URL) (*url.URL, error)
	dialer       *net.Dialer
	plain        *net.Dialer
}

func newGuard(allowPrivate bool, proxy func(*url.URL) (*url.URL, error)) *guard {
	g := &guard{allowPrivate: allowPrivate, blocked: isPrivate, proxy: proxy,
		plain: &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}}
	g.dialer = &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second, Control: g.control}
	return g
}

func (g *guard) control(network, address string, _ syscall.RawConn) error {
	if g.allowPrivate {
		return nil
	}
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, err)
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, err)
	}
	if g.blocked(ip) {
		return &BlockedError{Host: host, IP: ip}
	}
	return nil
}

// dial is the direct transport's DialContext. addr is the unresolved
// host:port.
func (g *guard) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	c, err := g.dialer.DialContext(ctx, network, addr)
	if err != nil {
		var be *BlockedError
		if errors.As(err, &be) {
			h, _, _ := net.SplitHostPort(addr)
			be.Host = h
		}
	}
	return c, err
}

// route sends each request through the proxy the configuration picks for
// it, or directly: the proxied transport dials only proxies, unguarded, and
// the direct one dials through the guard.
type route struct {
	g               *guard
	direct, proxied *http.Transport
}

func (r *route) RoundTrip(req *http.Request) (*http.Response, error) {
	// The literal host is judged first, whichever way the request goes: a
	// proxy would resolve "127.1" or "localhost." itself.
	if !r.g.allowPrivate {
		if ip, blocked := blockedHost(req.URL.Hostname(), r.g.blocked); blocked {
			return nil, &BlockedError{Host: req.URL.Hostname(), IP: ip}
		}
	}
	if r.g.proxy != nil {
		p, err := r.g.proxy(req.URL)
		if err != nil {
			return nil, fmt.Errorf("proxy: %w", err)
		}
		if p != nil {
			return r.proxied.RoundTrip(req)
		}
	}
	return r.direct.RoundTrip(req)
}

// proxyFor is the proxied transport's Proxy function: it checks the target
// before the proxy is asked for it.
func (g *guard) proxyFor(req *http.Request) (*url.URL, error) {
	p, err := g.proxy(req.URL)
	if err != nil || p == nil {
		return p, err
	}
	if !g.allowPrivate {
		if err := g.checkTarget(req.Context(), req.URL.Hostname()); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// checkTarget refuses a proxied host that resolves locally to a non-public
// address. It is best effort and fails open: the proxy resolves the name
// itself and may see a different DNS, and behind a proxy the local resolver
// often knows no public names at all, so a name that does not resolve here is
// left to the proxy rather than reported as an error.
func (g *guard) checkTarget(ctx context.Context, host string) error {
	for _, ip := range localAddrs(ctx, host) {
		if g.blocked(ip) {
			return &BlockedError{Host: host, IP: ip}
		}
	}
	return nil
}

// localAddrs returns the addresses host has here: itself for an IP literal,
// what the local resolver answers otherwise, and none when it cannot resolve.
func localAddrs(ctx context.Context, host string) []netip.Addr {
	if ip, ok := hostAddr(host); ok {
		return []netip.Addr{ip}
	}
	if isLocalhostName(host) {
		return []netip.Addr{netip.MustParseAddr("127.0.0.1")}
	}
	ips, err := net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return nil // unresolvable here: see checkTarget
	}
	return ips
}
