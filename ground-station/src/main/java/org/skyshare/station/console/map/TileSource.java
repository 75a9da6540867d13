package org.skyshare.station.console.map;

import java.io.IOException;
import java.util.Optional;

/**
 * Where basemap tiles come from. {@link #read} blocks on disk or network, so the map calls it
 * only from its tile loader threads, never from the FX thread.
 */
public interface TileSource extends AutoCloseable {
    /** The encoded image (PNG/JPEG) of the XYZ tile, or empty when the source has none there. */
    Optional<byte[]> read(int zoom, int x, int y) throws IOException;

    int maxZoom();

    String describe();

    @Override
    default void close() {
    }
}
