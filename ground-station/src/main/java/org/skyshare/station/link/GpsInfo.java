package org.skyshare.station.link;

/** @param fixType GPS_FIX_TYPE (0 none, 2 2D, 3 3D, 4+ DGPS/RTK) */
public record GpsInfo(int fixType, int satellites) {
    public boolean hasFix() {
        return fixType >= 3;
    }
}
