package org.skyshare.station.link;

import io.dronefleet.mavlink.common.GlobalPositionInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.sim.mavlink.MavlinkCodec;
import org.skyshare.sim.mavlink.MavlinkSigning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningTimestampFileTest {
    @TempDir
    Path dir;

    private static void signSome(MavlinkSigning key, int frames) {
        MavlinkCodec codec = new MavlinkCodec(255, 190, key);
        for (int i = 0; i < frames; i++) {
            codec.encode(GlobalPositionInt.builder().lat(i).build());
        }
    }

    @Test
    void aCleanRestartResumesAfterTheLastTimestampEvenWithTheClockSetBack() throws Exception {
        Path file = dir.resolve("signing").resolve("vehicle-1-link-0.timestamp");
        // the previous run's clock was an hour ahead (or this run's is an hour behind)
        long anHourAhead = MavlinkSigning.clockTimestamp() + 3600L * 100_000;
        SigningTimestampFile.write(file, anHourAhead);

        MavlinkSigning first = MavlinkSigning.fromPassphrase("k", 0);
        try (SigningTimestampFile ts = SigningTimestampFile.open(file, first)) {
            signSome(first, 100);
            assertThat(first.lastTimestamp()).isGreaterThan(anHourAhead);
        }
        long lastUsed = first.lastTimestamp();
        assertThat(SigningTimestampFile.read(file)).isEqualTo(lastUsed);

        MavlinkSigning second = MavlinkSigning.fromPassphrase("k", 0);
        try (SigningTimestampFile ts = SigningTimestampFile.open(file, second)) {
            signSome(second, 1);
            assertThat(second.lastTimestamp()).isGreaterThan(lastUsed);
        }
    }

    @Test
    void afterACrashTheFileHoldsAReserveAboveEveryTimestampUsedSinceTheLastSave() throws Exception {
        Path file = dir.resolve("t.timestamp");
        MavlinkSigning key = MavlinkSigning.fromPassphrase("k", 0);
        SigningTimestampFile ts = SigningTimestampFile.open(file, key); // never closed: the process is killed
        signSome(key, 1000);
        long stored = SigningTimestampFile.read(file);
        assertThat(stored).isGreaterThan(key.lastTimestamp());
        assertThat(stored - MavlinkSigning.clockTimestamp()).isLessThanOrEqualTo(SigningTimestampFile.RESERVE);
        assertThat(Files.list(dir)).containsExactly(file); // no temporary file left behind
        MavlinkSigning restarted = MavlinkSigning.fromPassphrase("k", 0);
        SigningTimestampFile.open(file, restarted).close();
        assertThat(restarted.lastTimestamp()).isGreaterThanOrEqualTo(stored);
        ts.close();
    }

    @Test
    void aDamagedFileIsRefusedWithARecoveryPath() throws Exception {
        Path file = Files.writeString(dir.resolve("t.timestamp"), "12x4\n");
        assertThatThrownBy(() -> SigningTimestampFile.open(file, MavlinkSigning.fromPassphrase("k", 0)))
                .isInstanceOf(IOException.class)
                .hasMessage(file + ": damaged MAVLink signing timestamp '12x4' (expected one whole number of 10 us units since "
                        + "2015); if the station's clock is right, delete the file and the timestamps restart from the clock");
        assertThat(Files.readString(file)).isEqualTo("12x4\n");
    }
}
