package org.skyshare.station.tak;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TAK Server's streaming input on loopback: accepts connections (plain TCP, or TLS requiring a
 * client certificate) and splits what arrives into events, as a TAK Server reads XML back to back.
 */
final class TakStubServer implements AutoCloseable {
    private static final Pattern EVENT = Pattern.compile("<event\\b.*?</event>", Pattern.DOTALL);
    private final ServerSocket server;
    private final StringBuilder received = new StringBuilder();
    private final Thread acceptor;

    TakStubServer(SSLContext tls) throws IOException {
        if (tls == null) {
            server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        } else {
            SSLServerSocket s = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 5, InetAddress.getLoopbackAddress());
            s.setNeedClientAuth(true);
            server = s;
        }
        acceptor = new Thread(this::accept, "tak-stub");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (received) {
                        received.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException e) {
                // a refused handshake or a closed connection: wait for the next one
            }
        }
    }

    List<String> events() {
        List<String> out = new ArrayList<>();
        synchronized (received) {
            Matcher m = EVENT.matcher(received);
            while (m.find()) {
                out.add(m.group());
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
