package org.skyshare.station.routing;

import org.skyshare.station.alert.HazardReport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Decides which agencies get an alert: the union of every matching rule's agencies. */
public final class Router {
    private final RoutingRules rules;
    private final HazardLocator locator;

    public Router(RoutingRules rules, HazardLocator locator) {
        this.rules = rules;
        this.locator = locator;
    }

    public RoutingRules rules() {
        return rules;
    }

    public RoutingDecision route(HazardReport report) {
        return route(report, locator.locate(report.position()));
    }

    public RoutingDecision route(HazardReport report, HazardSite site) {
        Set<String> agencies = new LinkedHashSet<>();
        List<String> matched = new ArrayList<>();
        for (RoutingRule rule : rules.rules()) {
            if (rule.matches(report, site)) {
                matched.add(rule.name());
                agencies.addAll(rule.agencies());
                if (rule.cellOwner() && site.cellOwner() != null && rules.agencies().contains(site.cellOwner())) {
                    agencies.add(site.cellOwner());
                }
            }
        }
        return new RoutingDecision(agencies, matched);
    }
}
