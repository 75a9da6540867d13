package org.skyshare.station.link;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyshare.planner.mission.MissionItem;
import org.skyshare.sim.vehicle.FlightPhase;
import org.skyshare.sim.vehicle.SimFleet;
import org.skyshare.sim.vehicle.SimVehicle;
import org.skyshare.sim.vehicle.VehicleConfig;
import org.skyshare.sim.vehicle.VehicleDefaults;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skyshare.station.link.Await.until;

/** Upload, read back and fly a several-hundred-point sortie against a simulated vehicle over loopback UDP. */
class SortieFlightTest {
    private SimFleet sim;
    private MavlinkVehicleLink link;

    @AfterEach
    void close() {
        if (link != null) {
            link.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void uploadsReadsBackAndFliesASortieBackToTheDock() throws Exception {
        VehicleConfig cfg = VehicleDefaults.simQuad().withTimeFactor(60).withWind(315, 4, 1.0);
        sim = SimFleet.start(List.of(cfg.withSystemId(1)), InetAddress.getLoopbackAddress(), 0);
        SimVehicle vehicle = sim.vehicles().get(0);
        link = MavlinkVehicleLink.connect(LinkConfig.udp("127.0.0.1", vehicle.udpPort(), 1));
        until("link connected", 5, () -> link.health().status() == LinkStatus.CONNECTED);

        List<MissionItem> sortie = TestSorties.lawnmower(cfg.homeLatDeg(), cfg.homeLonDeg(), 16, 25, 20, 30, 50);
        assertThat(sortie).hasSizeGreaterThan(400);
        link.mission().upload(sortie).get(10, TimeUnit.SECONDS);
        List<MissionItem> readBack = link.mission().download().get(10, TimeUnit.SECONDS);
        assertThat(readBack).hasSize(sortie.size());
        for (int i = 0; i < sortie.size(); i++) {
            MissionItem a = sortie.get(i);
            MissionItem b = readBack.get(i);
            assertThat(b.command()).isEqualTo(a.command());
            assertThat(b.latDeg()).isCloseTo(a.latDeg(), org.assertj.core.data.Offset.offset(1e-7));
            assertThat(b.lonDeg()).isCloseTo(a.lonDeg(), org.assertj.core.data.Offset.offset(1e-7));
        }

        link.action().arm().get(5, TimeUnit.SECONDS);
        link.action().startMission().get(5, TimeUnit.SECONDS);
        until("airborne", 10, () -> link.telemetry().latest().inAir());
        double[] lowestBattery = {100};
        java.util.function.BooleanSupplier watchBattery = () -> {
            BatteryState b = link.telemetry().latest().battery();
            lowestBattery[0] = Math.min(lowestBattery[0], b.remainingPct());
            return true;
        };
        until("mission progress reaches the last item", 90, () -> watchBattery.getAsBoolean() && link.mission().progress().finished());
        until("back in the dock, disarmed", 60, () -> watchBattery.getAsBoolean() && vehicle.state().phase() == FlightPhase.DOCKED
                && link.telemetry().latest().landedState() == LandedState.ON_GROUND && !link.telemetry().latest().armed());
        TelemetrySnapshot t = link.telemetry().latest();
        assertThat(t.position().relativeAltitudeM()).isLessThan(0.5);
        assertThat(Math.abs(t.position().latDeg() - cfg.homeLatDeg())).isLessThan(1e-5);
        // drained by the flight (the dock recharges it within a wall-clock second at this time factor)
        assertThat(lowestBattery[0]).isBetween(20.0, 95.0);
        assertThat(vehicle.distanceFlownM()).isGreaterThan(8000);
        assertThat(link.health().parse().dropped()).isZero();
    }

    @Test
    void uploadAndReadBackSurviveALossyLinkByRetrying() throws Exception {
        VehicleConfig cfg = VehicleDefaults.simQuad().withSystemId(2);
        sim = SimFleet.start(List.of(cfg), InetAddress.getLoopbackAddress(), 0);
        SimVehicle vehicle = sim.vehicles().get(0);
        link = MavlinkVehicleLink.connect(LinkConfig.udp("127.0.0.1", vehicle.udpPort(), 2)
                .withItemTimeout(java.time.Duration.ofMillis(150), 20));
        until("link connected", 5, () -> link.health().status() == LinkStatus.CONNECTED);
        vehicle.setPacketLoss(0.15);
        List<MissionItem> sortie = TestSorties.lawnmower(cfg.homeLatDeg(), cfg.homeLonDeg(), 6, 20, 20, 30, 50);
        link.mission().upload(sortie).get(60, TimeUnit.SECONDS);
        List<MissionItem> readBack = link.mission().download().get(60, TimeUnit.SECONDS);
        assertThat(readBack).hasSize(sortie.size());
        assertThat(readBack.get(77).latDeg()).isCloseTo(sortie.get(77).latDeg(), org.assertj.core.data.Offset.offset(1e-7));
        assertThat(vehicle.framesSuppressed()).isPositive();
        assertThat(link.health().framesLost()).isPositive();
    }
}
