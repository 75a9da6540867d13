package org.skyshare.station.link;

import io.dronefleet.mavlink.common.Attitude;
import io.dronefleet.mavlink.common.BatteryStatus;
import io.dronefleet.mavlink.common.CommandAck;
import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.ExtendedSysState;
import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.common.GpsRawInt;
import io.dronefleet.mavlink.common.HomePosition;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavParamType;
import io.dronefleet.mavlink.common.MavResult;
import io.dronefleet.mavlink.common.MissionAck;
import io.dronefleet.mavlink.common.MissionCount;
import io.dronefleet.mavlink.common.MissionCurrent;
import io.dronefleet.mavlink.common.MissionItemInt;
import io.dronefleet.mavlink.common.MissionItemReached;
import io.dronefleet.mavlink.common.MissionRequest;
import io.dronefleet.mavlink.common.MissionRequestInt;
import io.dronefleet.mavlink.common.ParamRequestRead;
import io.dronefleet.mavlink.common.ParamSet;
import io.dronefleet.mavlink.common.ParamValue;
import io.dronefleet.mavlink.common.Statustext;
import io.dronefleet.mavlink.common.SysStatus;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavState;
import io.dronefleet.mavlink.minimal.MavType;
import io.dronefleet.mavlink.util.EnumValue;
import org.skyshare.planner.mission.MissionItem;
import org.skyshare.sim.mavlink.MavlinkCodec;
import org.skyshare.sim.mavlink.MavlinkFrame;
import org.skyshare.sim.mavlink.MavlinkFrameParser;
import org.skyshare.sim.mavlink.MavlinkSigning;
import org.skyshare.sim.mavlink.MissionItems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * {@link VehicleLink} over MAVLink 2, directly on a UDP or TCP socket. One reader thread decodes
 * and dispatches (telemetry into volatile snapshots, protocol replies into per-transaction
 * channels); mission transactions and commands/parameters each run on their own single thread, so
 * a slow upload never delays an RTL. A shared timer sends the station heartbeat (1 Hz) and watches
 * the vehicle's.
 */
public final class MavlinkVehicleLink implements VehicleLink {
    private static final int STATION_COMPONENT = 190; // MAV_COMP_ID_MISSIONPLANNER
    /** The flight controller's component (MAV_COMP_ID_AUTOPILOT1): the only one whose frames change the drone's state. */
    static final int AUTOPILOT_COMPONENT = 1;
    private static final Logger LOG = LoggerFactory.getLogger(MavlinkVehicleLink.class);
    private static final long REFUSAL_LOG_INTERVAL_NS = 10_000_000_000L;
    private static final ScheduledExecutorService TIMERS = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "link-timers");
        t.setDaemon(true);
        return t;
    });

    private final LinkConfig cfg;
    private final MavlinkTransport transport;
    private final MavlinkCodec codec;
    private final MavlinkFrameParser parser;
    private final ProtocolChannel missionChannel;
    private final ProtocolChannel commandChannel;
    private final ProtocolChannel paramChannel;
    private final MissionProtocolClient missionClient;
    private final ExecutorService missionExecutor;
    private final ExecutorService commandExecutor;
    private final ScheduledFuture<?> heartbeatTask;
    private final ScheduledFuture<?> healthTask;

    private volatile int vehicleSystemId;
    private volatile LinkStatus status = LinkStatus.CONNECTING;
    private volatile long lastHeartbeatNs;
    private final AtomicInteger connects = new AtomicInteger();
    private final List<Consumer<LinkStatus>> statusListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<StatusText>> textListeners = new CopyOnWriteArrayList<>();
    private final List<IntConsumer> reachedListeners = new CopyOnWriteArrayList<>();

    // telemetry, written by the reader thread only
    private volatile Position position;
    private volatile org.skyshare.station.link.Attitude attitude;
    private volatile VelocityNed velocity;
    private volatile BatteryState battery;
    private volatile GpsInfo gps;
    private volatile FlightMode flightMode = FlightMode.UNKNOWN;
    private volatile boolean armed;
    private volatile LandedState landedState = LandedState.UNKNOWN;
    private volatile Home home;
    private volatile int missionCurrent;
    private volatile int missionTotal;
    private volatile int lastReached = -1;
    private volatile StatusText lastText;
    private volatile int systemStatus;
    private volatile long receivedAtMs;

    private final Map<Class<?>, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder received = new LongAdder();
    private final int[] lastSeq = new int[256];
    private volatile long framesLost;
    private final LongAdder foreignSystem = new LongAdder();
    private final LongAdder foreignComponent = new LongAdder();
    private volatile long lastRefusalLogNs = System.nanoTime() - REFUSAL_LOG_INTERVAL_NS;
    private long lastUnauthenticatedLogged; // timer thread only

    private final Telemetry telemetry = new Telemetry();
    private final Mission mission = new Mission();
    private final Action action = new Action();
    private final Geofence geofence = new Geofence();
    private final Params params = new Params();

    /** Chosen from the first heartbeat's autopilot field; PX4 behaviour until then. */
    private volatile AutopilotDialect dialect = AutopilotDialect.forAutopilot(Autopilot.UNKNOWN);
    private volatile ActionPlugin dialectActions = dialect.actions(this::command, () -> home);
    private final TelemetryRequests telemetryRequests = new TelemetryRequests(this::send, () -> vehicleSystemId);
    private final ScheduledFuture<?> telemetryTask;
    private volatile long lastExtendedSysStateNs;

    private MavlinkVehicleLink(LinkConfig cfg, MavlinkTransport transport) {
        this.cfg = cfg;
        this.transport = transport;
        this.vehicleSystemId = cfg.systemId();
        this.codec = new MavlinkCodec(cfg.stationSystemId(), STATION_COMPONENT, cfg.signing());
        this.parser = new MavlinkFrameParser(cfg.signing());
        this.missionChannel = new ProtocolChannel(this::send);
        this.commandChannel = new ProtocolChannel(this::send);
        this.paramChannel = new ProtocolChannel(this::send);
        this.missionClient = new MissionProtocolClient(missionChannel, () -> vehicleSystemId,
                cfg.itemTimeout().toNanos(), cfg.retries());
        java.util.Arrays.fill(lastSeq, -1);
        String name = "link-" + cfg.uri().getPort();
        this.missionExecutor = Executors.newSingleThreadExecutor(daemon(name + "-mission"));
        this.commandExecutor = Executors.newSingleThreadExecutor(daemon(name + "-command"));
        transport.start(this::onBytes);
        this.heartbeatTask = TIMERS.scheduleAtFixedRate(this::sendHeartbeat, 0, 1, TimeUnit.SECONDS);
        this.healthTask = TIMERS.scheduleAtFixedRate(this::checkHealth, 100, 100, TimeUnit.MILLISECONDS);
        this.telemetryTask = TIMERS.scheduleAtFixedRate(this::requestTelemetry, 500, 1000, TimeUnit.MILLISECONDS);
        parser.onUnknownFrame(this::countSequence);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Opens the socket and starts talking; returns at once (status CONNECTING until the first heartbeat). */
    public static MavlinkVehicleLink connect(LinkConfig cfg) throws IOException {
        String host = cfg.uri().getHost();
        int port = cfg.uri().getPort();
        // before the first signed frame: resume above every timestamp signed before a restart
        SigningTimestampFile timestamps = cfg.signingTimestamps() == null ? null
                : SigningTimestampFile.open(cfg.signingTimestamps(), cfg.signing());
        try {
            MavlinkTransport t = cfg.uri().getScheme().equals("udp") ? new UdpTransport(host, port) : new TcpTransport(host, port);
            MavlinkVehicleLink link = new MavlinkVehicleLink(cfg, t);
            link.signingTimestamps = timestamps;
            return link;
        } catch (IOException | RuntimeException e) {
            if (timestamps != null) {
                timestamps.close();
            }
            throw e;
        }
    }

    private volatile SigningTimestampFile signingTimestamps;

    // ---- VehicleLink ------------------------------------------------------------------------

    @Override
    public int systemId() {
        return vehicleSystemId;
    }

    @Override
    public String address() {
        return cfg.uri().toString();
    }

    /** The firmware, known from the first heartbeat. */
    @Override
    public Autopilot autopilot() {
        return dialect.autopilot();
    }

    @Override
    public LinkHealth health() {
        long since = lastHeartbeatNs == 0 ? -1 : (System.nanoTime() - lastHeartbeatNs) / 1_000_000;
        return new LinkHealth(status, since, received.sum(), framesLost, parser.stats(), connects.get(),
                new LinkRefusals(transport.foreignDatagrams(), foreignSystem.sum(), foreignComponent.sum()));
    }

    @Override
    public void onStatus(Consumer<LinkStatus> listener) {
        statusListeners.add(listener);
    }

    @Override
    public TelemetryPlugin telemetry() {
        return telemetry;
    }

    @Override
    public MissionPlugin mission() {
        return mission;
    }

    @Override
    public ActionPlugin action() {
        return action;
    }

    @Override
    public GeofencePlugin geofence() {
        return geofence;
    }

    @Override
    public ParamsPlugin params() {
        return params;
    }

    @Override
    public void close() {
        if (status == LinkStatus.CLOSED) {
            return;
        }
        heartbeatTask.cancel(false);
        healthTask.cancel(false);
        telemetryTask.cancel(false);
        missionExecutor.shutdownNow();
        commandExecutor.shutdownNow();
        transport.close();
        if (signingTimestamps != null) {
            try {
                signingTimestamps.close();
            } catch (IOException e) {
                LOG.warn("link {}: cannot save the MAVLink signing timestamp: {}", address(), e.getMessage());
            }
        }
        setStatus(LinkStatus.CLOSED);
    }

    /**
     * Gives the vehicle a MAVLink 2 signing key (SETUP_SIGNING, sent three times since the protocol
     * has no answer; ArduPilot stores the key and signs from then on, and refuses it while armed).
     * Connect a link with the same key to confirm. Send it only over a trusted link: the key travels in clear.
     */
    public void provisionSigningKey(MavlinkSigning key) {
        requireVehicle();
        for (int i = 0; i < 3; i++) {
            send(key.setupMessage(vehicleSystemId, AUTOPILOT_COMPONENT));
        }
    }

    // ---- sending ----------------------------------------------------------------------------

    private void send(Object message) {
        try {
            transport.send(codec.encode(message));
        } catch (IOException e) {
            // a dead socket shows as a lost link; the transaction's timeout reports it
        }
    }

    private void sendHeartbeat() {
        send(Heartbeat.builder().type(MavType.MAV_TYPE_GCS).autopilot(MavAutopilot.MAV_AUTOPILOT_INVALID)
                .systemStatus(MavState.MAV_STATE_ACTIVE).mavlinkVersion(3).build());
    }

    // ---- receiving --------------------------------------------------------------------------

    private void onBytes(byte[] buf, int off, int len) {
        if (transport.datagrams()) {
            parser.acceptDatagram(buf, off, len, this::onFrame);
        } else {
            parser.acceptStream(buf, off, len, this::onFrame);
        }
    }

    private void onFrame(MavlinkFrame f) {
        Object p = f.payload();
        if (vehicleSystemId == 0) {
            if (p instanceof Heartbeat hb && hb.type().entry() != MavType.MAV_TYPE_GCS) {
                vehicleSystemId = f.systemId();
            } else {
                return;
            }
        }
        if (f.systemId() != vehicleSystemId) {
            // another system on the link (a spoofer, or a second station an autopilot routes to us)
            foreignSystem.increment();
            if (refusalLogDue()) {
                logRefusal("system id " + f.systemId() + " (expected " + vehicleSystemId + ")");
            }
            return;
        }
        if (f.componentId() != AUTOPILOT_COMPONENT) {
            foreignComponent.increment();
            if (refusalLogDue()) {
                logRefusal("component id " + f.componentId() + " of system " + f.systemId() + " (only the autopilot, 1, is trusted)");
            }
            return;
        }
        received.increment();
        counts.computeIfAbsent(p.getClass(), k -> new LongAdder()).increment();
        countSequence(f.systemId(), f.componentId(), f.sequence(), f.messageId());
        telemetryRequests.received(f.messageId());
        receivedAtMs = System.currentTimeMillis();

        if (p instanceof Heartbeat hb) {
            onHeartbeat(hb);
        } else if (p instanceof GlobalPositionInt g) {
            // ArduPilot reports 0, 0 until its estimator has an origin: that is "no position yet", not the Gulf of Guinea
            if (g.lat() != 0 || g.lon() != 0) {
                position = new Position(g.lat() / 1e7, g.lon() / 1e7, g.alt() / 1000.0, g.relativeAlt() / 1000.0);
                velocity = new VelocityNed(g.vx() / 100.0, g.vy() / 100.0, g.vz() / 100.0);
            }
        } else if (p instanceof Attitude a) {
            double yaw = Math.toDegrees(a.yaw());
            attitude = new org.skyshare.station.link.Attitude(Math.toDegrees(a.roll()), Math.toDegrees(a.pitch()),
                    yaw < 0 ? yaw + 360 : yaw);
        } else if (p instanceof GpsRawInt g) {
            gps = new GpsInfo(g.fixType().value(), g.satellitesVisible());
        } else if (p instanceof SysStatus s) {
            battery = new BatteryState(s.batteryRemaining(), s.voltageBattery() / 1000.0);
        } else if (p instanceof BatteryStatus b) {
            double v = b.voltages().isEmpty() || b.voltages().get(0) == 65535 ? 0 : b.voltages().get(0) / 1000.0;
            battery = new BatteryState(b.batteryRemaining(), v);
        } else if (p instanceof ExtendedSysState e) {
            lastExtendedSysStateNs = System.nanoTime();
            landedState = switch (e.landedState().value()) {
                case 1 -> LandedState.ON_GROUND;
                case 2 -> LandedState.IN_AIR;
                case 3 -> LandedState.TAKING_OFF;
                case 4 -> LandedState.LANDING;
                default -> LandedState.UNKNOWN;
            };
        } else if (p instanceof HomePosition h && (h.latitude() != 0 || h.longitude() != 0)) {
            home = new Home(h.latitude() / 1e7, h.longitude() / 1e7, h.altitude() / 1000.0);
        } else if (p instanceof MissionCurrent c) {
            int reserved = dialect.reservedMissionSlots();
            missionCurrent = Math.max(0, c.seq() - reserved);
            if (c.total() > 0 || c.missionState() != null && c.missionState().value() == 1) {
                missionTotal = Math.max(0, c.total() - reserved);
            }
            missionChannel.offer(f);
        } else if (p instanceof MissionItemReached r) {
            int seq = r.seq() - dialect.reservedMissionSlots();
            if (seq < 0) {
                return; // ArduPilot's home slot
            }
            lastReached = Math.max(lastReached, seq);
            for (IntConsumer l : reachedListeners) {
                l.accept(seq);
            }
        } else if (p instanceof Statustext t) {
            StatusText st = new StatusText(t.severity().value(), t.text());
            lastText = st;
            for (Consumer<StatusText> l : textListeners) {
                l.accept(st);
            }
        } else if (p instanceof MissionRequestInt || p instanceof MissionRequest || p instanceof MissionAck
                || p instanceof MissionCount || p instanceof MissionItemInt) {
            missionChannel.offer(f);
        } else if (p instanceof CommandAck) {
            commandChannel.offer(f);
        } else if (p instanceof ParamValue) {
            paramChannel.offer(f);
        }
    }

    private void onHeartbeat(Heartbeat hb) {
        if (hb.type().entry() == MavType.MAV_TYPE_GCS) {
            return;
        }
        lastHeartbeatNs = System.nanoTime();
        Autopilot ap = Autopilot.fromHeartbeat(hb.autopilot().value());
        if (ap != dialect.autopilot()) {
            dialect = AutopilotDialect.forAutopilot(ap);
            dialectActions = dialect.actions(this::command, () -> home);
        }
        int base = hb.baseMode().value();
        armed = (base & 128) != 0;
        flightMode = FlightMode.fromHeartbeat(hb.autopilot().value(), base, hb.customMode());
        dialect.shownMode(flightMode);
        systemStatus = hb.systemStatus().value();
        if (status == LinkStatus.CONNECTING || status == LinkStatus.LOST) {
            connects.incrementAndGet();
            telemetryRequests.reset();
            setStatus(LinkStatus.CONNECTED);
        }
    }

    /** A refusal is always counted; it is logged at most once per 10 s per link so a flood cannot flood the log. */
    private boolean refusalLogDue() {
        return System.nanoTime() - lastRefusalLogNs >= REFUSAL_LOG_INTERVAL_NS;
    }

    private void logRefusal(String from) {
        lastRefusalLogNs = System.nanoTime();
        LOG.warn("link {}: ignored a MAVLink frame from {}; counted in the link health ({} so far)", address(),
                from, foreignSystem.sum() + foreignComponent.sum());
    }

    /** Unsigned, wrongly signed or replayed frames and datagrams from strangers: said at most once per 10 s. */
    private void logUnauthenticated() {
        org.skyshare.sim.mavlink.ParseStats st = parser.stats();
        long foreignAddress = transport.foreignDatagrams();
        long total = st.unsigned() + st.badSignature() + st.replayed() + foreignAddress;
        long now = System.nanoTime();
        if (total > lastUnauthenticatedLogged && now - lastRefusalLogNs >= REFUSAL_LOG_INTERVAL_NS) {
            lastRefusalLogNs = now;
            lastUnauthenticatedLogged = total;
            LOG.warn("link {}: dropped unauthenticated traffic: {} unsigned, {} wrongly signed, {} replayed frames, "
                    + "{} datagrams from other addresses (totals)", address(), st.unsigned(), st.badSignature(), st.replayed(),
                    foreignAddress);
        }
    }

    /** Frames of every dialect count for loss by sequence number, decoded or not (ArduPilot sends many of its own). */
    private void countSequence(int sys, int comp, int seq, int messageId) {
        if (sys != vehicleSystemId) {
            return;
        }
        int prev = lastSeq[comp];
        if (prev >= 0) {
            framesLost += (seq - prev - 1) & 0xff;
        }
        lastSeq[comp] = seq;
    }

    private void requestTelemetry() {
        if (status == LinkStatus.CONNECTED) {
            telemetryRequests.tick(dialect.autopilot());
        }
    }

    /**
     * EXTENDED_SYS_STATE when the firmware sends it; otherwise (some ArduPilot versions, or before it
     * arrives) derived from armed, height above home and vertical speed, so nothing waits for it forever.
     */
    private LandedState currentLandedState() {
        if (lastExtendedSysStateNs != 0 && System.nanoTime() - lastExtendedSysStateNs < 3_000_000_000L) {
            return landedState;
        }
        Position p = position;
        VelocityNed v = velocity;
        if (p == null) {
            return landedState;
        }
        if (!armed) {
            return LandedState.ON_GROUND;
        }
        double climb = v == null ? 0 : -v.downMps();
        if (p.relativeAltitudeM() < 0.5 && Math.abs(climb) < 0.3) {
            return LandedState.ON_GROUND;
        }
        if (climb > 0.3 && p.relativeAltitudeM() < 3) {
            return LandedState.TAKING_OFF;
        }
        if (climb < -0.3 && p.relativeAltitudeM() < 3) {
            return LandedState.LANDING;
        }
        return LandedState.IN_AIR;
    }

    private void checkHealth() {
        logUnauthenticated();
        if (status == LinkStatus.CONNECTED && System.nanoTime() - lastHeartbeatNs > cfg.heartbeatTimeout().toNanos()) {
            setStatus(LinkStatus.LOST);
        }
    }

    private synchronized void setStatus(LinkStatus s) {
        if (status == s || status == LinkStatus.CLOSED) {
            return;
        }
        status = s;
        for (Consumer<LinkStatus> l : statusListeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                // a listener's bug must not stop the link
            }
        }
    }

    // ---- transactions -----------------------------------------------------------------------

    private interface Job<T> {
        T run() throws InterruptedException;
    }

    private <T> CompletableFuture<T> submit(ExecutorService ex, Job<T> job) {
        CompletableFuture<T> future = new CompletableFuture<>();
        try {
            ex.execute(() -> {
                try {
                    future.complete(job.run());
                } catch (LinkException e) {
                    future.completeExceptionally(e);
                } catch (InterruptedException e) {
                    future.completeExceptionally(new LinkException("link to vehicle " + vehicleSystemId + " closed", e));
                } catch (RuntimeException e) {
                    future.completeExceptionally(new LinkException("link to vehicle " + vehicleSystemId + " failed: " + e, e));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            future.completeExceptionally(new LinkException("link to vehicle " + vehicleSystemId + " is closed"));
        }
        return future;
    }

    private void requireVehicle() {
        if (vehicleSystemId == 0) {
            throw new LinkException("no vehicle has been heard on " + address() + " yet");
        }
    }

    CompletableFuture<Void> command(int cmd, String name, float... p) {
        return submit(commandExecutor, () -> {
            requireVehicle();
            float[] a = java.util.Arrays.copyOf(p, 7);
            long timeout = cfg.itemTimeout().toNanos();
            commandChannel.clear();
            for (int attempt = 0; attempt <= cfg.retries(); attempt++) {
                send(CommandLong.builder().targetSystem(vehicleSystemId).targetComponent(1)
                        .command(EnumValue.create(MavCmd.class, cmd)).confirmation(attempt)
                        .param1(a[0]).param2(a[1]).param3(a[2]).param4(a[3]).param5(a[4]).param6(a[5]).param7(a[6]).build());
                long deadline = System.nanoTime() + timeout;
                while (true) {
                    MavlinkFrame f = commandChannel.await(m -> ((CommandAck) m.payload()).command().value() == cmd, deadline);
                    if (f == null) {
                        break;
                    }
                    CommandAck ack = (CommandAck) f.payload();
                    MavResult r = ack.result().entry();
                    if (r == MavResult.MAV_RESULT_ACCEPTED) {
                        return null;
                    }
                    if (r == MavResult.MAV_RESULT_IN_PROGRESS) {
                        deadline = System.nanoTime() + timeout;
                        continue;
                    }
                    throw new LinkException(String.format("vehicle %d refused %s: %s", vehicleSystemId, name,
                            r == null ? "result " + ack.result().value() : r.name()));
                }
            }
            throw new LinkException(String.format("vehicle %d did not acknowledge %s after %d tries of %d ms",
                    vehicleSystemId, name, cfg.retries() + 1, timeout / 1_000_000));
        });
    }

    private final class Telemetry implements TelemetryPlugin {
        @Override
        public TelemetrySnapshot latest() {
            return new TelemetrySnapshot(vehicleSystemId, position, attitude, velocity, battery, gps,
                    dialect.shownMode(flightMode), armed, currentLandedState(), home, mission.progress(), lastText, systemStatus, receivedAtMs);
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
            counts.forEach((k, v) -> out.put(MessageNames.of(k), v.sum()));
            return out;
        }

        @Override
        public long messagesReceived() {
            return received.sum();
        }
    }

    private final class Mission implements MissionPlugin {
        @Override
        public CompletableFuture<Void> upload(List<MissionItem> items) {
            List<MissionItem> copy = List.copyOf(items);
            return submit(missionExecutor, () -> {
                requireVehicle();
                AutopilotDialect d = dialect;
                missionClient.upload(MissionItems.TYPE_MISSION, d.toVehicleMission(copy, home), d.reservedMissionSlots());
                missionTotal = copy.size();
                lastReached = -1;
                return null;
            });
        }

        @Override
        public CompletableFuture<List<MissionItem>> download() {
            return submit(missionExecutor, () -> {
                requireVehicle();
                int reserved = dialect.reservedMissionSlots();
                List<MissionItem> onVehicle = missionClient.download(MissionItems.TYPE_MISSION);
                List<MissionItem> out = new ArrayList<>();
                for (int i = reserved; i < onVehicle.size(); i++) {
                    out.add(onVehicle.get(i).withSeq(i - reserved));
                }
                return out;
            });
        }

        @Override
        public CompletableFuture<Void> clear() {
            return submit(missionExecutor, () -> {
                requireVehicle();
                missionClient.clear(MissionItems.TYPE_MISSION);
                missionTotal = 0;
                lastReached = -1;
                return null;
            });
        }

        @Override
        public CompletableFuture<Void> setCurrent(int seq) {
            return submit(missionExecutor, () -> {
                requireVehicle();
                missionClient.setCurrent(seq + dialect.reservedMissionSlots());
                lastReached = seq - 1;
                return null;
            });
        }

        @Override
        public MissionProgress progress() {
            return new MissionProgress(missionCurrent, missionTotal, lastReached);
        }
    }

    /** Commands go through the firmware's dialect (modes, NaN or 0 for "here", pause inside AUTO). */
    private final class Action implements ActionPlugin {
        @Override
        public CompletableFuture<Void> arm() {
            return dialectActions.arm();
        }

        @Override
        public CompletableFuture<Void> disarm() {
            return dialectActions.disarm();
        }

        @Override
        public CompletableFuture<Void> takeoff(double altitudeM) {
            return dialectActions.takeoff(altitudeM);
        }

        @Override
        public CompletableFuture<Void> startMission() {
            return dialectActions.startMission();
        }

        @Override
        public CompletableFuture<Void> hold() {
            return dialectActions.hold();
        }

        @Override
        public CompletableFuture<Void> resume() {
            return dialectActions.resume();
        }

        @Override
        public CompletableFuture<Void> returnToLaunch() {
            return dialectActions.returnToLaunch();
        }

        @Override
        public CompletableFuture<Void> land() {
            return dialectActions.land();
        }
    }

    private final class Geofence implements GeofencePlugin {
        @Override
        public CompletableFuture<Void> upload(List<FenceZone> zones) {
            List<MissionItem> items = FenceItems.toItems(zones);
            return submit(missionExecutor, () -> {
                requireVehicle();
                missionClient.upload(MissionItems.TYPE_FENCE, items, 0);
                return null;
            }).thenCompose(v -> enforceFence(true));
        }

        @Override
        public CompletableFuture<Void> clear() {
            return submit(missionExecutor, () -> {
                requireVehicle();
                missionClient.clear(MissionItems.TYPE_FENCE);
                return null;
            }).thenCompose(v -> enforceFence(false));
        }

        /** Some firmwares (ArduPilot) keep an uploaded fence switched off until told: FENCE_ENABLE. */
        private CompletableFuture<Void> enforceFence(boolean on) {
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (Map.Entry<String, Float> e : dialect.fenceParameters(on).entrySet()) {
                chain = chain.thenCompose(v -> params.set(e.getKey(), e.getValue()));
            }
            return chain;
        }
    }

    private final class Params implements ParamsPlugin {
        @Override
        public CompletableFuture<Float> get(String name) {
            return submit(commandExecutor, () -> {
                requireVehicle();
                ParamValue v = read(name);
                return ParamEncoding.decode(v.paramValue(), v.paramType().value(), bytewise());
            });
        }

        @Override
        public CompletableFuture<Void> set(String name, float value) {
            return submit(commandExecutor, () -> {
                requireVehicle();
                boolean bytewise = bytewise();
                // PX4 takes a value only in the parameter's own type: ask for it first
                int type = bytewise ? read(name).paramType().value() : ParamEncoding.REAL32;
                paramChannel.clear();
                Object req = ParamSet.builder().targetSystem(vehicleSystemId).targetComponent(1).paramId(name)
                        .paramValue(ParamEncoding.encode(value, type, bytewise))
                        .paramType(EnumValue.create(MavParamType.class, type)).build();
                paramExchange(req, name, v -> Math.abs(ParamEncoding.decode(v.paramValue(), v.paramType().value(), bytewise) - value) < 1e-6);
                return null;
            });
        }

        private boolean bytewise() {
            return dialect.autopilot() == Autopilot.PX4;
        }

        private ParamValue read(String name) throws InterruptedException {
            paramChannel.clear();
            Object req = ParamRequestRead.builder().targetSystem(vehicleSystemId).targetComponent(1).paramId(name)
                    .paramIndex(-1).build();
            return (ParamValue) paramExchange(req, name, null).payload();
        }

        private MavlinkFrame paramExchange(Object request, String name, java.util.function.Predicate<ParamValue> confirms)
                throws InterruptedException {
            long timeout = cfg.itemTimeout().toNanos();
            for (int attempt = 0; attempt <= cfg.retries(); attempt++) {
                send(request);
                MavlinkFrame f = paramChannel.await(m -> {
                    ParamValue v = (ParamValue) m.payload();
                    return v.paramId().equals(name) && (confirms == null || confirms.test(v));
                }, System.nanoTime() + timeout);
                if (f != null) {
                    return f;
                }
            }
            throw new LinkException(String.format("vehicle %d did not %s parameter %s after %d tries of %d ms (does it have one of that name?)",
                    vehicleSystemId, confirms == null ? "report" : "confirm", name, cfg.retries() + 1, timeout / 1_000_000));
        }
    }
}
