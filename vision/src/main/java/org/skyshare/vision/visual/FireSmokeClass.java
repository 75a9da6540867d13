package org.skyshare.vision.visual;

/** What a visual fire/smoke detection shows. */
public enum FireSmokeClass {
    FIRE, SMOKE
}
