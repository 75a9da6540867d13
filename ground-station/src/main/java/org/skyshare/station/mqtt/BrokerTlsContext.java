package org.skyshare.station.mqtt;

import org.skyshare.station.config.StationConfig;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The station's TLS towards an ssl:// broker, from {@link StationConfig.BrokerTls}: the
 * certificates it trusts (a PEM file or a trust store; the JVM's authorities when neither) and an
 * optional client certificate (a key store, or PEM certificate and PKCS#8 key). The broker's name
 * is checked against its certificate (the MQTT clients verify the host name).
 */
public final class BrokerTlsContext {
    private BrokerTlsContext() {
    }

    /** A socket factory for the broker connection; {@code tls} null gives the JVM default. */
    public static SSLSocketFactory socketFactory(StationConfig.BrokerTls tls) {
        if (tls == null) {
            return null;
        }
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (tls.caFile() != null) {
                tmf.init(trustStore(readCertificates(tls.caFile())));
            } else if (tls.trustStore() != null) {
                tmf.init(load(tls.trustStore(), tls.trustStorePassword()));
            } else {
                tmf.init((KeyStore) null);
            }
            KeyManagerFactory kmf = null;
            if (tls.keyStore() != null || tls.certFile() != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                if (tls.keyStore() != null) {
                    kmf.init(load(tls.keyStore(), tls.keyStorePassword()), password(tls.keyStorePassword()));
                } else {
                    char[] pw = new char[0];
                    KeyStore ks = KeyStore.getInstance("PKCS12");
                    ks.load(null, null);
                    ks.setKeyEntry("station", readPrivateKey(tls.keyFile()), pw,
                            readCertificates(tls.certFile()).toArray(new Certificate[0]));
                    kmf.init(ks, pw);
                }
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("broker_tls: " + e.getMessage(), e);
        }
    }

    static List<Certificate> readCertificates(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IllegalArgumentException(pem + ": no certificate (expected PEM \"BEGIN CERTIFICATE\" blocks)");
            }
            return new ArrayList<>(certs);
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalArgumentException(pem + ": not a PEM certificate file: " + e.getMessage(), e);
        }
    }

    static PrivateKey readPrivateKey(Path pem) throws IOException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException(pem + ": expected an unencrypted PKCS#8 key (\"BEGIN PRIVATE KEY\"); "
                    + "convert one with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException tryNext) {
                // not this algorithm
            }
        }
        throw new IllegalArgumentException(pem + ": the key is not RSA, EC or Ed25519");
    }

    private static KeyStore trustStore(List<Certificate> certs) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        for (int i = 0; i < certs.size(); i++) {
            ks.setCertificateEntry("ca-" + i, certs.get(i));
        }
        return ks;
    }

    private static KeyStore load(Path file, String password) throws GeneralSecurityException, IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        KeyStore ks = KeyStore.getInstance(name.endsWith(".jks") ? "JKS" : "PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password(password));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot open the key store (wrong password, or not PKCS12/JKS): "
                    + e.getMessage(), e);
        }
        return ks;
    }

    private static char[] password(String p) {
        return p == null ? new char[0] : p.toCharArray();
    }
}
