package org.opendmp.pixpdq.habilitation;

import org.opendmp.security.actor.Actor;
import org.w3c.dom.Element;

/**
 * The DMP's habilitations service ({@code /habilitations}, namespace {@code urn:si-dmp-habilitations},
 * port type {@code HabilitationsEndPoint}): TD0.3 {@code setAuthorization} and TD1.6
 * {@code listAuthorizationByPatient}. Takes the SOAP body's element and the VIHF's caller, gives back
 * the answer and its action; refusals are {@link HabilitationRefusal}s.
 */
public final class HabilitationsEndPoint {

    /** The request actions, as the WSDL declares them; answers add {@code Response}. */
    public static final String SET_AUTHORIZATION = SetAuthorization.ACTION;
    public static final String LIST_AUTHORIZATION_BY_PATIENT = ListAuthorizationByPatient.ACTION;

    private final SetAuthorization setAuthorization;
    private final ListAuthorizationByPatient listAuthorizationByPatient;

    public HabilitationsEndPoint(Habilitations habilitations) {
        this.setAuthorization = new SetAuthorization(habilitations);
        this.listAuthorizationByPatient = new ListAuthorizationByPatient(habilitations);
    }

    /**
     * Answers one request.
     *
     * @param actor the VIHF's caller, or null when no VIHF was validated (then refused: these
     *              transactions are about the caller)
     * @throws HabilitationRefusal when refused
     */
    public DmpReply handle(Element request, Actor actor) {
        if (DmpXml.is(request, DmpXml.HABILITATIONS, SetAuthorization.REQUEST)) {
            return setAuthorization.answer(request, actor);
        }
        if (DmpXml.is(request, DmpXml.HABILITATIONS, ListAuthorizationByPatient.REQUEST)) {
            return listAuthorizationByPatient.answer(request, actor);
        }
        throw new HabilitationRefusal(HabilitationRefusal.Reason.INVALID_REQUEST, "the habilitations service"
                + " accepts setAuthorization and listAuthorizationByPatient of urn:si-dmp-habilitations");
    }
}
