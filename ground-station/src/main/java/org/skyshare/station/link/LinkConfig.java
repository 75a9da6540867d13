package org.skyshare.station.link;

import org.skyshare.sim.mavlink.MavlinkSigning;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach one vehicle.
 *
 * @param uri               {@code udp://host:port} (the vehicle's port; the station sends first) or {@code tcp://host:port}
 * @param systemId          the vehicle's system id, or 0 to take the first vehicle heard
 * @param stationSystemId   the station's own system id (255 by convention for ground stations)
 * @param heartbeatTimeout  no vehicle heartbeat for this long and the link is LOST
 * @param itemTimeout       mission protocol and command retry timeout
 * @param retries           resends before a transaction fails
 * @param signing           sign what the station sends and accept only signed frames (null: off)
 * @param signingTimestamps file that keeps the signing timestamps going forward across restarts
 *                          ({@link SigningTimestampFile}); null: they start from the clock
 */
public record LinkConfig(URI uri, int systemId, int stationSystemId, Duration heartbeatTimeout, Duration itemTimeout,
                         int retries, MavlinkSigning signing, java.nio.file.Path signingTimestamps) {

    public LinkConfig(URI uri, int systemId, int stationSystemId, Duration heartbeatTimeout, Duration itemTimeout,
                      int retries, MavlinkSigning signing) {
        this(uri, systemId, stationSystemId, heartbeatTimeout, itemTimeout, retries, signing, null);
    }

    public LinkConfig {
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("udp") || scheme.equals("tcp"))) {
            throw new IllegalArgumentException("vehicle address " + uri + " must be udp://host:port or tcp://host:port");
        }
        if (uri.getHost() == null || uri.getPort() < 1) {
            throw new IllegalArgumentException("vehicle address " + uri + " needs a host and a port");
        }
        if (systemId < 0 || systemId > 255) {
            throw new IllegalArgumentException("vehicle system id must be 0..255, got " + systemId);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0");
        }
        if (signingTimestamps != null && signing == null) {
            throw new IllegalArgumentException("a signing timestamp file needs a signing key");
        }
    }

    /** Defaults: 3 s heartbeat timeout, 1.5 s item timeout and 5 retries (the mission protocol's), no signing. */
    public static LinkConfig of(String uri, int systemId) {
        return new LinkConfig(URI.create(uri), systemId, 255, Duration.ofSeconds(3), Duration.ofMillis(1500), 5, null);
    }

    public static LinkConfig udp(String host, int port, int systemId) {
        return of("udp://" + host + ":" + port, systemId);
    }

    public LinkConfig withHeartbeatTimeout(Duration d) {
        return new LinkConfig(uri, systemId, stationSystemId, d, itemTimeout, retries, signing, signingTimestamps);
    }

    public LinkConfig withItemTimeout(Duration d, int newRetries) {
        return new LinkConfig(uri, systemId, stationSystemId, heartbeatTimeout, d, newRetries, signing, signingTimestamps);
    }

    public LinkConfig withSigning(MavlinkSigning key) {
        return new LinkConfig(uri, systemId, stationSystemId, heartbeatTimeout, itemTimeout, retries, key, null);
    }

    /** Signing, with its timestamps kept in {@code timestampFile} so they never go back after a restart. */
    public LinkConfig withSigning(MavlinkSigning key, java.nio.file.Path timestampFile) {
        return new LinkConfig(uri, systemId, stationSystemId, heartbeatTimeout, itemTimeout, retries, key, timestampFile);
    }
}
