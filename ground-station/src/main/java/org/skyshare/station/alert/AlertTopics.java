package org.skyshare.station.alert;

/** The MQTT topic layout of DESIGN.md section 4, for one station. */
public record AlertTopics(String stationId) {
    public static final String ROOT = "skyshare/v1/";

    public AlertTopics {
        if (stationId == null || !stationId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,59}")) {
            throw new IllegalArgumentException("station id '" + stationId
                    + "' must be 1-60 letters, digits, '.', '_' or '-' (it is an MQTT topic level and part of CAP identifiers)");
        }
    }

    public String base() {
        return ROOT + stationId;
    }

    /** CAP 1.2 XML for one agency. */
    public String alerts(String agency) {
        return base() + "/alerts/" + agency;
    }

    public String alertsGeoJson(String agency) {
        return alerts(agency) + "/geojson";
    }

    /** Hazard pins (GeoJSON) for one field crew. */
    public String pins(String crew) {
        return base() + "/pins/" + crew;
    }

    /** The same pins as Cursor-on-Target XML for TAK clients. */
    public String pinsCot(String crew) {
        return pins(crew) + "/cot";
    }

    /** Where an agency or crew answers. */
    public String acks(String agencyOrCrew) {
        return base() + "/acks/" + agencyOrCrew;
    }

    public String acksFilter() {
        return base() + "/acks/+";
    }

    /** Retained station status; the broker publishes the last will here. */
    public String status() {
        return base() + "/status";
    }

    /** The agency or crew named by an acks topic, or null when {@code topic} is not one. */
    public String acksSender(String topic) {
        String prefix = base() + "/acks/";
        if (!topic.startsWith(prefix)) {
            return null;
        }
        String rest = topic.substring(prefix.length());
        return rest.isEmpty() || rest.contains("/") ? null : rest;
    }
}
