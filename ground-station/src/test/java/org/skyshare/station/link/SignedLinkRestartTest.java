package org.skyshare.station.link;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.sim.mavlink.MavlinkSigning;
import org.skyshare.sim.vehicle.SimFleet;
import org.skyshare.sim.vehicle.SimVehicle;
import org.skyshare.sim.vehicle.VehicleDefaults;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skyshare.station.link.Await.until;

/**
 * Signing timestamps across station restarts, against a signed simulated vehicle that drops any
 * frame whose timestamp does not increase (as the MAVLink 2 signing spec and ArduPilot do). The
 * station's previous run signed with timestamps an hour ahead of this run's clock: a station that
 * restarted from the clock is taken for a replay and locked out; one that resumes from its data
 * folder's timestamp file connects and commands.
 */
class SignedLinkRestartTest {
    private static final String KEY = "station restart key";
    @TempDir
    Path dataDir;
    private SimFleet sim;

    @AfterEach
    void close() {
        if (sim != null) {
            sim.close();
        }
    }

    private static LinkConfig config(SimVehicle vehicle) {
        return LinkConfig.udp("127.0.0.1", vehicle.udpPort(), 5);
    }

    @Test
    void aRestartedStationResumesItsTimestampsAndIsNotTakenForAReplay() throws Exception {
        sim = SimFleet.start(List.of(VehicleDefaults.simQuad().withSystemId(5).withSigning(MavlinkSigning.fromPassphrase(KEY, 0))),
                InetAddress.getLoopbackAddress(), 0);
        SimVehicle vehicle = sim.vehicles().get(0);
        Path timestamps = dataDir.resolve("signing").resolve("vehicle-5-link-1.timestamp");
        SigningTimestampFile.write(timestamps, MavlinkSigning.clockTimestamp() + 3600L * 100_000);

        try (MavlinkVehicleLink first = MavlinkVehicleLink.connect(config(vehicle)
                .withSigning(MavlinkSigning.fromPassphrase(KEY, 1), timestamps))) {
            until("first run connected", 5, () -> first.health().status() == LinkStatus.CONNECTED);
        }
        long afterFirstRun = SigningTimestampFile.read(timestamps);
        assertThat(afterFirstRun).isGreaterThan(MavlinkSigning.clockTimestamp() + 3500L * 100_000);

        // restarted without its timestamps: the clock is behind what the vehicle has seen
        try (MavlinkVehicleLink fromClock = MavlinkVehicleLink.connect(config(vehicle).withSigning(MavlinkSigning.fromPassphrase(KEY, 1)))) {
            until("the vehicle drops its frames as replays", 5, () -> vehicle.receiveStats().replayed() >= 2);
            assertThat(fromClock.health().status()).isEqualTo(LinkStatus.CONNECTING);
        }

        try (MavlinkVehicleLink resumed = MavlinkVehicleLink.connect(config(vehicle)
                .withSigning(MavlinkSigning.fromPassphrase(KEY, 1), timestamps))) {
            until("restarted station connected", 5, () -> resumed.health().status() == LinkStatus.CONNECTED);
            resumed.action().arm().get(5, TimeUnit.SECONDS);
            until("armed by the restarted station", 3, () -> vehicle.state().armed());
        }
        assertThat(SigningTimestampFile.read(timestamps)).isGreaterThan(afterFirstRun);
    }
}
