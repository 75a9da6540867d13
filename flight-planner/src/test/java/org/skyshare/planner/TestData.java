package org.skyshare.planner;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the shared sample data. */
public final class TestData {
    private TestData() {
    }

    public static Path jingshan() {
        String shared = System.getProperty("skyshare.shared.dir");
        Path p = shared != null ? Path.of(shared, "data", "jingshan", "jingshan.geojson") : Path.of("/work/shared/data/jingshan/jingshan.geojson");
        if (!Files.isRegularFile(p)) {
            p = Path.of("/work/shared/data/jingshan/jingshan.geojson");
        }
        return p;
    }
}
