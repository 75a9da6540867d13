package org.skyshare.vision.visual;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The labelled fire/smoke images under a datasets folder and their held-out split, by the same rules as
 * training/skydata.py: frames of one video (or one block of 100 numbered stills) are one group, and a group is held
 * out when the CRC-32 of its key is divisible by 5. Training never saw a held-out group.
 */
public final class FireSmokeDataset {
    public static final String ROBOFLOW = "fire-smoke/roboflow-fire8";
    public static final String CAIR = "fire-smoke/cair-fire";
    private static final Pattern NUMBERED = Pattern.compile("img_(\\d+).*");

    /**
     * One image: whether it shows fire, and smoke ({@code null} where the dataset does not say), and the labelled
     * fire and smoke boxes where the dataset has them (roboflow; empty for cair).
     */
    public record LabelledImage(Path path, String dataset, boolean fire, Boolean smoke, String group,
                                List<LabelBox> boxes) {
        public LabelledImage {
            boxes = List.copyOf(boxes);
        }

        public boolean hazard() {
            return fire || Boolean.TRUE.equals(smoke);
        }

        /**
         * Whether the strongest of a detector's boxes is centred on one of the labelled boxes, with half a cell of
         * the built-in model's 12x12 grid (1/24 of the frame) of slack.
         */
        public boolean locatedBy(List<FireSmokeBox> detections, int widthPx, int heightPx) {
            return detections.stream().max(Comparator.comparingDouble(FireSmokeBox::score)).map(b -> {
                double x = (b.xPx() + b.widthPx() / 2) / widthPx;
                double y = (b.yPx() + b.heightPx() / 2) / heightPx;
                return boxes.stream().anyMatch(l -> l.contains(x, y, 1.0 / 24));
            }).orElse(false);
        }
    }

    /** A labelled box as the YOLO label file gives it: centre and size as fractions of the frame. */
    public record LabelBox(FireSmokeClass kind, double centreX, double centreY, double width, double height) {
        /** Whether a point (fractions of the frame) lies in the box grown by {@code margin} on every side. */
        public boolean contains(double x, double y, double margin) {
            return Math.abs(x - centreX) <= width / 2 + margin && Math.abs(y - centreY) <= height / 2 + margin;
        }
    }

    private FireSmokeDataset() {
    }

    public static String roboflowGroup(String fileName) {
        int rf = fileName.indexOf("_jpg.rf.");
        String stem = rf >= 0 ? fileName.substring(0, rf) : fileName;
        int mp4 = stem.indexOf("_mp4");
        if (mp4 >= 0) {
            return stem.substring(0, mp4);
        }
        Matcher m = NUMBERED.matcher(stem);
        if (m.matches()) {
            return "img-" + (Long.parseLong(m.group(1)) / 100);
        }
        return stem;
    }

    public static boolean heldOut(String groupKey) {
        CRC32 crc = new CRC32();
        crc.update(groupKey.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 5 == 0;
    }

    /** Roboflow frames: class 0 fire, 2 smoke, 1 ("default") a frame with neither. */
    public static List<LabelledImage> roboflow(Path datasets) {
        Path root = datasets.resolve(ROBOFLOW);
        List<LabelledImage> out = new ArrayList<>();
        for (String split : List.of("train", "valid", "test")) {
            for (Path img : list(root.resolve(split).resolve("images"))) {
                String name = img.getFileName().toString();
                Path label = root.resolve(split).resolve("labels").resolve(name.substring(0, name.lastIndexOf('.')) + ".txt");
                Set<String> classes = new HashSet<>();
                List<LabelBox> boxes = new ArrayList<>();
                if (Files.exists(label)) {
                    try {
                        for (String line : Files.readAllLines(label)) {
                            if (!line.isBlank()) {
                                String[] t = line.trim().split("\\s+");
                                classes.add(t[0]);
                                if (t.length == 5 && (t[0].equals("0") || t[0].equals("2"))) {
                                    boxes.add(new LabelBox(t[0].equals("0") ? FireSmokeClass.FIRE : FireSmokeClass.SMOKE,
                                            Double.parseDouble(t[1]), Double.parseDouble(t[2]),
                                            Double.parseDouble(t[3]), Double.parseDouble(t[4])));
                                }
                            }
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException("Could not read label file " + label + ": " + e.getMessage(), e);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("Label file " + label + " has a box that is not five numbers"
                                + " (class, centre x, centre y, width, height): " + e.getMessage(), e);
                    }
                }
                out.add(new LabelledImage(img, "roboflow-fire8", classes.contains("0"), classes.contains("2"),
                        roboflowGroup(name), boxes));
            }
        }
        return out;
    }

    /** cair-fire: {@code fire/} and {@code normal/}; each photo is its own group. */
    public static List<LabelledImage> cair(Path datasets) {
        Path root = datasets.resolve(CAIR);
        List<LabelledImage> out = new ArrayList<>();
        for (Path img : list(root.resolve("fire"))) {
            out.add(new LabelledImage(img, "cair-fire", true, null, img.getFileName().toString(), List.of()));
        }
        for (Path img : list(root.resolve("normal"))) {
            out.add(new LabelledImage(img, "cair-fire", false, false, img.getFileName().toString(), List.of()));
        }
        return out;
    }

    public static List<LabelledImage> heldOut(List<LabelledImage> images) {
        return images.stream().filter(i -> heldOut(i.group())).toList();
    }

    /** Sorted by file name as Python's sorted() orders them (by UTF-16 code units; the names here are ASCII). */
    static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("Dataset folder " + dir + " does not exist; pass --datasets pointing at"
                    + " the folder that holds fire-smoke/ and water/.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + dir + ": " + e.getMessage(), e);
        }
    }
}
