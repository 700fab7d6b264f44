package org.opendmp.security.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
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
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development PKI of the embedded default: a throw-away CA, an RSA server certificate for
 * {@code localhost} and a client certificate standing for a demo DMP-compatible clinical software.
 *
 * <p>{@link #ensure(Path)} generates it on first start and reuses it afterwards. Generation happens in a
 * temporary sibling directory that is renamed into place, so a crash never leaves a half PKI that a later
 * start would reuse; a directory holding only some of the files is refused rather than completed.
 * These credentials are for development only: their private keys are unencrypted or protected by the
 * well-known password {@value #PASSWORD}.
 */
public final class DevelopmentPki {

    private static final Logger LOG = LoggerFactory.getLogger(DevelopmentPki.class);

    /** Password of every PKCS#12 file of the development PKI. */
    public static final String PASSWORD = "changeit";
    /** Alias of the key entry in {@code server.p12}. */
    public static final String SERVER_ALIAS = "server";
    /** Alias of the key entry in {@code client.p12} and in key stores written by {@link #issueClientCertificate}. */
    public static final String CLIENT_ALIAS = "client";
    /** Alias of the CA in {@code truststore.p12}. */
    public static final String CA_ALIAS = "ca";

    static final String CA_CERTIFICATE = "ca.pem";
    static final String CA_KEY = "ca.key";
    static final String SERVER_KEY_STORE = "server.p12";
    static final String CLIENT_CERTIFICATE = "client.pem";
    static final String CLIENT_KEY = "client.key";
    static final String CLIENT_KEY_STORE = "client.p12";
    static final String TRUST_STORE = "truststore.p12";
    static final String README = "README.txt";

    /** The files that make up a usable PKI; the README is informative only. */
    static final List<String> REQUIRED_FILES = List.of(
            CA_CERTIFICATE, CA_KEY, SERVER_KEY_STORE, CLIENT_CERTIFICATE, CLIENT_KEY, CLIENT_KEY_STORE, TRUST_STORE);

    private static final String ORGANIZATION = "Open DMP (development only)";
    private static final String COUNTRY = "FR";
    private static final String CA_COMMON_NAME = "Open DMP Development CA";
    private static final String SERVER_COMMON_NAME = "localhost";
    private static final String DEMO_CLIENT_COMMON_NAME = "Demo clinical software";
    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    private static final int CA_KEY_SIZE = 3072;
    private static final int LEAF_KEY_SIZE = 2048;
    private static final Duration CA_VALIDITY = Duration.ofDays(3653);
    private static final Duration LEAF_VALIDITY = Duration.ofDays(730);
    /** Certificates start slightly in the past so that a peer with a lagging clock accepts them. */
    private static final Duration BACKDATING = Duration.ofHours(1);
    private static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");

    private final Path directory;
    private final boolean generatedNow;
    private final X509Certificate ca;

    private DevelopmentPki(Path directory, boolean generatedNow, X509Certificate ca) {
        this.directory = directory;
        this.generatedNow = generatedNow;
        this.ca = ca;
    }

    /**
     * Returns the development PKI in {@code directory}, generating it if none of its files exist yet.
     *
     * @throws IllegalStateException if the directory holds only part of the PKI files
     * @throws IOException           if the files cannot be read or written
     */
    public static DevelopmentPki ensure(Path directory) throws IOException {
        Path dir = directory.toAbsolutePath().normalize();
        List<String> present = presentFiles(dir);
        if (present.size() == REQUIRED_FILES.size()) {
            return load(dir, false);
        }
        if (!present.isEmpty()) {
            throw incomplete(dir, present);
        }
        generate(dir);
        return load(dir, true);
    }

    /** The directory holding the PKI files. */
    public Path directory() {
        return directory;
    }

    /** {@code ca.pem}: the self-signed development CA certificate, to be trusted by clients and by the server. */
    public Path caCertificate() {
        return directory.resolve(CA_CERTIFICATE);
    }

    /** {@code ca.key}: the CA private key (unencrypted PKCS#8 PEM), used to issue more certificates. */
    public Path caKey() {
        return directory.resolve(CA_KEY);
    }

    /** {@code server.p12}: the server key and certificate chain, alias {@value #SERVER_ALIAS}. */
    public Path serverKeyStore() {
        return directory.resolve(SERVER_KEY_STORE);
    }

    /** {@code client.pem}: the demo clinical software certificate. */
    public Path clientCertificate() {
        return directory.resolve(CLIENT_CERTIFICATE);
    }

    /** {@code client.key}: the demo clinical software private key (unencrypted PKCS#8 PEM). */
    public Path clientKey() {
        return directory.resolve(CLIENT_KEY);
    }

    /** {@code client.p12}: the demo clinical software key and certificate chain, alias {@value #CLIENT_ALIAS}. */
    public Path clientKeyStore() {
        return directory.resolve(CLIENT_KEY_STORE);
    }

    /** {@code truststore.p12}: the CA as a trusted certificate entry, alias {@value #CA_ALIAS}. */
    public Path trustStore() {
        return directory.resolve(TRUST_STORE);
    }

    /** The password of every PKCS#12 file; a fresh copy the caller may wipe. */
    public char[] password() {
        return PASSWORD.toCharArray();
    }

    /** Whether this call of {@link #ensure(Path)} generated the PKI (as opposed to reusing existing files). */
    public boolean generatedNow() {
        return generatedNow;
    }

    /** The CA certificate read from {@link #caCertificate()}. */
    public X509Certificate caX509Certificate() {
        return ca;
    }

    /**
     * Issues a client (clientAuth) certificate signed by the development CA, valid for two years (within the
     * CA's validity), and writes it with its new RSA key to a PKCS#12 file: password {@value #PASSWORD}, alias
     * {@value #CLIENT_ALIAS}, chain included.
     *
     * @param commonName   the CN; the subject is {@code CN=<commonName>, O=Open DMP (development only), C=FR}
     * @param keyStoreP12  the PKCS#12 file to create; it must not exist yet
     */
    public X509Certificate issueClientCertificate(String commonName, Path keyStoreP12) throws IOException {
        Instant now = Instant.now();
        return issueClientCertificate(commonName, keyStoreP12, now.minus(BACKDATING), now.plus(LEAF_VALIDITY));
    }

    /**
     * Like {@link #issueClientCertificate(String, Path)} with an explicit validity period, for instance an
     * already expired one; the period is not clamped.
     */
    public X509Certificate issueClientCertificate(String commonName, Path keyStoreP12, Instant notBefore,
            Instant notAfter) throws IOException {
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter " + notAfter + " is not after notBefore " + notBefore);
        }
        Path target = keyStoreP12.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "refusing to overwrite a key store");
        }
        try {
            SecureRandom random = new SecureRandom();
            Issuer issuer = new Issuer(ca, readPrivateKey(caKey()));
            KeyPair keys = rsaKeyPair(LEAF_KEY_SIZE, random);
            X509Certificate certificate = issuer.issue(LeafProfile.client(commonName), keys.getPublic(),
                    notBefore, notAfter, random);
            Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp",
                    ownerOnlyAttributes(target.getParent()));
            try {
                writeKeyStore(temporary, CLIENT_ALIAS, keys.getPrivate(), certificate, ca);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return certificate;
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot issue a development client certificate: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "DevelopmentPki[" + directory + "]";
    }

    // ---------------------------------------------------------------------------------------------------------
    // Loading

    private static List<String> presentFiles(Path dir) {
        return REQUIRED_FILES.stream().filter(name -> Files.exists(dir.resolve(name))).toList();
    }

    private static IllegalStateException incomplete(Path dir, List<String> present) {
        List<String> missing = REQUIRED_FILES.stream().filter(name -> !present.contains(name)).toList();
        return new IllegalStateException("Incomplete development PKI in " + dir + ": missing " + missing
                + ", present " + present + ". Refusing to mix old and new credentials: restore the missing files,"
                + " or delete the directory to have a fresh development PKI generated on next start.");
    }

    private static DevelopmentPki load(Path dir, boolean generatedNow) throws IOException {
        X509Certificate ca = readCertificate(dir.resolve(CA_CERTIFICATE));
        DevelopmentPki pki = new DevelopmentPki(dir, generatedNow, ca);
        if (generatedNow) {
            LOG.warn("Generated a DEVELOPMENT PKI in {} (CA, server and demo client certificates). "
                    + "Not for production: configure real certificates instead.", dir);
        } else {
            LOG.info("Using the development PKI in {}", dir);
            pki.warnIfExpiring();
        }
        return pki;
    }

    private void warnIfExpiring() {
        try {
            KeyStore keyStore = TlsSettings.loadPkcs12(serverKeyStore(), password());
            Certificate certificate = keyStore.getCertificate(SERVER_ALIAS);
            if (certificate instanceof X509Certificate server) {
                Instant notAfter = server.getNotAfter().toInstant();
                if (notAfter.isBefore(Instant.now().plus(EXPIRY_WARNING))) {
                    LOG.warn("The development server certificate in {} expires on {}: delete the directory to have"
                            + " a fresh development PKI generated on next start.", directory, notAfter);
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            LOG.warn("Cannot read the development server key store {}: {}", serverKeyStore(), e.toString());
        }
    }

    private static X509Certificate readCertificate(Path pem) throws IOException {
        try {
            KeyStore store = TlsSettings.trustStoreFromPem(pem);
            return (X509Certificate) store.getCertificate(store.aliases().nextElement());
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot read the certificate " + pem + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey readPrivateKey(Path pem) throws IOException {
        try (Reader reader = Files.newBufferedReader(pem, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            if (object instanceof PrivateKeyInfo info) {
                return new JcaPEMKeyConverter().getPrivateKey(info);
            }
            throw new IOException(pem + " does not hold an unencrypted PKCS#8 private key");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Generation

    private static void generate(Path dir) throws IOException {
        Path parent = dir.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + dir.getFileName() + ".generating-");
        try {
            setPermissions(staging, DIRECTORY);
            writePki(staging);
            install(staging, dir);
        } finally {
            deleteRecursively(staging);
        }
    }

    /** Moves the fully written staging directory into place, atomically when {@code dir} does not hold files. */
    private static void install(Path staging, Path dir) throws IOException {
        if (Files.isDirectory(dir) && isEmpty(dir)) {
            Files.delete(dir);
        }
        if (!Files.exists(dir)) {
            try {
                moveAtomically(staging, dir);
                return;
            } catch (IOException e) {
                if (presentFiles(dir).size() == REQUIRED_FILES.size()) {
                    return; // another process installed its PKI concurrently: keep that one
                }
                throw e;
            }
        }
        // The directory holds unrelated files: move ours in one by one, the CA certificate last. A crash
        // midway leaves an incomplete set, which ensure() refuses instead of reusing.
        List<String> order = new ArrayList<>(REQUIRED_FILES);
        order.remove(CA_CERTIFICATE);
        order.add(CA_CERTIFICATE);
        order.add(0, README);
        for (String name : order) {
            moveAtomically(staging.resolve(name), dir.resolve(name));
        }
    }

    private static void moveAtomically(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void writePki(Path dir) throws IOException {
        try {
            SecureRandom random = new SecureRandom();
            Instant notBefore = Instant.now().minus(BACKDATING);
            Instant leafNotAfter = notBefore.plus(LEAF_VALIDITY);

            KeyPair caKeys = rsaKeyPair(CA_KEY_SIZE, random);
            X509Certificate ca = selfSignedCa(caKeys, notBefore, notBefore.plus(CA_VALIDITY), random);
            Issuer issuer = new Issuer(ca, caKeys.getPrivate());

            KeyPair serverKeys = rsaKeyPair(LEAF_KEY_SIZE, random);
            X509Certificate server = issuer.issue(LeafProfile.server(), serverKeys.getPublic(),
                    notBefore, leafNotAfter, random);

            KeyPair clientKeys = rsaKeyPair(LEAF_KEY_SIZE, random);
            X509Certificate client = issuer.issue(LeafProfile.client(DEMO_CLIENT_COMMON_NAME),
                    clientKeys.getPublic(), notBefore, leafNotAfter, random);

            writeFile(dir.resolve(README), README_TEXT, WORLD_READABLE);
            writeFile(dir.resolve(CA_CERTIFICATE), pem(ca), WORLD_READABLE);
            writeFile(dir.resolve(CA_KEY), pem(new JcaPKCS8Generator(caKeys.getPrivate(), null)), OWNER_ONLY);
            writeKeyStore(dir.resolve(SERVER_KEY_STORE), SERVER_ALIAS, serverKeys.getPrivate(), server, ca);
            writeFile(dir.resolve(CLIENT_CERTIFICATE), pem(client), WORLD_READABLE);
            writeFile(dir.resolve(CLIENT_KEY), pem(new JcaPKCS8Generator(clientKeys.getPrivate(), null)),
                    OWNER_ONLY);
            writeKeyStore(dir.resolve(CLIENT_KEY_STORE), CLIENT_ALIAS, clientKeys.getPrivate(), client, ca);
            writeTrustStore(dir.resolve(TRUST_STORE), ca);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot generate the development PKI: " + e.getMessage(), e);
        }
    }

    private static KeyPair rsaKeyPair(int bits, SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits, random);
        return generator.generateKeyPair();
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, COUNTRY)
                .addRDN(BCStyle.O, ORGANIZATION)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    private static BigInteger serialNumber(SecureRandom random) {
        return new BigInteger(127, random).setBit(126); // positive, 16 octets, never zero
    }

    private static X509Certificate selfSignedCa(KeyPair keys, Instant notBefore, Instant notAfter,
            SecureRandom random) throws GeneralSecurityException, OperatorCreationException, CertIOException {
        X500Name subject = name(CA_COMMON_NAME);
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serialNumber(random),
                Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false,
                        extensions.createSubjectKeyIdentifier(keys.getPublic()))
                .addExtension(Extension.authorityKeyIdentifier, false,
                        extensions.createAuthorityKeyIdentifier(keys.getPublic()));
        return sign(builder, keys.getPrivate());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signingKey)));
    }

    /** What distinguishes the server and client end-entity certificates. */
    private record LeafProfile(String commonName, int keyUsage, KeyPurposeId purpose, GeneralNames alternativeNames) {

        static LeafProfile server() {
            GeneralNames names = new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.iPAddress, "::1")});
            return new LeafProfile(SERVER_COMMON_NAME, KeyUsage.digitalSignature | KeyUsage.keyEncipherment,
                    KeyPurposeId.id_kp_serverAuth, names);
        }

        static LeafProfile client(String commonName) {
            return new LeafProfile(commonName, KeyUsage.digitalSignature, KeyPurposeId.id_kp_clientAuth, null);
        }
    }

    /** The CA certificate and key, issuing end-entity certificates. */
    private record Issuer(X509Certificate certificate, PrivateKey key) {

        X509Certificate issue(LeafProfile profile, PublicKey subjectKey, Instant notBefore, Instant notAfter,
                SecureRandom random) throws GeneralSecurityException, OperatorCreationException, CertIOException {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X500Name issuerName = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, serialNumber(random),
                    Date.from(notBefore), Date.from(notAfter), name(profile.commonName()), subjectKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(profile.keyUsage()))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(profile.purpose()))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(subjectKey))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(certificate));
            if (profile.alternativeNames() != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, profile.alternativeNames());
            }
            return sign(builder, key);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Files

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    private static void writeFile(Path file, String content, Set<PosixFilePermission> permissions)
            throws IOException {
        createOwnerOnly(file);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        setPermissions(file, permissions);
    }

    private static void writeKeyStore(Path file, String alias, PrivateKey key, X509Certificate certificate,
            X509Certificate ca) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, key, PASSWORD.toCharArray(), new Certificate[] {certificate, ca});
        store(store, file, OWNER_ONLY);
    }

    private static void writeTrustStore(Path file, X509Certificate ca) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry(CA_ALIAS, ca);
        store(store, file, WORLD_READABLE);
    }

    private static void store(KeyStore store, Path file, Set<PosixFilePermission> permissions)
            throws IOException, GeneralSecurityException {
        createOwnerOnly(file);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        setPermissions(file, permissions);
    }

    /** Creates the file readable by its owner only, so that key material is never exposed, even briefly. */
    private static void createOwnerOnly(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file, ownerOnlyAttributes(file.getParent()));
        }
    }

    private static FileAttribute<?>[] ownerOnlyAttributes(Path directory) {
        return supportsPosix(directory)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void setPermissions(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (supportsPosix(path)) {
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
            Open DMP - generated DEVELOPMENT credentials
            ===========================================

            These files were generated automatically on the first start of the server because no TLS
            configuration was given. They are for development and tests ONLY. Never use them in production:
            the private keys are unencrypted or protected by the well-known password "changeit".

            ca.pem          Self-signed development CA certificate ("Open DMP Development CA"), which issued
                            all the certificates below. Trust it in clients (curl --cacert ca.pem).
            ca.key          Private key of the CA (PKCS#8 PEM, unencrypted), kept to issue more certificates.
            server.p12      Server key and certificate for localhost / 127.0.0.1 / ::1 (PKCS#12, password
                            "changeit", alias "server", chain included).
            client.pem      Certificate of a demo DMP-compatible clinical software ("Demo clinical software").
            client.key      Private key of that demo client (PKCS#8 PEM, unencrypted).
            client.p12      The same demo client key and certificate as PKCS#12 (password "changeit",
                            alias "client", chain included), for Java clients.
            truststore.p12  The CA as a trusted certificate (PKCS#12, password "changeit"), for Java clients.

            Example:
              curl --cert client.pem --key client.key --cacert ca.pem https://localhost:<port>/...

            The server reuses these files on every start. To start over with a fresh PKI, stop the server and
            delete this whole directory; it is regenerated on the next start. A directory with only some of
            these files is refused, so that old and new credentials are never mixed.
            """;
}
