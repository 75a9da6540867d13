package org.skyshare.station.link;

import org.skyshare.sim.mavlink.ParseStats;

/**
 * @param status              connection state
 * @param sinceHeartbeatMs    time since the vehicle's last heartbeat, -1 before the first
 * @param framesReceived      valid frames decoded from the vehicle
 * @param framesLost          frames missing by sequence number (lost between vehicle and station)
 * @param parse               what the parser dropped and why (bad CRC, unsigned, ...)
 * @param connects            how many times the link went to CONNECTED (1 + reconnections)
 * @param refused             valid traffic refused for coming from another address, system or component
 */
public record LinkHealth(LinkStatus status, long sinceHeartbeatMs, long framesReceived, long framesLost, ParseStats parse,
                         int connects, LinkRefusals refused) {
}
