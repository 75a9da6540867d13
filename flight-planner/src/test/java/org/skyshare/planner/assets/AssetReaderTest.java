package org.skyshare.planner.assets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBWriter;
import org.skyshare.planner.TestData;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssetReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsTheJingshanSample() {
        AssetSet set = AssetReader.read(TestData.jingshan());
        assertThat(set.forests()).hasSize(2);
        assertThat(set.rivers()).hasSize(1);
        assertThat(set.powerLines()).hasSize(1);
        assertThat(set.towers()).hasSize(36);
        assertThat(set.docks()).hasSize(3);
        assertThat(set.noFlyZones()).hasSize(2);
        assertThat(set.towersOf("line-220kv-jingchang")).hasSize(36);
        Asset river = set.byId("river-zhongtiao").orElseThrow();
        assertThat(river.normalWidthM()).hasValue(40.0);
        assertThat(river.agency()).isEqualTo("water");
        assertThat(set.byId("dock-changle-t18").orElseThrow().dockProfileId()).hasValue("dji-dock-2");
        Polygon farm = (Polygon) set.byId("forest-changle").orElseThrow().geometry();
        assertThat(farm.getNumInteriorRing()).isEqualTo(1);
        assertThat(Orientation.isCCW(farm.getExteriorRing().getCoordinateSequence())).isTrue();
        assertThat(set.bounds().getMinX()).isBetween(119.7, 119.9);
        assertThat(set.bounds().getMinY()).isBetween(30.3, 30.5);
        assertThat(set.towers().get(0).agency()).isEqualTo("power");
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static String feature(String id, String kind, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{\"id\":\"" + id + "\",\"kind\":\"" + kind + "\"},\"geometry\":" + geometry + "}";
    }

    private static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    @Test
    void repairsBowtieUnclosedRingDuplicatesAndWindingAndReportsTheFeature() throws Exception {
        Path f = write("r.geojson", collection(
                feature("bowtie", "forest", "{\"type\":\"Polygon\",\"coordinates\":[[[120,30],[120.01,30.01],[120.01,30],[120,30.01],[120,30]]]}"),
                feature("open", "forest", "{\"type\":\"Polygon\",\"coordinates\":[[[120,30],[120.01,30],[120.01,30.01],[120.01,30.01],[120,30.01]]]}"),
                feature("cw", "no_fly", "{\"type\":\"Polygon\",\"coordinates\":[[[120,30],[120,30.01],[120.01,30.01],[120.01,30],[120,30]]]}")));
        AssetSet set = AssetReader.read(f);
        assertThat(set.all()).allMatch(a -> a.geometry().isValid());
        assertThat(set.byId("bowtie").orElseThrow().geometry().getArea()).isGreaterThan(0.4e-4);
        assertThat(set.repairs()).anyMatch(r -> r.featureId().equals("bowtie") && r.what().contains("invalid polygon"));
        assertThat(set.repairs()).anyMatch(r -> r.featureId().equals("open") && r.what().contains("unclosed"));
        assertThat(set.repairs()).anyMatch(r -> r.featureId().equals("open") && r.what().contains("repeated"));
        assertThat(set.repairs()).anyMatch(r -> r.featureId().equals("cw") && r.what().contains("winding"));
        assertThat(set.repairs().get(0).source()).endsWith("r.geojson");
        Geometry cw = set.byId("cw").orElseThrow().geometry();
        assertThat(Orientation.isCCW(((Polygon) cw).getExteriorRing().getCoordinateSequence())).isTrue();
    }

    @Test
    void badInputGivesErrorsNamingFileFeatureAndExpectation() throws Exception {
        assertThatThrownBy(() -> AssetReader.read(write("k.geojson", collection(feature("x1", "volcano", "{\"type\":\"Point\",\"coordinates\":[120,30]}")))))
                .isInstanceOf(AssetException.class).hasMessageContaining("k.geojson").hasMessageContaining("x1")
                .hasMessageContaining("unknown kind 'volcano'").hasMessageContaining("forest, river");
        assertThatThrownBy(() -> AssetReader.read(write("c.geojson", collection(feature("d1", "dock", "{\"type\":\"Point\",\"coordinates\":[30,120]}")))))
                .isInstanceOf(AssetException.class).hasMessageContaining("d1").hasMessageContaining("out of range").hasMessageContaining("swapped");
        assertThatThrownBy(() -> AssetReader.read(write("e.geojson", collection(feature("f1", "forest", "null")))))
                .isInstanceOf(AssetException.class).hasMessageContaining("f1").hasMessageContaining("no geometry");
        assertThatThrownBy(() -> AssetReader.read(write("e2.geojson", collection(feature("f2", "forest", "{\"type\":\"Polygon\",\"coordinates\":[]}")))))
                .isInstanceOf(AssetException.class).hasMessageContaining("f2").hasMessageContaining("no geometry");
        assertThatThrownBy(() -> AssetReader.read(write("t.geojson", collection(feature("f3", "forest", "{\"type\":\"Polygon\",\"coordinates\":[[[120,30],[120.1,30],[120,30]]]}")))))
                .isInstanceOf(AssetException.class).hasMessageContaining("f3").hasMessageContaining("cannot be repaired");
        assertThatThrownBy(() -> AssetReader.read(write("s.geojson", collection(feature("f4", "forest", "{\"type\":\"Point\",\"coordinates\":[120,30]}")))))
                .isInstanceOf(AssetException.class).hasMessageContaining("f4").hasMessageContaining("needs a Polygon");
        assertThatThrownBy(() -> AssetReader.read(write("j.geojson", "{\"type\":\"FeatureCollection\",\n\"features\":[ {,]}")))
                .isInstanceOf(AssetException.class).hasMessageContaining("j.geojson: not valid JSON: line 2");
        assertThatThrownBy(() -> AssetReader.read(write("dup.geojson", collection(
                feature("a", "dock", "{\"type\":\"Point\",\"coordinates\":[120,30]}"),
                feature("a", "dock", "{\"type\":\"Point\",\"coordinates\":[120,30]}")))))
                .isInstanceOf(AssetException.class).hasMessageContaining("a appears more than once");
        assertThatThrownBy(() -> AssetReader.read(dir.resolve("missing.geojson")))
                .isInstanceOf(AssetException.class).hasMessageContaining("missing.geojson: no such file; expected a GeoJSON asset file");
        assertThatThrownBy(() -> AssetReader.read(write("x.shp", "")))
                .isInstanceOf(AssetException.class).hasMessageContaining("unknown asset file type");
    }

    @Test
    void idsThatWouldLeaveAFolderAreRefusedNamingTheFileAndTheId() throws Exception {
        String point = "{\"type\":\"Point\",\"coordinates\":[120,30]}";
        // ids go into JSON text unescaped: the third holds one backslash and the last a tab once parsed
        for (String id : new String[] {"../../x", "a/b", "..\\\\evil", ".hidden", "tab\\tthere"}) {
            Path f = write("ids.geojson", collection(feature(id, "dock", point)));
            assertThatThrownBy(() -> AssetReader.read(f)).as(id).isInstanceOf(AssetException.class)
                    .hasMessageContaining("ids.geojson").hasMessageContaining("cannot be used")
                    .hasMessageContaining("may not contain '/'");
        }
        assertThatThrownBy(() -> AssetReader.read(write("long.geojson", collection(feature("d".repeat(101), "dock", point)))))
                .isInstanceOf(AssetException.class).hasMessageContaining("longer than 100");
        Path kml = write("ids.kml", "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><Placemark id=\"../up\">"
                + "<ExtendedData><Data name=\"kind\"><value>dock</value></Data></ExtendedData>"
                + "<Point><coordinates>120,30</coordinates></Point></Placemark></Document></kml>");
        assertThatThrownBy(() -> AssetReader.read(kml)).isInstanceOf(AssetException.class)
                .hasMessageContaining("ids.kml").hasMessageContaining("'../up'");
        // ordinary ids, spaces and non-Latin letters included, still read
        assertThat(AssetReader.read(write("ok.geojson", collection(feature("Dock 7 \u9759\u5c71", "dock", point)))).docks()).hasSize(1);
    }

    @Test
    void unreadableFilesGetASentenceNamingTheFileAndWhatWasExpected() throws Exception {
        Path latin1 = dir.resolve("latin1.geojson");
        Files.write(latin1, ("{\"type\":\"FeatureCollection\",\n\"features\":[],\"name\":\"Jing\u00e9\"}")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> AssetReader.read(latin1)).isInstanceOf(AssetException.class)
                .hasMessage(latin1 + ": not UTF-8 text (an invalid byte on line 2); expected a GeoJSON asset file saved as UTF-8");
        Path folder = Files.createDirectories(dir.resolve("folder.geojson"));
        assertThatThrownBy(() -> AssetReader.read(folder)).isInstanceOf(AssetException.class)
                .hasMessage(folder + ": is a folder; expected a GeoJSON asset file");
        Path gpkgFolder = Files.createDirectories(dir.resolve("folder.gpkg"));
        assertThatThrownBy(() -> AssetReader.read(gpkgFolder)).isInstanceOf(AssetException.class)
                .hasMessageContaining("is a folder; expected a GeoPackage asset file");
        // SQLite would have created this file as an empty database
        Path missingGpkg = dir.resolve("missing.gpkg");
        assertThatThrownBy(() -> AssetReader.read(missingGpkg)).isInstanceOf(AssetException.class)
                .hasMessageContaining("missing.gpkg: no such file");
        assertThat(missingGpkg).doesNotExist();
    }

    @Test
    void documentsBeyondJacksonsLimitsAreRefusedWithASentenceNotANullPointer() throws Exception {
        Path deep = write("deep.geojson", "[".repeat(5000) + "]".repeat(5000));
        assertThatThrownBy(() -> AssetReader.read(deep)).isInstanceOf(AssetException.class)
                .hasMessageStartingWith(deep + ": not valid JSON: too large or too deeply nested to read: ")
                .hasMessageContaining("nesting depth").hasMessageNotContaining("StreamReadConstraints");
        Path huge = write("huge.geojson", "{\"type\":\"FeatureCollection\",\"features\":[],\"x\":\"" + "a".repeat(21_000_000) + "\"}");
        assertThatThrownBy(() -> AssetReader.read(huge)).isInstanceOf(AssetException.class)
                .hasMessageContaining("huge.geojson: not valid JSON: too large or too deeply nested to read: ")
                .hasMessageContaining("length");
    }

    @Test
    void readsKmlWithExtendedDataAndHoles() throws Exception {
        Path f = write("a.kml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder>
                 <Placemark id="forest-k"><name>K forest</name>
                  <ExtendedData><Data name="kind"><value>forest</value></Data><Data name="agency"><value>forest-farm</value></Data></ExtendedData>
                  <Polygon><outerBoundaryIs><LinearRing><coordinates>120,30 120.02,30 120.02,30.02 120,30.02 120,30</coordinates></LinearRing></outerBoundaryIs>
                  <innerBoundaryIs><LinearRing><coordinates>120.005,30.005 120.01,30.005 120.01,30.01 120.005,30.01 120.005,30.005</coordinates></LinearRing></innerBoundaryIs></Polygon>
                 </Placemark>
                 <Placemark><ExtendedData><Data name="id"><value>river-k</value></Data><Data name="kind"><value>river</value></Data><Data name="normal_width_m"><value>25</value></Data></ExtendedData>
                  <LineString><coordinates>120,30 120.01,30.01,5 120.02,30.015</coordinates></LineString></Placemark>
                </Folder></Document></kml>
                """);
        AssetSet set = AssetReader.read(f);
        Asset forest = set.byId("forest-k").orElseThrow();
        assertThat(forest.name()).isEqualTo("K forest");
        assertThat(forest.agency()).isEqualTo("forest-farm");
        assertThat(((Polygon) forest.geometry()).getNumInteriorRing()).isEqualTo(1);
        assertThat(set.byId("river-k").orElseThrow().normalWidthM()).hasValue(25.0);
        assertThatThrownBy(() -> AssetReader.read(write("b.kml", "<kml><Document><Placemark id=\"p\"></Document></kml>")))
                .isInstanceOf(AssetException.class).hasMessageContaining("b.kml: line 1").hasMessageContaining("not well-formed");
    }

    @Test
    void readsGeoPackageInWgs84AndInUtm() throws Exception {
        Path f = dir.resolve("a.gpkg");
        GeometryFactory gf = new GeometryFactory();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT, organization_coordsys_id INTEGER, definition TEXT, description TEXT)");
            st.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84', 4326, 'EPSG', 4326, '', ''), ('UTM 50N', 32650, 'EPSG', 32650, '', '')");
            st.execute("CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT)");
            st.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT, srs_id INTEGER, z INTEGER, m INTEGER)");
            st.execute("INSERT INTO gpkg_contents VALUES ('docks', 'features', 'docks'), ('zones', 'features', 'zones')");
            st.execute("INSERT INTO gpkg_geometry_columns VALUES ('docks', 'geom', 'POINT', 4326, 0, 0), ('zones', 'shape', 'POLYGON', 32650, 0, 0)");
            st.execute("CREATE TABLE docks (fid INTEGER PRIMARY KEY, id TEXT, kind TEXT, profile TEXT, geom BLOB)");
            st.execute("CREATE TABLE zones (fid INTEGER PRIMARY KEY, id TEXT, kind TEXT, shape BLOB)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO docks (id, kind, profile, geom) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, "dock-g");
                ps.setString(2, "dock");
                ps.setString(3, "sim-dock");
                ps.setBytes(4, gpkg(gf.createPoint(new Coordinate(119.85, 30.4)), 4326));
                ps.execute();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO zones (id, kind, shape) VALUES (?, ?, ?)")) {
                ps.setString(1, "nofly-g");
                ps.setString(2, "no_fly");
                ps.setBytes(3, gpkg(gf.createPolygon(new Coordinate[] {new Coordinate(200000, 3366000), new Coordinate(201000, 3366000),
                        new Coordinate(201000, 3367000), new Coordinate(200000, 3367000), new Coordinate(200000, 3366000)}), 32650));
                ps.execute();
            }
        }
        byte[] before = Files.readAllBytes(f);
        AssetSet set = AssetReader.read(f);
        // opened read-only: the user's file is unchanged and no journal appears beside it
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.gpkg");
        }
        assertThat(set.byId("dock-g").orElseThrow().dockProfileId()).hasValue("sim-dock");
        assertThat(set.byId("dock-g").orElseThrow().geometry().getCoordinate().x).isEqualTo(119.85);
        Geometry zone = set.byId("nofly-g").orElseThrow().geometry();
        assertThat(zone.getCentroid().getX()).isBetween(113.0, 115.0);
        assertThat(zone.getCentroid().getY()).isBetween(30.0, 31.0);
    }

    private static byte[] gpkg(Geometry g, int srs) {
        byte[] wkb = new WKBWriter(2, true).write(g);
        ByteBuffer b = ByteBuffer.allocate(8 + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 1).putInt(srs).put(wkb);
        return b.array();
    }
}
