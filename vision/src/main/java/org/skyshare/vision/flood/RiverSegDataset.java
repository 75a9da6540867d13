package org.skyshare.vision.flood;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.List;
import java.util.zip.CRC32;

/**
 * water/river-seg photos with their masks and the held-out split of training/skydata.py: blocks of ten
 * consecutive numbers form a group (neighbours often show one place), held out when CRC-32 of the key % 5 == 0.
 */
public final class RiverSegDataset {
    public static final String FOLDER = "water/river-seg";

    public record Sample(Path image, Path mask, String group) {
    }

    private RiverSegDataset() {
    }

    public static String group(String fileName) {
        int n = Integer.parseInt(fileName.substring(0, fileName.indexOf('.')));
        return "block-" + ((n - 1) / 10);
    }

    public static boolean heldOut(String group) {
        CRC32 crc = new CRC32();
        crc.update(group.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 5 == 0;
    }

    public static List<Sample> all(Path datasets) {
        Path root = datasets.resolve(FOLDER);
        try (Stream<Path> s = Files.list(root)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jpg")).sorted()
                    .map(n -> new Sample(root.resolve(n), root.resolve(n.substring(0, n.length() - 4) + ".png"), group(n)))
                    .toList();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("Dataset folder " + root + " does not exist; pass --datasets pointing at"
                    + " the folder that holds fire-smoke/ and water/.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + root + ": " + e.getMessage(), e);
        }
    }

    public static List<Sample> heldOut(Path datasets) {
        return all(datasets).stream().filter(s -> heldOut(s.group())).toList();
    }
}
