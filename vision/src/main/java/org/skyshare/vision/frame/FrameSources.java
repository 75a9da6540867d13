package org.skyshare.vision.frame;

import org.skyshare.profiles.CameraProfile;

import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the right {@link FrameSource} for an input path or URL. */
public final class FrameSources {
    private FrameSources() {
    }

    /**
     * @param input           a video file, an image file, a folder of images, or a stream URL
     * @param sampleIntervalS for videos, deliver at most one frame per this many seconds (0: all)
     */
    public static FrameSource open(String input, CameraProfile camera, PoseTrack poses, double sampleIntervalS) {
        if (VideoFrameSource.isStreamUrl(input)) {
            return new VideoFrameSource(input, camera.id(), poses, sampleIntervalS);
        }
        Path p = Path.of(input);
        if (!Files.exists(p)) {
            throw new FrameSourceException("The input " + input + " does not exist.");
        }
        if (Files.isDirectory(p) || ImageFolderSource.isImage(p)) {
            return new ImageFolderSource(p, camera, poses);
        }
        // anything else: let FFmpeg try, it names the problem if it cannot
        return new VideoFrameSource(input, camera.id(), poses, sampleIntervalS);
    }
}
