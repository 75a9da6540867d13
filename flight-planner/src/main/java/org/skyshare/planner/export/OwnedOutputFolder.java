package org.skyshare.planner.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An output folder the product writes into without ever deleting what it did not write. A file
 * {@value #MANIFEST} in the folder lists the files the last run wrote; a later run replaces those
 * and removes the ones it no longer writes, and leaves every other file alone.
 * <ul>
 * <li>A folder that does not exist is staged beside its final place and renamed into it whole.</li>
 * <li>An empty folder, or one holding a manifest, receives its files one by one, each staged and
 * renamed, so no file is ever half written; the manifest lists the union while files are moved, so
 * an interrupted run is cleaned up by the next.</li>
 * <li>A non-empty folder without a manifest (say {@code --out .} in a home folder) is refused
 * before anything is written, as is a run that would replace a file the manifest does not list,
 * or write through a symbolic link out of the folder.</li>
 * </ul>
 * Names come from the writer and must match {@code ownNames}, which is also the only shape of
 * name ever deleted, whatever a manifest says.
 */
public final class OwnedOutputFolder {
    /** Lists the files the product wrote, one relative path a line. */
    public static final String MANIFEST = ".skyshare-files";
    private static final String STAGING_PREFIX = ".skyshare-tmp-";
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final Path given;
    private final Pattern ownNames;

    /** What the writer puts into an empty staging folder; returns the relative names it wrote. */
    @FunctionalInterface
    public interface Content {
        List<String> writeInto(Path dir) throws IOException;
    }

    public OwnedOutputFolder(Path folder, Pattern ownNames) {
        this.given = folder;
        this.ownNames = ownNames;
    }

    /** Writes the content; returns the relative names written. Nothing outside them is touched. */
    public List<String> write(Content content) {
        Path target = given.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new ExportException(given + ": exists and is not a folder; give --out a folder path");
        }
        boolean exists = Files.isDirectory(target);
        Set<String> previous = exists ? previousFiles(target) : Set.of();
        Path firstCreated = exists ? null : firstMissingAncestor(target.getParent());
        Path staging = createStaging(target, exists);
        boolean done = false;
        try {
            List<String> files = content.writeInto(staging);
            for (String f : files) {
                checkOwnName(f);
            }
            if (!exists) {
                writeManifest(staging, files);
                move(staging, target);
            } else {
                checkNothingForeignReplaced(target, files, previous);
                publishInto(staging, target, files, previous);
            }
            done = true;
            return files;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ExportException ee) {
                throw ee;
            }
            throw new ExportException(given + ": cannot write the output (" + e.getMessage() + ")", e);
        } finally {
            deleteStaging(staging);
            if (!done && firstCreated != null) {
                removeEmptyFolders(target.getParent(), firstCreated);
            }
        }
    }

    /** The highest folder on the way to {@code dir} that does not exist yet (null if it exists). */
    private static Path firstMissingAncestor(Path dir) {
        Path missing = null;
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing = p;
        }
        return missing;
    }

    /** Removes the folders a failed run created for the output, from the deepest up, if still empty. */
    private static void removeEmptyFolders(Path deepest, Path highest) {
        for (Path p = deepest; p != null && p.startsWith(highest); p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException notEmpty) {
                return;
            }
        }
    }

    /** The files an earlier run wrote here; refuses a folder holding files of someone else. */
    private Set<String> previousFiles(Path target) {
        List<String> foreign = new ArrayList<>();
        boolean manifest = false;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
            for (Path e : entries) {
                String name = e.getFileName().toString();
                if (name.equals(MANIFEST)) {
                    manifest = Files.isRegularFile(e, NOFOLLOW);
                } else if (name.startsWith(STAGING_PREFIX)) {
                    deleteStaging(e); // left by an interrupted run of ours
                } else {
                    foreign.add(name);
                }
            }
        } catch (IOException e) {
            throw new ExportException(given + ": cannot list the output folder (" + e.getMessage() + ")", e);
        }
        if (!manifest) {
            if (!foreign.isEmpty()) {
                foreign.sort(null);
                throw new ExportException(given + " already holds files that skyshare did not write ("
                        + String.join(", ", foreign.stream().limit(3).toList()) + (foreign.size() > 3 ? ", ..." : "")
                        + "); give --out a new or empty folder. Nothing was written or deleted.");
            }
            return Set.of();
        }
        Set<String> listed = new LinkedHashSet<>();
        try {
            for (String line : Files.readAllLines(target.resolve(MANIFEST), StandardCharsets.UTF_8)) {
                String f = line.strip();
                // a manifest is only a hint: a name of the wrong shape is never ours to delete
                if (!f.isEmpty() && !f.startsWith("#") && isOwnName(f)) {
                    listed.add(f);
                }
            }
        } catch (IOException e) {
            throw new ExportException(given + ": cannot read " + MANIFEST + " (" + e.getMessage() + ")", e);
        }
        return listed;
    }

    private Path createStaging(Path target, boolean exists) {
        try {
            if (exists) {
                // inside the folder: same file system, so each file's move is a rename; and it works for --out .
                return Files.createTempDirectory(target, STAGING_PREFIX);
            }
            Path parent = target.getParent();
            if (parent == null) {
                throw new ExportException(given + ": not a folder skyshare can create");
            }
            Files.createDirectories(parent);
            // not Files.createTempDirectory: it makes the folder owner-only (0700), and this one becomes the output
            return uniqueName(parent, "." + target.getFileName() + ".tmp-", Files::createDirectory);
        } catch (IOException e) {
            throw new ExportException(given + ": cannot create the output folder (" + e.getMessage() + ")", e);
        }
    }

    private void checkNothingForeignReplaced(Path target, List<String> files, Set<String> previous) {
        for (String f : files) {
            Path dest = target.resolve(f);
            for (Path dir = dest.getParent(); !dir.equals(target); dir = dir.getParent()) {
                if (Files.isSymbolicLink(dir) || (Files.exists(dir, NOFOLLOW) && !Files.isDirectory(dir, NOFOLLOW))) {
                    throw new ExportException(given + ": " + target.relativize(dir) + " is a link or a file, not a folder; "
                            + "skyshare writes only inside " + given + ". Nothing was written or deleted.");
                }
            }
            if (Files.exists(dest, NOFOLLOW) && !previous.contains(f)) {
                throw new ExportException(given + ": " + f + " exists and was not written by skyshare; move it away or "
                        + "give --out a new folder. Nothing was written or deleted.");
            }
        }
    }

    private void publishInto(Path staging, Path target, List<String> files, Set<String> previous) throws IOException {
        Set<String> both = new LinkedHashSet<>(previous);
        both.addAll(files);
        writeManifest(target, List.copyOf(both));
        for (String f : files) {
            Path dest = target.resolve(f);
            Files.createDirectories(dest.getParent());
            move(staging.resolve(f), dest);
        }
        for (String old : previous) {
            Path p = target.resolve(old);
            if (!files.contains(old) && Files.isRegularFile(p, NOFOLLOW)) {
                Files.delete(p);
            }
        }
        writeManifest(target, files);
    }

    private void writeManifest(Path dir, List<String> files) throws IOException {
        String text = "# files written by skyshare; it replaces or removes only these\n" + String.join("\n", files) + "\n";
        Path tmp = uniqueName(dir, STAGING_PREFIX + "manifest-",
                p -> Files.writeString(p, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW));
        try {
            move(tmp, dir.resolve(MANIFEST));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private boolean isOwnName(String f) {
        if (!ownNames.matcher(f).matches()) {
            return false;
        }
        for (String part : f.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..") || part.contains("\\")) {
                return false;
            }
        }
        return true;
    }

    private void checkOwnName(String f) {
        if (!isOwnName(f)) {
            throw new ExportException(given + ": refusing to write '" + f + "': not a name this output may hold");
        }
    }

    private interface Creation {
        Path create(Path p) throws IOException;
    }

    /** Creates a new file or folder under a random name with the user's usual permissions. */
    private static Path uniqueName(Path dir, String prefix, Creation create) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path p = dir.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36));
            try {
                return create.create(p);
            } catch (FileAlreadyExistsException taken) {
                if (attempt == 10) {
                    throw taken;
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes a staging folder of ours; never follows links out of it. */
    private static void deleteStaging(Path p) {
        if (!Files.exists(p, NOFOLLOW)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // best effort: a leftover staging folder is hidden and removed by the next run
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
