package org.skyshare.vision.frame;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A stream of frames: a video file or network stream, an image folder, radiometric files, or the
 * simulator's stream. Bad frames inside a readable source are skipped and counted, never fatal;
 * a source that cannot be opened or read at all throws {@link FrameSourceException} with a clear
 * message.
 */
public interface FrameSource extends AutoCloseable {

    /** The next good frame, or empty at the end of the source. */
    Optional<Frame> next();

    /** How many frames were read and how many were skipped and why. */
    FrameSourceStats stats();

    /** Number of frames the source expects to deliver, when it knows (for progress bars). */
    default OptionalLong expectedFrames() {
        return OptionalLong.empty();
    }

    /** A short human-readable name (file or URL) for messages. */
    String describe();

    @Override
    void close();
}
