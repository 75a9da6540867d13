package org.skyshare.sim.stream;

import org.skyshare.vision.frame.FrameSenders;
import org.skyshare.profiles.CameraProfile;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.sim.vehicle.VehicleStateSource;
import org.skyshare.sim.world.World;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The cameras of a simulated fleet, on the port plan the station's {@link SimFrameSource} expects:
 * every vehicle's radiometric frames go to one thermal port; vehicle {@code i} (0-based, in the
 * order given) sends RGB video to {@code rgbBasePort + 2i} and its metadata to
 * {@code rgbBasePort + 2i + 1}.
 */
public final class SimCameras implements AutoCloseable {
    public static final int DEFAULT_THERMAL_PORT = 5600;
    public static final int DEFAULT_RGB_BASE_PORT = 5610;

    /** Port plan and rates; rgbRateHz 0 turns RGB off. */
    public record Plan(InetAddress station, int thermalPort, int rgbBasePort, double thermalRateHz, double rgbRateHz) {
        public static Plan defaults(InetAddress station) {
            return new Plan(station, DEFAULT_THERMAL_PORT, DEFAULT_RGB_BASE_PORT, 2, 2);
        }

        public int rgbVideoPort(int index) {
            return rgbBasePort + 2 * index;
        }

        public int rgbMetadataPort(int index) {
            return rgbBasePort + 2 * index + 1;
        }
    }

    private final List<CameraStreamer> streamers;

    private SimCameras(List<CameraStreamer> streamers) {
        this.streamers = streamers;
    }

    /** Starts one streamer per vehicle with the sim-quad payload (sim-thermal, sim-rgb). */
    public static SimCameras start(World world, List<? extends VehicleStateSource> vehicles, Plan plan) throws IOException {
        ProfileCatalog catalog = ProfileCatalog.builtIn();
        return start(world, vehicles, plan, catalog.camera("sim-thermal"), catalog.camera("sim-rgb"));
    }

    public static SimCameras start(World world, List<? extends VehicleStateSource> vehicles, Plan plan,
                                   CameraProfile thermal, CameraProfile rgb) throws IOException {
        List<CameraStreamer> started = new ArrayList<>();
        try {
            for (int i = 0; i < vehicles.size(); i++) {
                boolean withRgb = plan.rgbRateHz() > 0;
                CameraStreamer.Targets t = new CameraStreamer.Targets(
                        new InetSocketAddress(plan.station(), plan.thermalPort()),
                        withRgb ? new InetSocketAddress(plan.station(), plan.rgbVideoPort(i)) : null,
                        withRgb ? new InetSocketAddress(plan.station(), plan.rgbMetadataPort(i)) : null,
                        plan.thermalRateHz(), withRgb ? plan.rgbRateHz() : 1);
                started.add(new CameraStreamer(world, vehicles.get(i), thermal, rgb, t));
            }
        } catch (IOException | RuntimeException e) {
            for (CameraStreamer s : started) {
                s.close();
            }
            throw e;
        }
        return new SimCameras(started);
    }

    /** The station's side of the same plan: one frame source for all vehicles' cameras. */
    public static SimFrameSource receiver(Plan plan, int vehicleCount, int queueFrames) {
        // the simulated cameras send from this machine: listen on the plan's address, take only local senders
        SimFrameSource source = new SimFrameSource(new InetSocketAddress(plan.station(), plan.thermalPort()), queueFrames,
                plan.station().isLoopbackAddress() ? FrameSenders.any() : FrameSenders.from(java.util.Set.of(plan.station())));
        if (plan.rgbRateHz() > 0) {
            for (int i = 0; i < vehicleCount; i++) {
                source.addRgbStream(plan.rgbVideoPort(i), plan.rgbMetadataPort(i), plan.rgbRateHz());
            }
        }
        return source;
    }

    public List<CameraStreamer> streamers() {
        return streamers;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (CameraStreamer s : streamers) {
            try {
                s.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
