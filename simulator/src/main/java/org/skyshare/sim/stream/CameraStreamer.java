package org.skyshare.sim.stream;

import org.skyshare.profiles.CameraProfile;
import org.skyshare.sim.camera.GimbalAttitude;
import org.skyshare.sim.camera.RadiometricFrame;
import org.skyshare.sim.camera.RgbCamera;
import org.skyshare.sim.camera.ThermalCamera;
import org.skyshare.sim.camera.VehiclePose;
import org.skyshare.sim.vehicle.VehicleState;
import org.skyshare.sim.vehicle.VehicleStateSource;
import org.skyshare.sim.world.World;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated vehicle's cameras: at a fixed rate it samples the vehicle's pose and gimbal, renders
 * what the thermal and RGB cameras see and streams the frames to the station. Frames are captured
 * only while the vehicle is airborne (a docked drone's camera sees the inside of its dock). When a
 * render takes longer than the period the next capture is simply later: the rate is a ceiling.
 */
public final class CameraStreamer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CameraStreamer.class);

    /**
     * Where and how often to stream. A null address turns that camera off.
     *
     * @param thermal       the station's radiometric stream port
     * @param rgbVideo      the station's MPEG-TS port for this vehicle
     * @param rgbMetadata   the station's metadata port for this vehicle's RGB stream
     */
    public record Targets(InetSocketAddress thermal, InetSocketAddress rgbVideo, InetSocketAddress rgbMetadata,
                          double thermalRateHz, double rgbRateHz) {
    }

    private final World world;
    private final VehicleStateSource vehicle;
    private final ThermalCamera thermalCamera;
    private final RgbCamera rgbCamera;
    private final ThermalStreamSender thermalSender;
    private final RgbStreamSender rgbSender;
    private final ScheduledExecutorService clock;
    private final AtomicLong thermalFrames = new AtomicLong();
    private final AtomicLong rgbFrames = new AtomicLong();
    private volatile boolean onlyAirborne = true;

    public CameraStreamer(World world, VehicleStateSource vehicle, CameraProfile thermal, CameraProfile rgb, Targets targets) throws IOException {
        this.world = world;
        this.vehicle = vehicle;
        this.thermalCamera = targets.thermal() == null ? null : new ThermalCamera(world, thermal);
        this.rgbCamera = targets.rgbVideo() == null ? null : new RgbCamera(world, rgb);
        this.thermalSender = targets.thermal() == null ? null : new ThermalStreamSender(targets.thermal());
        this.rgbSender = targets.rgbVideo() == null ? null
                : new RgbStreamSender(targets.rgbVideo(), targets.rgbMetadata(), rgb.imageWidthPx(), rgb.imageHeightPx(), targets.rgbRateHz());
        int systemId = vehicle.state().systemId();
        clock = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "camera-" + systemId);
            t.setDaemon(true);
            return t;
        });
        if (thermalCamera != null) {
            clock.scheduleWithFixedDelay(this::captureThermal, 0, periodUs(targets.thermalRateHz()), TimeUnit.MICROSECONDS);
        }
        if (rgbCamera != null) {
            clock.scheduleWithFixedDelay(this::captureRgb, 0, periodUs(targets.rgbRateHz()), TimeUnit.MICROSECONDS);
        }
    }

    private static long periodUs(double hz) {
        if (!(hz > 0 && hz <= 60)) {
            throw new IllegalArgumentException("a camera frame rate must be above 0 and at most 60 Hz, got " + hz);
        }
        return Math.round(1e6 / hz);
    }

    /** Capture on the ground too (tests, or a camera looking out of an open dock). */
    public CameraStreamer alsoOnGround() {
        onlyAirborne = false;
        return this;
    }

    private FrameMetadata sample(String cameraId, long seq) {
        VehicleState s = vehicle.state();
        if (onlyAirborne && !s.airborne()) {
            return null;
        }
        return new FrameMetadata(s.systemId(), cameraId, seq, StreamClock.nowUs(),
                new VehiclePose(s.latDeg(), s.lonDeg(), s.altitudeAmslM(), s.headingDeg()),
                new GimbalAttitude(s.gimbalPitchDeg(), s.gimbalRollDeg(), s.gimbalYawDeg()), world.groundAltitudeM());
    }

    private void captureThermal() {
        try {
            FrameMetadata m = sample(thermalCamera.camera().id(), thermalFrames.get());
            if (m == null) {
                return;
            }
            RadiometricFrame f = thermalCamera.render(m.pose(), m.gimbal(), m.sequence());
            thermalSender.send(m, f);
            thermalFrames.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            // a failed capture must not end the vehicle's stream
            LOG.warn("thermal capture failed: {}", e.getMessage());
        }
    }

    private void captureRgb() {
        try {
            FrameMetadata m = sample(rgbCamera.camera().id(), rgbFrames.get());
            if (m == null) {
                return;
            }
            BufferedImage img = rgbCamera.render(m.pose(), m.gimbal(), m.sequence());
            rgbSender.send(m, img);
            rgbFrames.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            LOG.warn("RGB capture failed: {}", e.getMessage());
        }
    }

    public long thermalFramesSent() {
        return thermalFrames.get();
    }

    public long rgbFramesSent() {
        return rgbFrames.get();
    }

    @Override
    public void close() throws IOException {
        clock.shutdownNow();
        try {
            clock.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thermalSender != null) {
            thermalSender.close();
        }
        if (rgbSender != null) {
            rgbSender.close();
        }
    }
}
