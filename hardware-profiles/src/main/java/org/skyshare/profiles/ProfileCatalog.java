package org.skyshare.profiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every known profile: the built-in ones shipped in this jar, plus any from a user folder (which
 * may add profiles or override a built-in one by id). Cross-references are checked on load: an
 * aircraft's payloads must be known cameras and a dock's aircraft known aircraft.
 */
public final class ProfileCatalog {
    private static final String BUILT_IN = "org/skyshare/profiles/builtin/";

    private final Map<String, AircraftProfile> aircraft = new LinkedHashMap<>();
    private final Map<String, CameraProfile> cameras = new LinkedHashMap<>();
    private final Map<String, DockProfile> docks = new LinkedHashMap<>();

    private ProfileCatalog() {
    }

    /** The profiles that ship with Skyshare. */
    public static ProfileCatalog builtIn() {
        ProfileCatalog catalog = new ProfileCatalog();
        catalog.addBuiltIns();
        catalog.checkReferences();
        return catalog;
    }

    /** The built-in profiles plus every {@code *.yaml} / {@code *.yml} file under a folder. */
    public static ProfileCatalog withFolder(Path folder) {
        ProfileCatalog catalog = new ProfileCatalog();
        catalog.addBuiltIns();
        List<Problem> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(ProfileCatalog::isYaml).sorted().toList()) {
                try {
                    catalog.add(ProfileLoader.load(file));
                } catch (ProfileException e) {
                    problems.addAll(e.problems());
                }
            }
        } catch (IOException e) {
            problems.add(new Problem(folder.toString(), 0, null, "cannot read the profile folder: " + e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new ProfileException(problems);
        }
        catalog.checkReferences();
        return catalog;
    }

    private static boolean isYaml(Path p) {
        String n = p.getFileName().toString();
        return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"));
    }

    private void addBuiltIns() {
        ClassLoader loader = ProfileCatalog.class.getClassLoader();
        for (String name : read(loader, BUILT_IN + "index.txt").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            add(ProfileLoader.parse(read(loader, BUILT_IN + name), "builtin/" + name));
        }
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in profile resource missing from the jar: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in profile " + resource, e);
        }
    }

    private void add(Profile profile) {
        if (profile instanceof AircraftProfile a) {
            aircraft.put(a.id(), a);
        } else if (profile instanceof CameraProfile c) {
            cameras.put(c.id(), c);
        } else if (profile instanceof DockProfile d) {
            docks.put(d.id(), d);
        }
    }

    private void checkReferences() {
        List<Problem> problems = new ArrayList<>();
        for (AircraftProfile a : aircraft.values()) {
            for (String p : a.payloads()) {
                if (!cameras.containsKey(p)) {
                    problems.add(new Problem(a.id(), 0, "payloads", "unknown camera '" + p + "'; known: " + cameras.keySet()));
                }
            }
        }
        for (DockProfile d : docks.values()) {
            for (String a : d.aircraft()) {
                if (!aircraft.containsKey(a)) {
                    problems.add(new Problem(d.id(), 0, "aircraft", "unknown aircraft '" + a + "'; known: " + aircraft.keySet()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ProfileException(problems);
        }
    }

    public Collection<AircraftProfile> aircraft() {
        return List.copyOf(aircraft.values());
    }

    public Collection<CameraProfile> cameras() {
        return List.copyOf(cameras.values());
    }

    public Collection<DockProfile> docks() {
        return List.copyOf(docks.values());
    }

    /** Every profile, aircraft first, then cameras, then docks, each sorted by id. */
    public List<Profile> all() {
        List<Profile> all = new ArrayList<>();
        Comparator<Profile> byId = Comparator.comparing(Profile::id);
        aircraft.values().stream().sorted(byId).forEach(all::add);
        cameras.values().stream().sorted(byId).forEach(all::add);
        docks.values().stream().sorted(byId).forEach(all::add);
        return all;
    }

    public Optional<Profile> find(String id) {
        return Stream.<Map<String, ? extends Profile>>of(aircraft, cameras, docks)
                .map(m -> (Profile) m.get(id)).filter(p -> p != null).findFirst();
    }

    public AircraftProfile aircraft(String id) {
        return require(aircraft, id, "aircraft");
    }

    public CameraProfile camera(String id) {
        return require(cameras, id, "camera");
    }

    public DockProfile dock(String id) {
        return require(docks, id, "dock");
    }

    /** The aircraft's first camera of a kind, if it carries one. */
    public Optional<CameraProfile> payload(AircraftProfile a, CameraKind kind) {
        return a.payloads().stream().map(cameras::get).filter(c -> c != null && c.cameraKind() == kind).findFirst();
    }

    private static <T> T require(Map<String, T> map, String id, String what) {
        T value = map.get(id);
        if (value == null) {
            throw new UnknownProfileException(what, id, map.keySet());
        }
        return value;
    }
}
