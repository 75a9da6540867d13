package org.skyshare.station.alert;

/**
 * One piece of evidence as a CAP 1.2 {@code <resource>}: where an agency fetches it, what it is,
 * and the digest that proves the fetched file is the one the station sent.
 *
 * @param description  CAP resourceDesc, e.g. "evidence image" or "evidence thumbnail"
 * @param mimeType     e.g. image/jpeg
 * @param sizeBytes    the file's size in bytes (CAP size)
 * @param uri          the https link an agency opens, null when the resource travels inline only
 * @param inlineBase64 the file itself, base64 (CAP derefUri), for a small thumbnail; null when not inline
 * @param sha1Hex      SHA-1 of the file's bytes, lowercase hex (CAP digest)
 */
public record EvidenceResource(String description, String mimeType, long sizeBytes, String uri,
                               String inlineBase64, String sha1Hex) {
    public EvidenceResource {
        if (uri == null && inlineBase64 == null) {
            throw new IllegalArgumentException("an evidence resource needs a uri or inline content");
        }
        if (sha1Hex != null && !sha1Hex.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("SHA-1 digest '" + sha1Hex + "' must be 40 lowercase hex digits");
        }
    }
}
