package org.skyshare.station.routing;

import java.util.List;

/** The agencies alerts may go to, and the rules that pick them, in file order. */
public record RoutingRules(List<String> agencies, List<RoutingRule> rules) {
    public RoutingRules {
        agencies = List.copyOf(agencies);
        rules = List.copyOf(rules);
    }
}
