package org.skyshare.sim.stream;

import org.skyshare.sim.camera.GimbalAttitude;
import org.skyshare.sim.camera.VehiclePose;

/**
 * What travels with every streamed frame: whose camera took it, its place in the stream, when it
 * was captured (microseconds since the Unix epoch, UTC) and the pose and gimbal attitude then.
 *
 * @param streamId            the vehicle's MAVLink system id; one stream per vehicle and camera kind
 * @param groundAltitudeAmslM the flat ground's altitude under the vehicle (the dock's ground), which
 *                            georeferencing needs to turn a pixel into a position
 */
public record FrameMetadata(int streamId, String cameraId, long sequence, long captureTimeUs,
                            VehiclePose pose, GimbalAttitude gimbal, double groundAltitudeAmslM) {

    public FrameMetadata {
        if (cameraId == null || cameraId.isEmpty() || cameraId.length() > 24) {
            throw new IllegalArgumentException("camera id must be 1 to 24 characters, got '" + cameraId + "'");
        }
        if (sequence < 0 || sequence > 0xffffffffL) {
            throw new IllegalArgumentException("frame sequence must fit 32 bits unsigned, got " + sequence);
        }
    }
}
