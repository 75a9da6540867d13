package org.skyshare.profiles;

public enum CameraKind {
    VISUAL, THERMAL
}
