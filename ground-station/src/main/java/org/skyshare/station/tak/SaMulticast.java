package org.skyshare.station.tak;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.StandardSocketOptions;
import java.nio.charset.StandardCharsets;

/**
 * Cursor-on-Target as situational-awareness datagrams, the way TAK clients on one network see each
 * other without a server: UDP to 239.2.3.1:6969 (or a unicast address for a single receiver).
 */
public final class SaMulticast implements TakSink {
    public static final String DEFAULT_GROUP = "239.2.3.1";
    public static final int DEFAULT_PORT = 6969;
    private static final Logger LOG = LoggerFactory.getLogger(SaMulticast.class);
    private final InetSocketAddress target;
    private final MulticastSocket socket;

    /** @param ttl hops a multicast datagram may cross (1 keeps it on the local network) */
    public SaMulticast(InetSocketAddress target, int ttl) {
        this(target, ttl, null);
    }

    /**
     * @param ttl   hops a multicast datagram may cross (1 keeps it on the local network, 0 on this machine)
     * @param via   the interface to send multicast on, or null for the system's choice
     */
    public SaMulticast(InetSocketAddress target, int ttl, java.net.NetworkInterface via) {
        this.target = target;
        try {
            socket = new MulticastSocket();
            socket.setTimeToLive(ttl);
            if (via != null) {
                socket.setOption(StandardSocketOptions.IP_MULTICAST_IF, via);
            }
            // receivers on this machine (a crew laptop beside the station, the tests) hear it too
            socket.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a UDP socket for SA multicast to " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void send(CotEvent event) {
        byte[] b = event.xml().getBytes(StandardCharsets.UTF_8);
        try {
            socket.send(new DatagramPacket(b, b.length, target));
        } catch (IOException e) {
            LOG.warn("SA {}: event {} not sent: {}", target, event.uid(), e.getMessage());
        }
    }

    @Override
    public String describe() {
        return "udp://" + target.getHostString() + ":" + target.getPort();
    }

    @Override
    public void close() {
        socket.close();
    }
}
