package org.opendmp.audit.event;

import java.util.Map;

import org.opendmp.security.access.DmpTransaction;
import org.opendmp.security.actor.PurposeOfUse;
import org.opendmp.security.actor.Role;

/**
 * The code systems of the audit messages: IHE's and DICOM's names, and the project's own for what neither
 * names (the DMP's transactions, the VIHF assertion as a participant object). The project's code systems
 * are URNs of this project, not registered anywhere; they are written here once.
 */
public final class DmpAuditCodes {

    /** IHE's code system name of transactions ({@code ITI-18}, ...). */
    public static final String IHE_TRANSACTIONS = "IHE Transactions";
    /** The project's code system of the DMP's transactions and the portal's actions ({@code TD0.2}, ...). */
    public static final String TRANSACTIONS = "urn:opendmp:audit:transaction";
    /** The project's code system of participant object id types ({@code VIHF}). */
    public static final String OBJECTS = "urn:opendmp:audit:object";

    /** The ParticipantObjectIDTypeCode of the VIHF assertion (a Security Resource). */
    public static final Code VIHF_ASSERTION = new Code("VIHF", OBJECTS, "VIHF assertion ID");

    /** The professions of TRE_G15 the DMP contract names; other codes are shown as the code. */
    private static final Map<String, String> PROFESSIONS = Map.of(
            "10", "Médecin",
            "21", "Pharmacien",
            "40", "Chirurgien-dentiste",
            "50", "Sage-femme",
            "60", "Infirmier",
            "70", "Masseur-kinésithérapeute");

    private DmpAuditCodes() {
    }

    /** The EventTypeCode of a DMP transaction: its TD name in {@link #TRANSACTIONS}. */
    public static Code transaction(DmpTransaction td) {
        return new Code(td.tdName(), TRANSACTIONS, td.description());
    }

    /** The PurposeOfUse of the DMP access mode, in the VIHF's own code system. */
    public static Code purposeOfUse(PurposeOfUse mode) {
        String label = switch (mode) {
            case NORMAL -> "Accès normal";
            case CENTRE_15 -> "Accès en mode centre 15";
            case BRIS_DE_GLACE -> "Accès en mode bris de glace";
        };
        return new Code(mode.code(), PurposeOfUse.CODE_SYSTEM, label);
    }

    /** A label for a role code: the TRE_G15 profession names; the code itself for other codes. */
    static String roleLabel(String code, String codeSystem) {
        if (Role.PROFESSIONS.equals(codeSystem)) {
            return PROFESSIONS.getOrDefault(code, code);
        }
        return code;
    }
}
