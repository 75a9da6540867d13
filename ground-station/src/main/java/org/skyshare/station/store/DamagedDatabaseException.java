package org.skyshare.station.store;

import java.nio.file.Path;

/**
 * The station's database file is damaged or missing: the station refuses to start on it rather than
 * run on a silently shortened or new empty history. The message names the file, what is wrong and
 * the recovery path ({@code skyshare db check} / {@code skyshare db recover}).
 */
public final class DamagedDatabaseException extends IllegalStateException {
    private final transient Path file;

    public DamagedDatabaseException(Path file, String problem) {
        super("the station database " + file + " " + problem + ". Nothing was changed. Run `skyshare db check --data "
                + file.getParent() + "` for details, and `skyshare db recover --data " + file.getParent()
                + "` to set the damaged file aside and rebuild the database from its newest good backup plus every row"
                + " still readable in the damaged file");
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
