package org.opendmp.security.vihf;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

import javax.security.auth.x500.X500Principal;

import org.opendmp.security.actor.Actor;
import org.opendmp.security.actor.AuthenticationMode;
import org.opendmp.security.actor.PurposeOfUse;
import org.opendmp.security.actor.Role;
import org.opendmp.security.actor.Software;
import org.opendmp.security.vihf.VihfException.Reason;
import org.w3c.dom.Element;

/**
 * Validates the VIHF (Volet d'Identification des Habilitations et de la Fonction), the SAML 2.0 assertion a
 * DMP-compatible software puts in {@code wsse:Security}, and returns the {@link Actor} it establishes.
 *
 * <p>Checks, in this order, each failure a distinct {@link Reason}:
 * <ol>
 * <li>structure: a saml2:Assertion, Version 2.0, with ID, IssueInstant, Issuer and Subject/NameID;</li>
 * <li>signature: exactly one ds:Signature, a child of the assertion, with exactly one Reference to the
 *     assertion's own ID (the only element registered with that ID: a message where another element carries it
 *     is refused, which defeats signature wrapping), transforms enveloped-signature and exclusive c14n,
 *     RSA-SHA1 or RSA-SHA256; verified with Apache Santuario (secure validation, nothing fetched) against the
 *     first KeyInfo/X509Data certificate, the others serving as path candidates;</li>
 * <li>signer: a PKIX path from that certificate, valid now, to the anchors of the assertion's
 *     {@code Authentification_mode} ({@link VihfTrust}); <em>revocation is not checked</em> (no CRL, no OCSP:
 *     future work); then the Issuer must be the certificate's subject DN;</li>
 * <li>time: Conditions NotBefore / NotOnOrAfter when present, IssueInstant not in the future, and, without
 *     NotOnOrAfter (the DMP's examples have no Conditions), an IssueInstant no older than the maximum age;
 *     every comparison allows the clock skew;</li>
 * <li>attributes: the VIHF's required attributes and their values, and the AuthnContextDecl of
 *     {@code INDIRECTE_RENFORCEE}.</li>
 * </ol>
 *
 * <p>Immutable and thread-safe. A validator remembers the signers it has validated (at most
 * {@value #SIGNER_CACHE_SIZE}), so that a returning signer costs neither certificate parsing nor path building;
 * keep one instance. It also remembers the assertions it accepted (at most {@value #ASSERTION_CACHE_SIZE}),
 * keyed by a digest of their whole content: software reusing an assertion for a patient session pays the
 * signature check once, and the time checks on every request. The validated element's {@code ID} attribute is
 * registered as the document's ID attribute on a full validation.
 */
public final class VihfValidator {

    /** A suggested clock skew between the caller and this server. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);
    /**
     * A suggested maximum age of an assertion without NotOnOrAfter; our choice (the DMP contract sets none), a
     * little longer than a consultation.
     */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(2);
    /** How many signing certificates a validator remembers. */
    public static final int SIGNER_CACHE_SIZE = 1000;

    /** How many validated assertions a validator remembers (see {@link AcceptedAssertions}). */
    public static final int ASSERTION_CACHE_SIZE = 10_000;

    private final SignerTrust signers;
    private final AcceptedAssertions accepted = new AcceptedAssertions(ASSERTION_CACHE_SIZE);
    private final Clock clock;
    private final Duration skew;
    private final Duration maxAge;

    /**
     * @param trust        the certificates signers must chain to
     * @param clock        the time of validity checks
     * @param maxClockSkew how far the caller's clock may be from {@code clock}
     * @param maxAge       how long an assertion without NotOnOrAfter is accepted after its IssueInstant
     */
    public VihfValidator(VihfTrust trust, Clock clock, Duration maxClockSkew, Duration maxAge) {
        this.signers = new SignerTrust(Objects.requireNonNull(trust, "trust"), SIGNER_CACHE_SIZE);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.skew = requireNotNegative(maxClockSkew, "maxClockSkew");
        this.maxAge = requireNotNegative(maxAge, "maxAge");
    }

    private static Duration requireNotNegative(Duration duration, String name) {
        if (Objects.requireNonNull(duration, name).isNegative()) {
            throw new IllegalArgumentException(name + " is negative: " + duration);
        }
        return duration;
    }

    /**
     * Validates {@code assertion}, an element of a namespace-aware DOM, and returns the caller it establishes.
     *
     * @throws VihfException naming the first check that failed
     */
    public Actor validate(Element assertion) throws VihfException {
        AcceptedAssertions.Key key = assertion == null ? null : AcceptedAssertions.keyOf(assertion);
        AcceptedAssertions.Entry known = key == null ? null : accepted.get(key);
        if (known != null && clock.instant().isBefore(known.signerNotAfter())) {
            checkTime(known.header(), clock.instant());
            return known.actor();
        }
        Header header = Header.of(assertion);

        Element signature = EnvelopedSignature.locate(assertion, header.id());
        List<byte[]> certificates = EnvelopedSignature.keyInfoCertificates(signature);
        SignerTrust.Signer signer = signer(certificates.get(0));
        EnvelopedSignature.verify(signature, signer.certificate());

        VihfAttributes attributes = VihfAttributes.of(assertion);
        AuthenticationMode mode = attributes.authenticationMode();
        Instant now = clock.instant();
        signers.check(signer, certificates.subList(1, certificates.size()), mode, now);
        X509Certificate certificate = signer.certificate();
        checkIssuer(header, certificate);

        checkTime(header, now);

        Actor actor = actor(assertion, header, attributes, mode, certificate);
        accepted.put(key, new AcceptedAssertions.Entry(actor, header, certificate.getNotAfter().toInstant()));
        return actor;
    }

    /** How many PKIX paths this validator has built: one per new signer and anchor set, not one per call. */
    long pathBuilds() {
        return signers.pathBuilds();
    }

    private SignerTrust.Signer signer(byte[] der) throws VihfException {
        try {
            return signers.signer(der);
        } catch (CertificateException | RuntimeException e) {
            throw new VihfException(Reason.SIGNATURE_MALFORMED, "The KeyInfo certificate cannot be read", e);
        }
    }

    private static void checkIssuer(Header header, X509Certificate signer) throws VihfException {
        if (header.issuerFormat() != null && !VihfNames.X509_SUBJECT_NAME.equals(header.issuerFormat())) {
            throw new VihfException(Reason.ISSUER_MISMATCH, "The VIHF Issuer Format is not X509SubjectName");
        }
        X500Principal issuer;
        try {
            issuer = new X500Principal(header.issuer());
        } catch (IllegalArgumentException e) {
            throw new VihfException(Reason.ISSUER_MISMATCH, "The VIHF Issuer is not a distinguished name");
        }
        if (!issuer.equals(signer.getSubjectX500Principal())) {
            throw new VihfException(Reason.ISSUER_MISMATCH,
                    "The VIHF Issuer is not the signing certificate's subject");
        }
    }

    private void checkTime(Header header, Instant now) throws VihfException {
        Instant late = now.plus(skew);
        Instant early = now.minus(skew);
        if (header.notBefore() != null && late.isBefore(header.notBefore())) {
            throw new VihfException(Reason.NOT_YET_VALID, "The VIHF assertion is not valid yet (NotBefore)");
        }
        if (late.isBefore(header.issueInstant())) {
            throw new VihfException(Reason.NOT_YET_VALID, "The VIHF assertion's IssueInstant is in the future");
        }
        if (header.notOnOrAfter() != null) {
            if (!early.isBefore(header.notOnOrAfter())) {
                throw new VihfException(Reason.EXPIRED, "The VIHF assertion has expired (NotOnOrAfter)");
            }
        } else if (early.isAfter(header.issueInstant().plus(maxAge))) {
            throw new VihfException(Reason.EXPIRED, "The VIHF assertion is older than " + maxAge.toMinutes()
                    + " minutes and carries no NotOnOrAfter");
        }
    }

    private static Actor actor(Element assertion, Header header, VihfAttributes attributes,
            AuthenticationMode mode, X509Certificate signer) throws VihfException {
        String facilityId = attributes.requiredText(VihfNames.FACILITY_ID);
        Role role = attributes.role();
        String version = attributes.version();
        PurposeOfUse purpose = attributes.purposeOfUse();
        attributes.requireDmpResource();
        Software software = attributes.software();
        String sector = attributes.activitySector();
        String displayName = attributes.optionalText(VihfNames.SUBJECT_ID);
        String patientId = attributes.optionalText(VihfNames.RESOURCE_ID);
        boolean legalGuardianSecret = attributes.legalGuardianSecret();
        if (mode == AuthenticationMode.INDIRECTE_RENFORCEE && !hasAuthnContextDecl(assertion)) {
            throw VihfException.missing("AuthnStatement/AuthnContext/AuthnContextDecl");
        }
        return new Actor(header.nameId(), displayName, role, facilityId, sector, mode, purpose, patientId,
                legalGuardianSecret, software, version, header.id(), header.issueInstant(),
                signer.getSubjectX500Principal().getName(X500Principal.RFC2253));
    }

    private static boolean hasAuthnContextDecl(Element assertion) {
        for (Element statement : Dom.children(assertion, VihfNames.SAML, "AuthnStatement")) {
            for (Element context : Dom.children(statement, VihfNames.SAML, "AuthnContext")) {
                Element declaration = Dom.child(context, VihfNames.SAML, "AuthnContextDecl");
                if (declaration != null
                        && (Dom.text(declaration) != null || Dom.firstChildElement(declaration) != null)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What the structure check reads from the assertion. */
    record Header(String id, Instant issueInstant, String issuer, String issuerFormat, String nameId,
            Instant notBefore, Instant notOnOrAfter) {

        static Header of(Element assertion) throws VihfException {
            if (assertion == null || !Dom.is(assertion, VihfNames.SAML, "Assertion")) {
                throw malformed("The VIHF is not a SAML 2.0 Assertion");
            }
            if (!"2.0".equals(assertion.getAttributeNS(null, "Version"))) {
                throw malformed("The VIHF assertion's Version is not 2.0");
            }
            String id = Dom.attribute(assertion, "ID");
            if (id == null) {
                throw malformed("The VIHF assertion has no ID");
            }
            Instant issueInstant = instant(Dom.attribute(assertion, "IssueInstant"), "IssueInstant");
            if (issueInstant == null) {
                throw malformed("The VIHF assertion has no IssueInstant");
            }
            Element issuer = only(assertion, "Issuer");
            String issuerName = Dom.text(issuer);
            if (issuerName == null) {
                throw malformed("The VIHF assertion has no Issuer");
            }
            Element subject = only(assertion, "Subject");
            String nameId = subject == null ? null : Dom.text(only(subject, "NameID"));
            if (nameId == null) {
                throw malformed("The VIHF assertion has no Subject/NameID");
            }
            Element conditions = only(assertion, "Conditions");
            Instant notBefore = null;
            Instant notOnOrAfter = null;
            if (conditions != null) {
                notBefore = instant(Dom.attribute(conditions, "NotBefore"), "NotBefore");
                notOnOrAfter = instant(Dom.attribute(conditions, "NotOnOrAfter"), "NotOnOrAfter");
            }
            return new Header(id, issueInstant, issuerName, Dom.attribute(issuer, "Format"), nameId, notBefore,
                    notOnOrAfter);
        }

        /** The single child {@code saml2:localName}, or {@code null}; several are malformed. */
        private static Element only(Element parent, String localName) throws VihfException {
            List<Element> found = Dom.children(parent, VihfNames.SAML, localName);
            if (found.size() > 1) {
                throw malformed("The VIHF assertion holds several " + localName + " elements");
            }
            return found.isEmpty() ? null : found.get(0);
        }

        /** An xs:dateTime; without a time zone it is taken as UTC, as SAML times are. */
        private static Instant instant(String value, String name) throws VihfException {
            if (value == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException again) {
                    throw malformed("The VIHF assertion's " + name + " is not a date and time");
                }
            }
        }

        private static VihfException malformed(String message) {
            return new VihfException(Reason.MALFORMED, message);
        }
    }
}
