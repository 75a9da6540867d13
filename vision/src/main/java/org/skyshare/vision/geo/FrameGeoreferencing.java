package org.skyshare.vision.geo;

import org.skyshare.profiles.CameraProfile;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.vision.detect.Detection;
import org.skyshare.vision.frame.Frame;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Georeferences frames of any camera in a profile catalog: finds the camera by the frame's camera
 * id, scales its optics to the frame's size (videos are often scaled from the sensor), and puts
 * detections on the ground. Frames without a pose, or of unknown cameras, stay in pixels.
 */
public final class FrameGeoreferencing implements GroundScale {
    private final ProfileCatalog catalog;
    private final boolean stabilisedGimbal;
    private final TerrainModel terrain;
    private final Map<String, Optional<CameraModel>> cameras = new ConcurrentHashMap<>();

    public FrameGeoreferencing(ProfileCatalog catalog, boolean stabilisedGimbal, TerrainModel terrain) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.stabilisedGimbal = stabilisedGimbal;
        this.terrain = Objects.requireNonNull(terrain, "terrain");
    }

    public FrameGeoreferencing(ProfileCatalog catalog) {
        this(catalog, true, TerrainModel.FLAT);
    }

    /** The georeferencer for a frame, empty when it has no pose or its camera is unknown. */
    public Optional<Georeferencer> forFrame(Frame frame) {
        if (frame.pose() == null) {
            return Optional.empty();
        }
        return cameraModel(frame.cameraId())
                .map(m -> new Georeferencer(m.scaledTo(frame.widthPx(), frame.heightPx()), stabilisedGimbal, terrain));
    }

    /** Whether the catalog knows this camera as a thermal one (its 8-bit video is display-scaled thermal). */
    public boolean isThermalCamera(String cameraId) {
        try {
            return catalog.camera(cameraId).measuresTemperature();
        } catch (RuntimeException unknown) {
            return false;
        }
    }

    public Optional<CameraModel> cameraModel(String cameraId) {
        return cameras.computeIfAbsent(cameraId, id -> {
            try {
                CameraProfile p = catalog.camera(id);
                return Optional.of(CameraModel.of(p));
            } catch (RuntimeException unknown) {
                return Optional.empty();
            }
        });
    }

    @Override
    public double metresPerPixel(Frame frame, double xPx, double yPx) {
        return forFrame(frame).map(g -> g.metresPerPixel(frame.pose(), xPx, yPx)).orElse(Double.NaN);
    }

    /**
     * The detection with its box centre on the ground; its area is kept when the detector measured
     * one, otherwise the box's ground area. Unchanged when the frame cannot be georeferenced.
     */
    public Detection georeference(Frame frame, Detection d) {
        Optional<Georeferencer> g = forFrame(frame);
        if (g.isEmpty()) {
            return d;
        }
        Optional<GroundPoint> ground = g.get().toGround(frame.pose(), d.box().centreX(), d.box().centreY());
        if (ground.isEmpty()) {
            return d;
        }
        double area = d.areaM2();
        if (Double.isNaN(area)) {
            double mpp = g.get().metresPerPixel(frame.pose(), d.box().centreX(), d.box().centreY());
            area = d.box().areaPx() * mpp * mpp;
        }
        return d.withGround(ground.get(), area);
    }
}
