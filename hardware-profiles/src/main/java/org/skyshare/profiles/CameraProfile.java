package org.skyshare.profiles;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One imaging sensor of a payload. The sensor size and focal length are the real ones (not the
 * 35 mm equivalents) so that {@link CameraGeometry} gives true ground figures.
 *
 * @param mountOffsetDeg yaw/pitch offset of this sensor's optical axis from the gimbal's, used to
 *                       register thermal and visual frames of one capture (0 for co-boresighted)
 * @param thermal        present only for thermal cameras
 */
@JsonIgnoreProperties(value = "kind", allowGetters = true)
public record CameraProfile(
        String id,
        String name,
        String manufacturer,
        CameraKind cameraKind,
        double sensorWidthMm,
        double sensorHeightMm,
        double focalLengthMm,
        int imageWidthPx,
        int imageHeightPx,
        double minCaptureIntervalS,
        GimbalRange gimbal,
        double mountOffsetDeg,
        ThermalSpec thermal,
        Source source) implements Profile {

    @Override
    public ProfileKind kind() {
        return ProfileKind.CAMERA;
    }

    public CameraGeometry geometry() {
        return new CameraGeometry(this);
    }

    public boolean measuresTemperature() {
        return cameraKind == CameraKind.THERMAL;
    }

    @Override
    public void check(Checks c) {
        c.text("id", id);
        c.text("name", name);
        c.present("camera_kind", cameraKind);
        c.positive("sensor_width_mm", sensorWidthMm);
        c.positive("sensor_height_mm", sensorHeightMm);
        c.positive("focal_length_mm", focalLengthMm);
        c.positive("image_width_px", imageWidthPx);
        c.positive("image_height_px", imageHeightPx);
        c.range("min_capture_interval_s", minCaptureIntervalS, 0, 3600);
        c.present("gimbal", gimbal);
        if (gimbal != null) {
            gimbal.check(c);
        }
        if (cameraKind == CameraKind.THERMAL) {
            c.present("thermal", thermal);
            if (thermal != null) {
                thermal.check(c);
            }
        } else if (thermal != null) {
            c.fail("thermal", "only a thermal camera (camera_kind: thermal) has a thermal section");
        }
        c.source(source);
    }
}
