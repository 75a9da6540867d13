package org.skyshare.vision.pipeline;

import org.junit.jupiter.api.Test;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.vision.frame.CapturePose;
import org.skyshare.vision.frame.Frame;
import org.skyshare.vision.geo.FrameGeoreferencing;
import org.skyshare.vision.geo.Georeferencer;

import java.awt.image.BufferedImage;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The flood stage cuts the water mask into cells of about a metre on the ground, whatever the height. */
class FloodStageCellTest {
    private final FrameGeoreferencing geo = new FrameGeoreferencing(ProfileCatalog.builtIn());

    private int cellPxAt(double heightM) {
        // sim-rgb, nadir: 750 px focal length, so heightM / 750 metres a pixel at the centre
        CapturePose pose = new CapturePose(30.39, 119.80, 20 + heightM, 20, 0, 0, 0, -90, 0, 0);
        Frame frame = Frame.visual(1, Instant.EPOCH, 0, "sim-rgb", pose, new BufferedImage(1280, 720, BufferedImage.TYPE_3BYTE_BGR));
        Georeferencer g = geo.forFrame(frame).orElseThrow();
        return FloodStage.cellPx(g, frame);
    }

    @Test
    void cellsAreAboutAMetreOnTheGroundWithinTheirBounds() {
        assertThat(cellPxAt(100)).isEqualTo(7);      // 0.133 m a pixel
        assertThat(cellPxAt(60)).isEqualTo(12);      // 0.08 m a pixel
        assertThat(cellPxAt(400)).isEqualTo(FloodStage.MIN_CELL_PX);
        assertThat(cellPxAt(5)).isEqualTo(FloodStage.MAX_CELL_PX);
    }
}
