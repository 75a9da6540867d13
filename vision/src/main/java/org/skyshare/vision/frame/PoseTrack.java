package org.skyshare.vision.frame;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drone poses over time (from a telemetry CSV, a DJI SRT subtitle file or the station's telemetry),
 * and optionally by image file name. A frame gets the pose interpolated between the two samples
 * around its time; a frame further than the tolerance from any sample gets none (telemetry out of
 * sync must not put a fire in the wrong place).
 */
public final class PoseTrack {
    /** No telemetry. */
    public static final PoseTrack NONE = new PoseTrack(List.of(), Map.of(), 0);

    private final double[] timesS;
    private final CapturePose[] poses;
    private final Map<String, CapturePose> byFile;
    private final double toleranceS;

    public PoseTrack(List<Sample> samples, Map<String, CapturePose> byFile, double toleranceS) {
        List<Sample> sorted = new ArrayList<>(samples);
        sorted.sort(Comparator.comparingDouble(Sample::timeS));
        this.timesS = new double[sorted.size()];
        this.poses = new CapturePose[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            timesS[i] = sorted.get(i).timeS();
            poses[i] = sorted.get(i).pose();
        }
        this.byFile = Map.copyOf(new HashMap<>(byFile));
        this.toleranceS = toleranceS;
    }

    /** A pose at a time since the start of the recording. */
    public record Sample(double timeS, CapturePose pose) {
    }

    public int size() {
        return timesS.length + byFile.size();
    }

    public double startS() {
        return timesS.length == 0 ? Double.NaN : timesS[0];
    }

    public double endS() {
        return timesS.length == 0 ? Double.NaN : timesS[timesS.length - 1];
    }

    public Optional<CapturePose> poseForFile(String fileName) {
        return Optional.ofNullable(byFile.get(fileName));
    }

    /** Pose at a time (seconds since the start), interpolated; empty when outside the track by more than the tolerance. */
    public Optional<CapturePose> poseAt(double timeS) {
        int n = timesS.length;
        if (n == 0 || Double.isNaN(timeS)) {
            return Optional.empty();
        }
        if (timeS <= timesS[0]) {
            return timesS[0] - timeS <= toleranceS ? Optional.of(poses[0]) : Optional.empty();
        }
        if (timeS >= timesS[n - 1]) {
            return timeS - timesS[n - 1] <= toleranceS ? Optional.of(poses[n - 1]) : Optional.empty();
        }
        int lo = 0, hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (timesS[mid] <= timeS) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double gap = timesS[hi] - timesS[lo];
        if (gap > 2 * toleranceS && Math.min(timeS - timesS[lo], timesS[hi] - timeS) > toleranceS) {
            return Optional.empty(); // a hole in the telemetry
        }
        double f = gap <= 0 ? 0 : (timeS - timesS[lo]) / gap;
        return Optional.of(interpolate(poses[lo], poses[hi], f));
    }

    static CapturePose interpolate(CapturePose a, CapturePose b, double f) {
        return new CapturePose(
                lerp(a.latDeg(), b.latDeg(), f), lerp(a.lonDeg(), b.lonDeg(), f),
                lerp(a.altitudeAmslM(), b.altitudeAmslM(), f), lerp(a.groundAltitudeAmslM(), b.groundAltitudeAmslM(), f),
                lerpAngle(a.rollDeg(), b.rollDeg(), f), lerpAngle(a.pitchDeg(), b.pitchDeg(), f),
                lerpAngle(a.yawDeg(), b.yawDeg(), f), lerpAngle(a.gimbalPitchDeg(), b.gimbalPitchDeg(), f),
                lerpAngle(a.gimbalYawDeg(), b.gimbalYawDeg(), f), lerpAngle(a.gimbalRollDeg(), b.gimbalRollDeg(), f));
    }

    private static double lerp(double a, double b, double f) {
        return a + (b - a) * f;
    }

    /** Interpolates across the 359 -> 0 wrap the short way. */
    private static double lerpAngle(double a, double b, double f) {
        double d = ((b - a) % 360 + 540) % 360 - 180;
        return a + d * f;
    }
}
