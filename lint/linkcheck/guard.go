package linkcheck

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"sync"
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
// The configured proxy is trusted and exempt; for proxied requests the target
// is resolved locally and checked before the request is sent.
type guard struct {
	allowPrivate bool
	blocked      func(netip.Addr) bool // isPrivate; tests narrow it
	proxy        func(*url.URL) (*url.URL, error)
	proxies      sync.Map // host:port of proxies in use
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

// dial is the transport's DialContext. addr is the unresolved host:port.
func (g *guard) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	if _, ok := g.proxies.Load(addr); ok {
		return g.plain.DialContext(ctx, network, addr)
	}
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

// proxyFor is the transport's Proxy function.
func (g *guard) proxyFor(req *http.Request) (*url.URL, error) {
	if g.proxy == nil {
		return nil, nil
	}
	p, err := g.proxy(req.URL)
	if err != nil || p == nil {
		return p, err
	}
	if !g.allowPrivate {
		if err := g.checkTarget(req.Context(), req.URL.Hostname()); err != nil {
			return nil, err
		}
	}
	port := p.Port()
	if port == "" {
		switch p.Scheme {
		case "https":
			port = "443"
		case "socks5":
			port = "1080"
		default:
			port = "80"
		}
	}
	g.proxies.Store(joinHost(p.Hostname(), port), true)
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
