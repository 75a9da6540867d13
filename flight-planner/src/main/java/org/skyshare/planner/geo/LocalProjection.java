package org.skyshare.planner.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * WGS84 longitude/latitude to metres and back, in the UTM zone of an area (x = easting, y = northing).
 * Planning, simulation and georeferencing all measure in this frame so that distances and areas are
 * true to within UTM's scale error (under 0.1% inside a zone). Thread-safe.
 */
public final class LocalProjection {
    private static final CRSFactory CRS = new CRSFactory();
    private static final CoordinateReferenceSystem WGS84 = CRS.createFromParameters("WGS84", "+proj=longlat +datum=WGS84 +no_defs");

    private final int zone;
    private final boolean south;
    private final ThreadLocal<CoordinateTransform> forward;
    private final ThreadLocal<CoordinateTransform> inverse;

    private LocalProjection(int zone, boolean south) {
        this.zone = zone;
        this.south = south;
        CoordinateReferenceSystem utm = CRS.createFromParameters("UTM" + zone + (south ? "S" : "N"),
                "+proj=utm +zone=" + zone + (south ? " +south" : "") + " +datum=WGS84 +units=m +no_defs");
        this.forward = ThreadLocal.withInitial(() -> new BasicCoordinateTransform(WGS84, utm));
        this.inverse = ThreadLocal.withInitial(() -> new BasicCoordinateTransform(utm, WGS84));
    }

    /** The UTM zone holding a point (longitude, latitude in degrees). */
    public static LocalProjection at(double lonDeg, double latDeg) {
        if (!(lonDeg >= -180 && lonDeg <= 180 && latDeg >= -80 && latDeg <= 84)) {
            throw new IllegalArgumentException("no UTM zone for longitude " + lonDeg + ", latitude " + latDeg
                    + "; expected longitude -180..180 and latitude -80..84");
        }
        int zone = (int) Math.floor((lonDeg + 180) / 6) + 1;
        return new LocalProjection(Math.min(zone, 60), latDeg < 0);
    }

    /** The UTM zone of an area's centre (envelope in WGS84, x = longitude). */
    public static LocalProjection forArea(Envelope wgs84) {
        if (wgs84.isNull()) {
            throw new IllegalArgumentException("cannot choose a projection for an empty area");
        }
        return at(wgs84.centre().x, wgs84.centre().y);
    }

    public int zone() {
        return zone;
    }

    public boolean south() {
        return south;
    }

    /** EPSG code of the zone (326xx north, 327xx south). */
    public int epsg() {
        return (south ? 32700 : 32600) + zone;
    }

    /** Metres (easting, northing) of a WGS84 position. */
    public Coordinate toLocal(double lonDeg, double latDeg) {
        ProjCoordinate out = new ProjCoordinate();
        forward.get().transform(new ProjCoordinate(lonDeg, latDeg), out);
        return new Coordinate(out.x, out.y);
    }

    /** WGS84 (x = longitude, y = latitude) of a local position in metres. */
    public Coordinate toWgs84(double eastingM, double northingM) {
        ProjCoordinate out = new ProjCoordinate();
        inverse.get().transform(new ProjCoordinate(eastingM, northingM), out);
        return new Coordinate(out.x, out.y);
    }

    /** A copy of a WGS84 geometry in local metres. */
    public Geometry toLocal(Geometry wgs84) {
        return apply(wgs84, forward.get());
    }

    /** A copy of a local geometry in WGS84 (x = longitude). */
    public Geometry toWgs84(Geometry local) {
        return apply(local, inverse.get());
    }

    private static Geometry apply(Geometry g, CoordinateTransform t) {
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

    @Override
    public String toString() {
        return "UTM zone " + zone + (south ? "S" : "N") + " (EPSG:" + epsg() + ")";
    }
}
