package org.skyshare.sim.vehicle;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Several simulated docked vehicles, each on its own UDP port (and TCP on the same number), ticked
 * by one shared scheduler so twenty vehicles cost two threads of physics, not twenty.
 */
public final class SimFleet implements AutoCloseable {
    /** The three docks of the Jingshan sample area (lat, lon); more vehicles get neighbouring pads. */
    private static final double[][] JINGSHAN_DOCKS = {
        {30.3660605, 119.7550211},
        {30.4111106, 119.7868095},
        {30.4455353, 119.8272495},
    };
    public static final double JINGSHAN_GROUND_AMSL_M = 20;

    private final List<SimVehicle> vehicles;
    private final ScheduledExecutorService scheduler;

    private SimFleet(List<SimVehicle> vehicles, ScheduledExecutorService scheduler) {
        this.vehicles = Collections.unmodifiableList(vehicles);
        this.scheduler = scheduler;
    }

    /**
     * Starts one vehicle per config.
     *
     * @param basePort first UDP port; vehicle i gets basePort + i. 0 lets the system pick free ports.
     */
    public static SimFleet start(List<VehicleConfig> configs, InetAddress bindAddress, int basePort) throws IOException {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "sim-fleet-tick");
            t.setDaemon(true);
            return t;
        });
        List<SimVehicle> started = new ArrayList<>();
        try {
            for (int i = 0; i < configs.size(); i++) {
                SimVehicle v = new SimVehicle(configs.get(i));
                int port = basePort == 0 ? 0 : basePort + i;
                try {
                    v.start(bindAddress, port, scheduler);
                } catch (IOException e) {
                    throw new IOException("cannot open UDP port " + port + " for simulated vehicle "
                            + configs.get(i).systemId() + ": " + e.getMessage(), e);
                }
                started.add(v);
            }
        } catch (IOException | RuntimeException e) {
            started.forEach(SimVehicle::close);
            scheduler.shutdownNow();
            throw e;
        }
        return new SimFleet(started, scheduler);
    }

    /**
     * Configs for n vehicles with system ids 1..n at the Jingshan docks: vehicle i at dock i mod 3,
     * further vehicles on pads 15 m apart east of it.
     */
    public static List<VehicleConfig> jingshanConfigs(int n, VehicleConfig template) {
        List<VehicleConfig> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] dock = JINGSHAN_DOCKS[i % JINGSHAN_DOCKS.length];
            int pad = i / JINGSHAN_DOCKS.length;
            double lon = dock[1] + pad * 15 / (111_320.0 * Math.cos(Math.toRadians(dock[0])));
            out.add(template.withSystemId(i + 1).withHome(dock[0], lon));
        }
        return out;
    }

    public List<SimVehicle> vehicles() {
        return vehicles;
    }

    public SimVehicle bySystemId(int systemId) {
        for (SimVehicle v : vehicles) {
            if (v.systemId() == systemId) {
                return v;
            }
        }
        throw new IllegalArgumentException("no simulated vehicle with system id " + systemId);
    }

    @Override
    public void close() {
        vehicles.forEach(SimVehicle::close);
        scheduler.shutdownNow();
    }
}
