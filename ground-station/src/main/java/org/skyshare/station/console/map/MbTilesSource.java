package org.skyshare.station.console.map;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Tiles from an offline MBTiles file (SQLite; rows are stored TMS-style, y flipped). */
public final class MbTilesSource implements TileSource {
    private final Path file;
    private final Connection db;
    private final int maxZoom;

    public MbTilesSource(Path file) {
        this.file = file;
        if (!Files.isRegularFile(file)) {
            throw new AssetLoadException(file + ": MBTiles basemap not found");
        }
        try {
            db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (var st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(zoom_level) FROM tiles")) {
                maxZoom = rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new AssetLoadException(file + ": not a readable MBTiles file (expected an SQLite database with a"
                    + " 'tiles' table: " + e.getMessage() + ")", e);
        }
    }

    @Override
    public synchronized Optional<byte[]> read(int zoom, int x, int y) throws IOException {
        int tmsY = (1 << zoom) - 1 - y;
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?")) {
            ps.setInt(1, zoom);
            ps.setInt(2, x);
            ps.setInt(3, tmsY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int maxZoom() {
        return maxZoom;
    }

    @Override
    public String describe() {
        return "MBTiles " + file.getFileName();
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // closing a read-only handle; nothing to recover
        }
    }
}
