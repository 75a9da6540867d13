package org.skyshare.station.link;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

/**
 * UDP to one vehicle port: the station binds an ephemeral local port, sends first (its heartbeat),
 * and accepts datagrams only from that vehicle address, so twenty vehicles are twenty channels that
 * cannot mix up each other's traffic. Datagrams from any other address (someone on the network
 * who found the station's port) are refused and counted, never parsed.
 */
final class UdpTransport implements MavlinkTransport {
    private final InetSocketAddress remote;
    private final DatagramChannel channel;
    private volatile boolean running;
    private Thread reader;

    UdpTransport(String host, int port) throws IOException {
        this.remote = new InetSocketAddress(host, port);
        this.channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
        channel.bind(new InetSocketAddress(0));
        // not connect()ed: the kernel would drop foreign datagrams silently; here they are counted
    }

    private final java.util.concurrent.atomic.AtomicLong foreign = new java.util.concurrent.atomic.AtomicLong();

    @Override
    public long foreignDatagrams() {
        return foreign.get();
    }

    @Override
    public void start(Receiver receiver) {
        running = true;
        reader = new Thread(() -> read(receiver), "link-udp-" + remote.getPort());
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Receiver receiver) {
        ByteBuffer buf = ByteBuffer.allocate(65536);
        while (running) {
            buf.clear();
            java.net.SocketAddress from;
            try {
                from = channel.receive(buf);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // ICMP port unreachable while the vehicle is down: keep listening, it may come back
                continue;
            }
            if (!remote.equals(from)) {
                foreign.incrementAndGet();
                continue;
            }
            buf.flip();
            receiver.bytes(buf.array(), 0, buf.limit());
        }
    }

    @Override
    public void send(byte[] frame) throws IOException {
        try {
            channel.send(ByteBuffer.wrap(frame), remote);
        } catch (java.net.PortUnreachableException e) {
            // the vehicle is not listening right now; the link's health shows it
        }
    }

    @Override
    public boolean datagrams() {
        return true;
    }

    @Override
    public void close() {
        running = false;
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
