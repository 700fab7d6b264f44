package org.opendmp.security.vihf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.opendmp.security.actor.AuthenticationMode;
import org.opendmp.security.actor.Role;
import org.opendmp.security.actor.Software;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development credentials that sign VIHF assertions: a "professional card" CA with a demo doctor's card
 * ({@code DIRECTE}), and a "facility" CA with a demo facility's organisation certificate ({@code INDIRECTE}).
 *
 * <p>These CAs are separate from the TLS development CA on purpose: a TLS client certificate must not be able
 * to sign assertions, and a card must not sign for a facility. {@link #ensure(Path)} generates the files once,
 * in a staging directory renamed into place, and reuses them afterwards; a directory holding only part of them
 * is refused. <strong>Development only</strong>: the key stores use the well-known password {@value #PASSWORD}
 * and the CA keys are discarded after generation.
 */
public final class DevelopmentVihfPki {

    private static final Logger LOG = LoggerFactory.getLogger(DevelopmentVihfPki.class);

    /** Password of both PKCS#12 files. */
    public static final String PASSWORD = "changeit";
    /** The demo doctor's professional national id (idNat_PS, {@code 8} + a test RPPS number). */
    public static final String DEMO_PROFESSIONAL_ID = "899900000001";
    /** The demo facility's national id (idNat_Struct, {@code 1} + a test FINESS number). */
    public static final String DEMO_FACILITY_ID = "10B0000001";
    /** The demo clinical software named in development assertions. */
    public static final Software DEMO_SOFTWARE =
            new Software("OPEN-DMP-DEV", "Open DMP development client", "1.0", null);

    static final String CARD_CA = "card-ca.pem";
    static final String FACILITY_CA = "facility-ca.pem";
    static final String DOCTOR_KEY_STORE = "doctor.p12";
    static final String FACILITY_KEY_STORE = "facility.p12";
    static final String README = "README.txt";
    /** The files of a usable PKI, the one moved last first. */
    static final List<String> REQUIRED_FILES = List.of(CARD_CA, FACILITY_CA, DOCTOR_KEY_STORE, FACILITY_KEY_STORE);

    private static final String ORGANIZATION = "Open DMP (development only)";
    private static final String DOCTOR_NAME = "Dr Demo (development only)";
    private static final String FACILITY_NAME = "Demo facility (development only)";
    private static final String ALIAS = "signer";
    private static final int CA_KEY_SIZE = 3072;
    private static final int LEAF_KEY_SIZE = 2048;
    private static final Duration CA_VALIDITY = Duration.ofDays(3653);
    private static final Duration LEAF_VALIDITY = Duration.ofDays(730);
    private static final Duration BACKDATING = Duration.ofHours(1);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private final Path directory;
    private final boolean generatedNow;
    private final X509Certificate cardCa;
    private final X509Certificate facilityCa;

    private DevelopmentVihfPki(Path directory, boolean generatedNow) throws IOException {
        this.directory = directory;
        this.generatedNow = generatedNow;
        this.cardCa = readCertificate(directory.resolve(CARD_CA));
        this.facilityCa = readCertificate(directory.resolve(FACILITY_CA));
    }

    /**
     * Returns the development VIHF PKI in {@code directory} (the server uses {@code <data>/pki/vihf}),
     * generating it if none of its files exist yet.
     *
     * @throws IllegalStateException if the directory holds only part of the files
     */
    public static DevelopmentVihfPki ensure(Path directory) throws IOException {
        Path dir = directory.toAbsolutePath().normalize();
        List<String> present = REQUIRED_FILES.stream().filter(name -> Files.exists(dir.resolve(name))).toList();
        if (present.size() == REQUIRED_FILES.size()) {
            LOG.info("Using the development VIHF signing PKI in {}", dir);
            return new DevelopmentVihfPki(dir, false);
        }
        if (!present.isEmpty()) {
            throw new IllegalStateException("Incomplete development VIHF PKI in " + dir + ": present " + present
                    + " of " + REQUIRED_FILES + ". Delete the directory to have it generated again.");
        }
        generate(dir);
        LOG.warn("Generated a DEVELOPMENT VIHF signing PKI in {} (demo doctor card and demo facility"
                + " certificate). Not for production: configure the real card and facility CAs instead.", dir);
        return new DevelopmentVihfPki(dir, true);
    }

    /** The directory holding the files. */
    public Path directory() {
        return directory;
    }

    /** Whether this call of {@link #ensure(Path)} generated the files. */
    public boolean generatedNow() {
        return generatedNow;
    }

    /** {@code card-ca.pem}: the development professional card CA. */
    public Path cardCaCertificate() {
        return directory.resolve(CARD_CA);
    }

    /** {@code facility-ca.pem}: the development facility certificate CA. */
    public Path facilityCaCertificate() {
        return directory.resolve(FACILITY_CA);
    }

    /** {@code doctor.p12}: the demo doctor's card key and certificate (password {@value #PASSWORD}). */
    public Path doctorKeyStore() {
        return directory.resolve(DOCTOR_KEY_STORE);
    }

    /** {@code facility.p12}: the demo facility's key and certificate (password {@value #PASSWORD}). */
    public Path facilityKeyStore() {
        return directory.resolve(FACILITY_KEY_STORE);
    }

    /** The card CA certificate. */
    public X509Certificate cardCa() {
        return cardCa;
    }

    /** The facility CA certificate. */
    public X509Certificate facilityCa() {
        return facilityCa;
    }

    /** The trust of a development server: the card CA for {@code DIRECTE}, the facility CA for the others. */
    public VihfTrust trust() {
        return VihfTrust.of(Set.of(cardCa), Set.of(facilityCa));
    }

    /** Signs as the demo doctor's card (for {@code DIRECTE} assertions). */
    public VihfSigner doctorSigner() throws IOException {
        return VihfSigner.fromPkcs12(doctorKeyStore(), PASSWORD.toCharArray());
    }

    /** Signs as the demo facility (for {@code INDIRECTE} and {@code INDIRECTE_RENFORCEE} assertions). */
    public VihfSigner facilitySigner() throws IOException {
        return VihfSigner.fromPkcs12(facilityKeyStore(), PASSWORD.toCharArray());
    }

    /** The claims of the demo doctor, a general practitioner authenticating with the card, in normal access. */
    public static VihfBuilder doctorAssertion() {
        return VihfBuilder.create()
                .professionalId(DEMO_PROFESSIONAL_ID).displayName("Dr Demo")
                .role(Role.DOCTOR, Role.PROFESSIONS).specialty("SM26", Role.SPECIALTIES)
                .facilityId(DEMO_FACILITY_ID).activitySector("SA07")
                .authenticationMode(AuthenticationMode.DIRECTE).software(DEMO_SOFTWARE);
    }

    /** The demo doctor's claims, vouched for by the demo facility ({@code INDIRECTE}). */
    public static VihfBuilder facilityAssertion() {
        return doctorAssertion().authenticationMode(AuthenticationMode.INDIRECTE);
    }

    @Override
    public String toString() {
        return "DevelopmentVihfPki[" + directory + "]";
    }

    // ---------------------------------------------------------------------------------------------------------
    // Generation

    private static void generate(Path dir) throws IOException {
        Files.createDirectories(dir.getParent());
        Path staging = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + ".generating-");
        try {
            write(staging);
            install(staging, dir);
        } finally {
            deleteRecursively(staging);
        }
    }

    private static void write(Path dir) throws IOException {
        try {
            SecureRandom random = new SecureRandom();
            Instant notBefore = Instant.now().minus(BACKDATING);
            Instant caNotAfter = notBefore.plus(CA_VALIDITY);
            Instant leafNotAfter = notBefore.plus(LEAF_VALIDITY);
            KeyPair cardCaKeys = rsa(CA_KEY_SIZE, random);
            X509Certificate cardCa = certificate(name("Open DMP Development Card CA", null), cardCaKeys.getPublic(),
                    null, cardCaKeys.getPrivate(), notBefore, caNotAfter, random);
            KeyPair facilityCaKeys = rsa(CA_KEY_SIZE, random);
            X509Certificate facilityCa = certificate(name("Open DMP Development Facility CA", null),
                    facilityCaKeys.getPublic(), null, facilityCaKeys.getPrivate(), notBefore, caNotAfter, random);
            KeyPair doctorKeys = rsa(LEAF_KEY_SIZE, random);
            X509Certificate doctor = certificate(name(DOCTOR_NAME, DEMO_PROFESSIONAL_ID), doctorKeys.getPublic(),
                    cardCa, cardCaKeys.getPrivate(), notBefore, leafNotAfter, random);
            KeyPair facilityKeys = rsa(LEAF_KEY_SIZE, random);
            X509Certificate facility = certificate(name(FACILITY_NAME, DEMO_FACILITY_ID), facilityKeys.getPublic(),
                    facilityCa, facilityCaKeys.getPrivate(), notBefore, leafNotAfter, random);

            writeText(dir.resolve(README), README_TEXT);
            writeText(dir.resolve(CARD_CA), pem(cardCa));
            writeText(dir.resolve(FACILITY_CA), pem(facilityCa));
            writeKeyStore(dir.resolve(DOCTOR_KEY_STORE), doctorKeys.getPrivate(), doctor, cardCa);
            writeKeyStore(dir.resolve(FACILITY_KEY_STORE), facilityKeys.getPrivate(), facility, facilityCa);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot generate the development VIHF PKI: " + e.getMessage(), e);
        }
    }

    /** Moves the staging directory into place; into an existing directory file by file, a CA certificate last. */
    private static void install(Path staging, Path dir) throws IOException {
        if (Files.isDirectory(dir) && isEmpty(dir)) {
            Files.delete(dir);
        }
        if (!Files.exists(dir)) {
            try {
                Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (IOException e) {
                if (REQUIRED_FILES.stream().allMatch(name -> Files.exists(dir.resolve(name)))) {
                    return; // another process installed its PKI concurrently: keep that one
                }
                throw e;
            }
        }
        for (String name : List.of(README, FACILITY_CA, DOCTOR_KEY_STORE, FACILITY_KEY_STORE, CARD_CA)) {
            try {
                Files.move(staging.resolve(name), dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging.resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static KeyPair rsa(int bits, SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits, random);
        return generator.generateKeyPair();
    }

    /** {@code CN=<commonName>[, OU=<unit>], O=Open DMP (development only), C=FR}. */
    private static X500Name name(String commonName, String unit) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "FR")
                .addRDN(BCStyle.O, ORGANIZATION);
        if (unit != null) {
            builder.addRDN(BCStyle.OU, unit);
        }
        return builder.addRDN(BCStyle.CN, commonName).build();
    }

    /** A CA certificate (self-signed when {@code issuer} is {@code null}) or a signing end-entity certificate. */
    private static X509Certificate certificate(X500Name subject, PublicKey key, X509Certificate issuer,
            PrivateKey issuerKey, Instant notBefore, Instant notAfter, SecureRandom random)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        boolean ca = issuer == null;
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X500Name issuerName = ca ? subject : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                new BigInteger(127, random).setBit(126), Date.from(notBefore), Date.from(notAfter), subject, key)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
                .addExtension(Extension.keyUsage, true, new KeyUsage(ca
                        ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                        : KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(key))
                .addExtension(Extension.authorityKeyIdentifier, false, ca
                        ? extensions.createAuthorityKeyIdentifier(key)
                        : extensions.createAuthorityKeyIdentifier(issuer));
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Files

    private static X509Certificate readCertificate(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot read the certificate " + pem + ": " + e.getMessage(), e);
        }
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    private static void writeText(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        setPermissions(file, WORLD_READABLE);
    }

    private static void writeKeyStore(Path file, PrivateKey key, X509Certificate certificate, X509Certificate ca)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, key, PASSWORD.toCharArray(), new Certificate[] {certificate, ca});
        Files.createFile(file);
        setPermissions(file, OWNER_ONLY);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
    }

    private static void setPermissions(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static final String README_TEXT = """
            Open DMP - generated DEVELOPMENT credentials for signing VIHF assertions
            ========================================================================

            Generated on the first start of the server because no VIHF trust was configured. For development
            and tests ONLY: the key stores use the well-known password "changeit", and anyone holding them can
            sign assertions this server's development mode accepts.

            card-ca.pem      Development "professional card" CA: trusted for DIRECTE assertions.
            facility-ca.pem  Development "facility certificate" CA: trusted for INDIRECTE and
                             INDIRECTE_RENFORCEE assertions.
            doctor.p12       The demo doctor's card (CN "Dr Demo (development only)", OU 899900000001),
                             issued by the card CA (PKCS#12, password "changeit").
            facility.p12     The demo facility's organisation certificate (OU 10B0000001), issued by the
                             facility CA (PKCS#12, password "changeit").

            These CAs are distinct from the TLS development CA on purpose: a TLS client certificate cannot
            sign an assertion. The CA private keys were discarded after generation. To start over,
            stop the server and delete this directory; it is regenerated on the next start.
            """;
}
