package org.skyshare.station.broker;

/** What a broker account is for; decides which topics it may read and write. */
public enum BrokerRole {
    /** The station itself: everything under skyshare/v1/&lt;station&gt;/. */
    STATION,
    /** An agency: reads its alerts and the station status, writes its acknowledgements. */
    AGENCY,
    /** A field crew: reads its pins and the station status, writes its acknowledgements. */
    CREW
}
