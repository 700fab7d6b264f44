package org.opendmp.pixpdq.habilitation;

import static org.opendmp.pixpdq.habilitation.DmpXml.PATIENTS;

import java.time.Instant;
import org.opendmp.security.actor.Actor;
import org.w3c.dom.Element;

/**
 * TD0.4 {@code patientList} (service {@code /patients}): the DMPs the caller holds an authorization on.
 * {@code startDate} ({@code yyyyMMddHHmmss}, UTC) keeps those authorized since then
 * ({@code dateType LASTAUTORIZATION}, the default) or whose DMP received a document since then
 * ({@code LASTDOC}); without it, every one. Each entry: the INS as {@code patientIdentifier}, names,
 * birth date, {@code MT}, {@code message} (always false: no messaging here), {@code lastAccessDate}
 * (the authorization's last change), {@code lastUpdateDate} (the DMP's last change), {@code lastAddDate}
 * (its last document, when it has one). {@code psOwnerId} (listing for another professional) is not
 * supported: naming anyone but the caller is refused.
 */
public final class PatientList {

    static final String REQUEST = "patientList";
    /** The request's WS-Addressing action. */
    public static final String ACTION = PATIENTS + ":PatientSpecificEndPoint:" + REQUEST;

    private final Habilitations habilitations;

    public PatientList(Habilitations habilitations) {
        this.habilitations = habilitations;
    }

    /** Whether {@code body} is a {@code patientList} request. */
    public static boolean accepts(Element body) {
        return DmpXml.is(body, PATIENTS, REQUEST);
    }

    /**
     * Answers a {@code patientList} request of {@code actor}.
     *
     * @throws HabilitationRefusal without VIHF, or with a malformed request
     */
    public DmpReply answer(Element request, Actor actor) {
        if (actor == null) {
            throw new HabilitationRefusal(HabilitationRefusal.Reason.VIHF_REQUIRED, "patientList lists the caller's"
                    + " patients and needs a VIHF naming the professional; none was validated for this request");
        }
        String owner = DmpXml.childText(request, PATIENTS, "psOwnerId");
        if (owner != null && !owner.equals(actor.professionalId())) {
            throw invalid("psOwnerId other than the caller is not supported");
        }
        String dateTypeValue = DmpXml.childText(request, PATIENTS, "dateType");
        DateType dateType = dateTypeValue == null ? DateType.LASTAUTORIZATION : DateType.of(dateTypeValue);
        if (dateType == null) {
            throw invalid("dateType must be LASTAUTORIZATION or LASTDOC");
        }
        String startDate = DmpXml.childText(request, PATIENTS, "startDate");
        Instant since;
        try {
            since = startDate == null ? null : DmpXml.parseDateTime(startDate);
        } catch (IllegalArgumentException e) {
            throw invalid("startDate must be a date yyyyMMddHHmmss");
        }
        Element root = DmpXml.answerRoot(PATIENTS, REQUEST + "Response");
        Element output = DmpXml.add(root, "output");
        for (AuthorizedPatient patient : habilitations.patientsOf(actor.professionalId(), since, dateType)) {
            entry(DmpXml.add(output, "patientlistData"), patient);
        }
        DmpXml.addText(output, "status", DmpXml.DMP_OK);
        return new DmpReply(root.getOwnerDocument(), ACTION + "Response");
    }

    private static void entry(Element entry, AuthorizedPatient p) {
        Element identifier = DmpXml.add(entry, "patientIdentifier");
        DmpXml.addText(identifier, "nationalId", p.ins().id());
        DmpXml.addText(identifier, "nationalIdType", p.ins().authority());
        DmpXml.addText(entry, "lastName", p.lastName());
        if (!p.lastName().equals(p.birthName())) {
            DmpXml.addText(entry, "patronymicalName", p.birthName());
        }
        DmpXml.addText(entry, "firstName", p.firstName());
        DmpXml.addText(entry, "dateOfBirth", DmpXml.date(p.birthDate()));
        DmpXml.addText(entry, "MT", Boolean.toString(p.treatingDoctor()));
        DmpXml.addText(entry, "message", "false");
        DmpXml.addText(entry, "lastAccessDate", DmpXml.dateTime(p.lastAction()));
        DmpXml.addText(entry, "lastUpdateDate", DmpXml.dateTime(p.lastUpdate()));
        DmpXml.addText(entry, "lastAddDate", DmpXml.dateTime(p.lastDocument()));
    }

    private static HabilitationRefusal invalid(String message) {
        return new HabilitationRefusal(HabilitationRefusal.Reason.INVALID_REQUEST, "patientList: " + message);
    }
}
