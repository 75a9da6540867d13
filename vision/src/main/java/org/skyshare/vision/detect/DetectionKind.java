package org.skyshare.vision.detect;

/** What a detection says is on the ground. */
public enum DetectionKind {
    /** Open flame or a fire's thermal signature. */
    FIRE,
    /** Smoke plume. */
    SMOKE,
    /** A hot spot that is not clearly fire (smouldering, hot machinery); worth a look, lower priority. */
    HOTSPOT,
    /** Water beyond a river's normal banks. */
    FLOOD
}
