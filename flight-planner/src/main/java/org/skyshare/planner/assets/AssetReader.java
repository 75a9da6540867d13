package org.skyshare.planner.assets;

import org.skyshare.profiles.InputFiles;

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
        try {
            if (name.endsWith(".geojson") || name.endsWith(".json")) {
                return GeoJsonAssetReader.parse(file.toString(), InputFiles.readText(file, "a GeoJSON asset file"), repairs);
            }
            if (name.endsWith(".kml")) {
                return KmlAssetReader.parse(file.toString(), InputFiles.readBytes(file, "a KML asset file"), repairs);
            }
            if (name.endsWith(".gpkg")) {
                // SQLite would create a missing file as an empty database, so the file is checked first
                InputFiles.requireReadableFile(file, "a GeoPackage asset file");
                return GeoPackageAssetReader.read(file, repairs);
            }
        } catch (InputFiles.InputFileException e) {
            throw new AssetException(e.getMessage(), e);
        }
        throw new AssetException(file + ": unknown asset file type; expected .geojson, .json, .kml or .gpkg");
    }
}
