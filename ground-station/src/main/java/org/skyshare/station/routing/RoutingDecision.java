package org.skyshare.station.routing;

import java.util.List;
import java.util.Set;

/**
 * Who gets an alert and why.
 *
 * @param agencies in the order the rules named them
 * @param rules    names of the rules that matched
 */
public record RoutingDecision(Set<String> agencies, List<String> rules) {
    public RoutingDecision {
        agencies = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(agencies));
        rules = List.copyOf(rules);
    }
}
