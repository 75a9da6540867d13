package org.skyshare.station.broker;

import org.skyshare.station.alert.AlertTopics;

import java.util.List;

/**
 * Who may read and write which topics, the same for the embedded broker and the generated
 * Mosquitto ACL: an agency reads only skyshare/v1/&lt;station&gt;/alerts/&lt;agency&gt; (and below) and the
 * status, and writes only its acks topic; a crew the same with pins/&lt;crew&gt;; the station everything
 * under its own root. Wildcard subscriptions are allowed only when they stay inside what the
 * account may read.
 */
public final class TopicAcl {
    private final AlertTopics topics;

    public TopicAcl(AlertTopics topics) {
        this.topics = topics;
    }

    public AlertTopics topics() {
        return topics;
    }

    /** Topic prefixes (exact topic or topic/#) an account may read. */
    public List<String> readable(BrokerAccount a) {
        return switch (a.role()) {
            case STATION -> List.of(topics.base());
            case AGENCY -> List.of(topics.alerts(a.username()), topics.status());
            case CREW -> List.of(topics.pins(a.username()), topics.status());
        };
    }

    public List<String> writable(BrokerAccount a) {
        return switch (a.role()) {
            case STATION -> List.of(topics.base());
            case AGENCY, CREW -> List.of(topics.acks(a.username()));
        };
    }

    /** May {@code a} subscribe to {@code filter} (a topic or a filter with + and #)? */
    public boolean canRead(BrokerAccount a, String filter) {
        // "skyshare/v1/+/..." names every station; this broker serves one, so read it as this station
        String wild = AlertTopics.ROOT + "+/";
        String f = filter.startsWith(wild) ? topics.base() + "/" + filter.substring(wild.length()) : filter;
        return covered(readable(a), f);
    }

    public boolean canWrite(BrokerAccount a, String topic) {
        if (topic.contains("+") || topic.contains("#")) {
            return false;
        }
        if (a.role() == BrokerRole.STATION) {
            return covered(writable(a), topic);
        }
        return writable(a).contains(topic);
    }

    /** True when every topic {@code filter} can match lies at or under one of the prefixes. */
    static boolean covered(List<String> prefixes, String filter) {
        for (String p : prefixes) {
            if (filter.equals(p) || filter.equals(p + "/#")) {
                return true;
            }
            if (filter.startsWith(p + "/")) {
                String rest = filter.substring(p.length() + 1);
                if (!rest.isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }
}
