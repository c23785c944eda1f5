package linkcheck

import (
	"errors"
	"net"
	"strings"
	"testing"

	"github.com/contentlint/contentlint/lint/linttest"
)

func TestNetworkDown(t *testing.T) {
	answering := serve(t, status(404))
	a, b, c := linttest.ClosedAddr(t), linttest.ClosedAddr(t), linttest.ClosedAddr(t)
	tests := []struct {
		name  string
		urls  []string
		stage string // "" for no NetworkError
	}{
		{"every host refuses", []string{"http://" + a + "/1", "http://" + a + "/2", "http://" + b + "/", "http://" + c + "/"}, NetConnect},
		{"one host refuses, another answers", []string{"http://" + a + "/", answering.URL + "/gone"}, ""},
		{"the only host refuses", []string{"http://" + a + "/1", "http://" + a + "/2"}, ""},
		// .invalid never resolves (RFC 6761), with or without a network.
		{"no host resolves", []string{"http://one.invalid/", "http://two.invalid/"}, NetDNS},
		{"one host does not exist, another answers", []string{"http://nowhere.invalid/", answering.URL + "/gone"}, ""},
		{"hosts fail in different ways", []string{"http://nowhere.invalid/", "http://" + a + "/"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := answering.hits()
			opt := testOptions()
			opt.Retries = 0
			res := check(t, opt, tt.urls...)
			err := NetworkDown(res)
			var ne *NetworkError
			if tt.stage == "" {
				if err != nil {
					t.Fatalf("NetworkDown = %v, want nil", err)
				}
				for _, u := range tt.urls {
					if r := res[u]; r.State != Dead {
						t.Errorf("%s: %v, want dead", u, r.State)
					}
				}
				if strings.Contains(strings.Join(tt.urls, " "), answering.URL) && answering.hits() == before {
					t.Error("the answering server saw no request")
				}
				return
			}
			if !errors.As(err, &ne) || ne.Stage != tt.stage {
				t.Fatalf("NetworkDown = %v, want a NetworkError at stage %s", err, tt.stage)
			}
			if !strings.Contains(err.Error(), "--offline") || !strings.HasPrefix(err.Error(), "no network: ") {
				t.Errorf("message %q does not name the cause and --offline", err)
			}
		})
	}
}

func TestNetworkDownMessage(t *testing.T) {
	err := &NetworkError{Hosts: 3, Stage: NetConnect, Reason: "connection refused"}
	want := "no network: connect failed for every one of the 3 hosts tried (connection refused); no external link was judged. " +
		"Check the connection, or use --offline to skip external links"
	if err.Error() != want {
		t.Errorf("got %q\nwant %q", err.Error(), want)
	}
}

func TestNetStage(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{&net.DNSError{Err: "no such host", Name: "x.invalid", IsNotFound: true}, NetDNS},
		{&net.DNSError{Err: "dial udp 10.255.255.53:53: connect: network is unreachable", Name: "x.example"}, NetResolver},
		{&net.DNSError{Err: "read udp", Name: "x.example", UnwrapErr: &net.OpError{Op: "dial", Net: "udp"}}, NetResolver},
		{&net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connect: connection refused")}, NetConnect},
		{&net.OpError{Op: "read", Net: "tcp", Err: errors.New("connection reset by peer")}, ""},
		{errors.New("EOF"), ""},
	}
	for _, tt := range tests {
		if got := netStage(tt.err); got != tt.want {
			t.Errorf("netStage(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

// TestNetworkDownVerdicts covers the evidence rules on results as the
// checker fills them: a resolver that cannot be reached is enough on one
// host; cached, canceled and skipped results are no evidence either way.
func TestNetworkDownVerdicts(t *testing.T) {
	dead := func(host, stage, kind string) *Result {
		return &Result{State: Dead, host: host, Net: stage, Kind: kind, Reason: kind}
	}
	tests := []struct {
		name    string
		results []*Result
		stage   string
	}{
		{"resolver unreachable, one host", []*Result{dead("a:443", NetResolver, KindTimeout)}, NetResolver},
		{"resolver unreachable for one host, DNS answer for another", []*Result{dead("a:443", NetResolver, KindTimeout), dead("b:443", NetDNS, KindDNS)}, ""},
		{"a cached success is no evidence", []*Result{{State: OK, Cached: true, host: "c:443"}, dead("a:443", NetDNS, KindDNS), dead("b:443", NetDNS, KindDNS)}, NetDNS},
		{"a fresh success is", []*Result{{State: OK, host: "c:443"}, dead("a:443", NetDNS, KindDNS), dead("b:443", NetDNS, KindDNS)}, ""},
		{"a status answer is", []*Result{{State: Dead, Kind: KindStatus, Code: 404, host: "c:443"}, dead("a:443", NetConnect, KindRefused), dead("b:443", NetConnect, KindRefused)}, ""},
		{"skipped and canceled are not", []*Result{{State: Skipped, host: "c:443"}, {State: Canceled, host: "d:443"}, dead("a:443", NetConnect, KindTimeout), dead("b:443", NetConnect, KindTimeout)}, NetConnect},
		{"connect timeout on one, refused on another", []*Result{dead("a:443", NetConnect, KindTimeout), dead("b:443", NetConnect, KindRefused)}, ""},
		{"nothing fetched", []*Result{{State: Excluded}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := map[string]*Result{}
			for i, r := range tt.results {
				res[string(rune('a'+i))] = r
			}
			err := NetworkDown(res)
			var ne *NetworkError
			switch {
			case tt.stage == "" && err != nil:
				t.Errorf("NetworkDown = %v, want nil", err)
			case tt.stage != "" && (!errors.As(err, &ne) || ne.Stage != tt.stage):
				t.Errorf("NetworkDown = %v, want stage %s", err, tt.stage)
			}
		})
	}
}
