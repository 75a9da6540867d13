package org.skyshare.sim.world;

import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The simulated area in local metres: what covers the ground, what is hot, where water stands.
 * Immutable once built (see {@link WorldBuilder}); safe to share between vehicles and threads.
 * The ground is flat at {@link #groundAltitudeM()} above mean sea level.
 */
public final class World {
    static final double TOWER_SIZE_M = 9;
    static final double PAD_SIZE_M = 6;

    private final String name;
    private final LocalFrame frame;
    private final long seed;
    private final double groundAltitudeM;
    private final double ambientC;
    private final Wind wind;
    private final List<Polygon> forests;
    private final List<Road> corridors;
    private final List<Road> roads;
    private final List<River> rivers;
    private final List<Building> buildings;
    private final List<LocalFrame.XY> towers;
    private final List<LocalFrame.XY> pads;
    private final List<Fire> fires;
    private final LandCoverRaster raster;
    private final double[] downwind;

    World(String name, LocalFrame frame, long seed, double groundAltitudeM, double ambientC, Wind wind,
          List<Polygon> forests, List<Road> corridors, List<Road> roads, List<River> rivers,
          List<Building> buildings, List<LocalFrame.XY> towers, List<LocalFrame.XY> pads, List<Fire> fires) {
        this.name = name;
        this.frame = frame;
        this.seed = seed;
        this.groundAltitudeM = groundAltitudeM;
        this.ambientC = ambientC;
        this.wind = wind;
        this.forests = List.copyOf(forests);
        this.corridors = List.copyOf(corridors);
        this.roads = List.copyOf(roads);
        this.rivers = List.copyOf(rivers);
        this.buildings = List.copyOf(buildings);
        this.towers = List.copyOf(towers);
        this.pads = List.copyOf(pads);
        this.fires = List.copyOf(fires);
        this.raster = new LandCoverRaster(this);
        this.downwind = wind.downwind();
    }

    public String name() {
        return name;
    }

    public LocalFrame frame() {
        return frame;
    }

    public long seed() {
        return seed;
    }

    public double groundAltitudeM() {
        return groundAltitudeM;
    }

    public double ambientC() {
        return ambientC;
    }

    public Wind wind() {
        return wind;
    }

    public List<Polygon> forests() {
        return forests;
    }

    public List<Road> corridors() {
        return corridors;
    }

    public List<Road> roads() {
        return roads;
    }

    public List<River> rivers() {
        return rivers;
    }

    public List<Building> buildings() {
        return buildings;
    }

    public List<LocalFrame.XY> towers() {
        return towers;
    }

    public List<LocalFrame.XY> pads() {
        return pads;
    }

    public List<Fire> fires() {
        return fires;
    }

    public LandCoverRaster raster() {
        return raster;
    }

    public LandCover landCoverAt(double eastM, double northM) {
        return raster.at(eastM, northM);
    }

    public LandCover landCoverAtGeo(double latDeg, double lonDeg) {
        LocalFrame.XY p = frame.toLocal(latDeg, lonDeg);
        return raster.at(p.eastM(), p.northM());
    }

    /**
     * Temperature of the ground surface without fires: ambient plus what its cover adds (sun on a
     * road, shade of a canopy, cool water), a slow variation across the area, and a roof's own.
     */
    public double groundTemperatureC(LandCover cover, double eastM, double northM) {
        if (cover == LandCover.ROOF) {
            Building b = buildingAt(eastM, northM);
            if (b != null) {
                return b.roofTemperatureC();
            }
            cover = LandCover.GRASS; // a raster cell on the roof's edge, outside its exact outline
        }
        double drift = (ValueNoise.noise(seed ^ 0x5EEDL, eastM / 40, northM / 40) - 0.5) * 3.0;
        double fine = cover == LandCover.FOREST
                ? (ValueNoise.noise(seed ^ 0xF0L, eastM / 2.5, northM / 2.5) - 0.5) * 2.0 : 0;
        return ambientC + cover.temperatureOffsetC() + drift + fine;
    }

    /** Surface temperature including fires: the hottest fire wins where influences overlap. */
    public double temperatureC(double eastM, double northM) {
        LandCover cover = raster.at(eastM, northM);
        return withFires(groundTemperatureC(cover, eastM, northM), eastM, northM);
    }

    /** Applies nearby fires to a ground temperature. */
    public double withFires(double groundC, double eastM, double northM) {
        double t = groundC;
        for (Fire f : fires) {
            double d = Math.hypot(eastM - f.position().eastM(), northM - f.position().northM());
            if (d < f.influenceRadiusM()) {
                t = Math.max(t, f.temperatureC(d, groundC));
            }
        }
        return t;
    }

    /**
     * Optical density (0 clear .. 1 opaque) of the smoke over a ground point: plumes start at each
     * fire, drift downwind, widen and thin out, with a seeded turbulence so they are not smooth cones.
     * Smoke hangs above the ground; drawing it where it meets the line of sight to the ground is close
     * enough from the heights drones fly at.
     */
    public double smokeDensity(double eastM, double northM) {
        if (fires.isEmpty()) {
            return 0;
        }
        double[] w = downwind;
        double length = 45 + 15 * wind.speedMps();
        double clear = 1;
        for (Fire f : fires) {
            if (f.smokeDensity() <= 0) {
                continue;
            }
            double vx = eastM - f.position().eastM();
            double vy = northM - f.position().northM();
            double along = vx * w[0] + vy * w[1];
            if (along < -2 * f.radiusM() || along > 5 * length) {
                continue;
            }
            double across = Math.abs(vx * w[1] - vy * w[0]);
            double sigma = f.radiusM() * 1.2 + 0.3 * Math.max(0, along);
            if (across > 3 * sigma) {
                continue;
            }
            double decay = along >= 0 ? Math.exp(-along / length) : Math.exp(-(along * along) / (f.radiusM() * f.radiusM()));
            double turbulence = 0.45 + 1.1 * ValueNoise.fractal(seed ^ 0x5A0CEL, (along - 0.0) / 7, across / 4);
            double d = Math.min(1, f.smokeDensity() * decay * Math.exp(-(across / sigma) * (across / sigma)) * turbulence);
            clear *= 1 - d;
        }
        return 1 - clear;
    }

    /** Ground points farther than this from every fire have no fire and no smoke. */
    public double fireReachM() {
        return 5 * (45 + 15 * wind.speedMps()) + 10;
    }

    public Building buildingAt(double eastM, double northM) {
        for (Building b : buildings) {
            if (b.contains(eastM, northM)) {
                return b;
            }
        }
        return null;
    }

    public Optional<River> river(String id) {
        return rivers.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** True where water stands beyond a river's normal banks. */
    public boolean isFloodedBeyondBanks(double latDeg, double lonDeg) {
        return landCoverAtGeo(latDeg, lonDeg) == LandCover.FLOOD_WATER;
    }

    /** Where the planted fires, hot roofs and floods are, for tests and end-to-end checks. */
    public GroundTruth groundTruth() {
        List<GroundTruth.FireTruth> f = new ArrayList<>();
        for (Fire fire : fires) {
            f.add(new GroundTruth.FireTruth(fire.id(), fire.latDeg(), fire.lonDeg(), fire.radiusM(), fire.coreTemperatureC()));
        }
        List<GroundTruth.RoofTruth> roofs = new ArrayList<>();
        for (Building b : buildings) {
            roofs.add(new GroundTruth.RoofTruth(b.id(), b.latDeg(), b.lonDeg(), b.widthM(), b.lengthM(), b.roofTemperatureC()));
        }
        List<GroundTruth.FloodTruth> floods = new ArrayList<>();
        for (River r : rivers) {
            for (River.FloodStretch s : r.floods()) {
                LocalFrame.XY a = r.centreLine().at(s.fromChainageM());
                LocalFrame.XY b = r.centreLine().at(s.toChainageM());
                LocalFrame.XY mid = r.centreLine().at((s.fromChainageM() + s.toChainageM()) / 2);
                double[] ga = frame.toGeo(a.eastM(), a.northM());
                double[] gb = frame.toGeo(b.eastM(), b.northM());
                double[] gm = frame.toGeo(mid.eastM(), mid.northM());
                floods.add(new GroundTruth.FloodTruth(r.id(), r.normalWidthM(), s.floodWidthM(), s.fromChainageM(), s.toChainageM(),
                        ga[0], ga[1], gb[0], gb[1], gm[0], gm[1]));
            }
        }
        return new GroundTruth(f, roofs, floods);
    }
}
