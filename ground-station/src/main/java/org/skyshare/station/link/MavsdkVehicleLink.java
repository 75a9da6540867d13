package org.skyshare.station.link;

import io.mavsdk.System;
import io.mavsdk.telemetry.Telemetry;
import io.reactivex.Completable;
import io.reactivex.Single;
import io.reactivex.disposables.CompositeDisposable;
import org.skyshare.planner.mission.MissionItem;
import org.skyshare.sim.mavlink.ParseStats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * {@link VehicleLink} through MAVSDK-Java: one {@code mavsdk_server} per drone (as MAVSDK expects),
 * either already running (connect to its gRPC port) or started here from a configured path. MAVSDK
 * owns the MAVLink side (its own mission protocol, retries, and signing if configured there), so
 * {@link LinkHealth#parse()} and frame loss are not available and read as zero.
 *
 * <p>MAVSDK-Java 1.3.1 leaves a non-daemon {@code mavsdk-event-queue} thread after {@link #close()};
 * a command-line tool using this link must end with {@code System.exit}.
 */
public final class MavsdkVehicleLink implements VehicleLink {
    private final System drone;
    private final String address;
    private final int systemId;
    private final Process server;
    private final CompositeDisposable subscriptions = new CompositeDisposable();
    private final List<Consumer<LinkStatus>> statusListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<StatusText>> textListeners = new CopyOnWriteArrayList<>();
    private final List<IntConsumer> reachedListeners = new CopyOnWriteArrayList<>();
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final AtomicInteger connects = new AtomicInteger();

    private volatile LinkStatus status = LinkStatus.CONNECTING;
    private volatile long lastUpdateNs;
    private volatile Position position;
    private volatile Attitude attitude;
    private volatile VelocityNed velocity;
    private volatile BatteryState battery;
    private volatile GpsInfo gps;
    private volatile FlightMode flightMode = FlightMode.UNKNOWN;
    private volatile boolean armed;
    private volatile LandedState landedState = LandedState.UNKNOWN;
    private volatile Home home;
    private volatile int current;
    private volatile int total;
    private volatile int lastReached = -1;
    private volatile StatusText lastText;

    private MavsdkVehicleLink(String host, int grpcPort, int systemId, Process server) {
        this.drone = new System(host, grpcPort);
        this.address = "mavsdk://" + host + ":" + grpcPort;
        this.systemId = systemId;
        this.server = server;
        subscribe();
    }

    /** Connects to a mavsdk_server already running on host:grpcPort and serving the drone with this system id. */
    public static MavsdkVehicleLink connect(String host, int grpcPort, int systemId) {
        return new MavsdkVehicleLink(host, grpcPort, systemId, null);
    }

    /**
     * Starts {@code mavsdk_server} (path from the station config) for one drone, e.g. connection
     * {@code udp://:14541}, gRPC on {@code grpcPort}, and connects to it.
     */
    public static MavsdkVehicleLink startServer(Path mavsdkServer, String connectionUrl, int grpcPort, int systemId) throws IOException {
        if (!Files.isExecutable(mavsdkServer)) {
            throw new IOException("mavsdk_server not found or not executable at " + mavsdkServer
                    + " (see docs/link.md for where to get it)");
        }
        Process p = new ProcessBuilder(mavsdkServer.toString(), "-p", Integer.toString(grpcPort), connectionUrl)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return new MavsdkVehicleLink("127.0.0.1", grpcPort, systemId, p);
    }

    private void count(String name) {
        counts.computeIfAbsent(name, k -> new LongAdder()).increment();
        lastUpdateNs = java.lang.System.nanoTime();
    }

    private void subscribe() {
        Telemetry t = drone.getTelemetry();
        Consumer<Throwable> ignore = e -> {
            // a broken stream shows as a lost connection through Core's connection state
        };
        subscriptions.add(drone.getCore().getConnectionState().subscribe(c -> {
            LinkStatus s = Boolean.TRUE.equals(c.getIsConnected()) ? LinkStatus.CONNECTED
                    : status == LinkStatus.CONNECTING ? LinkStatus.CONNECTING : LinkStatus.LOST;
            if (s == LinkStatus.CONNECTED && status != LinkStatus.CONNECTED) {
                connects.incrementAndGet();
            }
            setStatus(s);
        }, ignore::accept));
        subscriptions.add(t.getPosition().subscribe(p -> {
            position = MavsdkMapping.position(p);
            count("POSITION");
        }, ignore::accept));
        subscriptions.add(t.getAttitudeEuler().subscribe(a -> {
            attitude = MavsdkMapping.attitude(a);
            count("ATTITUDE");
        }, ignore::accept));
        subscriptions.add(t.getVelocityNed().subscribe(v -> {
            velocity = new VelocityNed(v.getNorthMS(), v.getEastMS(), v.getDownMS());
            count("VELOCITY_NED");
        }, ignore::accept));
        subscriptions.add(t.getBattery().subscribe(b -> {
            battery = MavsdkMapping.battery(b);
            count("BATTERY");
        }, ignore::accept));
        subscriptions.add(t.getGpsInfo().subscribe(g -> {
            gps = MavsdkMapping.gps(g);
            count("GPS_INFO");
        }, ignore::accept));
        subscriptions.add(t.getFlightMode().subscribe(m -> {
            flightMode = MavsdkMapping.flightMode(m);
            count("FLIGHT_MODE");
        }, ignore::accept));
        subscriptions.add(t.getArmed().subscribe(a -> {
            armed = a;
            count("ARMED");
        }, ignore::accept));
        subscriptions.add(t.getLandedState().subscribe(l -> {
            landedState = MavsdkMapping.landedState(l);
            count("LANDED_STATE");
        }, ignore::accept));
        subscriptions.add(t.getHome().subscribe(h -> {
            home = new Home(h.getLatitudeDeg(), h.getLongitudeDeg(), h.getAbsoluteAltitudeM());
            count("HOME");
        }, ignore::accept));
        subscriptions.add(t.getStatusText().subscribe(s -> {
            StatusText st = new StatusText(MavsdkMapping.severity(s.getType()), s.getText());
            lastText = st;
            textListeners.forEach(l -> l.accept(st));
            count("STATUS_TEXT");
        }, ignore::accept));
        subscriptions.add(drone.getMissionRaw().getMissionProgress().subscribe(p -> {
            current = p.getCurrent();
            total = p.getTotal();
            // MAVSDK reports progress, not MISSION_ITEM_REACHED: the item before the current one is done
            int reached = p.getCurrent() >= p.getTotal() && p.getTotal() > 0 ? p.getTotal() - 1 : p.getCurrent() - 1;
            if (reached > lastReached) {
                lastReached = reached;
                reachedListeners.forEach(l -> l.accept(reached));
            }
            count("MISSION_PROGRESS");
        }, ignore::accept));
    }

    private synchronized void setStatus(LinkStatus s) {
        if (status == s || status == LinkStatus.CLOSED) {
            return;
        }
        status = s;
        statusListeners.forEach(l -> l.accept(s));
    }

    static CompletableFuture<Void> future(Completable c, String what) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        c.subscribe(() -> f.complete(null), e -> f.completeExceptionally(new LinkException(what + " failed through MAVSDK: " + e.getMessage(), e)));
        return f;
    }

    static <T> CompletableFuture<T> future(Single<T> s, String what) {
        CompletableFuture<T> f = new CompletableFuture<>();
        s.subscribe(f::complete, e -> f.completeExceptionally(new LinkException(what + " failed through MAVSDK: " + e.getMessage(), e)));
        return f;
    }

    @Override
    public int systemId() {
        return systemId;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public LinkHealth health() {
        long since = lastUpdateNs == 0 ? -1 : (java.lang.System.nanoTime() - lastUpdateNs) / 1_000_000;
        long total = counts.values().stream().mapToLong(LongAdder::sum).sum();
        return new LinkHealth(status, since, total, 0, ParseStats.ZERO, connects.get(), LinkRefusals.NONE);
    }

    @Override
    public void onStatus(Consumer<LinkStatus> listener) {
        statusListeners.add(listener);
    }

    @Override
    public TelemetryPlugin telemetry() {
        return new TelemetryPlugin() {
            @Override
            public TelemetrySnapshot latest() {
                return new TelemetrySnapshot(systemId, position, attitude, velocity, battery, gps, flightMode, armed, landedState,
                        home, new MissionProgress(current, total, lastReached), lastText, 0, java.lang.System.currentTimeMillis());
            }

            @Override
            public void onStatusText(Consumer<StatusText> listener) {
                textListeners.add(listener);
            }

            @Override
            public void onMissionItemReached(IntConsumer listener) {
                reachedListeners.add(listener);
            }

            @Override
            public Map<String, Long> messageCounts() {
                Map<String, Long> out = new TreeMap<>();
                counts.forEach((k, v) -> out.put(k, v.sum()));
                return out;
            }

            @Override
            public long messagesReceived() {
                return counts.values().stream().mapToLong(LongAdder::sum).sum();
            }
        };
    }

    @Override
    public MissionPlugin mission() {
        return new MissionPlugin() {
            @Override
            public CompletableFuture<Void> upload(List<MissionItem> items) {
                return future(drone.getMissionRaw().uploadMission(MavsdkMapping.toRaw(items)), "mission upload")
                        .thenRun(() -> {
                            total = items.size();
                            lastReached = -1;
                        });
            }

            @Override
            public CompletableFuture<List<MissionItem>> download() {
                return future(drone.getMissionRaw().downloadMission(), "mission download").thenApply(raw -> {
                    List<MissionItem> out = new ArrayList<>();
                    raw.forEach(r -> out.add(MavsdkMapping.fromRaw(r)));
                    return out;
                });
            }

            @Override
            public CompletableFuture<Void> clear() {
                return future(drone.getMissionRaw().clearMission(), "mission clear");
            }

            @Override
            public CompletableFuture<Void> setCurrent(int seq) {
                return future(drone.getMissionRaw().setCurrentMissionItem(seq), "set current item")
                        .thenRun(() -> lastReached = seq - 1);
            }

            @Override
            public MissionProgress progress() {
                return new MissionProgress(current, total, lastReached);
            }
        };
    }

    @Override
    public ActionPlugin action() {
        return new ActionPlugin() {
            @Override
            public CompletableFuture<Void> arm() {
                return future(drone.getAction().arm(), "arm");
            }

            @Override
            public CompletableFuture<Void> disarm() {
                return future(drone.getAction().disarm(), "disarm");
            }

            @Override
            public CompletableFuture<Void> takeoff(double altitudeM) {
                return future(drone.getAction().setTakeoffAltitude((float) altitudeM).andThen(drone.getAction().takeoff()), "takeoff");
            }

            @Override
            public CompletableFuture<Void> startMission() {
                return future(drone.getMissionRaw().startMission(), "mission start");
            }

            @Override
            public CompletableFuture<Void> hold() {
                return future(drone.getAction().hold(), "hold");
            }

            @Override
            public CompletableFuture<Void> resume() {
                return future(drone.getMissionRaw().startMission(), "mission resume");
            }

            @Override
            public CompletableFuture<Void> returnToLaunch() {
                return future(drone.getAction().returnToLaunch(), "return to launch");
            }

            @Override
            public CompletableFuture<Void> land() {
                return future(drone.getAction().land(), "land");
            }
        };
    }

    @Override
    public GeofencePlugin geofence() {
        return new GeofencePlugin() {
            @Override
            public CompletableFuture<Void> upload(List<FenceZone> zones) {
                return future(drone.getGeofence().uploadGeofence(MavsdkMapping.polygons(zones)), "geofence upload");
            }

            @Override
            public CompletableFuture<Void> clear() {
                return future(drone.getGeofence().clearGeofence(), "geofence clear");
            }
        };
    }

    @Override
    public ParamsPlugin params() {
        return new ParamsPlugin() {
            @Override
            public CompletableFuture<Float> get(String name) {
                return future(drone.getParam().getParamFloat(name), "reading parameter " + name);
            }

            @Override
            public CompletableFuture<Void> set(String name, float value) {
                return future(drone.getParam().setParamFloat(name, value), "setting parameter " + name);
            }
        };
    }

    @Override
    public void close() {
        subscriptions.dispose();
        drone.dispose();
        if (server != null) {
            server.destroy();
            try {
                if (!server.waitFor(3, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.destroyForcibly();
            }
        }
        setStatus(LinkStatus.CLOSED);
    }
}
