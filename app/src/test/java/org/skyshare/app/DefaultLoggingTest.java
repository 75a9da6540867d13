package org.skyshare.app;

import org.junit.jupiter.api.Test;
import org.skyshare.station.cli.StationCommand;
import org.skyshare.station.service.PatrolStation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped logback.xml (the only one on this classpath) shows the station's own sentences and
 * health line at its default level, and keeps the libraries' chatter out.
 */
class DefaultLoggingTest {

    @Test
    void theStationsSentencesAndHealthLineReachStandardErrorByDefault() throws Exception {
        // the loggers the station really uses (its sentences go through StationCommand's, see onProgress)
        Logger station = loggerOf(StationCommand.class);
        Logger patrols = loggerOf(PatrolStation.class);
        String out = capturingStandardError(() -> {
            station.info("health: drones [drone-1 docked], sorties flown 0, in flight 0, waiting 1 {drone-1=forest: battery 41 %}");
            patrols.info("drone-1 waits for forest: battery 41 % below the patrol's 80 %");
            LoggerFactory.getLogger("io.netty.channel.DefaultChannelPipeline").info("netty chatter");
            LoggerFactory.getLogger("io.moquette.broker.Server").info("moquette chatter");
            LoggerFactory.getLogger("org.flywaydb.core.FlywayExecutor").info("flyway chatter");
        });
        assertThat(out).contains("INFO  StationCommand - health: drones [drone-1 docked]")
                .contains("INFO  PatrolStation - drone-1 waits for forest: battery 41 %")
                .doesNotContain("chatter");
    }

    @Test
    void theConfigurationInForceIsTheShippedOne() {
        var context = (ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(context.getLogger(StationCommand.class).getEffectiveLevel()).isEqualTo(ch.qos.logback.classic.Level.INFO);
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
        assertThat(Thread.currentThread().getContextClassLoader().getResource("logback-test.xml")).isNull();
    }

    private static Logger loggerOf(Class<?> c) throws ReflectiveOperationException {
        Field f = c.getDeclaredField("LOG");
        f.setAccessible(true);
        return (Logger) f.get(null);
    }

    private static String capturingStandardError(Runnable r) {
        PrintStream saved = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        // logback's console appender writes to whatever System.err is at the time of each event
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(saved);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
