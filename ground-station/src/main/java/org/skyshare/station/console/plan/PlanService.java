package org.skyshare.station.console.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * The planner as the plan panel uses it. {@link #plan} and {@link #export} run on a background
 * thread (they read files and compute), reporting progress 0..1.
 */
public interface PlanService {
    List<String> aircraftIds();

    PlanView plan(PlanRequest request, DoubleConsumer progress) throws Exception;

    /** Writes the plan's files (plan.json, .plan per sortie, KML, GeoJSON) into {@code dir}; returns the files. */
    List<Path> export(PlanView plan, Path dir) throws Exception;
}
