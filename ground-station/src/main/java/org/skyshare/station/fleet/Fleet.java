package org.skyshare.station.fleet;

import org.skyshare.station.link.LinkConfig;
import org.skyshare.station.link.MavlinkVehicleLink;
import org.skyshare.station.link.VehicleLink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The station's docks and drones, many at once, each drone with its own system id and link. A
 * single timer advances every drone's state machine ten times a second; events (state changes,
 * link lost/restored, status texts, failed steps) go to the listeners the console and the
 * scheduler register.
 */
public final class Fleet implements AutoCloseable {
    private final Map<String, Dock> docks = new ConcurrentHashMap<>();
    private final Map<Integer, Drone> drones = new ConcurrentHashMap<>();
    private final List<Consumer<DroneEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fleet-monitor");
        t.setDaemon(true);
        return t;
    });

    public Fleet() {
        timer.scheduleAtFixedRate(this::updateAll, 100, 100, TimeUnit.MILLISECONDS);
    }

    public Dock addDock(Dock dock) {
        if (docks.putIfAbsent(dock.id(), dock) != null) {
            throw new IllegalArgumentException("dock " + dock.id() + " is already in the fleet");
        }
        return dock;
    }

    /** Connects to a vehicle with a known system id and puts it in the dock. */
    public Drone addDrone(LinkConfig config, String dockId) throws IOException {
        if (config.systemId() == 0) {
            throw new IllegalArgumentException("a fleet drone needs its system id in the link config (" + config.uri() + ")");
        }
        return addDrone(MavlinkVehicleLink.connect(config), dockId);
    }

    /** Adds a drone over any link (MAVLink directly or MAVSDK). */
    public Drone addDrone(VehicleLink link, String dockId) {
        Dock dock = docks.get(dockId);
        if (dock == null) {
            link.close();
            throw new IllegalArgumentException("no dock " + dockId + " in the fleet; known: " + docks.keySet());
        }
        Drone d = new Drone(link, dock, this::publish);
        if (drones.putIfAbsent(link.systemId(), d) != null) {
            link.close();
            throw new IllegalArgumentException("system id " + link.systemId() + " is already used by another drone");
        }
        return d;
    }

    public Drone drone(int systemId) {
        Drone d = drones.get(systemId);
        if (d == null) {
            throw new IllegalArgumentException("no drone with system id " + systemId);
        }
        return d;
    }

    public Collection<Drone> drones() {
        return List.copyOf(drones.values());
    }

    public Collection<Dock> docks() {
        return List.copyOf(docks.values());
    }

    public List<DroneSnapshot> snapshot() {
        List<DroneSnapshot> out = new ArrayList<>();
        drones.values().forEach(d -> out.add(d.snapshot()));
        out.sort((a, b) -> Integer.compare(a.systemId(), b.systemId()));
        return out;
    }

    public void onEvent(Consumer<DroneEvent> listener) {
        listeners.add(listener);
    }

    private void publish(DroneEvent e) {
        for (Consumer<DroneEvent> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException ex) {
                // a listener's bug must not stop the fleet
            }
        }
    }

    private void updateAll() {
        for (Drone d : drones.values()) {
            try {
                d.update();
            } catch (RuntimeException e) {
                publish(new DroneEvent(d.systemId(), DroneEvent.Kind.ERROR, d.state(), "state update failed: " + e));
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        drones.values().forEach(d -> d.link().close());
    }
}
