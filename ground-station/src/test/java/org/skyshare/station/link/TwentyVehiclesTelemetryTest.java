package org.skyshare.station.link;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyshare.sim.vehicle.SimFleet;
import org.skyshare.sim.vehicle.SimVehicle;
import org.skyshare.sim.vehicle.VehicleConfig;
import org.skyshare.sim.vehicle.VehicleDefaults;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skyshare.station.link.Await.until;

/**
 * Twenty simulated vehicles stream at 50 Hz (position, attitude) into twenty links at once; every
 * frame each vehicle put on the wire is counted as decoded at the station, none missing by
 * sequence number and none dropped by the parser.
 */
class TwentyVehiclesTelemetryTest {
    private SimFleet sim;
    private final List<MavlinkVehicleLink> links = new ArrayList<>();

    @AfterEach
    void close() {
        links.forEach(MavlinkVehicleLink::close);
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void everyTelemetryFrameFromTwentyVehiclesIsCounted() throws Exception {
        VehicleConfig template = VehicleDefaults.simQuad().withTelemetryRate(50);
        sim = SimFleet.start(SimFleet.jingshanConfigs(20, template), InetAddress.getLoopbackAddress(), 0);
        for (SimVehicle v : sim.vehicles()) {
            links.add(MavlinkVehicleLink.connect(LinkConfig.udp("127.0.0.1", v.udpPort(), v.systemId())));
        }
        until("all 20 links connected", 10, () -> links.stream().allMatch(l -> l.health().status() == LinkStatus.CONNECTED));
        long startNs = System.nanoTime();
        until("4 s of streaming", 10, () -> System.nanoTime() - startNs > 4_000_000_000L);
        sim.vehicles().forEach(v -> v.pauseTelemetry(true));
        double seconds = (System.nanoTime() - startNs) / 1e9;

        until("station caught up with every vehicle", 10, () -> {
            for (int i = 0; i < 20; i++) {
                if (links.get(i).telemetry().messagesReceived() != sim.vehicles().get(i).framesSent()) {
                    return false;
                }
            }
            return true;
        });
        long total = 0;
        for (int i = 0; i < 20; i++) {
            SimVehicle v = sim.vehicles().get(i);
            MavlinkVehicleLink l = links.get(i);
            assertThat(l.systemId()).isEqualTo(v.systemId());
            assertThat(l.telemetry().messageCounts().get("GLOBAL_POSITION_INT")).isEqualTo(v.framesSent("GlobalPositionInt"));
            assertThat(l.telemetry().messageCounts().get("ATTITUDE")).isEqualTo(v.framesSent("Attitude"));
            assertThat(l.health().framesLost()).isZero();
            assertThat(l.health().parse().dropped()).isZero();
            // full stream rate: 50 Hz of positions over the streaming window (less scheduler jitter)
            assertThat(v.framesSent("GlobalPositionInt")).isGreaterThan((long) (0.8 * 50 * seconds));
            total += l.telemetry().messagesReceived();
        }
        assertThat(total).isGreaterThan((long) (20 * 150 * seconds * 0.8));
    }
}
