package org.skyshare.station.routing;

import org.skyshare.station.alert.HazardKind;
import org.skyshare.station.alert.HazardReport;
import org.skyshare.station.alert.HazardSeverity;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One routing rule: every condition that is set must hold. Unset conditions match anything.
 *
 * @param kinds       hazard kinds; empty for all
 * @param minSeverity lowest severity, null for any
 * @param maxSeverity highest severity, null for any
 * @param inside      asset kinds the hazard must lie inside (all of them)
 * @param outside     asset kinds the hazard must lie outside (all of them)
 * @param withinM     asset kind to the greatest distance the hazard may be from it
 * @param cellOwner   also send to the owner of the grid cell the hazard lies in
 * @param agencies    who gets the alert
 */
public record RoutingRule(String name, Set<HazardKind> kinds, HazardSeverity minSeverity, HazardSeverity maxSeverity,
                          Set<String> inside, Set<String> outside, Map<String, Double> withinM, boolean cellOwner,
                          List<String> agencies) {
    public RoutingRule {
        kinds = Set.copyOf(kinds);
        inside = Set.copyOf(inside);
        outside = Set.copyOf(outside);
        withinM = Map.copyOf(withinM);
        agencies = List.copyOf(agencies);
    }

    public boolean matches(HazardReport r, HazardSite site) {
        if (!kinds.isEmpty() && !kinds.contains(r.kind())) {
            return false;
        }
        if (minSeverity != null && r.severity().compareTo(minSeverity) < 0) {
            return false;
        }
        if (maxSeverity != null && r.severity().compareTo(maxSeverity) > 0) {
            return false;
        }
        for (String k : inside) {
            if (!site.inside(k)) {
                return false;
            }
        }
        for (String k : outside) {
            if (site.inside(k)) {
                return false;
            }
        }
        for (Map.Entry<String, Double> e : withinM.entrySet()) {
            OptionalDouble d = site.distanceTo(e.getKey());
            if (d.isEmpty() || d.getAsDouble() > e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
