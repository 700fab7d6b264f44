package org.opendmp.pixpdq.habilitation;

import static org.opendmp.pixpdq.habilitation.DmpXml.HABILITATIONS;

import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.security.actor.Actor;
import org.w3c.dom.Element;

/**
 * TD0.3 {@code setAuthorization}: the caller adds ({@code AJOUT}) or removes ({@code SUPPRESSION})
 * their own authorization on the patient of their VIHF; with role {@code MEDECIN_TRAITANT}, they
 * declare themselves the patient's treating doctor or give that status up. The body names no
 * patient: the VIHF's {@code resource-id} does. Answer: {@code output/status} {@code DMPOk} and a
 * {@code context} saying what was done, even when nothing had to be.
 */
final class SetAuthorization {

    static final String REQUEST = "setAuthorization";
    static final String ACTION = HABILITATIONS + ":HabilitationsEndPoint:" + REQUEST;
    static final String AJOUT = "AJOUT";
    static final String SUPPRESSION = "SUPPRESSION";
    static final String MEDECIN_TRAITANT = "MEDECIN_TRAITANT";

    private final Habilitations habilitations;

    SetAuthorization(Habilitations habilitations) {
        this.habilitations = habilitations;
    }

    DmpReply answer(Element request, Actor actor) {
        PatientId patient = Habilitations.patientOf(actor);
        String action = DmpXml.childText(request, HABILITATIONS, "action");
        String role = DmpXml.childText(request, HABILITATIONS, "role");
        if (role != null && !MEDECIN_TRAITANT.equals(role)) {
            throw invalid("role must be MEDECIN_TRAITANT when present");
        }
        boolean treatingDoctor = role != null;
        Outcome outcome;
        if (AJOUT.equals(action)) {
            outcome = treatingDoctor ? habilitations.declareTreatingDoctor(actor, patient)
                    : habilitations.add(actor, patient);
        } else if (SUPPRESSION.equals(action)) {
            outcome = treatingDoctor ? habilitations.withdrawTreatingDoctor(actor, patient)
                    : habilitations.remove(actor, patient);
        } else {
            throw invalid("action must be AJOUT or SUPPRESSION");
        }
        Element root = DmpXml.answerRoot(HABILITATIONS, REQUEST + "Response");
        Element output = DmpXml.add(root, "output");
        DmpXml.addText(output, "status", DmpXml.DMP_OK);
        DmpXml.addText(output, "context", outcome.context());
        return new DmpReply(root.getOwnerDocument(), ACTION + "Response");
    }

    private static HabilitationRefusal invalid(String message) {
        return new HabilitationRefusal(HabilitationRefusal.Reason.INVALID_REQUEST, "setAuthorization: " + message);
    }
}
