package org.skyshare.station.console.map;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the map shows, owned by the FX thread. Setters replace whole lists (the panels hand over
 * fresh snapshots) and mark the map dirty; drones keep a short trail of past positions.
 */
public final class MapModel {
    public static final int TRAIL_LENGTH = 120;

    private List<MapFeature> features = List.of();
    private Bounds featureBounds = Bounds.EMPTY;
    private List<GridCellShape> cells = List.of();
    private List<PlannedRoute> routes = List.of();
    private List<DroneMarker> drones = List.of();
    private final Map<String, Deque<double[]>> trails = new HashMap<>();
    private List<IncidentMarker> incidents = List.of();
    private String selectedDrone;
    private String selectedIncident;
    private String highlightedRoute;
    private Runnable onChange = () -> { };

    void onChange(Runnable r) {
        this.onChange = Objects.requireNonNull(r);
    }

    private void changed() {
        onChange.run();
    }

    public List<MapFeature> features() {
        return features;
    }

    public Bounds featureBounds() {
        return featureBounds;
    }

    public void setFeatures(List<MapFeature> features) {
        this.features = List.copyOf(features);
        Bounds b = Bounds.EMPTY;
        for (MapFeature f : features) {
            b = b.union(f.bounds());
        }
        featureBounds = b;
        changed();
    }

    public List<GridCellShape> cells() {
        return cells;
    }

    public void setCells(List<GridCellShape> cells) {
        this.cells = List.copyOf(cells);
        changed();
    }

    public List<PlannedRoute> routes() {
        return routes;
    }

    public void setRoutes(List<PlannedRoute> routes) {
        this.routes = List.copyOf(routes);
        changed();
    }

    public List<DroneMarker> drones() {
        return drones;
    }

    public Deque<double[]> trail(String droneId) {
        return trails.getOrDefault(droneId, new ArrayDeque<>());
    }

    public void setDrones(List<DroneMarker> drones) {
        this.drones = List.copyOf(drones);
        for (DroneMarker d : drones) {
            Deque<double[]> t = trails.computeIfAbsent(d.id(), k -> new ArrayDeque<>());
            double[] last = t.peekLast();
            if (last == null || last[0] != d.x() || last[1] != d.y()) {
                t.addLast(new double[] {d.x(), d.y()});
                if (t.size() > TRAIL_LENGTH) {
                    t.removeFirst();
                }
            }
        }
        trails.keySet().retainAll(drones.stream().map(DroneMarker::id).toList());
        changed();
    }

    public List<IncidentMarker> incidents() {
        return incidents;
    }

    public void setIncidents(List<IncidentMarker> incidents) {
        this.incidents = new ArrayList<>(incidents);
        changed();
    }

    public String selectedDrone() {
        return selectedDrone;
    }

    public void setSelectedDrone(String id) {
        selectedDrone = id;
        changed();
    }

    public String selectedIncident() {
        return selectedIncident;
    }

    public void setSelectedIncident(String id) {
        selectedIncident = id;
        changed();
    }

    public String highlightedRoute() {
        return highlightedRoute;
    }

    public void setHighlightedRoute(String id) {
        highlightedRoute = id;
        changed();
    }

    /** Everything with a position, for "fit all". */
    public Bounds allBounds() {
        Bounds b = featureBounds;
        for (PlannedRoute r : routes) {
            b = b.union(r.bounds());
        }
        for (DroneMarker d : drones) {
            b = b.union(new Bounds(d.x(), d.y(), d.x(), d.y()));
        }
        return b;
    }
}
