package linkcheck

import (
	"fmt"
	"sort"
)

// NetworkError says that the network itself seems to be missing, so the
// failures of single URLs mean nothing.
type NetworkError struct {
	Hosts  int    // distinct hosts tried
	Stage  string // NetDNS, NetResolver or NetConnect
	Reason string // the failure of the first host, as an example
}

func (e *NetworkError) Error() string {
	what := map[string]string{
		NetDNS:      "DNS lookup",
		NetResolver: "the DNS resolver",
		NetConnect:  "connect",
	}[e.Stage]
	return fmt.Sprintf("no network: %s failed for every one of the %d %s tried (%s); "+
		"no external link was judged. Check the connection, or use --offline to skip external links",
		what, e.Hosts, plural(e.Hosts, "host", "hosts"), e.Reason)
}

// NetworkDown returns a *NetworkError when the results show that the network
// itself is missing, nil otherwise. That is the case when no host answered
// anything and either the resolver could not be reached, or at least two
// distinct hosts were tried and each failed at the same stage in the same
// way. One host that does not exist while another answers is a dead link,
// and so is a site whose only external host does not resolve.
func NetworkDown(results map[string]*Result) error {
	type verdict struct{ stage, kind, reason string }
	byHost := map[string]verdict{}
	for _, r := range results {
		switch {
		case r.host == "" || r.Cached || r.State == Canceled:
			continue // not fetched in this run: no evidence
		case r.State == Dead && r.Net != "":
			if _, ok := byHost[r.host]; !ok {
				byHost[r.host] = verdict{r.Net, r.Kind, r.Reason}
			}
		case r.State == OK || r.State == Dead:
			return nil // some server answered
		}
	}
	if len(byHost) == 0 {
		return nil
	}
	hosts := make([]string, 0, len(byHost))
	for h := range byHost {
		hosts = append(hosts, h)
	}
	sort.Strings(hosts)
	first := byHost[hosts[0]]
	if first.stage == NetResolver {
		for _, h := range hosts {
			if byHost[h].stage != NetResolver {
				return nil
			}
		}
		return &NetworkError{Hosts: len(hosts), Stage: NetResolver, Reason: first.reason}
	}
	if len(hosts) < 2 {
		return nil
	}
	for _, h := range hosts[1:] {
		if v := byHost[h]; v.stage != first.stage || v.kind != first.kind {
			return nil
		}
	}
	return &NetworkError{Hosts: len(hosts), Stage: first.stage, Reason: first.reason}
}
