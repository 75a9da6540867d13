package org.skyshare.station.link;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyshare.sim.mavlink.MavlinkSigning;
import org.skyshare.station.sitl.ArduCopterSitl;
import org.skyshare.station.sitl.JingshanDock;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.skyshare.station.link.Await.until;

/**
 * MAVLink 2 signing with ArduPilot's own ArduCopter firmware (SITL): the station gives it a key
 * (SETUP_SIGNING), then a station signing with that key connects (the firmware's signed frames
 * verify here, and it obeys the station's signed requests), while an unsigned station on the
 * firmware's other serial port gets no answer to its requests.
 */
class ArduCopterSigningTest {
    private ArduCopterSitl sitl;

    @AfterEach
    void stop() {
        if (sitl != null) {
            sitl.close();
        }
    }

    @Test
    void arduCopterGivenAKeyAnswersTheSignedStationAndIgnoresAnUnsignedOne() throws Exception {
        sitl = ArduCopterSitl.start(JingshanDock.LAT, JingshanDock.LON, JingshanDock.ALT_AMSL_M, 5);
        MavlinkSigning key = MavlinkSigning.fromPassphrase("arducopter signing test", 0);
        LinkConfig unsignedCfg = new LinkConfig(URI.create("tcp://127.0.0.1:" + (sitl.port() + 2)), 1, 250,
                Duration.ofSeconds(3), Duration.ofMillis(700), 2, null);
        try (MavlinkVehicleLink setup = MavlinkVehicleLink.connect(LinkConfig.of(sitl.uri(), 1))) {
            until("heartbeat from ArduCopter", 30, () -> setup.health().status() == LinkStatus.CONNECTED, sitl::consoleTail);
            try (MavlinkVehicleLink before = MavlinkVehicleLink.connect(unsignedCfg)) {
                // the control: before the key, the other serial port answers an unsigned station
                until("heartbeat on the second serial port", 30, () -> before.health().status() == LinkStatus.CONNECTED);
                assertThat(before.params().get("SYSID_THISMAV").get(10, TimeUnit.SECONDS)).isEqualTo(1f);
            }
            setup.provisionSigningKey(key);
        }
        LinkConfig signedCfg = LinkConfig.of(sitl.uri(), 1).withSigning(MavlinkSigning.fromPassphrase("arducopter signing test", 1));
        try (MavlinkVehicleLink signed = MavlinkVehicleLink.connect(signedCfg)) {
            until("signed heartbeat from ArduCopter", 30, () -> signed.health().status() == LinkStatus.CONNECTED, sitl::consoleTail);
            assertThat(signed.params().get("SYSID_THISMAV").get(10, TimeUnit.SECONDS)).isEqualTo(1f);
            assertThat(signed.health().parse().badSignature()).isZero();

            try (MavlinkVehicleLink unsigned = MavlinkVehicleLink.connect(unsignedCfg)) {
                until("the firmware's frames reach the unsigned station too", 30,
                        () -> unsigned.telemetry().messagesReceived() > 0);
                assertThatThrownBy(() -> unsigned.params().get("SYSID_THISMAV").get(10, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class).hasMessageContaining("did not report parameter SYSID_THISMAV");
            }
        }
    }
}
