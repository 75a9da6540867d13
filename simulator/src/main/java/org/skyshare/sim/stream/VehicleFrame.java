package org.skyshare.sim.stream;

import org.skyshare.vision.frame.Frame;

/** A frame for the vision pipeline, tagged with the MAVLink system id of the vehicle that sent it. */
public record VehicleFrame(int systemId, Frame frame, long receivedTimeUs) {
}
