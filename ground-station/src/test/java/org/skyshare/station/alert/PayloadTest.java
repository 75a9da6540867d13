package org.skyshare.station.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayloadTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T = Instant.parse("2026-11-23T11:40:12.345Z");

    static Incident incident(List<GeoPoint> area, Path evidence, int revision) {
        HazardReport r = new HazardReport("inc-7", HazardKind.FIRE, HazardSeverity.SEVERE, 0.93,
                new GeoPoint(30.40, 119.80), area, 60, 412.5, evidence, T, "Flames at the ridge & smoke <visible>");
        return new Incident("inc-7", r, IncidentState.CONFIRMED, revision, T, T);
    }

    static CapMessage cap(Incident inc, String type, List<String> refs, String evidenceUri) {
        return new CapMessage("st1.inc-7.forestry.r" + inc.revision(), "skyshare@st1", T, "Actual", type, "forestry",
                refs, "inc-7", inc, "Likely", "Skyshare station st1", evidenceUri);
    }

    static final List<GeoPoint> SQUARE_CLOCKWISE = List.of(new GeoPoint(30.401, 119.799), new GeoPoint(30.401, 119.801),
            new GeoPoint(30.399, 119.801), new GeoPoint(30.399, 119.799));

    @Test
    void capAlertWithCircleValidatesAgainstTheOasisSchema() {
        String xml = CapXml.write(cap(incident(List.of(), null, 0), "Alert", List.of(), null));
        CapValidator.validate(xml);
        assertThat(xml).contains("<msgType>Alert</msgType>", "<category>Fire</category>", "<severity>Severe</severity>",
                "<circle>30.400000,119.800000 0.060</circle>", "<sent>2026-11-23T11:40:12-00:00</sent>");
    }

    @Test
    void capWithPolygonAndEvidenceValidatesAndClosesThePolygon() {
        String xml = CapXml.write(cap(incident(SQUARE_CLOCKWISE, Path.of("/data/ev/frame-1.png"), 0), "Alert", List.of(),
                "https://hub.example/evidence/inc-7/frame-1.png"));
        CapValidator.validate(xml);
        assertThat(xml).contains("<mimeType>image/png</mimeType>", "<uri>https://hub.example/evidence/inc-7/frame-1.png</uri>",
                "<polygon>30.401000,119.799000 30.401000,119.801000 30.399000,119.801000 30.399000,119.799000 30.401000,119.799000</polygon>");
        assertThat(xml).contains("&amp; smoke &lt;visible&gt;");
    }

    @Test
    void capUpdateReferencesTheFirstAlertAndValidates() {
        String first = CapXml.referenceTo("skyshare@st1", "st1.inc-7.forestry.r0", T);
        String xml = CapXml.write(cap(incident(List.of(), null, 1), "Update", List.of(first), null));
        CapValidator.validate(xml);
        assertThat(xml).contains("<msgType>Update</msgType>",
                "<references>skyshare@st1,st1.inc-7.forestry.r0,2026-11-23T11:40:12-00:00</references>");
    }

    @Test
    void utcIsWrittenAsMinusZeroAndTheAlertExpiresPerHazardKind() {
        String fire = CapXml.write(cap(incident(List.of(), null, 0), "Alert", List.of(), null));
        assertThat(fire).contains("<sent>2026-11-23T11:40:12-00:00</sent>", "<effective>2026-11-23T11:40:12-00:00</effective>",
                "<expires>2026-11-23T17:40:12-00:00</expires>").doesNotContain("+00:00");
        HazardReport logging = new HazardReport("inc-8", HazardKind.ILLEGAL_LOGGING, HazardSeverity.MODERATE, 0.9,
                new GeoPoint(30.40, 119.80), List.of(), 60, null, null, T, "");
        Incident inc = new Incident("inc-8", logging, IncidentState.CONFIRMED, 0, T, T);
        String xml = CapXml.write(new CapMessage("st1.inc-8.forestry.r0", "skyshare@st1", T, "Actual", "Alert", "forestry",
                List.of(), "inc-8", inc, "Likely", "Skyshare station st1", null));
        CapValidator.validate(xml);
        assertThat(xml).contains("<expires>2026-11-26T11:40:12-00:00</expires>");
        assertThat(CapXml.referenceTo("s", "id", T)).isEqualTo("s,id,2026-11-23T11:40:12-00:00");
    }

    @Test
    void descriptionIsCleanSentences() {
        HazardReport messy = new HazardReport("inc-9", HazardKind.FIRE, HazardSeverity.SEVERE, 0.934,
                new GeoPoint(30.40, 119.80), List.of(), 60, 412.5, null, T, "  Flames at\n the ridge\t\u0007 ");
        assertThat(CapXml.description(messy))
                .isEqualTo("Flames at the ridge. At 30.40000, 119.80000 (lat, lon), confidence 93%, peak temperature 413 °C.");
        HazardReport silent = HazardReport.point("inc-10", HazardKind.FLOOD, HazardSeverity.MODERATE, 0.8, 30.4, 119.8, T);
        assertThat(CapXml.description(silent))
                .isEqualTo("Flood seen from a patrol drone. At 30.40000, 119.80000 (lat, lon), confidence 80%.")
                .doesNotContain(CapXml.headline(silent));
    }

    @Test
    void evidenceResourcesCarrySizeDigestAndInlineThumbnailAndValidate() {
        EvidenceResource link = new EvidenceResource("evidence image", "image/png", 48213,
                "https://station.example:8443/evidence/inc-7/frame-1.png?agency=forestry&exp=1&sig=abc", null,
                "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12");
        EvidenceResource thumb = new EvidenceResource("evidence thumbnail", "image/jpeg", 4, null, "AAECAw==",
                "a02a05b025b928c039cf1ae7e8ee04e7c190c0db");
        Incident inc = incident(List.of(), Path.of("frame-1.png"), 0);
        String xml = CapXml.write(new CapMessage("st1.inc-7.forestry.r0", "skyshare@st1", T, "Actual", "Alert", "forestry",
                List.of(), "inc-7", inc, "Likely", "Skyshare station st1", link.uri(), List.of(link, thumb)));
        CapValidator.validate(xml);
        assertThat(xml).contains("<size>48213</size>", "<digest>2fd4e1c67a2d28fced849ee1bb76e7391b93eb12</digest>",
                "<derefUri>AAECAw==</derefUri>", "agency=forestry&amp;exp=1&amp;sig=abc</uri>");
    }

    @Test
    void validatorRejectsWhatIsNotCap() {
        String xml = CapXml.write(cap(incident(List.of(), null, 0), "Alert", List.of(), null));
        assertThatThrownBy(() -> CapValidator.validate(xml.replace("<msgType>Alert</msgType>", "<msgType>Shout</msgType>")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line");
        assertThatThrownBy(() -> CapValidator.validate(xml.replace("-00:00</sent>", "Z</sent>")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void geoJsonFeatureFollowsRfc7946() throws Exception {
        JsonNode f = JSON.readTree(AlertGeoJson.feature(cap(incident(SQUARE_CLOCKWISE, null, 0), "Alert", List.of(), null)));
        assertThat(f.get("type").asText()).isEqualTo("Feature");
        assertThat(f.get("id").asText()).isEqualTo("st1.inc-7.forestry.r0");
        assertThat(f.has("crs")).isFalse();
        JsonNode g = f.get("geometry");
        assertThat(g.get("type").asText()).isEqualTo("Polygon");
        JsonNode ring = g.get("coordinates").get(0);
        assertThat(ring.size()).isGreaterThanOrEqualTo(4);
        assertThat(ring.get(0)).isEqualTo(ring.get(ring.size() - 1));
        double area2 = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            JsonNode a = ring.get(i);
            JsonNode b = ring.get(i + 1);
            assertThat(a.size()).isEqualTo(2);
            assertThat(a.get(0).asDouble()).as("longitude first").isBetween(119.79, 119.81);
            assertThat(a.get(1).asDouble()).as("latitude second").isBetween(30.39, 30.41);
            area2 += a.get(0).asDouble() * b.get(1).asDouble() - b.get(0).asDouble() * a.get(1).asDouble();
        }
        assertThat(area2).as("exterior ring counter-clockwise (right-hand rule)").isPositive();
        JsonNode p = f.get("properties");
        assertThat(p.get("severity").asText()).isEqualTo("Severe");
        assertThat(p.get("peakTemperatureC").asDouble()).isEqualTo(412.5);

        JsonNode point = JSON.readTree(AlertGeoJson.feature(cap(incident(List.of(), null, 0), "Alert", List.of(), null)));
        assertThat(point.get("geometry").get("type").asText()).isEqualTo("Point");
        assertThat(point.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(119.80);
        assertThat(point.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(30.40);
    }

    @Test
    void hazardPinIsAPointWithKindSeverityTextAndEvidence() throws Exception {
        CapMessage m = cap(incident(SQUARE_CLOCKWISE, Path.of("e.jpg"), 0), "Alert", List.of(), "https://hub/e.jpg");
        JsonNode pin = JSON.readTree(AlertGeoJson.pin("pin-1", "crew-a", m));
        assertThat(pin.get("type").asText()).isEqualTo("Feature");
        assertThat(pin.get("geometry").get("type").asText()).isEqualTo("Point");
        JsonNode p = pin.get("properties");
        assertThat(p.get("kind").asText()).isEqualTo("fire");
        assertThat(p.get("severity").asText()).isEqualTo("Severe");
        assertThat(p.get("text").asText()).isEqualTo("Severe forest fire, 413 °C");
        assertThat(p.get("evidence").asText()).isEqualTo("https://hub/e.jpg");
        assertThat(p.get("alertId").asText()).isEqualTo(m.identifier());
    }

    @Test
    void cursorOnTargetEventIsWellFormedWithPointAndLink() throws Exception {
        CapMessage m = cap(incident(List.of(), Path.of("e.jpg"), 0), "Alert", List.of(), "https://hub/e.jpg");
        String xml = CursorOnTarget.event("pin-1", m);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element e = d.getDocumentElement();
        assertThat(e.getTagName()).isEqualTo("event");
        assertThat(e.getAttribute("version")).isEqualTo("2.0");
        assertThat(e.getAttribute("uid")).isEqualTo("pin-1");
        assertThat(Instant.parse(e.getAttribute("stale"))).isAfter(Instant.parse(e.getAttribute("time")));
        Element point = (Element) e.getElementsByTagName("point").item(0);
        assertThat(Double.parseDouble(point.getAttribute("lat"))).isEqualTo(30.40);
        assertThat(Double.parseDouble(point.getAttribute("lon"))).isEqualTo(119.80);
        Element link = (Element) e.getElementsByTagName("link").item(0);
        assertThat(link.getAttribute("url")).isEqualTo("https://hub/e.jpg");
    }
}
