package org.opendmp.security.vihf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendmp.security.actor.AuthenticationMode;
import org.opendmp.security.tls.DevelopmentPki;
import org.opendmp.security.vihf.VihfException.Reason;
import org.w3c.dom.Element;

class DevelopmentVihfPkiTest {

    @TempDir
    Path data;

    private final DevelopmentVihfPki pki = Vihfs.pki();

    @Test
    void generatesTheCasAndBothSigningIdentities() throws Exception {
        assertThat(Stream.of(pki.cardCaCertificate(), pki.facilityCaCertificate(), pki.doctorKeyStore(),
                pki.facilityKeyStore(), pki.directory().resolve("README.txt")))
                .allSatisfy(file -> assertThat(file).isRegularFile().isNotEmptyFile());
        assertThat(pki.cardCa().getSubjectX500Principal()).isNotEqualTo(pki.facilityCa().getSubjectX500Principal());
        assertThat(pki.doctorSigner().certificate().getIssuerX500Principal())
                .isEqualTo(pki.cardCa().getSubjectX500Principal());
        assertThat(pki.doctorSigner().issuer()).contains("CN=Dr Demo (development only)",
                "OU=" + DevelopmentVihfPki.DEMO_PROFESSIONAL_ID);
        assertThat(pki.facilitySigner().certificate().getIssuerX500Principal())
                .isEqualTo(pki.facilityCa().getSubjectX500Principal());
        assertThat(pki.facilitySigner().issuer()).contains("OU=" + DevelopmentVihfPki.DEMO_FACILITY_ID);
        assertThat(pki.trust().cardAnchors()).containsExactly(pki.cardCa());
        assertThat(pki.trust().facilityAnchors()).containsExactly(pki.facilityCa());
        if (Files.getFileStore(pki.doctorKeyStore()).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pki.doctorKeyStore())))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void reusesTheFilesOnTheNextStart() throws Exception {
        DevelopmentVihfPki again = DevelopmentVihfPki.ensure(pki.directory());

        assertThat(again.generatedNow()).isFalse();
        assertThat(again.cardCa()).isEqualTo(pki.cardCa());
        assertThat(again.doctorSigner().certificate()).isEqualTo(pki.doctorSigner().certificate());
    }

    @Test
    void refusesADirectoryHoldingPartOfTheFiles() throws Exception {
        Path dir = data.resolve("vihf");
        Files.createDirectories(dir);
        Files.copy(pki.cardCaCertificate(), dir.resolve("card-ca.pem"));

        assertThatThrownBy(() -> DevelopmentVihfPki.ensure(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Incomplete");
    }

    @Test
    void generatesIntoAnExistingDirectoryOfOtherFiles() throws Exception {
        Path pkiDir = data.resolve("pki");
        Files.createDirectories(pkiDir.resolve("vihf"));
        Files.writeString(pkiDir.resolve("vihf").resolve("notes.txt"), "kept");

        DevelopmentVihfPki generated = DevelopmentVihfPki.ensure(pkiDir.resolve("vihf"));

        assertThat(generated.generatedNow()).isTrue();
        assertThat(pkiDir.resolve("vihf").resolve("notes.txt")).hasContent("kept");
        try (Stream<Path> siblings = Files.list(pkiDir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("vihf");
        }
        Element assertion = DevelopmentVihfPki.doctorAssertion().sign(generated.doctorSigner());
        VihfValidator validator = new VihfValidator(generated.trust(), Clock.systemUTC(), Vihfs.SKEW, Vihfs.MAX_AGE);
        assertThat(validator.validate(assertion).professionalId()).isEqualTo(DevelopmentVihfPki.DEMO_PROFESSIONAL_ID);
    }

    @Test
    void theTlsClientCertificateCannotSignAnAssertion() throws Exception {
        DevelopmentPki tls = DevelopmentPki.ensure(data.resolve("tls"));
        VihfSigner tlsClient = VihfSigner.fromPkcs12(tls.clientKeyStore(), tls.password());
        VihfValidator validator = Vihfs.validator();

        for (AuthenticationMode mode : AuthenticationMode.values()) {
            Element assertion = Vihfs.doctorClaims().authenticationMode(mode).sign(tlsClient);
            assertThatThrownBy(() -> validator.validate(assertion)).isInstanceOfSatisfying(VihfException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED_SIGNER));
        }
    }
}
