package org.skyshare.planner.assets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads asset files into one {@link AssetSet}: GeoJSON ({@code .geojson}, {@code .json}), KML
 * ({@code .kml}) and GeoPackage ({@code .gpkg}). Geometry that is safe to repair is repaired and
 * listed in {@link AssetSet#repairs()}; anything else throws an {@link AssetException} naming the
 * file and the feature.
 */
public final class AssetReader {
    private AssetReader() {
    }

    public static AssetSet read(Path... files) {
        return read(List.of(files));
    }

    public static AssetSet read(List<Path> files) {
        if (files.isEmpty()) {
            throw new AssetException("no asset file given; pass at least one .geojson, .kml or .gpkg file");
        }
        List<Asset> assets = new ArrayList<>();
        List<Repair> repairs = new ArrayList<>();
        for (Path f : files) {
            assets.addAll(readOne(f, repairs));
        }
        return AssetSet.of(assets, repairs);
    }

    /** Parses GeoJSON text, e.g. from a resource or a message; {@code source} names it in errors. */
    public static AssetSet parseGeoJson(String source, String geoJson) {
        List<Repair> repairs = new ArrayList<>();
        return AssetSet.of(GeoJsonAssetReader.parse(source, geoJson, repairs), repairs);
    }

    private static List<Asset> readOne(Path file, List<Repair> repairs) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file)) {
            throw new AssetException(file + ": no such asset file");
        }
        try {
            if (name.endsWith(".geojson") || name.endsWith(".json")) {
                return GeoJsonAssetReader.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), repairs);
            }
            if (name.endsWith(".kml")) {
                return KmlAssetReader.parse(file.toString(), Files.readAllBytes(file), repairs);
            }
            if (name.endsWith(".gpkg")) {
                return GeoPackageAssetReader.read(file, repairs);
            }
        } catch (NoSuchFileException e) {
            throw new AssetException(file + ": no such asset file");
        } catch (IOException e) {
            throw new AssetException(file + ": cannot read the asset file (" + e.getMessage() + ")", e);
        }
        throw new AssetException(file + ": unknown asset file type; expected .geojson, .json, .kml or .gpkg");
    }
}
