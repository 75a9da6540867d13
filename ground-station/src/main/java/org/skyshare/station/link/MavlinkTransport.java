package org.skyshare.station.link;

import java.io.IOException;

/** Bytes to and from one vehicle. The reader delivers whole datagrams (UDP) or stream chunks (TCP). */
interface MavlinkTransport extends AutoCloseable {
    interface Receiver {
        void bytes(byte[] buf, int offset, int length);
    }

    /** Starts the reading thread. */
    void start(Receiver receiver);

    void send(byte[] frame) throws IOException;

    /** True when each receive is one datagram (frames never span receives). */
    boolean datagrams();

    /** Datagrams refused because they came from an address other than the vehicle's (0 for a stream). */
    default long foreignDatagrams() {
        return 0;
    }

    @Override
    void close();
}
