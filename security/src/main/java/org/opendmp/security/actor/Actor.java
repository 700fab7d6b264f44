package org.opendmp.security.actor;

import java.time.Instant;

/**
 * The caller of a transaction, as established by a validated VIHF assertion: who the professional
 * is, in which facility, how they authenticated, in which access mode and about which patient.
 *
 * @param professionalId      the Subject NameID: the professional's national id (idNat_PS, OID
 *                            1.2.250.1.71.4.2.1), or the system's id for an automaton
 * @param displayName         {@code subject-id}, the display name, or {@code null}
 * @param role                profession (or other role) and specialty
 * @param facilityId          {@code Identifiant_Structure}: the facility's national id (idNat_Struct)
 * @param activitySector      {@code Secteur_Activite} code (TRE_R02, for example {@code SA07}), or {@code null}
 * @param authenticationMode  {@code Authentification_mode}
 * @param purposeOfUse        the access mode
 * @param patientId           {@code resource-id}: the patient's INS as an HL7 CX string, or {@code null}
 *                            for a transaction about no single patient (TD0.4)
 * @param legalGuardianSecret whether the assertion carries the confidentiality code
 *                            {@code INVISIBLE_REPRESENTANTS_LEGAUX} (a minor's secret connection)
 * @param software            the calling software
 * @param vihfVersion         {@code VIHF_Version}
 * @param assertionId         the assertion's {@code ID}, for audit
 * @param issueInstant        the assertion's {@code IssueInstant}
 * @param signer              the signing certificate's subject DN
 */
public record Actor(
        String professionalId,
        String displayName,
        Role role,
        String facilityId,
        String activitySector,
        AuthenticationMode authenticationMode,
        PurposeOfUse purposeOfUse,
        String patientId,
        boolean legalGuardianSecret,
        Software software,
        String vihfVersion,
        String assertionId,
        Instant issueInstant,
        String signer) {

    /** OID of professional national ids (idNat_PS). */
    public static final String PROFESSIONAL_ID_SYSTEM = "1.2.250.1.71.4.2.1";
    /** OID of facility national ids (idNat_Struct). */
    public static final String FACILITY_ID_SYSTEM = "1.2.250.1.71.4.2.2";
}
