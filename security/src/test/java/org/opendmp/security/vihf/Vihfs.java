package org.opendmp.security.vihf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.opendmp.security.actor.AuthenticationMode;
import org.w3c.dom.Element;

/** Shared test fixtures: one development VIHF PKI per test run, a fixed clock, assertion helpers. */
final class Vihfs {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Duration SKEW = Duration.ofMinutes(5);
    static final Duration MAX_AGE = Duration.ofHours(2);
    static final String PATIENT = "190019900100142^^^&1.2.250.1.213.1.4.10&ISO^NH";

    private static DevelopmentVihfPki pki;
    private static VihfSigner doctor;
    private static VihfSigner facility;

    private Vihfs() {
    }

    /** The development PKI, generated once (RSA key generation is slow) in a directory removed at exit. */
    static synchronized DevelopmentVihfPki pki() {
        if (pki == null) {
            try {
                Path directory = Files.createTempDirectory("vihf-test-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(directory)));
                pki = DevelopmentVihfPki.ensure(directory.resolve("vihf"));
                doctor = pki.doctorSigner();
                facility = pki.facilitySigner();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pki;
    }

    static VihfSigner doctor() {
        pki();
        return doctor;
    }

    static VihfSigner facility() {
        pki();
        return facility;
    }

    /** A validator trusting the development PKI, at {@link #NOW}. */
    static VihfValidator validator() {
        return validator(CLOCK);
    }

    static VihfValidator validator(Clock clock) {
        return new VihfValidator(pki().trust(), clock, SKEW, MAX_AGE);
    }

    /** The demo doctor's claims about {@link #PATIENT}, issued at {@link #NOW}. */
    static VihfBuilder doctorClaims() {
        return DevelopmentVihfPki.doctorAssertion().patientId(PATIENT).issueInstant(NOW);
    }

    /** The demo facility's claims about {@link #PATIENT}, issued at {@link #NOW}. */
    static VihfBuilder facilityClaims() {
        return DevelopmentVihfPki.facilityAssertion().patientId(PATIENT).issueInstant(NOW);
    }

    /** The signer the development trust accepts for {@code mode}. */
    static VihfSigner signerFor(AuthenticationMode mode) {
        return mode.indirect() ? facility() : doctor();
    }

    /**
     * A hand-written test assertion from the test resources (shaped like the DMP's examples, with our own
     * values), with a fresh ID, the IssueInstant and the Issuer filled in; unsigned.
     */
    static Element fixture(String name, String issuer, Instant issueInstant) {
        try (InputStream in = Vihfs.class.getResourceAsStream(name)) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${ID}", "_" + UUID.randomUUID())
                    .replace("${ISSUE_INSTANT}", issueInstant.toString())
                    .replace("${ISSUER}", issuer);
            return VihfAssertions.parse(xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The saml2:Attribute named {@code name}, or {@code null}. */
    static Element attribute(Element assertion, String name) {
        for (Element statement : Dom.children(assertion, VihfNames.SAML, "AttributeStatement")) {
            for (Element attribute : Dom.children(statement, VihfNames.SAML, "Attribute")) {
                if (name.equals(attribute.getAttributeNS(null, "Name"))) {
                    return attribute;
                }
            }
        }
        return null;
    }

    /** The first AttributeValue of attribute {@code name}. */
    static Element value(Element assertion, String name) {
        return Dom.child(attribute(assertion, name), VihfNames.SAML, "AttributeValue");
    }

    /** Removes attribute {@code name} and returns the assertion. */
    static Element without(Element assertion, String name) {
        Element attribute = attribute(assertion, name);
        attribute.getParentNode().removeChild(attribute);
        return assertion;
    }

    /** Serializes and parses again, as a server receives it. */
    static Element reparsed(Element assertion) {
        return VihfAssertions.parse(VihfAssertions.toXml(assertion));
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort at exit
        }
    }
}
