package org.skyshare.station.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * TCP to one vehicle, reconnecting with a growing pause (0.2 s up to 2 s) whenever the connection
 * drops; frames sent while disconnected are dropped, as they would be on a dead radio.
 */
final class TcpTransport implements MavlinkTransport {
    private final InetSocketAddress remote;
    private volatile boolean running;
    private volatile Socket socket;
    private volatile OutputStream out;
    private Thread reader;

    TcpTransport(String host, int port) {
        this.remote = new InetSocketAddress(host, port);
    }

    @Override
    public void start(Receiver receiver) {
        running = true;
        reader = new Thread(() -> loop(receiver), "link-tcp-" + remote.getPort());
        reader.setDaemon(true);
        reader.start();
    }

    private void loop(Receiver receiver) {
        long pauseMs = 200;
        byte[] buf = new byte[8192];
        while (running) {
            try (Socket s = new Socket()) {
                s.connect(remote, 2000);
                s.setTcpNoDelay(true);
                socket = s;
                out = s.getOutputStream();
                pauseMs = 200;
                InputStream in = s.getInputStream();
                int n;
                while (running && (n = in.read(buf)) > 0) {
                    receiver.bytes(buf, 0, n);
                }
            } catch (IOException e) {
                // refused or reset: retry below
            } finally {
                out = null;
                socket = null;
            }
            if (!running) {
                return;
            }
            try {
                Thread.sleep(pauseMs); // reconnect back-off, not test synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pauseMs = Math.min(2000, pauseMs * 2);
        }
    }

    @Override
    public void send(byte[] frame) throws IOException {
        OutputStream o = out;
        if (o != null) {
            synchronized (this) {
                o.write(frame);
            }
        }
    }

    @Override
    public boolean datagrams() {
        return false;
    }

    @Override
    public void close() {
        running = false;
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        if (reader != null) {
            reader.interrupt();
        }
    }
}
