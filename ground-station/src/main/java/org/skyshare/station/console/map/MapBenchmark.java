package org.skyshare.station.console.map;

import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Measures map redraws with a loaded fleet: {@code drones} moving drones with trails and
 * {@code incidents} incidents spread over the assets. One frame = move the drones, redraw the
 * canvas, and rasterise it (a snapshot), so software rendering cost is included. Runs on the FX thread.
 */
public final class MapBenchmark {
    /** Frame times in milliseconds for one view. */
    public record Result(String view, int frames, double medianMs, double p95Ms, double maxMs, double drawOnlyMedianMs) {
    }

    private final MapCanvas map = new MapCanvas();
    private final List<double[]> droneState = new ArrayList<>();
    private final Random random = new Random(42);

    public MapBenchmark(List<MapFeature> features, int drones, int incidents, double widthPx, double heightPx) {
        StackPane root = new StackPane(map);
        new Scene(root, widthPx, heightPx);
        root.resize(widthPx, heightPx);
        root.layout();
        map.resize(widthPx, heightPx);
        map.layout();
        map.model().setFeatures(features);
        Bounds b = map.model().featureBounds();
        List<IncidentMarker> list = new ArrayList<>();
        String[] kinds = {"fire", "smoke", "hotspot", "flood", "logging", "person"};
        String[] states = {"pending", "confirmed", "acknowledged", "resolved", "dismissed"};
        for (int i = 0; i < incidents; i++) {
            list.add(new IncidentMarker("I" + i, kinds[i % kinds.length], states[i % states.length],
                    b.minX() + random.nextDouble() * (b.maxX() - b.minX()), b.minY() + random.nextDouble() * (b.maxY() - b.minY())));
        }
        map.model().setIncidents(list);
        for (int i = 0; i < drones; i++) {
            droneState.add(new double[] {b.minX() + random.nextDouble() * (b.maxX() - b.minX()),
                b.minY() + random.nextDouble() * (b.maxY() - b.minY()), random.nextDouble() * 360});
        }
        // fill the trails, as after a few minutes of flying
        for (int k = 0; k < MapModel.TRAIL_LENGTH; k++) {
            step();
        }
        map.fitAll();
        map.redraw();
    }

    private void step() {
        List<DroneMarker> markers = new ArrayList<>(droneState.size());
        double stepUnits = 10.0 / WebMercator.metresPerUnit(30); // about 10 m per frame
        for (int i = 0; i < droneState.size(); i++) {
            double[] s = droneState.get(i);
            s[2] += random.nextGaussian() * 5;
            s[0] += Math.sin(Math.toRadians(s[2])) * stepUnits;
            s[1] -= Math.cos(Math.toRadians(s[2])) * stepUnits;
            markers.add(new DroneMarker("D" + (i + 1), s[0], s[1], s[2], "on_mission"));
        }
        map.model().setDrones(markers);
    }

    /** Runs {@code frames} frames at the given zoom offset from "fit all" (0 = everything visible). */
    public Result run(String view, double zoomOffset, int frames, IntConsumer progress) {
        map.fitAll();
        map.viewport().setZoom(map.viewport().zoom() + zoomOffset);
        WritableImage target = new WritableImage((int) map.getWidth(), (int) map.getHeight());
        double[] total = new double[frames];
        double[] draw = new double[frames];
        for (int i = 0; i < frames; i++) {
            step();
            long t0 = System.nanoTime();
            map.redraw();
            long t1 = System.nanoTime();
            map.canvas().snapshot(null, target);
            long t2 = System.nanoTime();
            draw[i] = (t1 - t0) / 1e6;
            total[i] = (t2 - t0) / 1e6;
            progress.accept(i + 1);
        }
        Arrays.sort(total);
        Arrays.sort(draw);
        return new Result(view, frames, total[frames / 2], total[(int) Math.min(frames - 1, Math.ceil(frames * 0.95) - 1)],
                total[frames - 1], draw[frames / 2]);
    }

    public MapCanvas map() {
        return map;
    }
}
