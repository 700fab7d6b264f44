package org.opendmp.server.soap;

import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapVersion;
import org.opendmp.security.vihf.VihfException;

/**
 * A refusal of the caller's credentials or rights, as WS-Security 1.1 (section 12) and IHE XUA shape
 * it: a Sender fault whose subcode (SOAP 1.2) or fault code (SOAP 1.1) is a {@code wsse:} error
 * code, with a reason that names the failed check and never any patient data.
 */
final class SecurityFault extends SoapFault {

    private static final long serialVersionUID = 1L;

    static final String WSSE_NS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    /** An error was discovered processing the wsse:Security header (here: no VIHF in it). */
    static final QName INVALID_SECURITY = new QName(WSSE_NS, "InvalidSecurity", "wsse");
    /** An invalid security token was provided. */
    static final QName INVALID_SECURITY_TOKEN = new QName(WSSE_NS, "InvalidSecurityToken", "wsse");
    /** An unsupported signature or encryption algorithm was used. */
    static final QName UNSUPPORTED_ALGORITHM = new QName(WSSE_NS, "UnsupportedAlgorithm", "wsse");
    /** The signature or decryption was invalid. */
    static final QName FAILED_CHECK = new QName(WSSE_NS, "FailedCheck", "wsse");
    /** The security token could not be authenticated or authorized. */
    static final QName FAILED_AUTHENTICATION = new QName(WSSE_NS, "FailedAuthentication", "wsse");
    /** The message has expired. */
    static final QName MESSAGE_EXPIRED = new QName(WSSE_NS, "MessageExpired", "wsse");

    private SecurityFault(String reason, QName code, SoapVersion version) {
        super(reason, version instanceof Soap11 ? code : version.getSender());
        if (!(version instanceof Soap11)) {
            setSubCode(code);
        }
    }

    /** The wsse:Security header carries no VIHF assertion. */
    static SecurityFault missing(SoapVersion version) {
        return new SecurityFault("a VIHF assertion (SAML 2.0, signed) is required in the wsse:Security header",
                INVALID_SECURITY, version);
    }

    /** The VIHF assertion was refused. */
    static SecurityFault refused(VihfException refusal, SoapVersion version) {
        QName code = switch (refusal.reason()) {
            case UNSUPPORTED_ALGORITHM -> UNSUPPORTED_ALGORITHM;
            case INVALID_SIGNATURE -> FAILED_CHECK;
            case UNTRUSTED_SIGNER, ISSUER_MISMATCH -> FAILED_AUTHENTICATION;
            case EXPIRED -> MESSAGE_EXPIRED;
            default -> INVALID_SECURITY_TOKEN;
        };
        return new SecurityFault("VIHF refused: " + refusal.getMessage(), code, version);
    }

    /** The caller is authenticated but the access rules refuse the transaction. */
    static SecurityFault denied(String reason, SoapVersion version) {
        return new SecurityFault("access denied: " + reason, FAILED_AUTHENTICATION, version);
    }
}
