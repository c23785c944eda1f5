package linkcheck

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
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

var thisNetwork = netip.MustParsePrefix("0.0.0.0/8")

// isPrivate reports addresses a link checker in CI must not reach: loopback,
// RFC 1918 and fc00::/7, link-local (which holds cloud metadata endpoints such
// as 169.254.169.254) and unspecified addresses.
func isPrivate(ip netip.Addr) bool {
	ip = ip.Unmap()
	return ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsUnspecified() || thisNetwork.Contains(ip)
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
	if ip, err := netip.ParseAddr(host); err == nil {
		return []netip.Addr{ip}
	}
	ips, err := net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return nil // unresolvable here: see checkTarget
	}
	return ips
}
