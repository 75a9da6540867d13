package org.skyshare.sim.stream;

/**
 * Counters of a receiving stream. Packets that fail a check are dropped and counted by reason,
 * frames that cannot be completed or verified are dropped and counted; the stream goes on.
 */
public record StreamStats(long packetsReceived, long packetsDropped, long badMagic, long badCrc, long truncated,
                          long framesDelivered, long framesIncomplete, long framesCorrupt, long framesOverflowed) {
}
