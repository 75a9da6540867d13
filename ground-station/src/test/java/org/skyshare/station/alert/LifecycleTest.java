package org.skyshare.station.alert;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshare.station.store.AlertRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifecycleTest {
    @TempDir
    Path dir;
    AlertService service;

    AlertService open(double autoConfirm) {
        service = AlertFixture.service(dir, AlertSettings.defaults("st1").withAutoConfirm(autoConfirm)
                .withCrews(Map.of("forestry", List.of("crew-a"))));
        return service;
    }

    @AfterEach
    void close() {
        if (service != null) {
            service.store().database().close();
        }
    }

    static HazardReport fire(String id, double confidence) {
        return HazardReport.point(id, HazardKind.FIRE, HazardSeverity.SEVERE, confidence, 30.4, 119.8, Instant.now());
    }

    @Test
    void lowConfidenceWaitsForReviewAndConfirmationDispatches() {
        AlertService s = open(0.9);
        Incident i = s.report(fire("a", 0.6));
        assertThat(i.state()).isEqualTo(IncidentState.AWAITING_REVIEW);
        assertThat(s.reviewQueue()).extracting(Incident::id).containsExactly("a");
        assertThat(s.store().countOutbox()).isZero();

        Incident c = s.confirm("a", "reviewer-wang");
        assertThat(c.state()).isEqualTo(IncidentState.DISPATCHED);
        assertThat(s.alerts("a")).extracting(AlertRecord::agency)
                .containsExactlyInAnyOrder("forestry", "emergency", "forest-farm");
        // CAP + GeoJSON per agency, plus pin + CoT for forestry's crew
        assertThat(s.store().countPending()).isEqualTo(3 * 2 + 2);
        assertThat(s.history("a")).extracting(IncidentEvent::state).containsSubsequence(
                IncidentState.DETECTED, IncidentState.AWAITING_REVIEW, IncidentState.CONFIRMED, IncidentState.DISPATCHED);
        assertThat(s.history("a")).filteredOn(e -> e.state() == IncidentState.CONFIRMED)
                .extracting(IncidentEvent::actor).containsExactly("reviewer-wang");
    }

    @Test
    void highConfidenceIsConfirmedAutomatically() {
        AlertService s = open(0.9);
        assertThat(s.report(fire("b", 0.95)).state()).isEqualTo(IncidentState.DISPATCHED);
        assertThat(s.history("b")).filteredOn(e -> e.state() == IncidentState.CONFIRMED)
                .extracting(IncidentEvent::actor).containsExactly("auto");
    }

    @Test
    void dismissalsAreKeptWithWhoAndWhy() {
        AlertService s = open(0.9);
        s.report(fire("c", 0.5));
        Incident d = s.dismiss("c", "reviewer-li", "sun glint on a roof");
        assertThat(d.state()).isEqualTo(IncidentState.DISMISSED);
        assertThat(s.incident("c")).get().extracting(Incident::state).isEqualTo(IncidentState.DISMISSED);
        assertThat(s.history("c")).last().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("reviewer-li");
            assertThat(e.note()).isEqualTo("sun glint on a roof");
        });
        // a dismissed incident reported again stays dismissed and sends nothing
        s.report(fire("c", 0.99));
        assertThat(s.incident("c").orElseThrow().state()).isEqualTo(IncidentState.DISMISSED);
        assertThat(s.store().countOutbox()).isZero();
    }

    @Test
    void updateOfADispatchedIncidentIsACapUpdateReferencingTheFirstAlert() {
        AlertService s = open(0.9);
        s.report(fire("d", 0.95));
        HazardReport worse = new HazardReport("d", HazardKind.FIRE, HazardSeverity.EXTREME, 0.97,
                new GeoPoint(30.4, 119.8), List.of(), 200, 600.0, null, Instant.now(), "spreading");
        Incident u = s.report(worse);
        assertThat(u.revision()).isEqualTo(1);
        List<AlertRecord> forestry = s.alerts("d").stream().filter(a -> a.agency().equals("forestry")).toList();
        assertThat(forestry).extracting(AlertRecord::msgType).containsExactly("Alert", "Update");
        assertThat(forestry.get(1).referencesIds()).isEqualTo(
                CapXml.referenceTo("skyshare@st1", forestry.get(0).id(), forestry.get(0).createdAt()));
        OutboundMessage update = s.store().pending(100).stream()
                .filter(m -> m.messageId().equals(forestry.get(1).id())).findFirst().orElseThrow();
        String xml = new String(update.payload(), java.nio.charset.StandardCharsets.UTF_8);
        CapValidator.validate(xml);
        assertThat(xml).contains("<msgType>Update</msgType>", "<references>skyshare@st1," + forestry.get(0).id());
    }

    @Test
    void acknowledgementsMoveTheIncidentToAcknowledgedThenResolved() {
        AlertService s = open(0.9);
        s.report(fire("e", 0.95));
        List<AlertRecord> alerts = s.alerts("e");
        Instant t = Instant.now();
        AlertRecord forestry = alerts.stream().filter(a -> a.agency().equals("forestry")).findFirst().orElseThrow();
        assertThat(s.acknowledge(new Acknowledgement("k1", forestry.id(), "forestry", AgencyAction.ACKNOWLEDGED, "Li", t, null)))
                .isEqualTo(AlertService.AckResult.STORED);
        assertThat(s.incident("e").orElseThrow().state()).isEqualTo(IncidentState.ACKNOWLEDGED);
        // resend of the same answer
        assertThat(s.acknowledge(new Acknowledgement("k1", forestry.id(), "forestry", AgencyAction.ACKNOWLEDGED, "Li", t, null)))
                .isEqualTo(AlertService.AckResult.DUPLICATE);
        // the forestry crew reports on site
        assertThat(s.acknowledge(new Acknowledgement("k2", forestry.id(), "crew-a", AgencyAction.ON_SITE, "crew a", t, null)))
                .isEqualTo(AlertService.AckResult.STORED);
        // another agency may not answer forestry's alert
        assertThatThrownBy(() -> s.acknowledge(new Acknowledgement("k3", forestry.id(), "water", AgencyAction.RESOLVED, "x", t, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("went to forestry");
        assertThatThrownBy(() -> s.acknowledge(new Acknowledgement("k4", "nope", "forestry", AgencyAction.RESOLVED, "x", t, null)))
                .hasMessageContaining("never sent");
        int n = 10;
        for (AlertRecord a : alerts) {
            s.acknowledge(new Acknowledgement("r" + n++, a.id(), a.agency(), AgencyAction.RESOLVED, "someone", t, "out"));
        }
        assertThat(s.incident("e").orElseThrow().state()).isEqualTo(IncidentState.RESOLVED);
        assertThat(s.store().countAcks()).isEqualTo(2 + alerts.size());
        assertThat(s.history("e")).extracting(IncidentEvent::state).contains(IncidentState.ACKNOWLEDGED, IncidentState.RESOLVED);
    }

    @Test
    void cancelSendsCapCancelToEveryAgencyAlerted() {
        AlertService s = open(0.9);
        s.report(fire("f", 0.95));
        s.cancel("f", "operator", "false alarm: controlled burn");
        assertThat(s.incident("f").orElseThrow().state()).isEqualTo(IncidentState.DISMISSED);
        assertThat(s.alerts("f")).filteredOn(a -> a.msgType().equals("Cancel")).hasSize(3)
                .allSatisfy(a -> assertThat(a.referencesIds()).contains(".r0,"));
    }

    @Test
    void evidenceIsKeptBesideTheDatabaseAndLinked() throws Exception {
        AlertService s = open(0.9);
        Path img = Files.writeString(dir.resolve("frame-9.jpg"), "not really a jpeg");
        HazardReport r = new HazardReport("g", HazardKind.FIRE, HazardSeverity.SEVERE, 0.95, new GeoPoint(30.4, 119.8),
                List.of(), 50, 300.0, img, Instant.now(), "");
        s.report(r);
        Path kept = s.store().database().evidenceDir().resolve("g").resolve("frame-9.jpg");
        assertThat(kept).exists();
        String cap = new String(s.store().pending(1).get(0).payload(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(cap).contains("<uri>" + kept.toUri());
        CapValidator.validate(cap);
    }

    @Test
    void incidentsSurviveReopeningTheDatabase() {
        AlertService s = open(0.9);
        s.report(fire("h", 0.95));
        s.store().database().close();
        service = open(0.9);
        assertThat(service.incident("h").orElseThrow().state()).isEqualTo(IncidentState.DISPATCHED);
        assertThat(service.store().countPending()).isEqualTo(8);
    }
}
