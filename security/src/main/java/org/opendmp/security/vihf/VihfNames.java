package org.opendmp.security.vihf;

/** Namespaces, element and attribute names of the VIHF, shared by the validator and the builder. */
final class VihfNames {

    static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    static final String HL7 = "urn:hl7-org:v3";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String XS = "http://www.w3.org/2001/XMLSchema";
    static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    static final String X509_SUBJECT_NAME = "urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName";
    static final String SMARTCARD_PKI = "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI";

    static final String FACILITY_ID = "Identifiant_Structure";
    static final String ACTIVITY_SECTOR = "Secteur_Activite";
    static final String SUBJECT_ID = "urn:oasis:names:tc:xspa:1.0:subject:subject-id";
    static final String ROLE = "urn:oasis:names:tc:xacml:2.0:subject:role";
    static final String VIHF_VERSION = "VIHF_Version";
    static final String AUTHENTICATION_MODE = "Authentification_mode";
    /** The other spelling of {@link #AUTHENTICATION_MODE} found in the field. */
    static final String AUTHENTICATION_MODE_CAPITAL = "Authentification_Mode";
    static final String RESOURCE_ID = "urn:oasis:names:tc:xacml:2.0:resource:resource-id";
    static final String RESOURCE_URN = "Ressource_URN";
    static final String PURPOSE_OF_USE = "urn:oasis:names:tc:xspa:1.0:subject:purposeofuse";
    static final String CONFIDENTIALITY_CODE = "urn:oasis:names:tc:xspa:1.0:resource:patient:hl7:confidentiality-code";
    static final String SOFTWARE_ID = "LPS_ID";
    static final String SOFTWARE_NAME = "LPS_Nom";
    static final String SOFTWARE_VERSION = "LPS_Version";
    static final String SOFTWARE_HOMOLOGATION = "LPS_ID_HOMOLOGATION_DMP";
    /** The only {@value #RESOURCE_URN} of the DMP. */
    static final String DMP_URN = "urn:dmp";
    /** The confidentiality code of a minor's secret connection. */
    static final String LEGAL_GUARDIAN_SECRET = "INVISIBLE_REPRESENTANTS_LEGAUX";

    static final String C14N_EXCL = "http://www.w3.org/2001/10/xml-exc-c14n#";
    static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";

    private VihfNames() {
    }
}
