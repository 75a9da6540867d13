package org.skyshare.sim.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimCommandTest {
    private static String run(String input, String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        SimCommand cmd = new SimCommand(out, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        new CommandLine(cmd).parseArgs(args);
        assertThat(cmd.call()).isZero();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsOneUdpPortPerVehicleAndTakesConsoleCommands() throws Exception {
        String out = run("status\nbattery 2 40\nstatus\nbogus\nquit\n", "--vehicles", "3", "--port", "0");
        assertThat(out).contains("sim: 3 vehicle(s)");
        assertThat(out.lines().filter(l -> l.matches("\\s+[123]\\s+\\d+\\s+\\d+\\s+.*"))).hasSize(3);
        assertThat(out).contains("battery  40.0 %");
        assertThat(out).contains("unknown command 'bogus'");
        assertThat(out).contains("sim: stopping 3 vehicles");
    }

    @Test
    void badSettingsAreClearSentences() {
        assertThatThrownBy(() -> run("", "--vehicles", "0")).hasMessage("--vehicles must be 1..250, got 0");
        assertThatThrownBy(() -> run("", "--vehicles", "2", "--port", "65535"))
                .hasMessageContaining("does not fit in 1024..65535");
        assertThatThrownBy(() -> run("", "--time-factor", "0")).hasMessageContaining("time factor must be in (0, 1000]");
        assertThatThrownBy(() -> run("", "--aircraft", "no-such-drone")).hasMessageContaining("no-such-drone");
        assertThatThrownBy(() -> run("", "--qgc", "localhost")).hasMessageContaining("--qgc expects host:port");
    }
}
