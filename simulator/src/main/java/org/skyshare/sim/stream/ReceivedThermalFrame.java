package org.skyshare.sim.stream;

import org.skyshare.sim.camera.RadiometricFrame;

/** A radiometric frame as the station received it, with its metadata and the time it arrived. */
public record ReceivedThermalFrame(FrameMetadata metadata, RadiometricFrame frame, long receivedTimeUs) {
}
