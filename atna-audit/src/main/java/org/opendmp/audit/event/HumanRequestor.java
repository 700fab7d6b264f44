package org.opendmp.audit.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.opendmp.security.actor.Actor;
import org.opendmp.security.actor.AuthenticationMode;
import org.opendmp.security.actor.PurposeOfUse;
import org.opendmp.security.actor.Role;
import org.opendmp.security.actor.Software;

/**
 * The person (or automaton) on whose behalf the transaction ran, as the VIHF names them: the Human
 * Requestor of IHE's audit tables, with what the patient's access history shows (profession, facility,
 * access mode).
 *
 * @param id                 the national id (idNat_PS), or the automaton's id
 * @param idSystem           the OID of the id: {@value Actor#PROFESSIONAL_ID_SYSTEM} for professionals
 * @param name               the display name, or {@code null}
 * @param roles              profession then specialty (TRE_G15, TRE_R01), or the automaton role
 * @param facilityId         the facility's national id (idNat_Struct), or {@code null}
 * @param activitySector     the facility's activity sector (TRE_R02), or {@code null}
 * @param purposeOfUse       the DMP access mode; {@code null} when unknown
 * @param authenticationMode how the VIHF was signed, or {@code null}
 * @param assertionId        the VIHF's assertion ID, or {@code null}
 * @param software           the calling software (LPS), or {@code null}
 */
public record HumanRequestor(
        String id,
        String idSystem,
        String name,
        List<Code> roles,
        String facilityId,
        Code activitySector,
        PurposeOfUse purposeOfUse,
        AuthenticationMode authenticationMode,
        String assertionId,
        Software software) {

    /** TRE_R02, the activity sectors of facilities ({@code Secteur_Activite}). */
    public static final String ACTIVITY_SECTORS = "1.2.250.1.71.4.2.4";

    public HumanRequestor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(idSystem, "idSystem");
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** The caller a validated VIHF established. */
    public static HumanRequestor of(Actor actor) {
        Role role = actor.role();
        List<Code> roles = new ArrayList<>(2);
        String idSystem = Actor.PROFESSIONAL_ID_SYSTEM;
        if (role != null) {
            if (role.code() != null && role.codeSystem() != null) {
                roles.add(new Code(role.code(), role.codeSystem(), DmpAuditCodes.roleLabel(role.code(), role.codeSystem())));
            }
            if (role.specialty() != null) {
                roles.add(Code.of(role.specialty(), role.specialtySystem() != null ? role.specialtySystem() : Role.SPECIALTIES));
            }
            if (role.automaton()) {
                idSystem = Role.AUTOMATON_SYSTEM;
            }
        }
        Code sector = actor.activitySector() == null ? null : Code.of(actor.activitySector(), ACTIVITY_SECTORS);
        return new HumanRequestor(actor.professionalId(), idSystem, actor.displayName(), roles, actor.facilityId(),
                sector, actor.purposeOfUse(), actor.authenticationMode(), actor.assertionId(), actor.software());
    }

    /**
     * The ActiveParticipant UserID: XUA's {@code alias<user@issuer>} without alias, the issuer being the
     * OID of the id, for example {@code <899900063480@1.2.250.1.71.4.2.1>}.
     */
    public String userId() {
        return "<" + id + "@" + idSystem + ">";
    }

    /** The facility's UserID in the same form, with the idNat_Struct OID; {@code null} without facility. */
    public String facilityUserId() {
        return facilityId == null ? null : "<" + facilityId + "@" + Actor.FACILITY_ID_SYSTEM + ">";
    }
}
