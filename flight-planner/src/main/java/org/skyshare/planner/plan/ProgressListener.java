package org.skyshare.planner.plan;

/** Told as planning advances, for progress bars. Called from the planning thread. */
public interface ProgressListener {
    ProgressListener NONE = (stage, done, total) -> {
    };

    void progress(String stage, long done, long total);
}
