package org.skyshare.station.alert;

/**
 * A message waiting in (or leaving) the outbox.
 *
 * @param messageId stable across resends so a receiver recognises a duplicate
 * @param alertId   the CAP identifier this message carries (or is derived from), null for none
 */
public record OutboundMessage(long seq, String messageId, String alertId, String topic, byte[] payload,
                              boolean retained) {
}
