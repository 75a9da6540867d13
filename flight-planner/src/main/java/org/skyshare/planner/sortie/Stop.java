package org.skyshare.planner.sortie;

import org.skyshare.planner.route.RoutePoint;
import org.skyshare.planner.route.Task;

/** A point of a planned sortie with the task it serves (null for take-off, transit, detours, landing). */
public record Stop(RoutePoint point, Task task) {
}
