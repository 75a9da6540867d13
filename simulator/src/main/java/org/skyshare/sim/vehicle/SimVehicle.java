package org.skyshare.sim.vehicle;

import io.dronefleet.mavlink.common.AutopilotVersion;
import io.dronefleet.mavlink.common.CommandAck;
import io.dronefleet.mavlink.common.CommandInt;
import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavParamType;
import io.dronefleet.mavlink.common.MavProtocolCapability;
import io.dronefleet.mavlink.common.MavResult;
import io.dronefleet.mavlink.common.MavSeverity;
import io.dronefleet.mavlink.common.MissionClearAll;
import io.dronefleet.mavlink.common.MissionCount;
import io.dronefleet.mavlink.common.MissionItemInt;
import io.dronefleet.mavlink.common.MissionItemReached;
import io.dronefleet.mavlink.common.MissionRequest;
import io.dronefleet.mavlink.common.MissionRequestInt;
import io.dronefleet.mavlink.common.MissionRequestList;
import io.dronefleet.mavlink.common.MissionSetCurrent;
import io.dronefleet.mavlink.common.ParamRequestList;
import io.dronefleet.mavlink.common.ParamRequestRead;
import io.dronefleet.mavlink.common.ParamSet;
import io.dronefleet.mavlink.common.ParamValue;
import io.dronefleet.mavlink.common.Statustext;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavType;
import io.dronefleet.mavlink.util.EnumValue;
import org.skyshare.sim.mavlink.MavlinkCodec;
import org.skyshare.sim.mavlink.MavlinkFrame;
import org.skyshare.sim.mavlink.MavlinkFrameParser;
import org.skyshare.sim.mavlink.ParseStats;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated docked multicopter as a MAVLink 2 endpoint: a UDP socket (and a TCP listener on the
 * same port number) that answers like a PX4 vehicle. It streams telemetry to every ground station
 * that has talked to it (and to any added with {@link #addGroundStation}), runs the mission and
 * parameter protocols and the commands, and flies with {@link Autopilot}.
 *
 * <p>Physics and battery run at the configured time factor; telemetry rates and link timeouts
 * stay in wall-clock time, because they describe the radio link, not the flight.
 */
public final class SimVehicle implements VehicleStateSource, AutoCloseable {
    private static final long TICK_NS = 10_000_000L;
    private static final double MAX_SUBSTEP_S = 0.05;
    private static final long PEER_EXPIRY_NS = 60_000_000_000L;

    private final VehicleConfig cfg;
    private final Autopilot autopilot;
    private final MavlinkCodec codec;
    private final MavlinkFrameParser udpParser;
    private final MissionServer missionServer;
    private final Object lock = new Object();
    private final Map<SocketAddress, Long> udpPeers = new ConcurrentHashMap<>();
    private final List<SocketAddress> fixedPeers = new CopyOnWriteArrayList<>();
    private final List<TcpPeer> tcpPeers = new CopyOnWriteArrayList<>();
    private final List<MavlinkFrameParser> tcpParsers = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> sentByType = new ConcurrentHashMap<>();
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong framesSuppressed = new AtomicLong();
    private final AtomicLong foreignFrames = new AtomicLong();
    private final AtomicLong refusedCommands = new AtomicLong();
    private final Random lossRandom;

    private volatile VehicleState state;
    private volatile long linkDownUntilNs = Long.MIN_VALUE;
    private volatile double packetLoss;
    private volatile boolean running;

    private DatagramSocket udp;
    private ServerSocket tcp;
    private ScheduledExecutorService ownScheduler;
    private ScheduledFuture<?> ticker;
    private Thread udpReader;
    private Thread tcpAcceptor;

    private long lastTickNs;
    private long gcsLastHeartbeatNs = Long.MIN_VALUE;
    private boolean gcsLinkLost;
    private final long[] nextDueNs = new long[Stream.values().length];

    private enum Stream { HEARTBEAT, POSITION, ATTITUDE, VFR_HUD, GPS, GIMBAL, SYS_STATUS, BATTERY, EXTENDED, MISSION_CURRENT, HOME }

    public SimVehicle(VehicleConfig cfg) {
        this.cfg = cfg;
        this.autopilot = new Autopilot(cfg);
        this.codec = new MavlinkCodec(cfg.systemId(), 1, cfg.signing());
        this.udpParser = new MavlinkFrameParser(cfg.signing());
        this.missionServer = new MissionServer(autopilot, this::reply);
        this.lossRandom = new Random(cfg.seed() ^ 0x5eed);
        this.state = autopilot.snapshot();
    }

    public VehicleConfig config() {
        return cfg;
    }

    public int systemId() {
        return cfg.systemId();
    }

    /** Binds UDP and TCP on {@code bindAddress:port} (port 0 picks a free one) and starts its own tick thread. */
    public void start(InetAddress bindAddress, int port) throws IOException {
        start(bindAddress, port, null);
    }

    /**
     * Binds and starts. With a shared scheduler (a fleet's), the vehicle's ticks run on it instead
     * of a thread of its own.
     */
    public void start(InetAddress bindAddress, int port, ScheduledExecutorService scheduler) throws IOException {
        udp = new DatagramSocket(new InetSocketAddress(bindAddress, port));
        udp.setReceiveBufferSize(1 << 20);
        udp.setSendBufferSize(1 << 20);
        int bound = udp.getLocalPort();
        try {
            tcp = new ServerSocket();
            tcp.setReuseAddress(true);
            tcp.bind(new InetSocketAddress(bindAddress, bound));
        } catch (IOException e) {
            // the TCP port number may be taken while the UDP one is free; UDP is the primary transport
            tcp = null;
        }
        running = true;
        lastTickNs = System.nanoTime();
        udpReader = new Thread(this::readUdp, "sim-vehicle-" + cfg.systemId() + "-udp");
        udpReader.setDaemon(true);
        udpReader.start();
        if (tcp != null) {
            tcpAcceptor = new Thread(this::acceptTcp, "sim-vehicle-" + cfg.systemId() + "-tcp");
            tcpAcceptor.setDaemon(true);
            tcpAcceptor.start();
        }
        if (scheduler == null) {
            ownScheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sim-vehicle-" + cfg.systemId() + "-tick");
                t.setDaemon(true);
                return t;
            });
            scheduler = ownScheduler;
        }
        ticker = scheduler.scheduleAtFixedRate(this::tickSafely, 0, TICK_NS, TimeUnit.NANOSECONDS);
    }

    public int udpPort() {
        return udp.getLocalPort();
    }

    /** The TCP port (same number as UDP), or -1 when it could not be bound. */
    public int tcpPort() {
        return tcp == null ? -1 : tcp.getLocalPort();
    }

    /** Also stream to this address from the start, e.g. QGroundControl listening on UDP 14550. */
    public void addGroundStation(InetSocketAddress address) {
        fixedPeers.add(address);
    }

    @Override
    public VehicleState state() {
        return state;
    }

    /** Current value of a vehicle parameter (e.g. {@link ParamTable#NAV_DLL_ACT}). */
    public float param(String name) {
        synchronized (lock) {
            return autopilot.params.get(name);
        }
    }

    public int missionSize() {
        synchronized (lock) {
            return autopilot.missionSize();
        }
    }

    public int fenceSize() {
        synchronized (lock) {
            return autopilot.items(1).size();
        }
    }

    /** Metres flown since start (ground track). */
    public double distanceFlownM() {
        synchronized (lock) {
            return autopilot.distanceFlownM();
        }
    }

    // ---- failure injection ------------------------------------------------------------------

    /** Cuts the radio both ways for a wall-clock duration: nothing is sent, everything received is lost. */
    public void dropLink(java.time.Duration duration) {
        linkDownUntilNs = System.nanoTime() + duration.toNanos();
    }

    public void restoreLink() {
        linkDownUntilNs = Long.MIN_VALUE;
    }

    public boolean linkDown() {
        return System.nanoTime() < linkDownUntilNs;
    }

    /** Random loss of this fraction of packets in each direction (seeded). */
    public void setPacketLoss(double fraction) {
        packetLoss = Math.max(0, Math.min(1, fraction));
    }

    public void injectBatteryPct(double pct) {
        synchronized (lock) {
            autopilot.injectBatteryPct(pct);
            publish();
        }
    }

    public void loseGps() {
        synchronized (lock) {
            autopilot.loseGps();
            publish();
        }
    }

    public void restoreGps() {
        synchronized (lock) {
            autopilot.restoreGps();
            publish();
        }
    }

    /** Swaps in a full battery; only in the dock and disarmed. */
    public boolean swapBattery() {
        synchronized (lock) {
            boolean ok = autopilot.swapBattery();
            publish();
            return ok;
        }
    }

    // ---- counters ---------------------------------------------------------------------------

    /** Frames put on the wire (one per peer), excluding those suppressed by injected loss. */
    public long framesSent() {
        return framesSent.get();
    }

    /** Frames sent of one message type, by the io.dronefleet class simple name (e.g. "GlobalPositionInt"). */
    public long framesSent(String messageType) {
        AtomicLong c = sentByType.get(messageType);
        return c == null ? 0 : c.get();
    }

    /** Frames not sent because of an injected link drop or packet loss. */
    public long framesSuppressed() {
        return framesSuppressed.get();
    }

    public ParseStats receiveStats() {
        ParseStats s = udpParser.stats();
        for (MavlinkFrameParser p : tcpParsers) {
            s = s.plus(p.stats());
        }
        return s;
    }

    /** Valid frames from a system other than the ground station (unsigned vehicle), all ignored. */
    public long foreignFrames() {
        return foreignFrames.get();
    }

    /**
     * Commands, mission and fence uploads, mission changes and parameter sets refused because they
     * came from a system other than the ground station (unsigned vehicle).
     */
    public long refusedCommands() {
        return refusedCommands.get();
    }

    /** Stops streaming telemetry (the receive side and the physics keep running); used to count exactly. */
    public void pauseTelemetry(boolean paused) {
        telemetryPaused = paused;
    }

    private volatile boolean telemetryPaused;

    // ---- ticking ----------------------------------------------------------------------------

    private void tickSafely() {
        try {
            tick(System.nanoTime());
        } catch (RuntimeException e) {
            // a scheduled task that throws is cancelled for good; keep the vehicle alive and say why
            System.err.println("sim vehicle " + cfg.systemId() + ": " + e);
        }
    }

    private void tick(long now) {
        synchronized (lock) {
            double dt = (now - lastTickNs) / 1e9 * cfg.timeFactor();
            lastTickNs = now;
            // a stalled scheduler must not teleport the aircraft: cap one tick to a second of sim time per factor
            dt = Math.min(dt, Math.max(1.0, cfg.timeFactor()));
            while (dt > 1e-9) {
                double h = Math.min(MAX_SUBSTEP_S, dt);
                autopilot.step(h);
                dt -= h;
            }
            checkGcsLink(now);
            missionServer.tick(now);
            publish();
            for (AutopilotEvent ev : autopilot.drainEvents()) {
                if (ev instanceof AutopilotEvent.StatusText t) {
                    broadcast(Statustext.builder().severity(EnumValue.create(MavSeverity.class, t.severity()))
                            .text(t.text().length() > 50 ? t.text().substring(0, 50) : t.text()).build());
                } else if (ev instanceof AutopilotEvent.ItemReached r) {
                    broadcast(MissionItemReached.builder().seq(r.seq()).build());
                }
            }
            if (!telemetryPaused) {
                streamTelemetry(now);
            }
        }
    }

    private void publish() {
        state = autopilot.snapshot();
    }

    private void checkGcsLink(long now) {
        if (gcsLastHeartbeatNs == Long.MIN_VALUE) {
            return;
        }
        double timeoutS = autopilot.params.get(ParamTable.COM_DL_LOSS_T);
        boolean lost = now - gcsLastHeartbeatNs > (long) (timeoutS * 1e9);
        if (lost && !gcsLinkLost) {
            gcsLinkLost = true;
            autopilot.dataLinkLost();
        }
    }

    private void streamTelemetry(long now) {
        double fast = cfg.telemetryRateHz();
        VehicleState s = state;
        for (Stream st : Stream.values()) {
            double hz = switch (st) {
                case POSITION, ATTITUDE -> fast;
                case VFR_HUD, GPS, GIMBAL -> fast / 2;
                default -> 1;
            };
            long period = (long) (1e9 / hz);
            int i = st.ordinal();
            if (nextDueNs[i] == 0) {
                nextDueNs[i] = now;
            }
            // a late tick catches up (a few messages at once) so the stream keeps its rate under load;
            // after a long stall (a paused JVM) it restarts instead of bursting
            int sends = 0;
            while (now >= nextDueNs[i] && sends < 5) {
                broadcast(message(st, s));
                nextDueNs[i] += period;
                sends++;
            }
            if (now >= nextDueNs[i]) {
                nextDueNs[i] = now + period;
            }
        }
    }

    private Object message(Stream st, VehicleState s) {
        return switch (st) {
            case HEARTBEAT -> Telemetry.heartbeat(s, gcsLinkLost && s.airborne());
            case POSITION -> Telemetry.position(s, autopilot.velocityEastMps(), autopilot.velocityNorthMps(), autopilot.velocityUpMps());
            case ATTITUDE -> Telemetry.attitude(s);
            case VFR_HUD -> Telemetry.vfrHud(s, autopilot.airspeedMps());
            case GPS -> Telemetry.gps(s);
            case GIMBAL -> Telemetry.gimbal(s);
            case SYS_STATUS -> Telemetry.sysStatus(s);
            case BATTERY -> Telemetry.battery(s, cfg.aircraft().enduranceMin());
            case EXTENDED -> Telemetry.extendedState(s);
            case MISSION_CURRENT -> Telemetry.missionCurrent(s, autopilot.missionSize(), autopilot.missionFinished());
            case HOME -> Telemetry.home(cfg);
        };
    }

    // ---- sending ----------------------------------------------------------------------------

    private boolean suppressed() {
        if (System.nanoTime() < linkDownUntilNs) {
            return true;
        }
        double p = packetLoss;
        if (p <= 0) {
            return false;
        }
        synchronized (lossRandom) {
            return lossRandom.nextDouble() < p;
        }
    }

    private void broadcast(Object message) {
        byte[] frame = codec.encode(message);
        long now = System.nanoTime();
        udpPeers.entrySet().removeIf(e -> now - e.getValue() > PEER_EXPIRY_NS);
        for (SocketAddress a : udpPeers.keySet()) {
            sendUdp(a, frame, message);
        }
        for (SocketAddress a : fixedPeers) {
            if (!udpPeers.containsKey(a)) {
                sendUdp(a, frame, message);
            }
        }
        for (TcpPeer p : tcpPeers) {
            sendTo(p, frame, message);
        }
    }

    private void reply(Peer peer, Object message) {
        if (peer != null) {
            sendTo(peer, codec.encode(message), message);
        }
    }

    private void sendUdp(SocketAddress a, byte[] frame, Object message) {
        sendTo(new UdpPeer(a), frame, message);
    }

    private void sendTo(Peer peer, byte[] frame, Object message) {
        if (suppressed()) {
            framesSuppressed.incrementAndGet();
            return;
        }
        try {
            peer.send(frame);
            framesSent.incrementAndGet();
            sentByType.computeIfAbsent(message.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
        } catch (IOException e) {
            // a peer that went away: UDP sends rarely fail, TCP peers are dropped by their reader
        }
    }

    private final class UdpPeer implements Peer {
        private final SocketAddress address;

        UdpPeer(SocketAddress address) {
            this.address = address;
        }

        @Override
        public void send(byte[] frame) throws IOException {
            udp.send(new DatagramPacket(frame, frame.length, address));
        }

        @Override
        public boolean open() {
            return running;
        }
    }

    private static final class TcpPeer implements Peer {
        private final Socket socket;
        private final OutputStream out;

        TcpPeer(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        @Override
        public synchronized void send(byte[] frame) throws IOException {
            out.write(frame);
        }

        @Override
        public boolean open() {
            return !socket.isClosed();
        }
    }

    // ---- receiving --------------------------------------------------------------------------

    private void readUdp() {
        byte[] buf = new byte[65536];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        while (running) {
            try {
                packet.setLength(buf.length);
                udp.receive(packet);
            } catch (IOException e) {
                if (!running) {
                    return;
                }
                continue;
            }
            if (suppressed()) {
                continue;
            }
            SocketAddress from = packet.getSocketAddress();
            UdpPeer peer = new UdpPeer(from);
            udpParser.acceptDatagram(buf, packet.getOffset(), packet.getLength(), f -> {
                if (fromGroundStation(f)) {
                    // only the ground station becomes a telemetry peer: a stranger gets no stream to amplify
                    udpPeers.put(from, System.nanoTime());
                }
                handle(peer, f);
            });
        }
    }

    private void acceptTcp() {
        while (running) {
            Socket s;
            try {
                s = tcp.accept();
                s.setTcpNoDelay(true);
            } catch (IOException e) {
                if (!running) {
                    return;
                }
                continue;
            }
            try {
                TcpPeer peer = new TcpPeer(s);
                MavlinkFrameParser parser = new MavlinkFrameParser(cfg.signing());
                tcpParsers.add(parser);
                tcpPeers.add(peer);
                Thread t = new Thread(() -> readTcp(peer, parser), "sim-vehicle-" + cfg.systemId() + "-tcp-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                closeQuietly(s);
            }
        }
    }

    private void readTcp(TcpPeer peer, MavlinkFrameParser parser) {
        byte[] buf = new byte[4096];
        try (InputStream in = peer.socket.getInputStream()) {
            int n;
            while (running && (n = in.read(buf)) > 0) {
                if (suppressed()) {
                    continue;
                }
                parser.acceptStream(buf, 0, n, f -> handle(peer, f));
            }
        } catch (IOException e) {
            // the station went away
        } finally {
            tcpPeers.remove(peer);
            closeQuietly(peer.socket);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing after an error
        }
    }

    private boolean forUs(int targetSystem) {
        return targetSystem == 0 || targetSystem == cfg.systemId();
    }

    /**
     * Whether a frame may command this vehicle. With signing on, the parser has already dropped
     * everything not signed with the key, so the signature is the credential; without signing, only
     * the configured ground station's system id is obeyed (ArduPilot's SYSID_MYGCS with
     * SYSID_ENFORCE), so a stranger on the network cannot arm, take off, land or upload a mission.
     */
    private boolean fromGroundStation(MavlinkFrame f) {
        return cfg.signing() != null || f.systemId() == cfg.groundStationSystemId();
    }

    private static boolean changesVehicle(Object p) {
        return p instanceof CommandLong || p instanceof CommandInt || p instanceof MissionCount || p instanceof MissionItemInt
                || p instanceof MissionClearAll || p instanceof MissionSetCurrent || p instanceof ParamSet;
    }

    private void handle(Peer peer, MavlinkFrame f) {
        if (!fromGroundStation(f)) {
            foreignFrames.incrementAndGet();
            if (changesVehicle(f.payload())) {
                refusedCommands.incrementAndGet();
            }
            return;
        }
        long now = System.nanoTime();
        int sys = f.systemId();
        int comp = f.componentId();
        synchronized (lock) {
            Object p = f.payload();
            if (p instanceof Heartbeat hb) {
                if (hb.type().entry() == MavType.MAV_TYPE_GCS) {
                    gcsLastHeartbeatNs = now;
                    if (gcsLinkLost) {
                        gcsLinkLost = false;
                        autopilot.dataLinkRegained();
                    }
                }
            } else if (p instanceof CommandLong c) {
                if (forUs(c.targetSystem())) {
                    command(peer, sys, comp, c.command().value(), c.param1(), c.param2(), c.param3(), c.param4(),
                            c.param5(), c.param6(), c.param7());
                }
            } else if (p instanceof CommandInt c) {
                if (forUs(c.targetSystem())) {
                    command(peer, sys, comp, c.command().value(), c.param1(), c.param2(), c.param3(), c.param4(),
                            c.x() / 1e7f, c.y() / 1e7f, c.z());
                }
            } else if (p instanceof MissionCount m) {
                if (forUs(m.targetSystem())) {
                    missionServer.onCount(peer, sys, comp, m, now);
                }
            } else if (p instanceof MissionItemInt m) {
                if (forUs(m.targetSystem())) {
                    missionServer.onItem(peer, m, now);
                }
            } else if (p instanceof MissionRequestList m) {
                if (forUs(m.targetSystem())) {
                    missionServer.onRequestList(peer, sys, comp, m);
                }
            } else if (p instanceof MissionRequestInt m) {
                if (forUs(m.targetSystem())) {
                    missionServer.onRequestInt(peer, sys, comp, m);
                }
            } else if (p instanceof MissionRequest m) {
                if (forUs(m.targetSystem())) {
                    missionServer.onLegacyRequest(peer, sys, comp, m);
                }
            } else if (p instanceof MissionClearAll m) {
                if (forUs(m.targetSystem())) {
                    missionServer.onClearAll(peer, sys, comp, m);
                }
            } else if (p instanceof MissionSetCurrent m) {
                if (forUs(m.targetSystem())) {
                    if (autopilot.setCurrent(m.seq())) {
                        publish();
                    }
                    broadcast(Telemetry.missionCurrent(state, autopilot.missionSize(), autopilot.missionFinished()));
                }
            } else if (p instanceof ParamRequestList m) {
                if (forUs(m.targetSystem())) {
                    List<String> names = autopilot.params.names();
                    for (int i = 0; i < names.size(); i++) {
                        reply(peer, paramValue(names.get(i), i, names.size()));
                    }
                }
            } else if (p instanceof ParamRequestRead m) {
                if (forUs(m.targetSystem())) {
                    List<String> names = autopilot.params.names();
                    String name = m.paramIndex() >= 0 && m.paramIndex() < names.size() ? names.get(m.paramIndex()) : m.paramId();
                    if (autopilot.params.has(name)) {
                        reply(peer, paramValue(name, names.indexOf(name), names.size()));
                    }
                }
            } else if (p instanceof ParamSet m) {
                if (forUs(m.targetSystem()) && autopilot.params.set(m.paramId(), m.paramValue())) {
                    List<String> names = autopilot.params.names();
                    broadcast(paramValue(m.paramId(), names.indexOf(m.paramId()), names.size()));
                }
            }
            publish();
        }
    }

    private ParamValue paramValue(String name, int index, int count) {
        return ParamValue.builder().paramId(name).paramValue(autopilot.params.get(name))
                .paramType(MavParamType.MAV_PARAM_TYPE_REAL32).paramCount(count).paramIndex(index).build();
    }

    private void command(Peer peer, int sys, int comp, int cmd, float p1, float p2, float p3, float p4, float p5, float p6, float p7) {
        CommandResult result;
        switch (cmd) {
            case 400 -> result = p1 > 0.5f ? autopilot.arm() : autopilot.disarm(Math.round(p2) == 21196);
            case 22 -> result = autopilot.takeoff(p7);
            case 300 -> result = autopilot.startMission();
            case 193 -> result = p1 < 0.5f ? autopilot.pause() : autopilot.resume();
            case 20 -> result = autopilot.returnToLaunch();
            case 21 -> result = autopilot.land();
            case 176 -> result = setMode(p2, p3);
            case 205, 1000 -> {
                autopilot.setGimbal(p1, cmd == 1000 ? p2 : p3);
                result = CommandResult.ACCEPTED;
            }
            case 511 -> result = CommandResult.ACCEPTED;
            case 512 -> {
                result = CommandResult.ACCEPTED;
                ackCommand(peer, sys, comp, cmd, result);
                requestMessage(peer, Math.round(p1));
                return;
            }
            case 520 -> {
                result = CommandResult.ACCEPTED;
                ackCommand(peer, sys, comp, cmd, result);
                reply(peer, autopilotVersion());
                return;
            }
            default -> result = CommandResult.UNSUPPORTED;
        }
        ackCommand(peer, sys, comp, cmd, result);
    }

    private void ackCommand(Peer peer, int sys, int comp, int cmd, CommandResult result) {
        MavResult r = switch (result) {
            case ACCEPTED -> MavResult.MAV_RESULT_ACCEPTED;
            case TEMPORARILY_REJECTED -> MavResult.MAV_RESULT_TEMPORARILY_REJECTED;
            case DENIED -> MavResult.MAV_RESULT_DENIED;
            case UNSUPPORTED -> MavResult.MAV_RESULT_UNSUPPORTED;
            case FAILED -> MavResult.MAV_RESULT_FAILED;
        };
        reply(peer, CommandAck.builder().command(EnumValue.create(MavCmd.class, cmd)).result(r)
                .targetSystem(sys).targetComponent(comp).build());
    }

    /** MAV_CMD_DO_SET_MODE with PX4 custom modes, the way QGroundControl switches modes. */
    private CommandResult setMode(float mainMode, float subMode) {
        int main = Math.round(mainMode);
        int sub = Math.round(subMode);
        if (main != Telemetry.PX4_MAIN_AUTO) {
            return CommandResult.UNSUPPORTED;
        }
        return switch (sub) {
            case Telemetry.PX4_AUTO_MISSION -> state.airborne() ? autopilot.resume() : autopilot.startMission();
            case Telemetry.PX4_AUTO_LOITER -> state.airborne() ? autopilot.pause() : CommandResult.ACCEPTED;
            case Telemetry.PX4_AUTO_RTL -> autopilot.returnToLaunch();
            case Telemetry.PX4_AUTO_LAND -> autopilot.land();
            case Telemetry.PX4_AUTO_TAKEOFF -> autopilot.takeoff(0);
            default -> CommandResult.UNSUPPORTED;
        };
    }

    private void requestMessage(Peer peer, int messageId) {
        VehicleState s = state;
        Object m = switch (messageId) {
            case 148 -> autopilotVersion();
            case 242 -> Telemetry.home(cfg);
            case 42 -> Telemetry.missionCurrent(s, autopilot.missionSize(), autopilot.missionFinished());
            case 0 -> Telemetry.heartbeat(s, false);
            case 33 -> Telemetry.position(s, autopilot.velocityEastMps(), autopilot.velocityNorthMps(), autopilot.velocityUpMps());
            case 1 -> Telemetry.sysStatus(s);
            default -> null;
        };
        if (m != null) {
            reply(peer, m);
        }
    }

    private AutopilotVersion autopilotVersion() {
        int caps = 0x1 | 0x4 | 0x8 | 0x20 | 0x100 | 0x2000 | 0x4000 | 0x8000 | 0x10000;
        return AutopilotVersion.builder()
                .capabilities(EnumValue.create(MavProtocolCapability.class, caps))
                .flightSwVersion(0x010E0000L)
                .vendorId(0)
                .productId(cfg.systemId())
                .build();
    }

    @Override
    public void close() {
        running = false;
        if (ticker != null) {
            ticker.cancel(false);
        }
        if (ownScheduler != null) {
            ownScheduler.shutdownNow();
        }
        if (udp != null) {
            udp.close();
        }
        if (tcp != null) {
            try {
                tcp.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        for (TcpPeer p : tcpPeers) {
            closeQuietly(p.socket);
        }
    }

}
