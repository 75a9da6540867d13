package org.skyshare.station.tak;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Streams Cursor-on-Target to a TAK Server's input (plain TCP, usually 8087, or TLS with a client
 * certificate, usually 8089): XML events written back to back on one connection. The latest event
 * of every uid still on the map is kept, so after a lost connection the server gets the current
 * picture again instead of a gap.
 */
public final class TakServerStream implements TakSink {
    private static final Logger LOG = LoggerFactory.getLogger(TakServerStream.class);
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private final InetSocketAddress server;
    private final SSLContext tls;
    private final Map<String, CotEvent> current = new LinkedHashMap<>();
    private Socket socket;

    /** @param tls null for plain TCP; else a context holding the client certificate and the server's CA */
    public TakServerStream(InetSocketAddress server, SSLContext tls) {
        this.server = server;
        this.tls = tls;
    }

    @Override
    public synchronized void send(CotEvent event) {
        if (event.isDelete()) {
            current.remove(event.uid());
        } else {
            current.put(event.uid(), event);
        }
        try {
            if (socket == null) {
                connect();
                for (CotEvent e : current.values()) {
                    write(e);
                }
                if (event.isDelete()) {
                    write(event);
                }
            } else {
                write(event);
            }
        } catch (IOException e) {
            LOG.warn("TAK server {}: {}; the current picture is sent again on the next event", describe(), e.getMessage());
            closeSocket();
        }
    }

    private void connect() throws IOException {
        Socket s = tls == null ? new Socket() : tls.getSocketFactory().createSocket();
        s.connect(server, CONNECT_TIMEOUT_MS);
        if (s instanceof SSLSocket ssl) {
            ssl.startHandshake();
        }
        socket = s;
    }

    private void write(CotEvent e) throws IOException {
        OutputStream out = socket.getOutputStream();
        // TAK's streaming input reads events back to back; the XML declaration is left out between them
        out.write(e.xml().replaceFirst("^<\\?xml[^>]*\\?>", "").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public String describe() {
        return (tls == null ? "tcp://" : "ssl://") + server.getHostString() + ":" + server.getPort();
    }

    private void closeSocket() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
            socket = null;
        }
    }

    @Override
    public synchronized void close() {
        closeSocket();
    }
}
