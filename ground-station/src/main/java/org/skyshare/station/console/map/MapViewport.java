package org.skyshare.station.console.map;

/**
 * What part of the world the map shows: a centre in world units, a fractional zoom and the
 * canvas size in pixels. Mutable and owned by the FX thread.
 */
public final class MapViewport {
    public static final double MIN_ZOOM = 2;
    public static final double MAX_ZOOM = 20;

    private double centerX = 0.5;
    private double centerY = 0.5;
    private double zoom = 3;
    private double widthPx = 800;
    private double heightPx = 600;

    public double centerX() {
        return centerX;
    }

    public double centerY() {
        return centerY;
    }

    public double zoom() {
        return zoom;
    }

    public double widthPx() {
        return widthPx;
    }

    public double heightPx() {
        return heightPx;
    }

    public double pixelsPerUnit() {
        return WebMercator.pixelsPerUnit(zoom);
    }

    public void setSize(double widthPx, double heightPx) {
        this.widthPx = Math.max(1, widthPx);
        this.heightPx = Math.max(1, heightPx);
    }

    public void setCenter(double x, double y) {
        this.centerX = Math.max(0, Math.min(1, x));
        this.centerY = Math.max(0, Math.min(1, y));
    }

    public void setZoom(double zoom) {
        this.zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
    }

    public double screenX(double worldX) {
        return (worldX - centerX) * pixelsPerUnit() + widthPx / 2;
    }

    public double screenY(double worldY) {
        return (worldY - centerY) * pixelsPerUnit() + heightPx / 2;
    }

    public double worldX(double screenX) {
        return (screenX - widthPx / 2) / pixelsPerUnit() + centerX;
    }

    public double worldY(double screenY) {
        return (screenY - heightPx / 2) / pixelsPerUnit() + centerY;
    }

    /** The visible part of the world, for culling. */
    public Bounds visible() {
        return new Bounds(worldX(0), worldY(0), worldX(widthPx), worldY(heightPx));
    }

    public void panByPixels(double dxPx, double dyPx) {
        setCenter(centerX - dxPx / pixelsPerUnit(), centerY - dyPx / pixelsPerUnit());
    }

    /** Zooms by {@code steps} levels keeping the world point under the given pixel fixed. */
    public void zoomAt(double steps, double screenX, double screenY) {
        double wx = worldX(screenX);
        double wy = worldY(screenY);
        setZoom(zoom + steps);
        setCenter(wx - (screenX - widthPx / 2) / pixelsPerUnit(), wy - (screenY - heightPx / 2) / pixelsPerUnit());
    }

    /** Centres and zooms so the box fills the view with a margin. */
    public void fit(Bounds b) {
        if (b.isEmpty()) {
            return;
        }
        double spanX = Math.max(b.maxX() - b.minX(), 1e-9);
        double spanY = Math.max(b.maxY() - b.minY(), 1e-9);
        double ppu = Math.min(widthPx / spanX, heightPx / spanY) * 0.9;
        setZoom(Math.log(ppu / WebMercator.TILE_SIZE_PX) / Math.log(2));
        setCenter(b.centerX(), b.centerY());
    }

    /** Ground metres per screen pixel at the view's centre. */
    public double metresPerPixel() {
        return WebMercator.metresPerUnit(WebMercator.latDeg(centerY)) / pixelsPerUnit();
    }
}
