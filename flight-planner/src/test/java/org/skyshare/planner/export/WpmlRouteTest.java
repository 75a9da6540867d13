package org.skyshare.planner.export;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.skyshare.planner.TestAreas;
import org.skyshare.planner.assets.AssetKind;
import org.skyshare.planner.assets.AssetSet;
import org.skyshare.planner.plan.Plan;
import org.skyshare.planner.plan.PlanParameters;
import org.skyshare.planner.plan.Planner;
import org.skyshare.planner.plan.Sortie;
import org.skyshare.planner.plan.Waypoint;
import org.skyshare.planner.plan.WaypointAction;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** DJI WPML routes read back as XML: structure from DJI's reference, every photo line with its gimbal and interval photos. */
class WpmlRouteTest {
    static final String WPML = "http://www.dji.com/wpmz/1.0.2";
    static Plan plan;
    @TempDir
    static Path dir;

    @BeforeAll
    static void planForM30t() {
        double x = TestAreas.ORIGIN.x;
        double y = TestAreas.ORIGIN.y;
        Geometry forest = TestAreas.GF.toGeometry(new Envelope(x - 400, x + 400, y - 300, y + 300));
        var river = TestAreas.GF.createLineString(new Coordinate[] {new Coordinate(x - 900, y - 600), new Coordinate(x + 900, y - 560)});
        AssetSet set = AssetSet.of(List.of(TestAreas.asset("f", AssetKind.FOREST, forest, Map.of()),
                TestAreas.asset("r", AssetKind.RIVER, river, Map.of("normal_width_m", "20")),
                TestAreas.dock("d", x, y - 450, "dji-dock-2")));
        plan = Planner.plan(set, PlanParameters.defaults().withAircraft("dji-m30t"));
        PlanExporter.write(plan, dir.resolve("out"));
    }

    private static Document xml(ZipFile z, String entry) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(z.getInputStream(z.getEntry(entry)).readAllBytes()));
    }

    private static String text(Element e, String name) {
        NodeList l = e.getElementsByTagNameNS(WPML, name);
        return l.getLength() == 0 ? null : l.item(0).getTextContent().trim();
    }

    @Test
    void everySortieIsAKmzWithTemplateAndWaylines() throws Exception {
        for (Sortie s : plan.sorties()) {
            Path kmz = dir.resolve("out/dji/" + s.id() + ".kmz");
            assertThat(kmz).exists();
            try (ZipFile z = new ZipFile(kmz.toFile())) {
                Document t = xml(z, "wpmz/template.kml");
                Document w = xml(z, "wpmz/waylines.wpml");
                assertThat(text(t.getDocumentElement(), "templateType")).isEqualTo("waypoint");
                assertThat(text(t.getDocumentElement(), "droneEnumValue")).isEqualTo("67");
                assertThat(text(t.getDocumentElement(), "droneSubEnumValue")).isEqualTo("1");
                assertThat(text(t.getDocumentElement(), "payloadEnumValue")).isEqualTo("53");
                assertThat(text(t.getDocumentElement(), "finishAction")).isEqualTo("goHome");
                assertThat(text(w.getDocumentElement(), "executeHeightMode")).isEqualTo("relativeToStartPoint");
                NodeList marks = w.getElementsByTagName("Placemark");
                List<Waypoint> route = WpmlRouteWriter.route(s);
                assertThat(marks.getLength()).isEqualTo(route.size());
                assertThat(t.getElementsByTagName("Placemark").getLength()).isEqualTo(route.size());
                Map<Integer, Element> groupsByStart = new HashMap<>();
                for (int i = 0; i < marks.getLength(); i++) {
                    Element pm = (Element) marks.item(i);
                    assertThat(text(pm, "index")).isEqualTo(Integer.toString(i));
                    assertThat(Double.parseDouble(text(pm, "executeHeight"))).isEqualTo(route.get(i).altM(), org.assertj.core.data.Offset.offset(0.01));
                    NodeList groups = pm.getElementsByTagNameNS(WPML, "actionGroup");
                    for (int g = 0; g < groups.getLength(); g++) {
                        Element ge = (Element) groups.item(g);
                        if ("multipleDistance".equals(text(ge, "actionTriggerType"))) {
                            groupsByStart.put(Integer.parseInt(text(ge, "actionGroupStartIndex")), ge);
                        }
                    }
                }
                int lines = 0;
                for (int i = 0; i < route.size(); i++) {
                    if (route.get(i).action() != WaypointAction.SURVEY_START) {
                        continue;
                    }
                    lines++;
                    Element photos = groupsByStart.get(i);
                    assertThat(photos).as("%s: photo line starting at point %d takes interval photos", s.id(), i).isNotNull();
                    assertThat(Double.parseDouble(text(photos, "actionTriggerParam"))).isEqualTo(plan.photoSpacingM(), org.assertj.core.data.Offset.offset(0.01));
                    assertThat(text(photos, "actionActuatorFunc")).isEqualTo("takePhoto");
                    assertThat(text(photos, "payloadLensIndex")).isEqualTo("ir");
                    int end = Integer.parseInt(text(photos, "actionGroupEndIndex"));
                    assertThat(route.get(end).action()).isEqualTo(WaypointAction.SURVEY_END);
                    Element first = (Element) marks.item(i);
                    assertThat(first.getTextContent()).contains("gimbalRotate").contains("-90.0");
                }
                assertThat(lines).isPositive();
            }
        }
    }
}
