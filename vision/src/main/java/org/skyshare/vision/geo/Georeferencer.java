package org.skyshare.vision.geo;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.skyshare.vision.frame.CapturePose;

import java.util.Objects;
import java.util.Optional;

/**
 * Pixel to WGS84 ground position and back, for one camera: the pixel's ray is rotated by the
 * camera attitude into north/east/down, intersected with the ground (flat at the pose's ground
 * altitude, refined against a DEM when one is given), and the north/east offset is carried from the
 * drone's position along the WGS84 ellipsoid with GeographicLib.
 */
public final class Georeferencer {
    /** Rays that meet the ground further than this are treated as missing it (near the horizon). */
    public static final double MAX_RANGE_M = 5_000;

    private final CameraModel camera;
    private final boolean stabilisedGimbal;
    private final TerrainModel terrain;

    public Georeferencer(CameraModel camera, boolean stabilisedGimbal, TerrainModel terrain) {
        this.camera = Objects.requireNonNull(camera, "camera");
        this.stabilisedGimbal = stabilisedGimbal;
        this.terrain = Objects.requireNonNull(terrain, "terrain");
    }

    public Georeferencer(CameraModel camera) {
        this(camera, true, TerrainModel.FLAT);
    }

    public CameraModel camera() {
        return camera;
    }

    /** Ground position seen at pixel {@code (u, v)} (pixel centres at +0.5), empty when the ray misses the ground. */
    public Optional<GroundPoint> toGround(CapturePose pose, double u, double v) {
        return intersect(pose, u, v).map(h -> h.point);
    }

    /**
     * Side of the ground square one pixel covers at {@code (u, v)}: slant range over focal length,
     * stretched for the ray's incidence so that its square is the pixel's ground area. NaN when the
     * ray misses the ground.
     */
    public double metresPerPixel(CapturePose pose, double u, double v) {
        Optional<Hit> hit = intersect(pose, u, v);
        if (hit.isEmpty()) {
            return Double.NaN;
        }
        Hit h = hit.get();
        double cosIncidence = h.downComponent;
        return (h.slantRangeM / camera.focalPx()) / Math.sqrt(cosIncidence);
    }

    /** Pixel position where a ground point appears, empty when it is behind the camera. */
    public Optional<double[]> toPixel(CapturePose pose, GroundPoint ground) {
        GeodesicData inv = Geodesic.WGS84.Inverse(pose.latDeg(), pose.lonDeg(), ground.latDeg(), ground.lonDeg());
        double az = Math.toRadians(inv.azi1);
        double[] ned = {inv.s12 * Math.cos(az), inv.s12 * Math.sin(az), pose.altitudeAmslM() - ground.altitudeAmslM()};
        double[] rayCam = CameraModel.applyTransposed(camera.cameraToNed(pose, stabilisedGimbal), ned);
        return Optional.ofNullable(camera.pixelOf(rayCam));
    }

    private Optional<Hit> intersect(CapturePose pose, double u, double v) {
        double[] ray = CameraModel.apply(camera.cameraToNed(pose, stabilisedGimbal), camera.rayCamera(u, v));
        if (ray[2] <= 1e-6) {
            return Optional.empty();
        }
        double groundAlt = pose.groundAltitudeAmslM();
        Hit hit = null;
        // flat ground first; with a DEM, re-intersect at the height found there (converges in a few steps on gentle terrain)
        for (int iteration = 0; iteration < 4; iteration++) {
            double depth = pose.altitudeAmslM() - groundAlt;
            if (depth <= 0) {
                return Optional.empty();
            }
            double t = depth / ray[2];
            if (t > MAX_RANGE_M) {
                return Optional.empty();
            }
            double north = t * ray[0];
            double east = t * ray[1];
            double azimuth = Math.toDegrees(Math.atan2(east, north));
            GeodesicData d = Geodesic.WGS84.Direct(pose.latDeg(), pose.lonDeg(), azimuth, Math.hypot(north, east));
            hit = new Hit(new GroundPoint(d.lat2, normaliseLon(d.lon2), groundAlt), t, ray[2]);
            var dem = terrain.groundAltitudeAmslM(d.lat2, d.lon2);
            if (dem.isEmpty() || Math.abs(dem.getAsDouble() - groundAlt) < 0.05) {
                break;
            }
            groundAlt = dem.getAsDouble();
        }
        return Optional.of(hit);
    }

    private static double normaliseLon(double lon) {
        double l = ((lon + 180) % 360 + 360) % 360 - 180;
        return l;
    }

    private record Hit(GroundPoint point, double slantRangeM, double downComponent) {
    }
}
