package org.skyshare.sim.stream;

import java.awt.image.BufferedImage;

/** A decoded RGB frame with the metadata sent for it and the time it was decoded. */
public record ReceivedRgbFrame(FrameMetadata metadata, BufferedImage image, long receivedTimeUs) {
}
