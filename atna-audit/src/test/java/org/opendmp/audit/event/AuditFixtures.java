package org.opendmp.audit.event;

import java.time.Instant;

import org.opendmp.security.actor.Actor;
import org.opendmp.security.actor.AuthenticationMode;
import org.opendmp.security.actor.PurposeOfUse;
import org.opendmp.security.actor.Role;
import org.opendmp.security.actor.Software;

/** Made-up callers, peers and ids for the audit tests. */
public final class AuditFixtures {

    public static final String PATIENT = "279035121518989^^^&1.2.250.1.213.1.4.10&ISO^NH";
    public static final String OTHER_PATIENT = "182012B01234531^^^&1.2.250.1.213.1.4.10&ISO^NH";
    public static final String PROFESSIONAL = "810001234567";
    public static final String FACILITY = "10B0001234";
    public static final String ASSERTION_ID = "_4b1e8c7a-0d1f-4a7e-9c55-2f3b1d9e0a11";
    public static final Instant TIME = Instant.parse("2024-05-02T10:15:30.123Z");
    public static final Participant CLIENT = Participant.of("http://www.w3.org/2005/08/addressing/anonymous",
            "192.0.2.10");
    public static final Participant SERVER = Participant.of("https://dmp.example.test:8443/si-dmp-server/v2/services/registry",
            "dmp.example.test");
    public static final AuditSourceIdentity SOURCE = new AuditSourceIdentity("opendmp@dmp.example.test",
            "1.2.250.1.999.1", "4242");

    private AuditFixtures() {
    }

    /** A general practitioner in bris de glace mode, indirect authentication. */
    public static Actor doctor(PurposeOfUse mode) {
        return new Actor(PROFESSIONAL, "Claire MARTIN", new Role(Role.DOCTOR, Role.PROFESSIONS, "SM54", Role.SPECIALTIES),
                FACILITY, "SA07", AuthenticationMode.INDIRECTE, mode, PATIENT, false,
                new Software("LPS-1", "Logiciel de test", "2.1", "HOM-42"), "3.0", ASSERTION_ID,
                TIME.minusSeconds(5), "CN=Cabinet de test,O=Test,C=FR");
    }

    public static HumanRequestor requestor(PurposeOfUse mode) {
        return HumanRequestor.of(doctor(mode));
    }

    /** A successful ITI-18 FindDocuments of {@link #PATIENT} by the doctor, in normal mode. */
    public static AuditRecordInput storedQuery() {
        return AuditRecordInput.builder(AuditTransaction.ITI_18, EventOutcome.SUCCESS).remote(CLIENT).local(SERVER)
                .requestor(requestor(PurposeOfUse.NORMAL)).patient(PATIENT)
                .query(AuditedQuery.of("urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d",
                        "<query:AdhocQueryRequest xmlns:query=\"urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0\">"
                                + "<query:ResponseOption returnType=\"LeafClass\"/><rim:AdhocQuery "
                                + "xmlns:rim=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\" "
                                + "id=\"urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d\"><rim:Slot "
                                + "name=\"$XDSDocumentEntryPatientId\"><rim:ValueList><rim:Value>'" + PATIENT
                                + "'</rim:Value></rim:ValueList></rim:Slot></rim:AdhocQuery></query:AdhocQueryRequest>"))
                .build();
    }
}
