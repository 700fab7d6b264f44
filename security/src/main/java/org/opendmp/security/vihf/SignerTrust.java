package org.opendmp.security.vihf;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.opendmp.security.actor.AuthenticationMode;
import org.opendmp.security.vihf.VihfException.Reason;

/**
 * Whether a VIHF signing certificate chains to the trust anchors of the assertion's authentication mode, by
 * PKIX path building and validation ({@code java.security.cert}, provider defaults), remembering the answer.
 *
 * <p>Revocation is <em>not</em> checked (no CRL, no OCSP): that is future work. A successful path is cached
 * per certificate (by the SHA-256 of its encoding) and anchor set, with the validity period common to the
 * path's certificates, which is re-checked against the clock on every use; the cache holds at most
 * {@code capacity} certificates, least recently used first out. Parsed certificates are cached the same way,
 * so a returning signer is neither parsed nor path-validated again.
 */
final class SignerTrust {

    /** Which anchor set a path was validated against. */
    private enum Anchors {
        CARD, FACILITY;

        static Anchors of(AuthenticationMode mode) {
            return mode.indirect() ? FACILITY : CARD;
        }
    }

    /** A validated path's common validity period. */
    private record Window(Instant notBefore, Instant notAfter) {

        boolean contains(Instant now) {
            return !now.isBefore(notBefore) && !now.isAfter(notAfter);
        }
    }

    /** A signing certificate met before, and the paths found for it. */
    static final class Signer {
        private final X509Certificate certificate;
        private volatile Window card;
        private volatile Window facility;

        private Signer(X509Certificate certificate) {
            this.certificate = certificate;
        }

        X509Certificate certificate() {
            return certificate;
        }

        private Window window(Anchors anchors) {
            return anchors == Anchors.CARD ? card : facility;
        }

        private void remember(Anchors anchors, Window window) {
            if (anchors == Anchors.CARD) {
                card = window;
            } else {
                facility = window;
            }
        }
    }

    private final Set<TrustAnchor> cardAnchors;
    private final Set<TrustAnchor> facilityAnchors;
    private final List<X509Certificate> intermediates;
    private final Map<String, Signer> signers;
    private final AtomicLong pathBuilds = new AtomicLong();

    SignerTrust(VihfTrust trust, int capacity) {
        this.cardAnchors = anchors(trust.cardAnchors());
        this.facilityAnchors = anchors(trust.facilityAnchors());
        this.intermediates = List.copyOf(trust.intermediates());
        this.signers = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Signer> eldest) {
                return size() > capacity;
            }
        });
    }

    private static Set<TrustAnchor> anchors(Set<X509Certificate> certificates) {
        return certificates.stream().map(certificate -> new TrustAnchor(certificate, null))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The signer with the DER encoding {@code der}, parsed once and then taken from the cache. */
    Signer signer(byte[] der) throws CertificateException {
        String key = fingerprint(der);
        Signer signer = signers.get(key);
        if (signer == null) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            signer = new Signer(certificate);
            signers.put(key, signer);
        }
        return signer;
    }

    /**
     * Checks that {@code signer} may sign assertions of {@code mode} at {@code now}: a digital signature key
     * (when it states its key usage) on a PKIX path, valid at {@code now}, to an anchor of that mode.
     *
     * @param others further certificates from the assertion's KeyInfo, candidates for the path's intermediates
     */
    void check(Signer signer, List<byte[]> others, AuthenticationMode mode, Instant now) throws VihfException {
        X509Certificate certificate = signer.certificate();
        boolean[] keyUsage = certificate.getKeyUsage();
        if (keyUsage != null && !keyUsage[0] && !(keyUsage.length > 1 && keyUsage[1])) {
            throw untrusted("The VIHF signing certificate is not for digital signatures", null);
        }
        Anchors anchors = Anchors.of(mode);
        Window window = signer.window(anchors);
        if (window != null) {
            if (window.contains(now)) {
                return;
            }
            throw untrusted("The VIHF signing certificate or its CA is not valid at this time", null);
        }
        signer.remember(anchors, buildPath(certificate, others, anchors, now));
    }

    /** How many PKIX paths were built so far: a returning signer costs none. */
    long pathBuilds() {
        return pathBuilds.get();
    }

    private Window buildPath(X509Certificate certificate, List<byte[]> others, Anchors anchors, Instant now)
            throws VihfException {
        pathBuilds.incrementAndGet();
        Set<TrustAnchor> trusted = anchors == Anchors.CARD ? cardAnchors : facilityAnchors;
        if (trusted.isEmpty()) {
            throw untrusted("No trust anchor is configured for this VIHF authentication mode", null);
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(trusted, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            parameters.addCertStore(CertStore.getInstance("Collection",
                    new CollectionCertStoreParameters(candidates(certificate, others))));
            PKIXCertPathBuilderResult result =
                    (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters);
            return window(result.getCertPath().getCertificates());
        } catch (GeneralSecurityException e) {
            throw untrusted("The VIHF signing certificate does not chain to a trusted CA of this authentication"
                    + " mode, or is not valid at this time", e);
        }
    }

    private List<X509Certificate> candidates(X509Certificate certificate, List<byte[]> others) {
        List<X509Certificate> candidates = new ArrayList<>(intermediates.size() + others.size() + 1);
        candidates.add(certificate);
        candidates.addAll(intermediates);
        for (byte[] der : others) {
            try {
                candidates.add((X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der)));
            } catch (CertificateException e) {
                // an unreadable extra certificate cannot help build a path; the path search ignores it
            }
        }
        return candidates;
    }

    private static Window window(List<? extends Certificate> path) {
        Instant notBefore = Instant.MIN;
        Instant notAfter = Instant.MAX;
        for (Certificate certificate : path) {
            X509Certificate x509 = (X509Certificate) certificate;
            Instant from = x509.getNotBefore().toInstant();
            Instant to = x509.getNotAfter().toInstant();
            notBefore = from.isAfter(notBefore) ? from : notBefore;
            notAfter = to.isBefore(notAfter) ? to : notAfter;
        }
        return new Window(notBefore, notAfter);
    }

    private static VihfException untrusted(String message, Throwable cause) {
        return new VihfException(Reason.UNTRUSTED_SIGNER, message, cause);
    }

    private static String fingerprint(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
