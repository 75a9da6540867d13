package org.skyshare.sim.world;

public record Road(String id, Polyline line, double widthM) {
}
