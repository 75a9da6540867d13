package org.skyshare.station.link;

/** @param severity MAV_SEVERITY: 0 emergency .. 2 critical .. 4 warning .. 6 info, 7 debug */
public record StatusText(int severity, String text) {
}
