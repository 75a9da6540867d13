package org.skyshare.station.report;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.skyshare.planner.assets.Asset;
import org.skyshare.planner.assets.AssetSet;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/**
 * The report's map: assets, flown tracks and incidents on a plain background, in an
 * equirectangular view scaled by the latitude's cosine (true shape at this area's size).
 */
final class ReportMap {
    private static final Color FOREST = new Color(46, 125, 50, 110);
    private static final Color WATER = new Color(30, 110, 200);
    private static final Color LINE = new Color(40, 40, 40);
    private static final Color NO_FLY = new Color(200, 30, 30, 70);
    private static final Color[] TRACKS = {new Color(255, 140, 0), new Color(142, 36, 170), new Color(0, 150, 136),
            new Color(233, 30, 99)};

    private final int widthPx;
    private final int heightPx;
    private final Envelope view;
    private final double scale;
    private final double cosLat;

    ReportMap(Envelope area, int widthPx) {
        Envelope e = new Envelope(area);
        e.expandBy(e.getWidth() * 0.04, e.getHeight() * 0.04);
        this.view = e;
        this.cosLat = Math.cos(Math.toRadians(e.centre().y));
        this.widthPx = widthPx;
        this.scale = widthPx / (e.getWidth() * cosLat);
        this.heightPx = (int) Math.ceil(e.getHeight() * scale);
    }

    BufferedImage draw(AssetSet assets, PatrolReport report) {
        BufferedImage img = new BufferedImage(widthPx, heightPx, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(245, 243, 238));
        g.fillRect(0, 0, widthPx, heightPx);
        for (Asset a : assets.forests()) {
            fill(g, a.geometry(), FOREST);
        }
        for (Asset a : assets.noFlyZones()) {
            fill(g, a.geometry(), NO_FLY);
        }
        for (Asset a : assets.rivers()) {
            double widthM = a.properties().containsKey("normal_width_m") ? Double.parseDouble(a.properties().get("normal_width_m")) : 20;
            stroke(g, a.geometry(), WATER, (float) Math.max(2, widthM * metresToPx()));
        }
        for (Asset a : assets.powerLines()) {
            stroke(g, a.geometry(), LINE, 1.5f);
        }
        for (Asset a : assets.towers()) {
            dot(g, a.geometry().getCoordinate(), LINE, 3);
        }
        int i = 0;
        for (PatrolReport.Track t : report.tracks()) {
            g.setColor(TRACKS[i++ % TRACKS.length]);
            g.setStroke(new BasicStroke(1.6f));
            Path2D path = new Path2D.Double();
            boolean first = true;
            for (double[] p : t.lonLat()) {
                double x = x(p[0]);
                double y = y(p[1]);
                if (first) {
                    path.moveTo(x, y);
                    first = false;
                } else {
                    path.lineTo(x, y);
                }
            }
            g.draw(path);
        }
        for (Asset a : assets.docks()) {
            Coordinate c = a.geometry().getCoordinate();
            g.setColor(new Color(21, 101, 192));
            g.fillRect((int) x(c.x) - 6, (int) y(c.y) - 6, 12, 12);
            g.setColor(Color.WHITE);
            g.drawRect((int) x(c.x) - 6, (int) y(c.y) - 6, 12, 12);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        for (PatrolReport.IncidentSummary inc : report.incidents()) {
            Color c = switch (inc.kind().toUpperCase()) {
                case "FIRE", "SMOKE" -> new Color(211, 47, 47);
                case "FLOOD" -> new Color(2, 119, 189);
                default -> new Color(251, 140, 0);
            };
            int px = (int) x(inc.lonDeg());
            int py = (int) y(inc.latDeg());
            g.setColor(Color.WHITE);
            g.fillOval(px - 9, py - 9, 18, 18);
            g.setColor(c);
            g.fillOval(px - 7, py - 7, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(inc.kind().toLowerCase(), px + 10, py + 4);
        }
        drawScaleBar(g);
        g.dispose();
        return img;
    }

    private double metresToPx() {
        return scale / 111_320.0;
    }

    private void drawScaleBar(Graphics2D g) {
        double metres = niceLength(widthPx / 5.0 / metresToPx());
        int len = (int) Math.round(metres * metresToPx());
        int x0 = 16;
        int y0 = heightPx - 18;
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2f));
        g.drawLine(x0, y0, x0 + len, y0);
        g.drawLine(x0, y0 - 5, x0, y0 + 5);
        g.drawLine(x0 + len, y0 - 5, x0 + len, y0 + 5);
        g.drawString(metres >= 1000 ? String.format("%.0f km", metres / 1000) : String.format("%.0f m", metres), x0, y0 - 8);
    }

    static double niceLength(double metres) {
        double p = Math.pow(10, Math.floor(Math.log10(metres)));
        for (double m : new double[] {5, 2, 1}) {
            if (m * p <= metres) {
                return m * p;
            }
        }
        return p;
    }

    private double x(double lon) {
        return (lon - view.getMinX()) * cosLat * scale;
    }

    private double y(double lat) {
        return (view.getMaxY() - lat) * scale;
    }

    private void fill(Graphics2D g, Geometry geom, Color colour) {
        for (int i = 0; i < geom.getNumGeometries(); i++) {
            if (geom.getGeometryN(i) instanceof Polygon p) {
                Path2D path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
                ring(path, p.getExteriorRing().getCoordinates());
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    ring(path, p.getInteriorRingN(h).getCoordinates());
                }
                g.setColor(colour);
                g.fill(path);
                g.setColor(colour.darker());
                g.setStroke(new BasicStroke(1f));
                g.draw(path);
            }
        }
    }

    private void ring(Path2D path, Coordinate[] cs) {
        path.moveTo(x(cs[0].x), y(cs[0].y));
        for (int i = 1; i < cs.length; i++) {
            path.lineTo(x(cs[i].x), y(cs[i].y));
        }
        path.closePath();
    }

    private void stroke(Graphics2D g, Geometry geom, Color colour, float widthPx) {
        g.setColor(colour);
        g.setStroke(new BasicStroke(widthPx, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < geom.getNumGeometries(); i++) {
            if (geom.getGeometryN(i) instanceof LineString l) {
                Path2D path = new Path2D.Double();
                Coordinate[] cs = l.getCoordinates();
                path.moveTo(x(cs[0].x), y(cs[0].y));
                for (int k = 1; k < cs.length; k++) {
                    path.lineTo(x(cs[k].x), y(cs[k].y));
                }
                g.draw(path);
            } else if (geom.getGeometryN(i) instanceof Point) {
                dot(g, geom.getGeometryN(i).getCoordinate(), colour, 3);
            }
        }
    }

    private void dot(Graphics2D g, Coordinate c, Color colour, int r) {
        g.setColor(colour);
        g.fillOval((int) x(c.x) - r, (int) y(c.y) - r, 2 * r, 2 * r);
    }
}
