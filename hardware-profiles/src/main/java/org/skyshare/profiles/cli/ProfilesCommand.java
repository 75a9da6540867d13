package org.skyshare.profiles.cli;

import org.skyshare.profiles.AircraftProfile;
import org.skyshare.profiles.CameraGeometry;
import org.skyshare.profiles.CameraProfile;
import org.skyshare.profiles.DockProfile;
import org.skyshare.profiles.FlightBudget;
import org.skyshare.profiles.Profile;
import org.skyshare.profiles.ProfileCatalog;
import org.skyshare.profiles.ProfileException;
import org.skyshare.profiles.ProfileLoader;
import org.skyshare.profiles.ThermalSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code skyshare profiles list | show ID | validate FILE...}. */
@Command(name = "profiles", mixinStandardHelpOptions = true,
        description = "List, show and validate aircraft, camera and dock profiles.",
        subcommands = {ProfilesCommand.List.class, ProfilesCommand.Show.class, ProfilesCommand.Validate.class})
public class ProfilesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: list, show ID or validate FILE");
    }

    static ProfileCatalog catalog(Path folder) {
        return folder == null ? ProfileCatalog.builtIn() : ProfileCatalog.withFolder(folder);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every known profile.")
    static class List implements Callable<Integer> {
        @Option(names = "--dir", description = "also load the profiles under this folder")
        Path dir;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-10s %-26s %s%n", "KIND", "ID", "NAME");
            for (Profile p : catalog(dir).all()) {
                out.printf("%-10s %-26s %s%n", p.kind().key(), p.id(), p.name());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show one profile with its derived figures (GSD, footprint, range).")
    static class Show implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "profile id, e.g. dji-m30t-thermal")
        String id;
        @Option(names = "--height", defaultValue = "100", description = "height above ground for camera figures, m (default ${DEFAULT-VALUE})")
        double heightM;
        @Option(names = "--dir", description = "also load the profiles under this folder")
        Path dir;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ProfileCatalog catalog = catalog(dir);
            Profile p = catalog.find(id).orElseThrow(() -> new IllegalArgumentException(
                    "no profile '" + id + "'; run 'skyshare profiles list' for the ids"));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s  %s (%s, %s)%n", p.id(), p.name(), p.kind().key(), p.manufacturer());
            if (p instanceof AircraftProfile a) {
                FlightBudget b = a.budget();
                out.printf("  autopilot           %s%n", a.autopilot().name().toLowerCase(Locale.ROOT));
                out.printf("  cruise / max speed  %.1f / %.1f m/s%n", a.cruiseSpeedMps(), a.maxSpeedMps());
                out.printf("  endurance           %.0f min, reserve %.0f %% -> %.1f min usable%n",
                        a.enduranceMin(), a.batteryReservePct(), b.usableTimeS() / 60);
                out.printf("  range on a battery  %.1f km (radius of action %.1f km)%n",
                        b.usableRangeM() / 1000, b.radiusOfActionM() / 1000);
                out.printf("  max wind            %.1f m/s, ceiling %.0f m, climb %.1f / descent %.1f m/s%n",
                        a.maxWindMps(), a.serviceCeilingM(), a.climbRateMps(), a.descentRateMps());
                out.printf("  payloads            %s%n", String.join(", ", a.payloads()));
            } else if (p instanceof CameraProfile c) {
                CameraGeometry g = c.geometry();
                out.printf("  sensor              %.2f x %.2f mm, %d x %d px, pitch %.2f um%n", c.sensorWidthMm(),
                        c.sensorHeightMm(), c.imageWidthPx(), c.imageHeightPx(), g.pixelPitchMm() * 1000);
                out.printf("  focal length        %.2f mm (%.0f px), FOV %.1f x %.1f deg (diag %.1f)%n", c.focalLengthMm(),
                        g.focalLengthPx(), g.horizontalFovDeg(), g.verticalFovDeg(), g.diagonalFovDeg());
                out.printf("  at %.0f m AGL        GSD %.1f cm/px, footprint %.1f x %.1f m%n", heightM,
                        g.gsdM(heightM) * 100, g.footprintAcrossM(heightM), g.footprintAlongM(heightM));
                out.printf("  height for 5 cm/px  %.1f m%n", g.heightForGsdM(0.05));
                ThermalSpec t = c.thermal();
                if (t != null) {
                    out.printf("  radiometric         %.0f..%.0f C, NETD %.0f mK, raw %d-bit %s, T = raw x %s %+.2f C%n",
                            t.rangeMinC(), t.rangeMaxC(), t.netdMk(), t.rawBits(), t.rawSigned() ? "signed" : "unsigned",
                            t.rawScale(), t.rawOffsetC());
                }
            } else if (p instanceof DockProfile d) {
                out.printf("  operating radius    %.1f km%n", d.operatingRadiusM() / 1000);
                out.printf("  charge time         %.0f min%n", d.chargeTimeMin());
                out.printf("  weather limits      wind %.0f m/s, rain %.0f mm/h, %.0f..%.0f C%n", d.weather().maxWindMps(),
                        d.weather().maxRainMmPerH(), d.weather().minTempC(), d.weather().maxTempC());
                out.printf("  aircraft            %d x %s%n", d.aircraftCapacity(), String.join(", ", d.aircraft()));
            }
            out.printf("  source              %s <%s>%n", p.source().title(), p.source().url());
            out.flush();
            return 0;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check profile files; every problem is reported with its file, line and field.")
    static class Validate implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE", description = "profile YAML files")
        java.util.List<Path> files;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int bad = 0;
            for (Path f : files) {
                try {
                    Profile p = ProfileLoader.load(f);
                    out.printf("%s: ok (%s %s)%n", f, p.kind().key(), p.id());
                } catch (ProfileException e) {
                    e.problems().forEach(err::println);
                    bad++;
                }
            }
            out.flush();
            err.flush();
            return bad == 0 ? 0 : 1;
        }
    }
}
