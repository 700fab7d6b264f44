package org.opendmp.security.vihf;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.opendmp.security.actor.AuthenticationMode;
import org.opendmp.security.actor.PurposeOfUse;
import org.opendmp.security.actor.Software;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds a VIHF assertion from its claims, shaped like the DMP's examples ({@code saml2} prefix, HL7 v3
 * {@code Role} and {@code PurposeOfUse} values of type {@code CE}), then has a {@link VihfSigner} sign it.
 *
 * <p><strong>For development and tests only.</strong> Not thread-safe; each {@link #build()} makes a new
 * document. Defaults: a random ID, IssueInstant now, VIHF version 3.0, {@code DIRECTE}, {@code normal}
 * access, no patient, no Conditions, the attribute spelled {@code Authentification_mode}.
 */
public final class VihfBuilder {

    /** The TRE_A07 code system of confidentiality codes. */
    public static final String CONFIDENTIALITY_CODES = "1.2.250.1.213.1.1.4.13";
    /** The TRE_R02 code system of activity sectors ({@code Secteur_Activite}). */
    public static final String ACTIVITY_SECTORS = "1.2.250.1.71.4.2.4";

    private String id;
    private Instant issueInstant;
    private String issuer;
    private String professionalId;
    private String displayName;
    private String roleCode;
    private String roleSystem;
    private String specialty;
    private String specialtySystem;
    private String facilityId;
    private String activitySector;
    private AuthenticationMode authenticationMode = AuthenticationMode.DIRECTE;
    private String authenticationModeAttribute = VihfNames.AUTHENTICATION_MODE;
    private PurposeOfUse purposeOfUse = PurposeOfUse.NORMAL;
    private String patientId;
    private boolean legalGuardianSecret;
    private Software software;
    private String vihfVersion = "3.0";
    private Instant notBefore;
    private Instant notOnOrAfter;

    private VihfBuilder() {
    }

    /** An empty builder. */
    public static VihfBuilder create() {
        return new VihfBuilder();
    }

    /** The assertion's ID; by default {@code _} and a random UUID. */
    public VihfBuilder id(String value) {
        this.id = value;
        return this;
    }

    /** The IssueInstant (also the AuthnInstant); by default the time of {@link #build()}. */
    public VihfBuilder issueInstant(Instant value) {
        this.issueInstant = value;
        return this;
    }

    /** The Issuer DN; by default the signer's subject (required for an unsigned {@link #build()}). */
    public VihfBuilder issuer(String value) {
        this.issuer = value;
        return this;
    }

    /** The Subject NameID: the professional's national id (idNat_PS). Required. */
    public VihfBuilder professionalId(String value) {
        this.professionalId = value;
        return this;
    }

    /** {@code subject-id}: the professional's display name; optional. */
    public VihfBuilder displayName(String value) {
        this.displayName = value;
        return this;
    }

    /** The first role value: profession (or other role) code and code system. Required. */
    public VihfBuilder role(String code, String codeSystem) {
        this.roleCode = code;
        this.roleSystem = codeSystem;
        return this;
    }

    /** The second role value: the specialty; optional. */
    public VihfBuilder specialty(String code, String codeSystem) {
        this.specialty = code;
        this.specialtySystem = codeSystem;
        return this;
    }

    /** {@code Identifiant_Structure}: the facility's national id (idNat_Struct). Required. */
    public VihfBuilder facilityId(String value) {
        this.facilityId = value;
        return this;
    }

    /** {@code Secteur_Activite}: a TRE_R02 code such as {@code SA07}; optional. */
    public VihfBuilder activitySector(String code) {
        this.activitySector = code;
        return this;
    }

    /** {@code Authentification_mode}. */
    public VihfBuilder authenticationMode(AuthenticationMode value) {
        this.authenticationMode = Objects.requireNonNull(value);
        return this;
    }

    /** Spells the attribute {@code Authentification_Mode} (capital M), as some software does. */
    public VihfBuilder capitalModeSpelling() {
        this.authenticationModeAttribute = VihfNames.AUTHENTICATION_MODE_CAPITAL;
        return this;
    }

    /** {@code purposeofuse}: the access mode. */
    public VihfBuilder purposeOfUse(PurposeOfUse value) {
        this.purposeOfUse = Objects.requireNonNull(value);
        return this;
    }

    /** {@code resource-id}: the patient's INS as CX ({@code <INS>^^^&<OID>&ISO^NH}); optional. */
    public VihfBuilder patientId(String cx) {
        this.patientId = cx;
        return this;
    }

    /** Adds the confidentiality code {@code INVISIBLE_REPRESENTANTS_LEGAUX} (a minor's secret connection). */
    public VihfBuilder legalGuardianSecret(boolean value) {
        this.legalGuardianSecret = value;
        return this;
    }

    /** {@code LPS_ID}, {@code LPS_Nom}, {@code LPS_Version}, {@code LPS_ID_HOMOLOGATION_DMP}. Required. */
    public VihfBuilder software(Software value) {
        this.software = value;
        return this;
    }

    /** {@code VIHF_Version}; 3.0 by default. */
    public VihfBuilder vihfVersion(String value) {
        this.vihfVersion = value;
        return this;
    }

    /** Adds Conditions NotBefore / NotOnOrAfter (either may be {@code null}). */
    public VihfBuilder conditions(Instant from, Instant until) {
        this.notBefore = from;
        this.notOnOrAfter = until;
        return this;
    }

    /** Builds and signs the assertion; the Issuer is the signer's subject unless {@link #issuer} set one. */
    public Element sign(VihfSigner signer) {
        return signer.sign(build(issuer != null ? issuer : signer.issuer()));
    }

    /** Builds, signs and serializes the assertion. */
    public String signToXml(VihfSigner signer) {
        return VihfAssertions.toXml(sign(signer));
    }

    /** Builds the unsigned assertion, the root of a new document; needs an {@link #issuer}. */
    public Element build() {
        return build(Objects.requireNonNull(issuer, "issuer"));
    }

    private Element build(String issuerName) {
        requireSet(professionalId, "professionalId");
        requireSet(roleCode, "role code");
        requireSet(roleSystem, "role codeSystem");
        requireSet(facilityId, "facilityId");
        Objects.requireNonNull(software, "software");
        Instant issued = issueInstant != null ? issueInstant : Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Writer w = new Writer(newDocument());
        Element assertion = w.root();
        assertion.setAttributeNS(null, "ID", id != null ? id : "_" + UUID.randomUUID());
        assertion.setAttributeNS(null, "IssueInstant", issued.toString());
        assertion.setAttributeNS(null, "Version", "2.0");

        Element issuerElement = w.saml(assertion, "Issuer", issuerName);
        issuerElement.setAttributeNS(null, "Format", VihfNames.X509_SUBJECT_NAME);
        w.saml(w.saml(assertion, "Subject", null), "NameID", professionalId);
        if (notBefore != null || notOnOrAfter != null) {
            Element conditions = w.saml(assertion, "Conditions", null);
            if (notBefore != null) {
                conditions.setAttributeNS(null, "NotBefore", notBefore.toString());
            }
            if (notOnOrAfter != null) {
                conditions.setAttributeNS(null, "NotOnOrAfter", notOnOrAfter.toString());
            }
        }
        Element authn = w.saml(assertion, "AuthnStatement", null);
        authn.setAttributeNS(null, "AuthnInstant", issued.toString());
        Element context = w.saml(authn, "AuthnContext", null);
        w.saml(context, "AuthnContextClassRef", VihfNames.SMARTCARD_PKI);
        if (authenticationMode == AuthenticationMode.INDIRECTE_RENFORCEE) {
            w.saml(context, "AuthnContextDecl", VihfNames.SMARTCARD_PKI);
        }

        Element statement = w.saml(assertion, "AttributeStatement", null);
        w.text(statement, VihfNames.FACILITY_ID, facilityId);
        if (activitySector != null) {
            w.text(statement, VihfNames.ACTIVITY_SECTOR, activitySector + "^" + ACTIVITY_SECTORS);
        }
        if (displayName != null) {
            w.text(statement, VihfNames.SUBJECT_ID, displayName);
        }
        Element role = w.attribute(statement, VihfNames.ROLE);
        w.coded(role, "Role", roleCode, roleSystem);
        if (specialty != null) {
            w.coded(role, "Role", specialty, specialtySystem);
        }
        w.text(statement, VihfNames.VIHF_VERSION, vihfVersion);
        w.text(statement, authenticationModeAttribute, authenticationMode.name());
        if (patientId != null) {
            w.text(statement, VihfNames.RESOURCE_ID, patientId);
        }
        w.text(statement, VihfNames.RESOURCE_URN, VihfNames.DMP_URN);
        w.coded(w.attribute(statement, VihfNames.PURPOSE_OF_USE), "PurposeOfUse", purposeOfUse.code(),
                PurposeOfUse.CODE_SYSTEM);
        if (legalGuardianSecret) {
            w.coded(w.attribute(statement, VihfNames.CONFIDENTIALITY_CODE), "ConfidentialityCode",
                    VihfNames.LEGAL_GUARDIAN_SECRET, CONFIDENTIALITY_CODES);
        }
        w.text(statement, VihfNames.SOFTWARE_ID, software.id());
        w.text(statement, VihfNames.SOFTWARE_NAME, software.name());
        w.text(statement, VihfNames.SOFTWARE_VERSION, software.version());
        if (software.homologation() != null) {
            w.text(statement, VihfNames.SOFTWARE_HOMOLOGATION, software.homologation());
        }
        return assertion;
    }

    private static void requireSet(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The VIHF needs a " + name);
        }
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the elements of the assertion with explicit namespace declarations. */
    private record Writer(Document document) {

        Element root() {
            Element assertion = document.createElementNS(VihfNames.SAML, "saml2:Assertion");
            assertion.setAttributeNS(VihfNames.XMLNS, "xmlns:saml2", VihfNames.SAML);
            assertion.setAttributeNS(VihfNames.XMLNS, "xmlns:xsi", VihfNames.XSI);
            document.appendChild(assertion);
            return assertion;
        }

        Element saml(Element parent, String localName, String text) {
            Element element = document.createElementNS(VihfNames.SAML, "saml2:" + localName);
            if (text != null) {
                element.setTextContent(text);
            }
            parent.appendChild(element);
            return element;
        }

        Element attribute(Element statement, String name) {
            Element attribute = saml(statement, "Attribute", null);
            attribute.setAttributeNS(null, "Name", name);
            return attribute;
        }

        /** An attribute with one {@code xs:string} value. */
        void text(Element statement, String name, String value) {
            Element attributeValue = saml(attribute(statement, name), "AttributeValue", value);
            attributeValue.setAttributeNS(VihfNames.XMLNS, "xmlns:xs", VihfNames.XS);
            attributeValue.setAttributeNS(VihfNames.XSI, "xsi:type", "xs:string");
        }

        /** A value holding an HL7 v3 {@code CE} element. */
        void coded(Element attribute, String localName, String code, String codeSystem) {
            Element value = saml(attribute, "AttributeValue", null);
            Element coded = document.createElementNS(VihfNames.HL7, localName);
            coded.setAttributeNS(VihfNames.XMLNS, "xmlns", VihfNames.HL7);
            coded.setAttributeNS(null, "code", code);
            if (codeSystem != null) {
                coded.setAttributeNS(null, "codeSystem", codeSystem);
            }
            coded.setAttributeNS(VihfNames.XSI, "xsi:type", "CE");
            value.appendChild(coded);
        }
    }
}
