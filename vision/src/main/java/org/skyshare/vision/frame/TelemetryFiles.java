package org.skyshare.vision.frame;

import org.skyshare.profiles.InputFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads drone telemetry files into a {@link PoseTrack}: a CSV (see {@link #readCsv}) or the SRT
 * subtitle file DJI drones record beside their videos (see {@link #readSrt}).
 */
public final class TelemetryFiles {
    /** A frame further than this from any telemetry sample gets no pose. */
    public static final double DEFAULT_TOLERANCE_S = 1.0;

    private TelemetryFiles() {
    }

    public static PoseTrack read(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".srt")) {
            return readSrt(file);
        }
        if (n.endsWith(".csv")) {
            return readCsv(file);
        }
        throw new TelemetryException("The telemetry file " + file + " is neither a .csv nor a DJI .srt file.");
    }

    /**
     * CSV with a header row. Columns: {@code time_s} (seconds since the video/first image) and/or
     * {@code file} (image file name); {@code lat_deg}, {@code lon_deg}, {@code alt_amsl_m}; ground
     * as {@code ground_alt_m} or {@code height_agl_m}; optional {@code roll_deg}, {@code pitch_deg},
     * {@code yaw_deg}, {@code gimbal_pitch_deg} (default -90, straight down), {@code gimbal_yaw_deg},
     * {@code gimbal_roll_deg}.
     */
    public static PoseTrack readCsv(Path file) {
        List<String> lines = lines(file);
        if (lines.isEmpty()) {
            throw new TelemetryException(file + ": the file is empty; expected a header row such as "
                    + "time_s,lat_deg,lon_deg,alt_amsl_m,height_agl_m,yaw_deg,gimbal_pitch_deg");
        }
        String[] header = lines.get(0).split(",", -1);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            col.put(header[i].trim().toLowerCase(Locale.ROOT), i);
        }
        for (String required : List.of("lat_deg", "lon_deg", "alt_amsl_m")) {
            if (!col.containsKey(required)) {
                throw new TelemetryException(file + ":1: missing column '" + required + "' in the header");
            }
        }
        if (!col.containsKey("time_s") && !col.containsKey("file")) {
            throw new TelemetryException(file + ":1: needs a 'time_s' or a 'file' column to match frames");
        }
        if (!col.containsKey("ground_alt_m") && !col.containsKey("height_agl_m")) {
            throw new TelemetryException(file + ":1: needs a 'ground_alt_m' or a 'height_agl_m' column");
        }
        List<PoseTrack.Sample> samples = new ArrayList<>();
        Map<String, CapturePose> byFile = new HashMap<>();
        for (int ln = 1; ln < lines.size(); ln++) {
            String line = lines.get(ln);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            Row row = new Row(file, ln + 1, f, col);
            double alt = row.number("alt_amsl_m", Double.NaN);
            double ground = col.containsKey("ground_alt_m") ? row.number("ground_alt_m", Double.NaN)
                    : alt - row.number("height_agl_m", Double.NaN);
            CapturePose pose;
            try {
                pose = new CapturePose(row.number("lat_deg", Double.NaN), row.number("lon_deg", Double.NaN), alt, ground,
                        row.number("roll_deg", 0), row.number("pitch_deg", 0), row.number("yaw_deg", 0),
                        row.number("gimbal_pitch_deg", -90), row.number("gimbal_yaw_deg", 0), row.number("gimbal_roll_deg", 0));
            } catch (IllegalArgumentException e) {
                throw new TelemetryException(file + ":" + (ln + 1) + ": " + e.getMessage());
            }
            if (col.containsKey("time_s") && !row.text("time_s").isEmpty()) {
                samples.add(new PoseTrack.Sample(row.number("time_s", Double.NaN), pose));
            }
            if (col.containsKey("file") && !row.text("file").isEmpty()) {
                byFile.put(row.text("file"), pose);
            }
        }
        if (samples.isEmpty() && byFile.isEmpty()) {
            throw new TelemetryException(file + ": no telemetry rows after the header");
        }
        return new PoseTrack(samples, byFile, DEFAULT_TOLERANCE_S);
    }

    private static final Pattern SRT_TIME = Pattern.compile("(\\d+):(\\d\\d):(\\d\\d)[,.](\\d{1,3})\\s*-->");
    private static final Pattern LAT = Pattern.compile("\\[?\\s*latitude\\s*:\\s*(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern LON = Pattern.compile("\\[?\\s*longi?tude\\s*:\\s*(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern REL_ALT = Pattern.compile("rel_alt\\s*:\\s*(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern ABS_ALT = Pattern.compile("abs_alt\\s*:\\s*(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern GB_YAW = Pattern.compile("gb_yaw\\s*:\\s*(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern GB_PITCH = Pattern.compile("gb_pitch\\s*:\\s*(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern GB_ROLL = Pattern.compile("gb_roll\\s*:\\s*(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern DRONE_YAW = Pattern.compile("drone_yaw\\s*:\\s*(-?\\d+(?:\\.\\d+)?)");

    /**
     * DJI SRT: one block per video frame with its presentation time and fields such as
     * {@code [latitude: 30.4] [longitude: 119.9] [rel_alt: 100.0 abs_alt: 150.0]} and, on enterprise
     * drones, {@code [gb_yaw: .. gb_pitch: .. gb_roll: ..]}. The ground altitude is taken as
     * {@code abs_alt - rel_alt} (the take-off point: flat ground). DJI's gimbal yaw is relative to
     * north, so it becomes the heading here; without gimbal fields the camera is assumed to look
     * straight down, as on mapping flights.
     */
    public static PoseTrack readSrt(Path file) {
        List<String> lines = lines(file);
        List<PoseTrack.Sample> samples = new ArrayList<>();
        double blockTime = Double.NaN;
        int blockLine = 0;
        StringBuilder block = new StringBuilder();
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            Matcher t = SRT_TIME.matcher(line);
            if (t.find()) {
                blockTime = Integer.parseInt(t.group(1)) * 3600 + Integer.parseInt(t.group(2)) * 60
                        + Integer.parseInt(t.group(3)) + Integer.parseInt(padMillis(t.group(4))) / 1000.0;
                blockLine = i + 1;
                block.setLength(0);
                continue;
            }
            if (line.isBlank() || i == lines.size()) {
                if (!Double.isNaN(blockTime) && block.length() > 0) {
                    srtSample(file, blockLine, blockTime, block.toString()).ifPresent(samples::add);
                }
                blockTime = Double.NaN;
                block.setLength(0);
                continue;
            }
            block.append(line).append(' ');
        }
        if (samples.isEmpty()) {
            throw new TelemetryException(file + ": no subtitle block with [latitude: ..] [longitude: ..] and altitude; "
                    + "is this a DJI flight SRT file?");
        }
        return new PoseTrack(samples, Map.of(), DEFAULT_TOLERANCE_S);
    }

    private static java.util.Optional<PoseTrack.Sample> srtSample(Path file, int line, double timeS, String text) {
        Double lat = find(LAT, text), lon = find(LON, text);
        Double rel = find(REL_ALT, text), abs = find(ABS_ALT, text);
        if (lat == null || lon == null || (rel == null && abs == null)) {
            return java.util.Optional.empty();
        }
        if (lat == 0 && lon == 0) {
            return java.util.Optional.empty(); // DJI writes 0,0 before the GNSS fix
        }
        double altitude = abs != null ? abs : rel;
        double ground = abs != null && rel != null ? abs - rel : 0;
        Double gbYaw = find(GB_YAW, text), gbPitch = find(GB_PITCH, text), gbRoll = find(GB_ROLL, text);
        Double droneYaw = find(DRONE_YAW, text);
        double heading = gbYaw != null ? gbYaw : (droneYaw != null ? droneYaw : 0);
        try {
            return java.util.Optional.of(new PoseTrack.Sample(timeS, new CapturePose(lat, lon, altitude, ground, 0, 0, heading,
                    gbPitch != null ? gbPitch : -90, 0, gbRoll != null ? gbRoll : 0)));
        } catch (IllegalArgumentException e) {
            throw new TelemetryException(file + ":" + line + ": " + e.getMessage());
        }
    }

    private static String padMillis(String ms) {
        return (ms + "00").substring(0, 3);
    }

    private static Double find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    private static List<String> lines(Path file) {
        try {
            return InputFiles.readText(file, "a telemetry file (CSV or DJI .SRT)").lines().toList();
        } catch (InputFiles.InputFileException e) {
            throw new TelemetryException(e.getMessage());
        }
    }

    /** One CSV row with field-named errors. */
    private record Row(Path file, int line, String[] fields, Map<String, Integer> col) {
        String text(String name) {
            Integer i = col.get(name);
            return i == null || i >= fields.length ? "" : fields[i].trim();
        }

        double number(String name, double fallback) {
            String s = text(name);
            if (s.isEmpty()) {
                if (Double.isNaN(fallback)) {
                    throw new TelemetryException(file + ":" + line + ": field '" + name + "' is empty; expected a number");
                }
                return fallback;
            }
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new TelemetryException(file + ":" + line + ": field '" + name + "' is '" + s + "'; expected a number");
            }
        }
    }
}
