package org.skyshare.vision.frame;

import org.junit.jupiter.api.Test;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.profiles.ThermalSpec;

import java.awt.image.BufferedImage;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CoreTypesTest {
    private final ThermalSpec simThermal = ProfileCatalog.builtIn().camera("sim-thermal").thermal();

    @Test
    void rawCountsDecodeWithTheProfileMapping() {
        short[] raw = {(short) simThermal.toRaw(20.0), (short) simThermal.toRaw(650.0), (short) simThermal.toRaw(-40.0), 0};
        ThermalImage img = ThermalImage.fromRaw(2, 2, raw, simThermal);
        assertThat(img.temperatureC(0, 0)).isCloseTo(20.0f, within(0.03f));
        assertThat(img.temperatureC(1, 0)).isCloseTo(650.0f, within(0.03f));
        assertThat(img.temperatureC(0, 1)).isCloseTo(-40.0f, within(0.03f));
        assertThat(img.temperatureC(1, 1)).isCloseTo(-273.15f, within(0.01f));
        short[] back = img.toRaw(simThermal);
        assertThat(back).containsExactly(raw);
    }

    @Test
    void highCountsAreUnsignedForAnUnsignedStream() {
        // 1500 degC at 0.05 K/count is above 32767 counts: must not wrap negative
        short[] raw = {(short) simThermal.toRaw(1500.0)};
        assertThat(raw[0]).isNegative();
        assertThat(ThermalImage.fromRaw(1, 1, raw, simThermal).temperatureC(0, 0)).isCloseTo(1500f, within(0.03f));
    }

    @Test
    void wrongSizeIsRejectedWithTheExpectedCount() {
        assertThatThrownBy(() -> new ThermalImage(4, 4, new float[15]))
                .hasMessageContaining("needs 16 temperatures, got 15");
    }

    @Test
    void frameCarriesExactlyOneImage() {
        BufferedImage rgb = new BufferedImage(4, 4, BufferedImage.TYPE_3BYTE_BGR);
        ThermalImage t = new ThermalImage(2, 2, new float[4]);
        assertThatThrownBy(() -> new Frame(0, Instant.EPOCH, 0, "sim-rgb", null, rgb, t))
                .isInstanceOf(IllegalArgumentException.class);
        Frame f = Frame.thermal(3, Instant.EPOCH, 0.1, "sim-thermal", null, t);
        assertThat(f.isThermal()).isTrue();
        assertThat(f.widthPx()).isEqualTo(2);
        assertThat(f.poseIfKnown()).isEmpty();
    }

    @Test
    void poseGivesHeightAndCameraAttitude() {
        CapturePose p = new CapturePose(30.4, 119.9, 150, 50, 3, -4, 350, -60, 20, 0);
        assertThat(p.heightAglM()).isEqualTo(100);
        assertThat(p.cameraAttitude(true).headingDeg()).isCloseTo(10, within(1e-9));
        assertThat(p.cameraAttitude(true).pitchDeg()).isEqualTo(-60);
        assertThat(p.cameraAttitude(false).pitchDeg()).isEqualTo(-64);
        assertThatThrownBy(() -> new CapturePose(95, 0, 0, 0, 0, 0, 0, -90, 0, 0)).hasMessageContaining("latitude");
    }
}
