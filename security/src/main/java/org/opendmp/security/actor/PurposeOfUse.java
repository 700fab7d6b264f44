package org.opendmp.security.actor;

/**
 * The access mode of the VIHF ({@code urn:oasis:names:tc:xspa:1.0:subject:purposeofuse}, code system
 * {@value #CODE_SYSTEM}): normal access, regulation by the emergency call centre (centre 15), or
 * emergency access without prior authorization (bris de glace).
 */
public enum PurposeOfUse {
    NORMAL("normal"), CENTRE_15("centre_15"), BRIS_DE_GLACE("bris_de_glace");

    /** The DMP's code system of access modes ("mode acces VIHF 2.0"). */
    public static final String CODE_SYSTEM = "1.2.250.1.213.1.1.4.248";

    private final String code;

    PurposeOfUse(String code) {
        this.code = code;
    }

    /** The code as the VIHF carries it. */
    public String code() {
        return code;
    }

    /** The mode with {@code code}, or {@code null} when the code is unknown. */
    public static PurposeOfUse of(String code) {
        for (PurposeOfUse purpose : values()) {
            if (purpose.code.equals(code)) {
                return purpose;
            }
        }
        return null;
    }

    /** Whether this is one of the two emergency modes, which the patient may oppose. */
    public boolean emergency() {
        return this != NORMAL;
    }
}
