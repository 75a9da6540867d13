package org.skyshare.planner.plan;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.util.GeometricShapeFactory;
import org.skyshare.planner.assets.Asset;
import org.skyshare.planner.assets.AssetKind;
import org.skyshare.planner.assets.AssetSet;
import org.skyshare.planner.corridor.CorridorParameters;
import org.skyshare.planner.corridor.PowerLineOp;
import org.skyshare.planner.corridor.RiverCorridorOp;
import org.skyshare.planner.coverage.CoverageOp;
import org.skyshare.planner.coverage.CoverageParameters;
import org.skyshare.planner.coverage.CoverageResult;
import org.skyshare.planner.coverage.Transect;
import org.skyshare.planner.coverage.validate.CoverageValidator;
import org.skyshare.planner.geo.LocalProjection;
import org.skyshare.planner.grid.Grid;
import org.skyshare.planner.grid.GridCell;
import org.skyshare.planner.route.Pass;
import org.skyshare.planner.route.RoutePoint;
import org.skyshare.planner.route.Task;
import org.skyshare.planner.route.TaskKind;
import org.skyshare.planner.sortie.DockSite;
import org.skyshare.planner.sortie.FlightTimer;
import org.skyshare.planner.sortie.LocalSortie;
import org.skyshare.planner.sortie.NoFlyRouter;
import org.skyshare.planner.sortie.SortieBuilder;
import org.skyshare.planner.sortie.SortieResult;
import org.skyshare.planner.sortie.Stop;
import org.skyshare.planner.terrain.Terrain;
import org.skyshare.planner.terrain.TerrainFollower;
import org.skyshare.planner.terrain.TerrainLegTime;
import org.skyshare.profiles.AircraftProfile;
import org.skyshare.profiles.CameraKind;
import org.skyshare.profiles.CameraProfile;
import org.skyshare.profiles.DockProfile;
import org.skyshare.profiles.ProfileCatalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The planning facade: assets and profiles in, a {@link Plan} out. Stages: projection and docks,
 * grid cells, area coverage per cell (within each dock's reach, outside no-fly zones), river
 * corridors, power-line runs, dock assignment and sorties, shared-agency tagging, statistics.
 * <pre>Plan plan = Planner.plan(AssetReader.read(file), PlanParameters.defaults());</pre>
 */
public final class Planner {
    /** Dock used when a dock feature names no profile. */
    public static final String DEFAULT_DOCK_PROFILE = "sim-dock";
    /** Agencies also served by a waypoint within this distance of a power line. */
    public static final double LINE_INTEREST_M = 200;

    /** Survey lines and corridor passes keep this much more than the no-fly margin legs keep. */
    public static final double WORK_MARGIN_EXTRA_M = 0.5;

    private static final GeometryFactory GF = new GeometryFactory();

    private final AssetSet assets;
    private final PlanParameters params;
    private final ProfileCatalog catalog;
    private final ProgressListener progress;
    private final List<Unplanned> unplanned = new ArrayList<>();

    private final Terrain terrain;

    private Planner(AssetSet assets, PlanParameters params, ProfileCatalog catalog, ProgressListener progress, Terrain terrain) {
        this.assets = assets;
        this.params = params;
        this.catalog = catalog;
        this.progress = progress;
        this.terrain = terrain;
    }

    public static Plan plan(AssetSet assets, PlanParameters params) {
        return plan(assets, params, ProfileCatalog.builtIn(), ProgressListener.NONE);
    }

    public static Plan plan(AssetSet assets, PlanParameters params, ProfileCatalog catalog, ProgressListener progress) {
        return new Planner(assets, params, catalog, progress, null).run();
    }

    /**
     * As {@link #plan(AssetSet, PlanParameters, ProfileCatalog, ProgressListener)}, every leg at its height above the
     * DEM's ground (see {@link TerrainFollower}); a null terrain plans over flat ground at each dock's level.
     */
    public static Plan plan(AssetSet assets, PlanParameters params, ProfileCatalog catalog, ProgressListener progress, Terrain terrain) {
        return new Planner(assets, params, catalog, progress, terrain).run();
    }

    private record Piece(Asset asset, GridCell cell, Geometry target) {
    }

    private record PieceResult(List<Task> tasks, List<Unplanned> unplanned, List<AreaCoverage> coverage) {
    }

    private Plan run() {
        if (assets.docks().isEmpty()) {
            throw new PlanException("the assets hold no dock; add at least one feature with kind 'dock' (and its 'profile')");
        }
        LocalProjection proj = LocalProjection.forArea(assets.bounds());
        List<Geometry> noFly = assets.noFlyZones().stream().map(a -> proj.toLocal(a.geometry())).toList();
        Geometry noFlyUnion = noFly.isEmpty() ? GF.createPolygon() : UnaryUnionOp.union(noFly);
        // survey lines and passes stop a little outside the margin that legs keep, so that their ends are
        // never inside it: the 4-segment corners are drawn wide enough for their chords to keep it too
        Geometry soft = noFly.isEmpty() ? null
                : noFlyUnion.buffer((params.noFlyMarginM() + WORK_MARGIN_EXTRA_M) / Math.cos(Math.PI / 16), 4);
        PreparedGeometry softPrepared = soft == null ? null : PreparedGeometryFactory.prepare(soft);
        NoFlyRouter router = new NoFlyRouter(noFly, params.noFlyMarginM());

        AircraftProfile planAircraft = planningAircraft();
        CameraProfile camera = camera(planAircraft);
        var geo = camera.geometry();
        double alt = Math.max(params.minAltitudeM(), Math.min(params.maxAltitudeM(), geo.heightForGsdM(params.gsdM())));
        double swath = geo.footprintAcrossM(alt);
        double spacing = geo.lineSpacingM(alt, params.sideOverlap());
        double photo = geo.photoSpacingM(alt, params.frontOverlap());
        CoverageParameters cp = CoverageParameters.of(spacing, swath, photo, alt);
        CorridorParameters corridor = new CorridorParameters(params.riverMarginM(), alt, params.riverChunkM(), params.towerStandoffM(),
                params.towerHeightM(), 3, params.towersPerTask(), 2);

        List<DockSite> docks = docks(proj, router);
        progress.progress("grid", 0, 1);
        Grid grid = Grid.build(assets, params.cellSizeM(), proj);
        progress.progress("grid", 1, 1);

        List<Task> tasks = new ArrayList<>();
        List<AreaCoverage> pieces = new ArrayList<>();
        Map<String, Double> targetArea = new LinkedHashMap<>();
        List<Piece> jobs = new ArrayList<>();
        for (Asset a : assets.all()) {
            boolean area = a.kind() == AssetKind.FOREST || (a.kind() == AssetKind.RIVER && a.geometry().getDimension() == 2);
            if (!area) {
                continue;
            }
            Geometry local = proj.toLocal(a.geometry());
            Geometry target = noFly.isEmpty() ? local : OverlayNGRobust.overlay(local, noFlyUnion, OverlayNG.DIFFERENCE);
            targetArea.merge(a.id(), target.getArea(), Double::sum);
            if (target.getArea() < local.getArea() - 1) {
                unplanned.add(new Unplanned(a.id(), "part inside no-fly zones is not flown", local.getArea() - target.getArea(), 0));
            }
            for (GridCell cell : cellsOver(grid, target)) {
                jobs.add(new Piece(a, cell, target));
            }
        }
        long[] doneCount = {0};
        List<PieceResult> results = IntStream.range(0, jobs.size()).parallel()
                .mapToObj(i -> coverPiece(jobs.get(i), grid, docks, soft, cp, doneCount, jobs.size()))
                .toList();
        for (PieceResult r : results) {
            tasks.addAll(r.tasks);
            unplanned.addAll(r.unplanned);
            pieces.addAll(r.coverage);
        }
        progress.progress("coverage", jobs.size(), jobs.size());

        tasks.addAll(rivers(proj, grid, corridor, cp, soft, softPrepared));
        tasks.addAll(lines(proj, grid, corridor, soft, softPrepared, router));
        progress.progress("corridors", 1, 1);

        SortieBuilder builder = terrain == null ? new SortieBuilder(docks, router, alt)
                : new SortieBuilder(docks, router, alt, new TerrainLegTime(terrain, proj, 20));
        progress.progress("sorties", 0, 1);
        SortieResult sr = builder.build(tasks);
        unplanned.addAll(sr.unplanned());
        progress.progress("sorties", 1, 1);

        for (DockSite d : docks) {
            if (sr.sorties().stream().noneMatch(s -> s.dock() == d)) {
                unplanned.add(new Unplanned(d.id(), "dock " + d.id() + " has no work: no asset within its " + Math.round(d.radiusM())
                        + " m radius that another dock does not take", 0, 0));
            }
        }

        AgencyIndex agencies = agencyIndex(proj);
        List<Sortie> sorties = new ArrayList<>();
        Map<String, List<Transect>> flown = new HashMap<>();
        sorties.addAll(sr.sorties().parallelStream().map(ls -> export(ls, proj, grid, agencies, photo)).toList());
        if (terrain != null) {
            progress.progress("terrain", 0, 1);
            TerrainFollower follower = new TerrainFollower(terrain, proj, TerrainFollower.Settings.defaults());
            List<Sortie> flat = sorties;
            // sorties are independent: lay them over the ground in parallel, keeping their order
            sorties = IntStream.range(0, flat.size()).parallel().mapToObj(i -> {
                DockSite d = sr.sorties().get(i).dock();
                return follower.follow(flat.get(i), d.groundAmslM(), dockGround(d, proj), new FlightTimer(d.aircraft()));
            }).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
            progress.progress("terrain", 1, 1);
        }
        for (LocalSortie ls : sr.sorties()) {
            collectFlown(ls, flown);
        }
        List<AreaCoverage> coverage = new ArrayList<>();
        for (AreaCoverage ac : pieces) {
            coverage.add(new AreaCoverage(ac.taskId(), ac.assetId(), ac.cellId(), ac.targetLocal(), flown.getOrDefault(ac.taskId(), List.of())));
        }
        progress.progress("statistics", 0, 1);
        PlanStats stats = stats(sorties, coverage, targetArea, swath);
        progress.progress("statistics", 1, 1);
        List<Unplanned> un = new ArrayList<>(unplanned);
        un.sort(Comparator.comparing(Unplanned::assetId).thenComparing(Unplanned::reason));
        return new Plan(proj, planAircraft, camera, alt, spacing, swath, photo, grid, sorties, un, stats, assets.repairs(), coverage,
                assets.noFlyZones(), noFly, docks, params.noFlyMarginM(), terrain == null ? "" : terrain.source());
    }

    // ---- profiles and docks

    private AircraftProfile planningAircraft() {
        if (params.aircraftId() != null) {
            return aircraft(params.aircraftId(), "--aircraft");
        }
        Map<String, Integer> count = new TreeMap<>();
        for (Asset d : assets.docks()) {
            DockProfile p = dockProfile(d);
            count.merge(p.aircraft().get(0), 1, Integer::sum);
        }
        String most = count.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()).orElseThrow().getKey();
        return aircraft(most, "dock profile");
    }

    private AircraftProfile aircraft(String id, String where) {
        try {
            return catalog.aircraft(id);
        } catch (RuntimeException e) {
            throw new PlanException("unknown aircraft '" + id + "' (from " + where + "); known aircraft: "
                    + String.join(", ", catalog.aircraft().stream().map(AircraftProfile::id).toList()));
        }
    }

    private DockProfile dockProfile(Asset dock) {
        String id = dock.dockProfileId().orElse(DEFAULT_DOCK_PROFILE);
        try {
            return catalog.dock(id);
        } catch (RuntimeException e) {
            throw new PlanException("dock " + dock.id() + " names profile '" + id + "', which is not a known dock; known docks: "
                    + String.join(", ", catalog.docks().stream().map(DockProfile::id).toList()));
        }
    }

    private CameraProfile camera(AircraftProfile a) {
        if (params.cameraId() != null) {
            try {
                return catalog.camera(params.cameraId());
            } catch (RuntimeException e) {
                throw new PlanException("unknown camera '" + params.cameraId() + "'; the aircraft " + a.id() + " carries " + a.payloads());
            }
        }
        for (String id : a.payloads()) {
            CameraProfile c = catalog.camera(id);
            if (c.cameraKind() == CameraKind.THERMAL) {
                return c;
            }
        }
        return catalog.camera(a.payloads().get(0));
    }

    private List<DockSite> docks(LocalProjection proj, NoFlyRouter router) {
        List<DockSite> out = new ArrayList<>();
        for (Asset d : assets.docks()) {
            DockProfile profile = dockProfile(d);
            AircraftProfile a = params.aircraftId() != null ? aircraft(params.aircraftId(), "--aircraft")
                    : aircraft(profile.aircraft().get(0), "dock profile " + profile.id());
            Point p = (Point) d.geometry();
            Coordinate m = proj.toLocal(p.getX(), p.getY());
            if (router.blocked(m.x, m.y)) {
                unplanned.add(new Unplanned(d.id(), "dock " + d.id() + " lies inside (or within " + Math.round(params.noFlyMarginM())
                        + " m of) a no-fly zone and cannot fly", 0, 0));
                continue;
            }
            double minimum = a.budget().climbAndDescentS(params.minAltitudeM()) + 2 * FlightTimer.REVERSAL_S;
            if (a.budget().usableTimeS() <= minimum) {
                throw new PlanException("aircraft " + a.id() + " is too weak for any sortie: " + Math.round(a.budget().usableTimeS())
                        + " s usable flight time (endurance less reserve) does not cover the " + Math.round(minimum) + " s climb and descent");
            }
            double radius = Math.min(profile.operatingRadiusM(), a.budget().radiusOfActionM());
            // the pad's own elevation when the file gives it (a dock may stand on a roof), else the DEM's ground
            double pad = d.number(Asset.ELEVATION_M).orElse(terrain == null ? Double.NaN : terrain.groundAmslM(p.getX(), p.getY()));
            if (terrain != null && Double.isNaN(pad)) {
                throw new PlanException("dock " + d.id() + " lies outside the DEM " + terrain.source() + " (no ground height there)");
            }
            out.add(new DockSite(d.id(), m.x, m.y, profile, a, radius, pad));
        }
        if (out.isEmpty()) {
            throw new PlanException("no dock can fly: every dock lies inside a no-fly zone");
        }
        return out;
    }

    private double dockGround(DockSite d, LocalProjection proj) {
        Coordinate w = proj.toWgs84(d.xM(), d.yM());
        double g = terrain.groundAmslM(w.x, w.y);
        return Double.isNaN(g) ? d.groundAmslM() : g;
    }

    // ---- area coverage

    private static List<GridCell> cellsOver(Grid grid, Geometry target) {
        List<GridCell> out = new ArrayList<>();
        PreparedGeometry pg = PreparedGeometryFactory.prepare(target);
        Envelope e = target.getEnvelopeInternal();
        double s = grid.cellSizeM();
        for (int c = (int) Math.floor(e.getMinX() / s); c <= (int) Math.floor(e.getMaxX() / s); c++) {
            for (int r = (int) Math.floor(e.getMinY() / s); r <= (int) Math.floor(e.getMaxY() / s); r++) {
                var cell = grid.cellAtLocal((c + 0.5) * s, (r + 0.5) * s);
                if (cell.isPresent() && pg.intersects(grid.localSquare(cell.get()))) {
                    out.add(cell.get());
                }
            }
        }
        return out;
    }

    private PieceResult coverPiece(Piece job, Grid grid, List<DockSite> docks, Geometry soft, CoverageParameters cp,
                                   long[] doneCount, int total) {
        Polygon square = grid.localSquare(job.cell);
        PreparedGeometry tp = PreparedGeometryFactory.prepare(job.target);
        Geometry piece = tp.containsProperly(square) ? square : OverlayNGRobust.overlay(job.target, square, OverlayNG.INTERSECTION);
        List<Task> tasks = new ArrayList<>();
        List<Unplanned> un = new ArrayList<>();
        List<AreaCoverage> cov = new ArrayList<>();
        if (piece.getArea() >= 1) {
            Geometry rest = piece;
            int part = 0;
            Coordinate centre = piece.getEnvelopeInternal().centre();
            List<DockSite> byDistance = new ArrayList<>(docks);
            byDistance.sort(Comparator.comparingDouble((DockSite d) -> d.distance(centre.x, centre.y)).thenComparing(DockSite::id));
            for (DockSite d : byDistance) {
                if (rest.isEmpty() || rest.getArea() < 1) {
                    break;
                }
                double reach = d.radiusM() - cp.lineSpacingM();
                if (reach <= 0 || rest.getEnvelopeInternal().distance(new Envelope(d.xM(), d.xM(), d.yM(), d.yM())) > reach) {
                    continue;
                }
                Geometry mine;
                if (maxDistance(rest, d) <= reach) {
                    mine = rest;
                    rest = GF.createPolygon();
                } else {
                    Geometry circle = circle(d, reach);
                    mine = OverlayNGRobust.overlay(rest, circle, OverlayNG.INTERSECTION);
                    rest = OverlayNGRobust.overlay(rest, circle, OverlayNG.DIFFERENCE);
                }
                if (mine.getArea() < 1) {
                    continue;
                }
                String id = job.asset.id() + "@" + job.cell.id() + (part == 0 ? "" : "#" + part);
                part++;
                CoverageResult r = CoverageOp.cover(mine, soft, cp);
                List<Pass> passes = new ArrayList<>();
                for (Transect t : r.transects()) {
                    int photos = (int) Math.floor(t.lengthM() / cp.photoSpacingM()) + 1;
                    passes.add(new Pass(List.of(
                            new RoutePoint(t.a().x, t.a().y, cp.altitudeM(), org.skyshare.planner.plan.WaypointAction.SURVEY_START, 0, -90, Double.NaN, cp.photoSpacingM()),
                            new RoutePoint(t.b().x, t.b().y, cp.altitudeM(), org.skyshare.planner.plan.WaypointAction.SURVEY_END, 0, -90, Double.NaN, 0)),
                            photos, 0));
                }
                passes.addAll(contourPasses(mine, soft, cp));
                if (passes.isEmpty()) {
                    un.add(new Unplanned(job.asset.id(), "piece " + id + " has no survey line outside the no-fly margins", mine.getArea(), 0));
                    continue;
                }
                tasks.add(new Task(id, TaskKind.AREA_COVERAGE, job.asset.id(), job.cell.id(), List.of(job.asset.agency()), passes, mine.getArea()));
                cov.add(new AreaCoverage(id, job.asset.id(), job.cell.id(), mine, r.transects()));
            }
            if (rest.getArea() >= 1) {
                un.add(new Unplanned(job.asset.id(), "part in cell " + job.cell.id() + " is beyond the reach of every dock", rest.getArea(), 0));
            }
        }
        synchronized (doneCount) {
            doneCount[0]++;
            if (doneCount[0] % 64 == 0) {
                progress.progress("coverage", doneCount[0], total);
            }
        }
        return new PieceResult(tasks, un, cov);
    }

    /**
     * Passes along the edge of the no-fly margin where it borders a piece: survey lines stop at the
     * margin, and this pass lets the camera see the strip between their ends and the zone.
     */
    private static List<Pass> contourPasses(Geometry piece, Geometry soft, CoverageParameters cp) {
        if (soft == null || !soft.getEnvelopeInternal().intersects(piece.getEnvelopeInternal())) {
            return List.of();
        }
        Geometry near = piece.buffer(cp.swathWidthM() / 2 - cp.lineSpacingM() / 4, 4);
        Geometry edge = OverlayNGRobust.overlay(soft.getBoundary(), near, OverlayNG.INTERSECTION);
        List<Pass> out = new ArrayList<>();
        for (int i = 0; i < edge.getNumGeometries(); i++) {
            // simplified by less than the extra the margin edge keeps beyond the legs' margin, so the pass keeps it too
            Geometry part = org.locationtech.jts.simplify.DouglasPeuckerSimplifier.simplify(edge.getGeometryN(i), WORK_MARGIN_EXTRA_M * 0.8);
            Coordinate[] cs = part.getCoordinates();
            if (cs.length < 2 || part.getLength() < cp.minLineM()) {
                continue;
            }
            List<RoutePoint> pts = new ArrayList<>();
            for (int j = 0; j < cs.length; j++) {
                WaypointAction a = j == 0 ? WaypointAction.SURVEY_START : j == cs.length - 1 ? WaypointAction.SURVEY_END : WaypointAction.PASS;
                pts.add(new RoutePoint(cs[j].x, cs[j].y, cp.altitudeM(), a, 0, -90, Double.NaN, j == 0 ? cp.photoSpacingM() : 0));
            }
            out.add(new Pass(pts, (int) Math.floor(part.getLength() / cp.photoSpacingM()) + 1, 0));
        }
        return out;
    }

    private static double maxDistance(Geometry g, DockSite d) {
        double m = 0;
        for (Coordinate c : g.getCoordinates()) {
            m = Math.max(m, d.distance(c.x, c.y));
        }
        return m;
    }

    private static Geometry circle(DockSite d, double r) {
        GeometricShapeFactory f = new GeometricShapeFactory(GF);
        f.setCentre(new Coordinate(d.xM(), d.yM()));
        f.setSize(2 * r);
        f.setNumPoints(128);
        return f.createCircle();
    }

    // ---- corridors

    private List<Task> rivers(LocalProjection proj, Grid grid, CorridorParameters cp, CoverageParameters cov,
                              Geometry soft, PreparedGeometry softPrepared) {
        List<Task> out = new ArrayList<>();
        for (Asset r : assets.rivers()) {
            if (r.geometry().getDimension() != 1) {
                continue;
            }
            double width = r.normalWidthM().orElse(10);
            List<Double> offsets = RiverCorridorOp.offsets(width + 2 * cp.riverMarginM(), cov.swathWidthM(), cov.lineSpacingM());
            Geometry local = proj.toLocal(r.geometry());
            int n = 0;
            for (int g = 0; g < local.getNumGeometries(); g++) {
                for (LineString chunk : RiverCorridorOp.chunks((LineString) local.getGeometryN(g), cp.chunkLengthM())) {
                    List<Pass> passes = RiverCorridorOp.passes(chunk, offsets, cp.riverAltitudeM(), cp.simplifyM(), cov.photoSpacingM(), soft, softPrepared);
                    Coordinate mid = chunk.getCentroid().getCoordinate();
                    String cell = grid.cellAtLocal(mid.x, mid.y).map(GridCell::id).orElse("");
                    String id = r.id() + "~" + (++n);
                    if (passes.isEmpty()) {
                        unplanned.add(new Unplanned(r.id(), "chunk " + id + " lies inside no-fly margins", 0, chunk.getLength()));
                        continue;
                    }
                    out.add(new Task(id, TaskKind.RIVER_CORRIDOR, r.id(), cell, List.of(r.agency()), passes, 0));
                }
            }
        }
        return out;
    }

    private List<Task> lines(LocalProjection proj, Grid grid, CorridorParameters cp, Geometry soft, PreparedGeometry softPrepared,
                             NoFlyRouter router) {
        List<Task> out = new ArrayList<>();
        for (Asset line : assets.powerLines()) {
            Geometry local = proj.toLocal(line.geometry());
            List<PowerLineOp.TowerSite> towers = new ArrayList<>();
            for (Asset t : assets.towersOf(line.id())) {
                Point p = (Point) t.geometry();
                Coordinate m = proj.toLocal(p.getX(), p.getY());
                towers.add(new PowerLineOp.TowerSite(t.id(), m.x, m.y, 0, t.number("height_m").orElse(cp.towerHeightM())));
            }
            for (int g = 0; g < local.getNumGeometries(); g++) {
                LineString ls = (LineString) local.getGeometryN(g);
                List<PowerLineOp.TowerSite> mine = local.getNumGeometries() == 1 ? towers
                        : towers.stream().filter(t -> ls.distance(GF.createPoint(new Coordinate(t.xM(), t.yM()))) < 100).toList();
                List<PowerLineOp.TowerSite> sites = PowerLineOp.sites(ls, mine, cp.towerHeightM());
                if (sites.size() < 2) {
                    continue;
                }
                int n = 0;
                for (int from = 0; from < sites.size() - 1; from += cp.towersPerTask()) {
                    int to = Math.min(sites.size() - 1, from + cp.towersPerTask());
                    PowerLineOp.LineRun run = PowerLineOp.run(ls, sites, from, to, to == sites.size() - 1, cp, soft, softPrepared,
                            c -> router.blocked(c.x, c.y) || (softPrepared != null && softPrepared.intersects(GF.createPoint(c))));
                    for (String t : run.skippedTowers()) {
                        unplanned.add(new Unplanned(t, "inspection point of tower " + t + " lies in a no-fly zone or its margin", 0, 0));
                    }
                    String id = line.id() + "~" + (++n);
                    if (run.passes().isEmpty()) {
                        continue;
                    }
                    PowerLineOp.TowerSite first = sites.get(from);
                    String cell = grid.cellAtLocal(first.xM(), first.yM()).map(GridCell::id).orElse("");
                    out.add(new Task(id, TaskKind.LINE_INSPECTION, line.id(), cell, List.of(line.agency()), run.passes(), 0));
                }
            }
        }
        return out;
    }

    // ---- agencies, export to WGS84, statistics

    private AgencyIndex agencyIndex(LocalProjection proj) {
        AgencyIndex idx = new AgencyIndex();
        for (Asset a : assets.all()) {
            Geometry g;
            switch (a.kind()) {
                case FOREST -> g = proj.toLocal(a.geometry());
                case RIVER -> {
                    Geometry l = proj.toLocal(a.geometry());
                    g = l.getDimension() == 2 ? l : l.buffer(a.normalWidthM().orElse(10) / 2 + params.riverMarginM() + 50, 4);
                }
                case POWER_LINE -> g = proj.toLocal(a.geometry()).buffer(LINE_INTEREST_M, 4);
                default -> g = null;
            }
            if (g != null) {
                idx.add(a.agency(), g);
            }
        }
        idx.build();
        return idx;
    }

    private Sortie export(LocalSortie ls, LocalProjection proj, Grid grid, AgencyIndex agencies, double photoSpacing) {
        List<Waypoint> wps = new ArrayList<>(ls.stops().size());
        TreeSet<String> all = new TreeSet<>();
        TreeSet<String> assetIds = new TreeSet<>();
        double length = 0;
        double maxRange = 0;
        int photos = 0;
        int inspections = 0;
        RoutePoint prev = null;
        RoutePoint surveyStart = null;
        double surveyRun = 0;
        for (Stop s : ls.stops()) {
            RoutePoint p = s.point();
            Coordinate w = proj.toWgs84(p.xM(), p.yM());
            List<String> ag = s.task() == null ? List.of() : agencies.agenciesAt(p.xM(), p.yM(), s.task().agencies());
            all.addAll(ag);
            String assetId = s.task() == null ? "" : s.task().assetId();
            if (!assetId.isEmpty()) {
                assetIds.add(assetId);
            }
            String cell = grid.cellAtLocal(p.xM(), p.yM()).map(GridCell::id).orElse("");
            wps.add(new Waypoint(w.y, w.x, p.altM(), p.action(), p.holdS(), p.gimbalPitchDeg(), p.headingDeg(), p.triggerDistanceM(),
                    ag, assetId, cell));
            if (prev != null) {
                length += prev.distance(p);
            }
            maxRange = Math.max(maxRange, ls.dock().distance(p.xM(), p.yM()));
            if (surveyStart != null && prev != null) {
                surveyRun += prev.distance(p);
            }
            if (p.action() == WaypointAction.SURVEY_START) {
                surveyStart = p;
                surveyRun = 0;
            } else if (p.action() == WaypointAction.SURVEY_END && surveyStart != null) {
                photos += (int) Math.floor(surveyRun / photoSpacing) + 1;
                surveyStart = null;
            } else if (p.action() == WaypointAction.INSPECT) {
                inspections++;
                photos++;
            }
            prev = p;
        }
        String id = ls.dock().id() + "-" + String.format("%03d", ls.number());
        return new Sortie(id, ls.dock().id(), ls.dock().aircraft().id(), wps, length, ls.flightTimeS(), maxRange, photos, inspections,
                new ArrayList<>(all), new ArrayList<>(assetIds));
    }

    /** Every survey leg flown (camera on), by task: straight lines and the legs of contour passes. */
    private static void collectFlown(LocalSortie ls, Map<String, List<Transect>> flown) {
        RoutePoint prev = null;
        boolean on = false;
        for (Stop s : ls.stops()) {
            RoutePoint p = s.point();
            if (on && prev != null && s.task() != null) {
                flown.computeIfAbsent(s.task().id(), k -> new ArrayList<>())
                        .add(new Transect(new Coordinate(prev.xM(), prev.yM()), new Coordinate(p.xM(), p.yM())));
            }
            if (p.action() == WaypointAction.SURVEY_START) {
                on = true;
            } else if (p.action() == WaypointAction.SURVEY_END) {
                on = false;
            }
            prev = p;
        }
    }

    private PlanStats stats(List<Sortie> sorties, List<AreaCoverage> coverage, Map<String, Double> targetArea, double swath) {
        int wps = 0;
        int insp = 0;
        int photos = 0;
        double len = 0;
        double maxT = 0;
        for (Sortie s : sorties) {
            wps += s.waypoints().size();
            insp += s.inspectionPoints();
            photos += s.photoCount() - s.inspectionPoints();
            len += s.lengthM();
            maxT = Math.max(maxT, s.flightTimeS());
        }
        double area = targetArea.values().stream().mapToDouble(Double::doubleValue).sum();
        double transect = 0;
        for (AreaCoverage ac : coverage) {
            for (Transect t : ac.flownTransects()) {
                transect += t.lengthM();
            }
        }
        double covered;
        if (params.measureCoverage()) {
            // a piece counts every line that sees it, its neighbours' too (as plan --check does)
            var flownLines = org.skyshare.planner.plan.validate.FlownLines.of(coverage);
            covered = coverage.parallelStream()
                    .mapToDouble(ac -> CoverageValidator.coveredAreaM2(ac.targetLocal(), flownLines.near(ac.targetLocal(), swath), swath)).sum();
        } else {
            covered = coverage.stream().filter(ac -> !ac.flownTransects().isEmpty()).mapToDouble(ac -> ac.targetLocal().getArea()).sum();
        }
        int un = (int) unplanned.stream().filter(u -> !u.reason().startsWith("dock ")).count();
        return new PlanStats(sorties.size(), wps, insp + photos, photos, area, covered, len, transect, maxT, un);
    }

}
