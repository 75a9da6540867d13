package org.skyshare.vision.detect;

/** Which sensor(s) saw a detection. */
public enum Sensor {
    THERMAL,
    VISUAL,
    /** Thermal and visual frames of one capture agree. */
    FUSED
}
