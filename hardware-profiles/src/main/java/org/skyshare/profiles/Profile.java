package org.skyshare.profiles;

/** Common face of aircraft, camera and dock profiles. */
public sealed interface Profile permits AircraftProfile, CameraProfile, DockProfile {
    String id();

    String name();

    String manufacturer();

    Source source();

    ProfileKind kind();

    /** Reports every field that breaks a rule; never throws. */
    void check(Checks checks);
}
