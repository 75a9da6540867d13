package org.skyshare.planner.route;

/** The kind of work a task is. */
public enum TaskKind {
    AREA_COVERAGE, RIVER_CORRIDOR, LINE_INSPECTION
}
