package org.skyshare.station.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The evidence folder the alert pipeline keeps ({@code <evidenceDir>/<incident>/<file>}). An
 * evidence id is "incident/file"; anything else — "..", slashes, encoded separators, links
 * pointing outside the folder — is refused, so a link can never read another file on the station.
 */
public final class EvidenceFiles {
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_:-][A-Za-z0-9._:-]{0,99}");
    private final Path root;

    public EvidenceFiles(Path evidenceDir) {
        this.root = evidenceDir.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The evidence id of {@code file} when it lies in the evidence folder, empty otherwise. */
    public Optional<String> idOf(Path file) {
        Path f = file.toAbsolutePath().normalize();
        if (!f.startsWith(root) || root.relativize(f).getNameCount() != 2) {
            return Optional.empty();
        }
        String id = root.relativize(f).toString().replace('\\', '/');
        return isWellFormed(id) ? Optional.of(id) : Optional.empty();
    }

    public static boolean isWellFormed(String id) {
        if (id == null) {
            return false;
        }
        String[] parts = id.split("/", -1);
        return parts.length == 2 && PART.matcher(parts[0]).matches() && PART.matcher(parts[1]).matches()
                && !parts[1].contains("..");
    }

    /** The file behind a well-formed id, when it exists inside the folder (symbolic links resolved). */
    public Optional<Path> open(String id) {
        if (!isWellFormed(id)) {
            return Optional.empty();
        }
        Path f = root.resolve(id).normalize();
        try {
            if (!f.startsWith(root) || !Files.isRegularFile(f)) {
                return Optional.empty();
            }
            Path real = f.toRealPath();
            return real.startsWith(root.toRealPath()) ? Optional.of(real) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
