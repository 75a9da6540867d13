package org.skyshare.station.tak;

/**
 * One Cursor-on-Target event ready to send.
 *
 * @param uid the uid of the thing the event draws or (for a delete) removes
 * @param xml the event's XML document
 */
public record CotEvent(String uid, String xml) {
    public boolean isDelete() {
        return xml.contains("type=\"" + TakEvents.DELETE_TYPE + "\"");
    }
}
