package org.opendmp.server.portal;

import org.opendmp.pixpdq.habilitation.Habilitation;
import org.opendmp.pixpdq.habilitation.Professional;
import org.opendmp.security.actor.Actor;

/** The JSON bodies of the portal API. */
final class PortalViews {

    private PortalViews() {
    }

    /**
     * One professional authorized on, or blocked from, the patient's DMP. Dates are ISO-8601 UTC.
     *
     * @param mode {@code ACTIVE} or {@code INTERDITE}
     */
    record Authorization(String professionalId, String professionalIdType, String firstName, String lastName,
                         String professionCode, String specialtyCode, String codeSpeciality, String libSpeciality,
                         String facilityId, String mode, boolean treatingDoctor, String startOfAuthorization,
                         String lastActionDate) {

        static Authorization of(Habilitation h) {
            Professional p = h.professional();
            return new Authorization(p.id(), Actor.PROFESSIONAL_ID_SYSTEM, p.firstName(), p.lastName(),
                    p.professionCode(), p.specialtyCode(), p.codeSpeciality(), p.libSpeciality(), p.facilityId(),
                    h.mode().name(), h.treatingDoctor(), h.since().toString(), h.lastAction().toString());
        }
    }

    /** {@code PUT .../authorizations/{id}}: {@code {"mode":"INTERDITE"}} blocks the professional. */
    record ModeRequest(String mode) {
    }

    /** {@code PUT .../treating-doctor}: the professional the patient designates. */
    record TreatingDoctorRequest(String professionalId) {
    }

    /** The patient's oppositions to emergency access: bris de glace, and centre 15 (regulation). */
    record Oppositions(Boolean brisDeGlace, Boolean centre15) {
    }
}
