package org.skyshare.planner.assets;

import org.locationtech.jts.geom.Envelope;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The assets of one area, in file order: all of them, by kind, by id, and their WGS84 bounds
 * (x = longitude, y = latitude). Immutable. Ids are unique.
 */
public final class AssetSet {
    private final List<Asset> all;
    private final Map<String, Asset> byId;
    private final Map<AssetKind, List<Asset>> byKind;
    private final List<Repair> repairs;
    private final Envelope bounds;

    private AssetSet(List<Asset> assets, List<Repair> repairs) {
        this.all = List.copyOf(assets);
        Map<String, Asset> ids = new LinkedHashMap<>();
        Map<AssetKind, List<Asset>> kinds = new EnumMap<>(AssetKind.class);
        for (AssetKind k : AssetKind.values()) {
            kinds.put(k, new ArrayList<>());
        }
        Envelope env = new Envelope();
        for (Asset a : all) {
            if (ids.putIfAbsent(a.id(), a) != null) {
                throw new AssetException("asset id " + a.id() + " appears more than once; every feature needs its own id");
            }
            kinds.get(a.kind()).add(a);
            env.expandToInclude(a.geometry().getEnvelopeInternal());
        }
        kinds.replaceAll((k, v) -> List.copyOf(v));
        this.byId = Collections.unmodifiableMap(ids);
        this.byKind = Collections.unmodifiableMap(kinds);
        this.repairs = List.copyOf(repairs);
        this.bounds = env;
    }

    public static AssetSet of(List<Asset> assets) {
        return new AssetSet(assets, List.of());
    }

    public static AssetSet of(List<Asset> assets, List<Repair> repairs) {
        return new AssetSet(assets, repairs);
    }

    public List<Asset> all() {
        return all;
    }

    public List<Asset> ofKind(AssetKind kind) {
        return byKind.get(kind);
    }

    public Optional<Asset> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Asset> forests() {
        return ofKind(AssetKind.FOREST);
    }

    public List<Asset> rivers() {
        return ofKind(AssetKind.RIVER);
    }

    public List<Asset> powerLines() {
        return ofKind(AssetKind.POWER_LINE);
    }

    public List<Asset> towers() {
        return ofKind(AssetKind.TOWER);
    }

    public List<Asset> docks() {
        return ofKind(AssetKind.DOCK);
    }

    public List<Asset> noFlyZones() {
        return ofKind(AssetKind.NO_FLY);
    }

    /** The towers that name this line in their {@code line} property, in file order. */
    public List<Asset> towersOf(String lineId) {
        return towers().stream().filter(t -> t.lineId().filter(lineId::equals).isPresent()).toList();
    }

    /** WGS84 bounds of every asset (x = longitude); a null envelope when the set is empty. */
    public Envelope bounds() {
        return new Envelope(bounds);
    }

    /** Geometry fixes applied while reading, with the feature each concerns. */
    public List<Repair> repairs() {
        return repairs;
    }

    public int size() {
        return all.size();
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }
}
