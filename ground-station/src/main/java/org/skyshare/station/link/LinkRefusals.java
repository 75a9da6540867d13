package org.skyshare.station.link;

/**
 * Well-formed traffic a link refused because it did not come from the vehicle it is configured
 * for: none of it changes the drone's state. (Damaged, unsigned or wrongly signed frames are
 * counted by the parser, in {@link LinkHealth#parse()}.)
 *
 * @param foreignAddress   UDP datagrams from an address other than the vehicle's configured one
 * @param foreignSystem    valid frames from a MAVLink system id other than the vehicle's
 * @param foreignComponent valid frames from the vehicle's system id but not its autopilot component
 */
public record LinkRefusals(long foreignAddress, long foreignSystem, long foreignComponent) {
    public static final LinkRefusals NONE = new LinkRefusals(0, 0, 0);

    public long total() {
        return foreignAddress + foreignSystem + foreignComponent;
    }
}
