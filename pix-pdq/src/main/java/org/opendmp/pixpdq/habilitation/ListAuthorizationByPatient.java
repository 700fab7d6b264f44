package org.opendmp.pixpdq.habilitation;

import static org.opendmp.pixpdq.habilitation.DmpXml.HABILITATIONS;

import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.security.actor.Actor;
import org.w3c.dom.Element;

/**
 * TD1.6 {@code listAuthorizationByPatient}: the professionals authorized on ({@code ACTIVE}) or
 * blocked from ({@code INTERDITE}) the DMP of the VIHF's patient; {@code mode} chooses, {@code TOUTE}
 * (the default) lists both. Each entry: national id and its type, names, {@code codeSpeciality}
 * ({@code G15_10/SM26}) and its label, start and last change ({@code yyyyMMddHHmmss}, UTC), mode, and
 * {@code specificRight MEDECIN_TRAITANT} for the treating doctor.
 */
final class ListAuthorizationByPatient {

    static final String REQUEST = "listAuthorizationByPatient";
    static final String ACTION = HABILITATIONS + ":HabilitationsEndPoint:" + REQUEST;

    private final Habilitations habilitations;

    ListAuthorizationByPatient(Habilitations habilitations) {
        this.habilitations = habilitations;
    }

    DmpReply answer(Element request, Actor actor) {
        PatientId patient = Habilitations.patientOf(actor);
        String modeValue = DmpXml.childText(request, HABILITATIONS, "mode");
        ListMode mode = modeValue == null ? ListMode.TOUTE : ListMode.of(modeValue);
        if (mode == null) {
            throw new HabilitationRefusal(HabilitationRefusal.Reason.INVALID_REQUEST,
                    "listAuthorizationByPatient: mode must be ACTIVE, INTERDITE or TOUTE");
        }
        Element root = DmpXml.answerRoot(HABILITATIONS, REQUEST + "Response");
        Element output = DmpXml.add(root, "output");
        for (Habilitation h : habilitations.list(patient, mode)) {
            entry(DmpXml.add(output, "listOfAuthorizationByPatient"), h);
        }
        DmpXml.addText(output, "status", DmpXml.DMP_OK);
        DmpXml.add(output, "context");
        return new DmpReply(root.getOwnerDocument(), ACTION + "Response");
    }

    private static void entry(Element entry, Habilitation h) {
        Professional p = h.professional();
        DmpXml.addText(entry, "nationalId", p.id());
        DmpXml.addText(entry, "nationalIdType", Actor.PROFESSIONAL_ID_SYSTEM);
        DmpXml.addText(entry, "firstName", p.firstName());
        DmpXml.addText(entry, "lastName", p.lastName());
        DmpXml.addText(entry, "codeSpeciality", p.codeSpeciality());
        DmpXml.addText(entry, "libSpeciality", p.libSpeciality());
        DmpXml.addText(entry, "startOfAuthorization", DmpXml.dateTime(h.since()));
        DmpXml.addText(entry, "lastActionDate", DmpXml.dateTime(h.lastAction()));
        DmpXml.addText(entry, "mode", h.mode().name());
        if (h.treatingDoctor()) {
            DmpXml.addText(entry, "specificRight", SetAuthorization.MEDECIN_TRAITANT);
        }
    }
}
