package org.skyshare.sim.mavlink;

/**
 * What a parser accepted and what it dropped, by reason. Dropped frames never reach the link's
 * listeners; the counts are how hostile or damaged traffic shows up.
 *
 * @param frames         frames decoded and delivered
 * @param skippedBytes   bytes outside any frame (noise before a start marker)
 * @param badCrc         frames whose checksum did not match
 * @param badLength      frames whose payload length cannot belong to their message id
 * @param badHeader      MAVLink 2 frames with incompatibility flags this side does not understand
 * @param truncated      datagrams that ended inside a frame
 * @param unknownMessage well-formed frames of a message id outside the dialect
 * @param unsigned       unsigned frames while signing is required
 * @param badSignature   signed frames whose signature did not verify
 * @param replayed       signed frames whose timestamp did not increase
 * @param decodeErrors   frames that passed the checks but whose payload could not be decoded
 */
public record ParseStats(long frames, long skippedBytes, long badCrc, long badLength, long badHeader, long truncated,
                         long unknownMessage, long unsigned, long badSignature, long replayed, long decodeErrors) {

    /** Frames dropped for any reason (bytes of noise are not frames and are not included). */
    public long dropped() {
        return badCrc + badLength + badHeader + truncated + unknownMessage + unsigned + badSignature + replayed + decodeErrors;
    }

    public ParseStats plus(ParseStats o) {
        return new ParseStats(frames + o.frames, skippedBytes + o.skippedBytes, badCrc + o.badCrc, badLength + o.badLength,
                badHeader + o.badHeader, truncated + o.truncated, unknownMessage + o.unknownMessage, unsigned + o.unsigned,
                badSignature + o.badSignature, replayed + o.replayed, decodeErrors + o.decodeErrors);
    }

    public static final ParseStats ZERO = new ParseStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
