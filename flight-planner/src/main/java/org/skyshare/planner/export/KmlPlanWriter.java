package org.skyshare.planner.export;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.skyshare.planner.assets.Asset;
import org.skyshare.planner.grid.GridCell;
import org.skyshare.planner.plan.Plan;
import org.skyshare.planner.plan.Sortie;
import org.skyshare.planner.plan.Waypoint;
import org.skyshare.planner.plan.WaypointAction;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** The plan as KML 2.2 for Google Earth: sorties as 3D lines, tower inspections, docks, no-fly zones, grid cells. */
public final class KmlPlanWriter {
    private KmlPlanWriter() {
    }

    public static void write(Plan plan, Writer w) throws IOException {
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><name>Skyshare plan</name>\n");
        w.write("<Style id=\"sortie\"><LineStyle><color>ff00a5ff</color><width>2</width></LineStyle></Style>\n");
        w.write("<Style id=\"nofly\"><LineStyle><color>ff0000ff</color><width>2</width></LineStyle><PolyStyle><color>400000ff</color></PolyStyle></Style>\n");
        w.write("<Style id=\"cell\"><LineStyle><color>80ffffff</color><width>1</width></LineStyle><PolyStyle><fill>0</fill></PolyStyle></Style>\n");
        w.write("<Folder><name>Sorties</name>\n");
        boolean terrain = !plan.terrainSource().isEmpty();
        for (Sortie s : plan.sorties()) {
            w.write("<Placemark><name>" + esc(s.id()) + "</name><description>" + esc(String.format(Locale.ROOT,
                    "dock %s, %.0f s, %.0f m, agencies %s", s.dockId(), s.flightTimeS(), s.lengthM(), String.join(", ", s.agencies())))
                    + "</description><styleUrl>#sortie</styleUrl><LineString><altitudeMode>" + (terrain ? "absolute" : "relativeToGround")
                    + "</altitudeMode><coordinates>");
            // over a DEM the heights are relative to the pad: KML gets them above sea level (absolute)
            double base = terrain ? QgcPlanWriter.homeAmslM(plan, s) : 0;
            for (Waypoint p : s.waypoints()) {
                w.write(String.format(Locale.ROOT, "%.7f,%.7f,%.1f ", p.lonDeg(), p.latDeg(), base + (p.action() == WaypointAction.LAND ? 0 : p.altM())));
            }
            w.write("</coordinates></LineString></Placemark>\n");
        }
        w.write("</Folder>\n<Folder><name>Tower inspections</name>\n");
        for (Sortie s : plan.sorties()) {
            for (Waypoint p : s.waypoints()) {
                if (p.action() == WaypointAction.INSPECT) {
                    w.write(String.format(Locale.ROOT, "<Placemark><name>%s</name><Point><altitudeMode>%s</altitudeMode>"
                            + "<coordinates>%.7f,%.7f,%.1f</coordinates></Point></Placemark>\n", esc(p.assetId()),
                            terrain ? "absolute" : "relativeToGround", p.lonDeg(), p.latDeg(), (terrain ? QgcPlanWriter.homeAmslM(plan, s) : 0) + p.altM()));
                }
            }
        }
        w.write("</Folder>\n<Folder><name>Docks</name>\n");
        plan.docks().forEach(d -> {
            try {
                Coordinate c = plan.projection().toWgs84(d.xM(), d.yM());
                w.write(String.format(Locale.ROOT, "<Placemark><name>%s</name><Point><coordinates>%.7f,%.7f,0</coordinates></Point></Placemark>\n",
                        esc(d.id()), c.x, c.y));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        w.write("</Folder>\n<Folder><name>No-fly zones</name>\n");
        for (Asset z : plan.noFlyZones()) {
            polygon(w, z.name(), "#nofly", z.geometry());
        }
        w.write("</Folder>\n<Folder><name>Grid cells</name><visibility>0</visibility>\n");
        for (GridCell c : plan.grid().cells()) {
            polygon(w, c.id() + " (" + c.owner() + ")", "#cell", c.outline());
        }
        w.write("</Folder>\n</Document></kml>\n");
    }

    private static void polygon(Writer w, String name, String style, Geometry g) throws IOException {
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            w.write("<Placemark><name>" + esc(name) + "</name><styleUrl>" + style + "</styleUrl><Polygon><outerBoundaryIs><LinearRing><coordinates>");
            ring(w, p.getExteriorRing().getCoordinates());
            w.write("</coordinates></LinearRing></outerBoundaryIs>");
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                w.write("<innerBoundaryIs><LinearRing><coordinates>");
                ring(w, p.getInteriorRingN(h).getCoordinates());
                w.write("</coordinates></LinearRing></innerBoundaryIs>");
            }
            w.write("</Polygon></Placemark>\n");
        }
    }

    private static void ring(Writer w, Coordinate[] cs) throws IOException {
        for (Coordinate c : cs) {
            w.write(String.format(Locale.ROOT, "%.7f,%.7f ", c.x, c.y));
        }
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
