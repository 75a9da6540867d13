package org.skyshare.station.evidence;

import org.skyshare.station.alert.EvidenceLinker;
import org.skyshare.station.alert.EvidenceResource;
import org.skyshare.station.alert.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Evidence as CAP resources: a signed https link for one agency with the file's size and SHA-1
 * digest, and a small JPEG thumbnail inline so an agency cut off from the station still sees it.
 */
public final class EvidenceLinks implements EvidenceLinker {
    private static final Logger LOG = LoggerFactory.getLogger(EvidenceLinks.class);
    /** Thumbnails stay a few kilobytes: CAP messages travel over MQTT to phones. */
    public static final int THUMBNAIL_SIDE_PX = 160;

    private final String baseUri;
    private final EvidenceSigner signer;
    private final EvidenceFiles files;
    private final Duration linkLifetime;

    /**
     * @param baseUri      the station's https address as agencies reach it, e.g. https://station.example:8443
     * @param linkLifetime how long after sending an agency's link opens the evidence
     */
    public EvidenceLinks(String baseUri, EvidenceSigner signer, EvidenceFiles files, Duration linkLifetime) {
        if (!baseUri.startsWith("https://")) {
            throw new IllegalArgumentException("the evidence base address must be https://, got '" + baseUri + "'");
        }
        this.baseUri = baseUri.endsWith("/") ? baseUri.substring(0, baseUri.length() - 1) : baseUri;
        this.signer = signer;
        this.files = files;
        this.linkLifetime = linkLifetime;
    }

    /** The signed link to {@code evidenceId} for {@code agency}, valid until {@code expires}. */
    public String link(String evidenceId, String agency, Instant expires) {
        Instant exp = Instant.ofEpochSecond(expires.getEpochSecond());
        return baseUri + EvidenceServer.PATH + evidenceId + "?agency=" + URLEncoder.encode(agency, StandardCharsets.UTF_8)
                + "&exp=" + exp.getEpochSecond() + "&sig=" + signer.sign(evidenceId, agency, exp);
    }

    @Override
    public List<EvidenceResource> resources(Incident incident, String agency, Instant sent) {
        Path image = incident.report().evidenceImage();
        if (image == null) {
            return List.of();
        }
        Optional<String> id = files.idOf(image);
        if (id.isEmpty() || files.open(id.get()).isEmpty()) {
            LOG.warn("incident {}: evidence {} is not in the evidence folder {}; no link is sent", incident.id(), image, files.root());
            return List.of();
        }
        try {
            byte[] bytes = Files.readAllBytes(image);
            List<EvidenceResource> out = new ArrayList<>(2);
            out.add(new EvidenceResource("evidence image", mimeType(image), bytes.length,
                    link(id.get(), agency, sent.plus(linkLifetime)), null, sha1(bytes)));
            Thumbnails.jpeg(bytes, THUMBNAIL_SIDE_PX).ifPresent(t -> out.add(new EvidenceResource("evidence thumbnail",
                    "image/jpeg", t.length, null, Base64.getEncoder().encodeToString(t), sha1(t))));
            return out;
        } catch (IOException e) {
            LOG.warn("incident {}: cannot read evidence {}: {}", incident.id(), image, e.getMessage());
            return List.of();
        }
    }

    static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this Java runtime", e);
        }
    }

    static String mimeType(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".png")) {
            return "image/png";
        }
        if (n.endsWith(".tif") || n.endsWith(".tiff")) {
            return "image/tiff";
        }
        if (n.endsWith(".mp4")) {
            return "video/mp4";
        }
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        return "application/octet-stream";
    }
}
