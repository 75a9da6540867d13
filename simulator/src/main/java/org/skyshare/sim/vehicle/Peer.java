package org.skyshare.sim.vehicle;

import java.io.IOException;

/** A ground station the vehicle talks to: a UDP address or a TCP connection. */
interface Peer {
    void send(byte[] frame) throws IOException;

    boolean open();
}
