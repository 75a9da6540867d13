package org.skyshare.station.fleet;

import org.skyshare.station.link.LinkStatus;
import org.skyshare.station.link.MissionProgress;
import org.skyshare.station.link.TelemetrySnapshot;

/**
 * What the console and the patrol scheduler show for one drone.
 *
 * @param lastCompletedSeq highest sortie item known completed, -1 before the first
 * @param faultReason      why the drone is in FAULT (null otherwise)
 */
public record DroneSnapshot(int systemId, String dockId, DroneState state, LinkStatus link, boolean linkLost,
                            TelemetrySnapshot telemetry, MissionProgress progress, int lastCompletedSeq, String faultReason) {
}
