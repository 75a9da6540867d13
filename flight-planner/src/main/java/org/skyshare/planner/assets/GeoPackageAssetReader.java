package org.skyshare.planner.assets;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads assets from an OGC GeoPackage: every feature table listed in gpkg_contents, each row one
 * feature, its non-geometry columns the properties ({@code kind} among them). Geometries in another
 * EPSG system are transformed to WGS84.
 */
final class GeoPackageAssetReader {
    private GeoPackageAssetReader() {
    }

    static List<Asset> read(Path file, List<Repair> repairs) {
        String source = file.toString();
        List<Asset> out = new ArrayList<>();
        // read-only: reading an asset file must never change it (nor create a journal beside it)
        org.sqlite.SQLiteConfig readOnly = new org.sqlite.SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), readOnly.toProperties());
             Statement st = c.createStatement()) {
            List<String[]> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c "
                    + "JOIN gpkg_geometry_columns g ON g.table_name = c.table_name WHERE c.data_type = 'features' ORDER BY c.table_name")) {
                while (rs.next()) {
                    tables.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            if (tables.isEmpty()) {
                throw new AssetException(source + ": the GeoPackage has no feature tables (gpkg_contents lists none with data_type 'features')");
            }
            for (String[] t : tables) {
                readTable(c, source, t[0], t[1], Integer.parseInt(t[2]), repairs, out);
            }
        } catch (SQLException e) {
            throw new AssetException(source + ": not a readable GeoPackage (" + e.getMessage() + ")", e);
        }
        return out;
    }

    private static void readTable(Connection c, String source, String table, String geomColumn, int srsId,
                                  List<Repair> repairs, List<Asset> out) throws SQLException {
        CoordinateTransform toWgs84 = transformFor(c, source, table, srsId);
        FeatureAssembler fa = new FeatureAssembler(source, repairs);
        WKBReader wkb = new WKBReader(FeatureAssembler.WGS84);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"")) {
            ResultSetMetaData md = rs.getMetaData();
            int row = 0;
            while (rs.next()) {
                row++;
                fa.begin("row " + row + " of table " + table);
                Map<String, String> props = new LinkedHashMap<>();
                byte[] blob = null;
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    String col = md.getColumnName(i);
                    if (col.equalsIgnoreCase(geomColumn)) {
                        blob = rs.getBytes(i);
                    } else {
                        Object v = rs.getObject(i);
                        if (v != null) {
                            props.put(col, v.toString());
                        }
                    }
                }
                String id = props.get("id");
                if (id == null || id.isBlank()) {
                    throw fa.error("has no id; add an 'id' column with a unique value");
                }
                fa.name(id + " (table " + table + ", row " + row + ")");
                Geometry g = blob == null ? null : decode(fa, wkb, blob);
                if (g != null && toWgs84 != null) {
                    g = transform(g, toWgs84);
                }
                if (g != null) {
                    g = recheck(fa, g);
                }
                out.add(fa.finish(id, props, g));
            }
        }
    }

    /** Runs each coordinate through the range check and rings through the ring repairs. */
    private static Geometry recheck(FeatureAssembler fa, Geometry g) {
        for (Coordinate co : g.getCoordinates()) {
            fa.coordinate(co.x, co.y);
        }
        return g;
    }

    static Geometry decode(FeatureAssembler fa, WKBReader wkb, byte[] blob) {
        if (blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            throw fa.error("geometry is not a GeoPackage binary blob (missing the 'GP' header)");
        }
        int flags = blob[3];
        if ((flags & 0x10) != 0) {
            return null;
        }
        int envelope = (flags >> 1) & 0x07;
        int envBytes = switch (envelope) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            case 4 -> 64;
            default -> throw fa.error("geometry header has an invalid envelope code " + envelope);
        };
        int start = 8 + envBytes;
        if (blob.length <= start) {
            throw fa.error("geometry blob is truncated");
        }
        byte[] body = new byte[blob.length - start];
        System.arraycopy(blob, start, body, 0, body.length);
        try {
            return wkb.read(body);
        } catch (ParseException | RuntimeException e) {
            throw fa.error("geometry blob is not valid WKB (" + e.getMessage() + ")");
        }
    }

    static int srsId(byte[] blob) {
        ByteOrder order = (blob[3] & 1) == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        return ByteBuffer.wrap(blob, 4, 4).order(order).getInt();
    }

    private static CoordinateTransform transformFor(Connection c, String source, String table, int srsId) throws SQLException {
        if (srsId == 4326 || srsId == 0 || srsId == -1) {
            return null;
        }
        String org = null;
        int code = srsId;
        try (var ps = c.prepareStatement("SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = ?")) {
            ps.setInt(1, srsId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    org = rs.getString(1);
                    code = rs.getInt(2);
                }
            }
        }
        if (org != null && !org.equalsIgnoreCase("EPSG")) {
            throw new AssetException(source + ": table " + table + " uses spatial reference " + org + ":" + code
                    + "; expected an EPSG system (WGS84 preferred)");
        }
        if (code == 4326) {
            return null;
        }
        try {
            CRSFactory f = new CRSFactory();
            return new BasicCoordinateTransform(f.createFromName("EPSG:" + code), f.createFromName("EPSG:4326"));
        } catch (RuntimeException e) {
            throw new AssetException(source + ": table " + table + " uses EPSG:" + code + ", which cannot be transformed to WGS84 ("
                    + e.getMessage() + ")");
        }
    }

    private static Geometry transform(Geometry g, CoordinateTransform t) {
        Geometry copy = g.copy();
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate out = new ProjCoordinate();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                in.x = seq.getX(i);
                in.y = seq.getY(i);
                t.transform(in, out);
                seq.setOrdinate(i, 0, out.x);
                seq.setOrdinate(i, 1, out.y);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        copy.geometryChanged();
        return copy;
    }
}
