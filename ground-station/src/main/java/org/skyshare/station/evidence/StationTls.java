package org.skyshare.station.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The certificate and key the station's HTTPS server shows: the user's own (a PKCS#12/JKS key
 * store, or PEM files as certbot and most CAs hand them out), or for a demo a self-signed one made
 * at first start and kept in the data folder.
 *
 * @param keyStore holds one private key entry with its certificate chain
 * @param password the key store's and the key's password
 */
public record StationTls(KeyStore keyStore, String password) {
    public static final String ALIAS = "station";

    /** A PKCS#12 or JKS key store file. */
    public static StationTls fromKeyStore(Path file, String password) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("TLS key store " + file + " does not exist");
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance(file.toString().endsWith(".jks") ? "JKS" : "PKCS12");
            ks.load(in, password == null ? null : password.toCharArray());
            if (!hasKey(ks)) {
                throw new IllegalArgumentException("TLS key store " + file + " holds no private key with a certificate");
            }
            return new StationTls(ks, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("TLS key store " + file + " cannot be read (wrong password or not PKCS#12/JKS): "
                    + e.getMessage(), e);
        }
    }

    /**
     * PEM files: the certificate chain (server certificate first) and an unencrypted PKCS#8 private
     * key ("BEGIN PRIVATE KEY", RSA or EC).
     */
    public static StationTls fromPem(Path certificateChain, Path privateKey) {
        List<Certificate> chain;
        try (InputStream in = Files.newInputStream(certificateChain)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            chain = new ArrayList<>(certs);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("TLS certificate " + certificateChain + " is not a PEM certificate chain: " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("TLS certificate " + certificateChain + " holds no certificate");
        }
        PrivateKey key = readPkcs8(privateKey);
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            String password = randomPassword();
            ks.setKeyEntry(ALIAS, key, password.toCharArray(), chain.toArray(Certificate[]::new));
            return new StationTls(ks, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("TLS key " + privateKey + " does not match certificate " + certificateChain
                    + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey readPkcs8(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("TLS key " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY") || pem.contains("ENCRYPTED")) {
            throw new IllegalArgumentException("TLS key " + file + " is not an unencrypted PKCS#8 key; convert it with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in " + file.getFileName() + " -out key.pem'");
        }
        int start = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("TLS key " + file + " has no '-----BEGIN PRIVATE KEY-----' block");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(start + 27, end));
        for (String alg : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("TLS key " + file + " is neither an RSA, EC nor Ed25519 PKCS#8 key");
    }

    /**
     * The self-signed certificate in {@code folder}, made with the JDK's keytool at first start (EC
     * P-256, names localhost, 127.0.0.1 and {@code hostName}). Agencies must be told to trust it;
     * it is for demos and trials, a station in service uses its own certificate.
     */
    public static StationTls selfSigned(Path folder, String hostName) {
        Path store = folder.resolve("station-self-signed.p12");
        Path passFile = folder.resolve("station-self-signed.pass");
        try {
            if (!Files.isRegularFile(store) || !Files.isRegularFile(passFile)) {
                Files.createDirectories(folder);
                String password = randomPassword();
                Path tmp = folder.resolve("station-self-signed.p12.tmp");
                Files.deleteIfExists(tmp);
                String san = "SAN=dns:localhost,ip:127.0.0.1" + (hostName == null || hostName.isBlank() || hostName.equals("localhost")
                        ? "" : (hostName.matches("[0-9.]+") ? ",ip:" : ",dns:") + hostName);
                Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
                Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "EC",
                        "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-validity", "825",
                        "-dname", "CN=Skyshare station (self-signed)", "-ext", san,
                        "-keystore", tmp.toString(), "-storetype", "PKCS12", "-storepass", password, "-keypass", password)
                        .redirectErrorStream(true).start();
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    p.destroyForcibly();
                    throw new IllegalStateException("keytool could not make the station's self-signed certificate: " + output.strip());
                }
                Path passTmp = folder.resolve("station-self-signed.pass.tmp");
                Files.writeString(passTmp, password);
                restrict(passTmp);
                restrict(tmp);
                Files.move(passTmp, passFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                Files.move(tmp, store, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return fromKeyStore(store, Files.readString(passFile).strip());
        } catch (IOException e) {
            throw new IllegalStateException("cannot make the station's self-signed certificate in " + folder + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the self-signed certificate", e);
        }
    }

    /** A trust store holding this station's certificate, for clients of a self-signed station (tests, the demo). */
    public KeyStore trustStore() {
        try {
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            ts.setCertificateEntry(ALIAS, keyStore.getCertificate(firstKeyAlias(keyStore)));
            return ts;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot copy the station certificate into a trust store", e);
        }
    }

    /** The certificate as PEM, to hand to agencies that must trust a self-signed station. */
    public String certificatePem() {
        try {
            byte[] der = keyStore.getCertificate(firstKeyAlias(keyStore)).getEncoded();
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(der) + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode the station certificate", e);
        }
    }

    static String firstKeyAlias(KeyStore ks) throws GeneralSecurityException {
        for (String a : java.util.Collections.list(ks.aliases())) {
            if (ks.isKeyEntry(a)) {
                return a;
            }
        }
        throw new GeneralSecurityException("no private key entry");
    }

    private static boolean hasKey(KeyStore ks) {
        try {
            firstKeyAlias(ks);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String randomPassword() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static void restrict(Path p) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system
        }
    }

}
