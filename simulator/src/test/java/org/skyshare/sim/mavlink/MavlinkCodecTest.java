package org.skyshare.sim.mavlink;

import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.common.Statustext;
import io.dronefleet.mavlink.common.MavSeverity;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MavlinkCodecTest {
    private static final GlobalPositionInt POSITION = GlobalPositionInt.builder().timeBootMs(1234).lat(303660605).lon(1197550211)
            .alt(80_000).relativeAlt(60_000).vx(-120).vy(340).vz(5).hdg(27_000).build();

    @Test
    void roundTripsAFrameWithTrailingZerosTrimmed() {
        MavlinkCodec codec = new MavlinkCodec(7, 1);
        byte[] hb = codec.encode(Heartbeat.builder().type(MavType.MAV_TYPE_QUADROTOR).autopilot(MavAutopilot.MAV_AUTOPILOT_PX4)
                .mavlinkVersion(3).build());
        byte[] pos = codec.encode(POSITION);
        assertThat(pos.length).isLessThanOrEqualTo(10 + 28 + 2);
        List<MavlinkFrame> frames = new ArrayList<>();
        MavlinkFrameParser parser = new MavlinkFrameParser();
        parser.acceptDatagram(hb, 0, hb.length, frames::add);
        parser.acceptDatagram(pos, 0, pos.length, frames::add);
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0).systemId()).isEqualTo(7);
        assertThat(frames.get(1).sequence()).isEqualTo(1);
        assertThat(frames.get(1).payload()).isEqualTo(POSITION);
        assertThat(parser.stats().dropped()).isZero();
    }

    @Test
    void streamParserReassemblesFramesSplitAnywhere() {
        MavlinkCodec codec = new MavlinkCodec(3, 1);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < 50; i++) {
            all.writeBytes(codec.encode(POSITION));
            all.writeBytes(codec.encode(Statustext.builder().severity(MavSeverity.MAV_SEVERITY_INFO).text("item " + i).build()));
        }
        byte[] bytes = all.toByteArray();
        Random random = new Random(1);
        MavlinkFrameParser parser = new MavlinkFrameParser();
        List<MavlinkFrame> frames = new ArrayList<>();
        int pos = 0;
        while (pos < bytes.length) {
            int n = Math.min(bytes.length - pos, 1 + random.nextInt(40));
            parser.acceptStream(Arrays.copyOfRange(bytes, pos, pos + n), 0, n, frames::add);
            pos += n;
        }
        assertThat(frames).hasSize(100);
        assertThat(frames.get(99).as(Statustext.class).text()).isEqualTo("item 49");
    }

    @Test
    void dropsAndCountsDamagedFramesAndKeepsTheGoodOnes() {
        MavlinkCodec codec = new MavlinkCodec(9, 1);
        byte[] good = codec.encode(POSITION);
        byte[] badCrc = good.clone();
        badCrc[12] ^= 0x55;
        byte[] truncated = Arrays.copyOf(good, good.length - 3);
        byte[] badLength = good.clone();
        badLength[1] = (byte) 200; // GLOBAL_POSITION_INT is 28 bytes at most
        byte[] badFlags = good.clone();
        badFlags[2] = 0x40;
        byte[] noise = new byte[64];
        new Random(5).nextBytes(noise);
        for (int i = 0; i < noise.length; i++) {
            if ((noise[i] & 0xff) == 0xFD || (noise[i] & 0xff) == 0xFE) {
                noise[i] = 0;
            }
        }
        MavlinkFrameParser parser = new MavlinkFrameParser();
        List<MavlinkFrame> frames = new ArrayList<>();
        for (byte[] d : List.of(badCrc, truncated, badLength, badFlags, noise, good)) {
            parser.acceptDatagram(d, 0, d.length, frames::add);
        }
        ParseStats s = parser.stats();
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).payload()).isEqualTo(POSITION);
        assertThat(s.badCrc()).isGreaterThanOrEqualTo(1);
        assertThat(s.truncated()).isGreaterThanOrEqualTo(1);
        assertThat(s.badLength()).isGreaterThanOrEqualTo(1);
        assertThat(s.badHeader()).isGreaterThanOrEqualTo(1);
        assertThat(s.skippedBytes()).isGreaterThanOrEqualTo(64);
    }

    @Test
    void signingRejectsUnsignedWrongKeyAndReplayedFrames() {
        MavlinkSigning key = MavlinkSigning.fromPassphrase("skyshare test key", 1);
        MavlinkSigning otherKey = MavlinkSigning.fromPassphrase("someone else", 1);
        byte[] signed = new MavlinkCodec(4, 1, key).encode(POSITION);
        byte[] unsigned = new MavlinkCodec(4, 1).encode(POSITION);
        byte[] forged = new MavlinkCodec(4, 1, otherKey).encode(POSITION);
        MavlinkFrameParser parser = new MavlinkFrameParser(key);
        List<MavlinkFrame> frames = new ArrayList<>();
        for (byte[] d : List.of(signed, unsigned, forged, signed)) {
            parser.acceptDatagram(d, 0, d.length, frames::add);
        }
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).signed()).isTrue();
        assertThat(parser.stats().unsigned()).isEqualTo(1);
        assertThat(parser.stats().badSignature()).isEqualTo(1);
        assertThat(parser.stats().replayed()).isEqualTo(1);
    }

    @Test
    void aNewSignedStreamStartingMoreThanAMinuteInThePastIsAReplay() {
        MavlinkSigning key = MavlinkSigning.fromPassphrase("skyshare test key", 1);
        byte[] recorded = new MavlinkCodec(4, 1, key).encode(POSITION);
        byte[] old = resignedAt(recorded, key, MavlinkSigning.clockTimestamp() - 2 * MavlinkFrameParser.NEW_STREAM_WINDOW);
        byte[] recent = resignedAt(recorded, key, MavlinkSigning.clockTimestamp() - MavlinkFrameParser.NEW_STREAM_WINDOW / 2);
        List<MavlinkFrame> frames = new ArrayList<>();
        MavlinkFrameParser restarted = new MavlinkFrameParser(key);
        restarted.acceptDatagram(old, 0, old.length, frames::add);
        assertThat(frames).isEmpty();
        assertThat(restarted.stats().replayed()).isEqualTo(1);
        restarted.acceptDatagram(recent, 0, recent.length, frames::add);
        assertThat(frames).hasSize(1);
    }

    /** The frame with its signature timestamp replaced and signed again (what only a key holder can do). */
    private static byte[] resignedAt(byte[] frame, MavlinkSigning key, long timestamp) {
        byte[] f = frame.clone();
        int s = f.length - 13;
        for (int i = 0; i < 6; i++) {
            f[s + 1 + i] = (byte) (timestamp >>> (8 * i));
        }
        byte[] sig = MavlinkSigning.signature(MavlinkSigning.sha256(), key.key(), f, 0, s + 7);
        System.arraycopy(sig, 0, f, s + 7, 6);
        return f;
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(11);
        MavlinkFrameParser parser = new MavlinkFrameParser();
        byte[] good = new MavlinkCodec(1, 1).encode(POSITION);
        List<MavlinkFrame> frames = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            byte[] junk = new byte[random.nextInt(300)];
            random.nextBytes(junk);
            if (junk.length > 0 && random.nextBoolean()) {
                junk[0] = (byte) 0xFD;
            }
            parser.acceptDatagram(junk, 0, junk.length, frames::add);
            parser.acceptStream(junk, 0, junk.length, frames::add);
        }
        parser.acceptDatagram(good, 0, good.length, frames::add);
        assertThat(frames).last().extracting(MavlinkFrame::payload).isEqualTo(POSITION);
        assertThat(parser.stats().dropped()).isPositive();
    }
}
