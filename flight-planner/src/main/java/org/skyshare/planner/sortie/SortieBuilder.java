package org.skyshare.planner.sortie;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.skyshare.planner.plan.Unplanned;
import org.skyshare.planner.plan.WaypointAction;
import org.skyshare.planner.route.Pass;
import org.skyshare.planner.route.RoutePoint;
import org.skyshare.planner.route.Task;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts tasks into sorties: each task goes to a dock that reaches all of it (balancing the docks'
 * total flight time, transit included), then each dock flies its tasks nearest-first, pass by pass,
 * closing a sortie and returning to the dock when the next pass would break the battery budget.
 * A task may so span several sorties; a pass never does.
 */
public final class SortieBuilder {
    private final List<DockSite> docks;
    private final NoFlyRouter router;
    private final double transitAltM;
    private final LegTime legTime;

    /** Time of one straight leg; over terrain it charges the climbs and descents along the ground under the leg. */
    @FunctionalInterface
    public interface LegTime {
        double seconds(FlightTimer timer, RoutePoint a, RoutePoint b);

        LegTime FLAT = FlightTimer::legS;
    }

    public SortieBuilder(List<DockSite> docks, NoFlyRouter router, double transitAltM) {
        this(docks, router, transitAltM, LegTime.FLAT);
    }

    public SortieBuilder(List<DockSite> docks, NoFlyRouter router, double transitAltM, LegTime legTime) {
        this.docks = List.copyOf(docks);
        this.router = router;
        this.transitAltM = transitAltM;
        this.legTime = legTime;
    }

    public SortieResult build(List<Task> tasks) {
        List<Unplanned> unplanned = new ArrayList<>();
        List<List<Task>> perDock = assign(tasks, unplanned);
        // docks fly independently: plan them in parallel, keep dock order in the result
        List<List<Unplanned>> dockUnplanned = new ArrayList<>();
        docks.forEach(d -> dockUnplanned.add(new ArrayList<>()));
        List<List<LocalSortie>> perDockSorties = java.util.stream.IntStream.range(0, docks.size()).parallel()
                .mapToObj(d -> fly(docks.get(d), perDock.get(d), dockUnplanned.get(d))).toList();
        List<LocalSortie> sorties = new ArrayList<>();
        perDockSorties.forEach(sorties::addAll);
        dockUnplanned.forEach(unplanned::addAll);
        return new SortieResult(sorties, unplanned);
    }

    private List<List<Task>> assign(List<Task> tasks, List<Unplanned> unplanned) {
        List<List<Task>> perDock = new ArrayList<>();
        docks.forEach(d -> perDock.add(new ArrayList<>()));
        double[] load = new double[docks.size()];
        record Work(Task task, double timeS) {
        }
        List<Work> work = new ArrayList<>();
        for (Task t : tasks) {
            if (!t.passes().isEmpty()) {
                work.add(new Work(t, t.workLengthM()));
            }
        }
        work.sort(Comparator.comparingDouble((Work w) -> -w.timeS).thenComparing(w -> w.task.id()));
        for (Work w : work) {
            Envelope env = w.task.envelope();
            int best = -1;
            double bestCost = Double.POSITIVE_INFINITY;
            String why = "beyond the operating radius of every dock";
            for (int d = 0; d < docks.size(); d++) {
                DockSite dock = docks.get(d);
                if (env.distance(new Envelope(new Coordinate(dock.xM(), dock.yM()))) > dock.radiusM() || !within(dock, w.task)) {
                    continue;
                }
                if (!anyPassFits(dock, w.task)) {
                    why = "no pass of it fits one battery of " + dock.aircraft().id() + " from the docks in reach";
                    continue;
                }
                double v = dock.aircraft().cruiseSpeedMps();
                double transit = 2 * Math.hypot(env.centre().x - dock.xM(), env.centre().y - dock.yM()) / v;
                double cost = load[d] + w.timeS / v + transit;
                if (cost < bestCost - 1e-9) {
                    bestCost = cost;
                    best = d;
                }
            }
            if (best < 0) {
                unplanned.add(new Unplanned(w.task.assetId(), "task " + w.task.id() + " is " + why, w.task.targetAreaM2(), w.task.workLengthM()));
                continue;
            }
            DockSite dock = docks.get(best);
            load[best] += w.timeS / dock.aircraft().cruiseSpeedMps()
                    + 2 * Math.hypot(env.centre().x - dock.xM(), env.centre().y - dock.yM()) / dock.aircraft().cruiseSpeedMps();
            perDock.get(best).add(w.task);
        }
        perDock.forEach(l -> l.sort(Comparator.comparing(Task::id)));
        return perDock;
    }

    private static boolean within(DockSite dock, Task t) {
        for (Pass p : t.passes()) {
            for (RoutePoint r : p.points()) {
                if (dock.distance(r.xM(), r.yM()) > dock.radiusM()) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean anyPassFits(DockSite dock, Task t) {
        FlightTimer timer = new FlightTimer(dock.aircraft());
        for (Pass p : t.passes()) {
            if (soloTimeS(dock, timer, p) <= dock.budgetS()) {
                return true;
            }
        }
        return false;
    }

    private double soloTimeS(DockSite dock, FlightTimer timer, Pass p) {
        RoutePoint home = new RoutePoint(dock.xM(), dock.yM(), transitAltM, WaypointAction.TAKEOFF, 0, Double.NaN, Double.NaN, 0);
        return timer.climbS(transitAltM) + legS(timer, home, p.first()) + passS(timer, p) + legS(timer, p.last(), home)
                + timer.descentS(transitAltM) + 2 * FlightTimer.REVERSAL_S;
    }

    /** Time of the routed leg as {@link FlightTimer#sortieS} will count it, turns at detour corners at their worst. */
    private double legS(FlightTimer timer, RoutePoint a, RoutePoint b) {
        List<Coordinate> path = router.route(new Coordinate(a.xM(), a.yM()), new Coordinate(b.xM(), b.yM()));
        if (path == null) {
            return Double.POSITIVE_INFINITY;
        }
        if (path.size() == 2) {
            return legTime.seconds(timer, a, b);
        }
        double t = 0;
        RoutePoint prev = a;
        for (int i = 1; i < path.size(); i++) {
            RoutePoint next = i == path.size() - 1 ? b : RoutePoint.fly(path.get(i).x, path.get(i).y, b.altM());
            t += legTime.seconds(timer, prev, next) + (i < path.size() - 1 ? FlightTimer.REVERSAL_S : 0);
            prev = next;
        }
        return t;
    }

    private double passS(FlightTimer timer, Pass p) {
        List<RoutePoint> pts = p.points();
        double t = 0;
        for (int i = 0; i < pts.size(); i++) {
            t += pts.get(i).holdS();
            if (i > 0) {
                t += legTime.seconds(timer, pts.get(i - 1), pts.get(i));
            }
            if (i > 0 && i < pts.size() - 1) {
                t += FlightTimer.turnS(pts.get(i - 1), pts.get(i), pts.get(i + 1));
            }
        }
        return t;
    }

    /** Mutable progress through one task. */
    private static final class Progress {
        final Task task;
        boolean reversed;
        boolean started;
        int next;

        Progress(Task task) {
            this.task = task;
        }

        boolean done() {
            return next >= task.passes().size();
        }

        Pass pass() {
            int i = reversed ? task.passes().size() - 1 - next : next;
            Pass p = task.passes().get(i);
            return reversed ? p.reversed() : p;
        }
    }

    private List<LocalSortie> fly(DockSite dock, List<Task> tasks, List<Unplanned> unplanned) {
        FlightTimer timer = new FlightTimer(dock.aircraft());
        double budget = dock.budgetS();
        List<Progress> todo = new ArrayList<>();
        tasks.forEach(t -> todo.add(new Progress(t)));
        List<LocalSortie> out = new ArrayList<>();
        RoutePoint home = new RoutePoint(dock.xM(), dock.yM(), transitAltM, WaypointAction.TAKEOFF, 0, Double.NaN, Double.NaN, 0);
        Progress current = null;
        while (true) {
            todo.removeIf(Progress::done);
            if (todo.isEmpty()) {
                break;
            }
            List<Stop> stops = new ArrayList<>();
            stops.add(new Stop(home, null));
            RoutePoint pos = home;
            double used = timer.climbS(transitAltM);
            int passes = 0;
            while (true) {
                if (current == null || current.done()) {
                    todo.removeIf(Progress::done);
                    current = nearest(todo, pos);
                    if (current == null) {
                        break;
                    }
                }
                Pass p = current.pass();
                // a junction turns twice (leaving one line, entering the next): charge two full reversals
                double add = legS(timer, pos, p.first()) + 2 * FlightTimer.REVERSAL_S + passS(timer, p);
                double back = legS(timer, p.last(), home) + 2 * FlightTimer.REVERSAL_S + timer.descentS(transitAltM);
                if (used + add + back <= budget) {
                    appendLeg(stops, pos, p.first());
                    for (RoutePoint r : p.points()) {
                        stops.add(new Stop(r, current.task));
                    }
                    used += add;
                    pos = p.last();
                    current.started = true;
                    current.next++;
                    passes++;
                } else if (passes == 0) {
                    unplanned.add(new Unplanned(current.task.assetId(), "a pass of task " + current.task.id() + " ("
                            + Math.round(p.lengthM()) + " m) does not fit one battery of " + dock.aircraft().id() + " from dock " + dock.id(),
                            0, p.lengthM()));
                    current.next++;
                } else {
                    break;
                }
            }
            if (passes == 0) {
                continue;
            }
            RoutePoint land = new RoutePoint(dock.xM(), dock.yM(), transitAltM, WaypointAction.LAND, 0, Double.NaN, Double.NaN, 0);
            appendLeg(stops, pos, land);
            List<RoutePoint> pts = stops.stream().map(Stop::point).toList();
            out.add(new LocalSortie(dock, out.size() + 1, stops, timer.sortieS(pts)));
        }
        return out;
    }

    /** Detour points between a and b (exclusive of a, inclusive of b only when b is the landing). */
    private void appendLeg(List<Stop> stops, RoutePoint a, RoutePoint b) {
        List<Coordinate> path = router.route(new Coordinate(a.xM(), a.yM()), new Coordinate(b.xM(), b.yM()));
        if (path != null) {
            for (int i = 1; i < path.size() - 1; i++) {
                Coordinate c = path.get(i);
                stops.add(new Stop(RoutePoint.fly(c.x, c.y, b.altM()), null));
            }
        }
        if (b.action() == WaypointAction.LAND) {
            stops.add(new Stop(b, null));
        }
    }

    private static Progress nearest(List<Progress> todo, RoutePoint pos) {
        Progress best = null;
        double bestD = Double.POSITIVE_INFINITY;
        boolean bestRev = false;
        for (Progress p : todo) {
            if (p.done()) {
                continue;
            }
            if (p.started) {
                double d = p.pass().first().distance(pos);
                if (d < bestD - 1e-9) {
                    bestD = d;
                    best = p;
                    bestRev = p.reversed;
                }
                continue;
            }
            List<Pass> ps = p.task.passes();
            double fwd = ps.get(0).first().distance(pos);
            double rev = ps.get(ps.size() - 1).last().distance(pos);
            if (fwd < bestD - 1e-9) {
                bestD = fwd;
                best = p;
                bestRev = false;
            }
            if (rev < bestD - 1e-9) {
                bestD = rev;
                best = p;
                bestRev = true;
            }
        }
        if (best != null && !best.started) {
            best.reversed = bestRev;
        }
        return best;
    }
}
