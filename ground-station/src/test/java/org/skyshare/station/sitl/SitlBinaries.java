package org.skyshare.station.sitl;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the real autopilot firmware for tests lives: {@code autopilots/} in the shared folder beside
 * the repository (system property {@code skyshare.shared.dir}, default {@code ../../shared} from a
 * module). Without it a developer's run skips the test with the reason; under CI (CI=true) the test
 * fails, so a missing binary never passes silently.
 */
public final class SitlBinaries {
    private SitlBinaries() {
    }

    static Path autopilots() {
        return Path.of(System.getProperty("skyshare.shared.dir", "../../shared")).resolve("autopilots").toAbsolutePath().normalize();
    }

    /** The executable at {@code autopilots/<relative>}; skips (or fails under CI) when it is absent. */
    static Path require(String relative, String what) {
        Path p = autopilots().resolve(relative);
        if (Files.isExecutable(p)) {
            return p;
        }
        String why = what + " not found at " + p + " (set -Dskyshare.shared.dir to the folder holding autopilots/)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(why);
        }
        Assumptions.abort(why);
        return p;
    }
}
