package org.skyshare.station.link;

import org.skyshare.planner.mission.MissionItem;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The mission protocol (MAVSDK's MissionRaw plugin): one transaction at a time per link, each item
 * exchange retried after a timeout as the MAVLink mission protocol defines. Futures fail with a
 * {@link LinkException} saying what the vehicle did or did not answer.
 */
public interface MissionPlugin {
    CompletableFuture<Void> upload(List<MissionItem> items);

    CompletableFuture<List<MissionItem>> download();

    CompletableFuture<Void> clear();

    CompletableFuture<Void> setCurrent(int seq);

    MissionProgress progress();
}
