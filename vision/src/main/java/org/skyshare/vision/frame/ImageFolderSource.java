package org.skyshare.vision.frame;

import org.skyshare.profiles.CameraProfile;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Frames from one image file or a folder of them, in file-name order: JPEG and PNG as visual frames;
 * 16-bit or float TIFF/PNG and headerless {@code .raw} 16-bit counts as radiometric frames (with a
 * thermal camera profile). Unreadable files, files of the wrong size and radiometric files given to
 * a visual camera are skipped and counted. Poses come from a {@link PoseTrack}, by file name first,
 * then by time ({@code index * minCaptureIntervalS} of the profile, as a camera shooting on its
 * interval would).
 */
public final class ImageFolderSource implements FrameSource {
    private static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".tif", ".tiff", ".raw");

    private final Path root;
    private final List<Path> files;
    private final CameraProfile camera;
    private final PoseTrack poses;
    private final FrameSourceStats stats = new FrameSourceStats();
    private int index;

    public ImageFolderSource(Path fileOrFolder, CameraProfile camera, PoseTrack poses) {
        this.root = Objects.requireNonNull(fileOrFolder, "fileOrFolder");
        this.camera = Objects.requireNonNull(camera, "camera");
        this.poses = poses == null ? PoseTrack.NONE : poses;
        if (!Files.exists(fileOrFolder)) {
            throw new FrameSourceException("The input " + fileOrFolder + " does not exist.");
        }
        if (Files.isDirectory(fileOrFolder)) {
            try (Stream<Path> s = Files.list(fileOrFolder)) {
                files = s.filter(p -> isImage(p) && Files.isRegularFile(p)).sorted().toList();
            } catch (IOException e) {
                throw new FrameSourceException("The folder " + fileOrFolder + " cannot be listed: " + e.getMessage(), e);
            }
            if (files.isEmpty()) {
                throw new FrameSourceException("The folder " + fileOrFolder + " holds no images (expected "
                        + String.join(", ", EXTENSIONS) + ").");
            }
        } else {
            if (!isImage(fileOrFolder)) {
                throw new FrameSourceException("The file " + fileOrFolder + " is not an image this reader knows (expected "
                        + String.join(", ", EXTENSIONS) + ").");
            }
            files = List.of(fileOrFolder);
        }
    }

    public static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(n::endsWith);
    }

    @Override
    public Optional<Frame> next() {
        while (index < files.size()) {
            int i = index++;
            Path file = files.get(i);
            try {
                Frame f = read(i, file);
                stats.delivered();
                return Optional.of(f);
            } catch (IOException | RuntimeException e) {
                stats.skipped(file.getFileName() + ": " + reason(e));
            }
        }
        return Optional.empty();
    }

    private Frame read(int i, Path file) throws IOException {
        double mediaTimeS = i * Math.max(camera.minCaptureIntervalS(), 0.001);
        Instant ts = Instant.EPOCH.plusNanos((long) (mediaTimeS * 1e9));
        String name = file.getFileName().toString();
        CapturePose pose = poses.poseForFile(name).or(() -> poses.poseAt(mediaTimeS)).orElse(null);
        if (name.toLowerCase(Locale.ROOT).endsWith(".raw")) {
            requireThermal(name);
            ThermalImage t = RadiometricDecoder.decodeRaw(Files.readAllBytes(file), camera.imageWidthPx(),
                    camera.imageHeightPx(), camera.thermal());
            return Frame.thermal(i, ts, mediaTimeS, camera.id(), pose, t);
        }
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) {
            throw new IOException("not a readable image");
        }
        if (RadiometricDecoder.isRadiometric(img)) {
            requireThermal(name);
            return Frame.thermal(i, ts, mediaTimeS, camera.id(), pose, RadiometricDecoder.decode(img, camera.thermal()));
        }
        return Frame.visual(i, ts, mediaTimeS, camera.id(), pose, img);
    }

    private void requireThermal(String name) {
        if (!camera.measuresTemperature()) {
            throw new IllegalArgumentException("radiometric file but camera " + camera.id() + " is not a thermal camera");
        }
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    @Override
    public FrameSourceStats stats() {
        return stats;
    }

    @Override
    public OptionalLong expectedFrames() {
        return OptionalLong.of(files.size());
    }

    @Override
    public String describe() {
        return root.toString();
    }

    @Override
    public void close() {
        index = files.size();
    }
}
