package org.opendmp.audit.arr;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * DICOM audit messages written for these tests, shaped like those of DMP transactions (an ITI-18
 * query by a doctor in bris de glace mode, an ITI-43 retrieve, an ITI-41 submission), and their syslog
 * and RFC 5425 framing.
 */
final class AuditSamples {

    static final String INS = "207058575627097";
    static final String PATIENT = INS + "^^^&1.2.250.1.213.1.4.10&ISO^NH";
    static final String PATIENT_KEY = INS + "^^^&1.2.250.1.213.1.4.10&ISO";
    static final String DOCTOR = "899900063480";
    static final String FACILITY = "11234567800019";
    static final String REPOSITORY = "1.2.250.1.213.4.1.1.1.2";

    private AuditSamples() {
    }

    /** ITI-18 (registry stored query) by {@code userId} in access mode {@code purpose}, at {@code time}. */
    static String iti18(String time, String patient, String userId, String purpose, int outcome) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <AuditMessage>
                  <EventIdentification EventActionCode="E" EventDateTime="%s" EventOutcomeIndicator="%d">
                    <EventID csd-code="110112" codeSystemName="DCM" originalText="Query"/>
                    <EventTypeCode csd-code="ITI-18" codeSystemName="IHE Transactions" originalText="Registry Stored Query"/>
                    <PurposeOfUse csd-code="%s" codeSystemName="1.2.250.1.213.1.1.4.248" originalText="%s"/>
                  </EventIdentification>
                  <ActiveParticipant UserID="https://cabinet.example/lps" AlternativeUserID="4242" UserIsRequestor="true"
                      NetworkAccessPointID="10.1.2.3" NetworkAccessPointTypeCode="2">
                    <RoleIDCode csd-code="110153" codeSystemName="DCM" originalText="Source Role ID"/>
                  </ActiveParticipant>
                  <ActiveParticipant UserID="%s" UserName="MAX LIBRE" UserIsRequestor="true">
                    <RoleIDCode csd-code="10" codeSystemName="1.2.250.1.71.1.2.7" originalText="Médecin"/>
                    <RoleIDCode csd-code="SM26" codeSystemName="1.2.250.1.71.4.2.5" originalText="Médecine générale"/>
                  </ActiveParticipant>
                  <ActiveParticipant UserID="https://dmp.example/si-dmp-server/v2/services/registry" UserIsRequestor="false"
                      NetworkAccessPointID="dmp.example" NetworkAccessPointTypeCode="1">
                    <RoleIDCode csd-code="110152" codeSystemName="DCM" originalText="Destination Role ID"/>
                  </ActiveParticipant>
                  <AuditSourceIdentification AuditSourceID="lps-cabinet">
                    <AuditSourceTypeCode csd-code="4"/>
                  </AuditSourceIdentification>
                  <ParticipantObjectIdentification ParticipantObjectID="%s" ParticipantObjectTypeCode="1"
                      ParticipantObjectTypeCodeRole="1">
                    <ParticipantObjectIDTypeCode csd-code="2" codeSystemName="RFC-3881" originalText="Patient Number"/>
                  </ParticipantObjectIdentification>
                  <ParticipantObjectIdentification ParticipantObjectID="urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d"
                      ParticipantObjectTypeCode="2" ParticipantObjectTypeCodeRole="24">
                    <ParticipantObjectIDTypeCode csd-code="ITI-18" codeSystemName="IHE Transactions" originalText="Registry Stored Query"/>
                    <ParticipantObjectQuery>%s</ParticipantObjectQuery>
                    <ParticipantObjectDetail type="QueryEncoding" value="VVRGLTg="/>
                  </ParticipantObjectIdentification>
                  <ParticipantObjectIdentification ParticipantObjectID="%s" ParticipantObjectTypeCode="3"
                      ParticipantObjectTypeCodeRole="2">
                    <ParticipantObjectIDTypeCode csd-code="idNat_Struct" codeSystemName="1.2.250.1.71.4.2.2" originalText="idNat_Struct"/>
                    <ParticipantObjectName>Cabinet du Dr Libre</ParticipantObjectName>
                  </ParticipantObjectIdentification>
                </AuditMessage>
                """.formatted(time, outcome, purpose, purpose, userId, xml(patient),
                Base64.getEncoder().encodeToString("<AdhocQueryRequest/>".getBytes(StandardCharsets.UTF_8)), FACILITY);
    }

    /** ITI-43 (retrieve) of {@code documents} by a nurse in normal mode, seen by the repository. */
    static String iti43(String time, String patient, String userId, List<String> documents) {
        StringBuilder objects = new StringBuilder();
        for (String document : documents) {
            objects.append("""
                      <ParticipantObjectIdentification ParticipantObjectID="%s" ParticipantObjectTypeCode="2"
                          ParticipantObjectTypeCodeRole="3">
                        <ParticipantObjectIDTypeCode csd-code="9" codeSystemName="RFC-3881" originalText="Report Number"/>
                        <ParticipantObjectDetail type="Repository Unique Id" value="%s"/>
                      </ParticipantObjectIdentification>
                    """.formatted(document, Base64.getEncoder().encodeToString(REPOSITORY.getBytes(StandardCharsets.UTF_8))));
        }
        return """
                <AuditMessage>
                  <EventIdentification EventActionCode="C" EventDateTime="%s" EventOutcomeIndicator="0">
                    <EventID csd-code="110106" codeSystemName="DCM" originalText="Export"/>
                    <EventTypeCode csd-code="ITI-43" codeSystemName="IHE Transactions" originalText="Retrieve Document Set"/>
                    <PurposeOfUse csd-code="normal" codeSystemName="1.2.250.1.213.1.1.4.248" originalText="normal"/>
                  </EventIdentification>
                  <ActiveParticipant UserID="1.2.250.1.213.4.1.1.1.2" UserIsRequestor="false" NetworkAccessPointID="dmp.example"
                      NetworkAccessPointTypeCode="1">
                    <RoleIDCode csd-code="110153" codeSystemName="DCM" originalText="Source Role ID"/>
                  </ActiveParticipant>
                  <ActiveParticipant UserID="%s" UserName="INES INFIRMIERE" UserIsRequestor="true">
                    <RoleIDCode csd-code="60" codeSystemName="1.2.250.1.71.1.2.7" originalText="Infirmier"/>
                  </ActiveParticipant>
                  <ActiveParticipant UserID="https://clinic.example/consumer" UserIsRequestor="true" NetworkAccessPointID="10.9.8.7"
                      NetworkAccessPointTypeCode="2">
                    <RoleIDCode csd-code="110152" codeSystemName="DCM" originalText="Destination Role ID"/>
                  </ActiveParticipant>
                  <AuditSourceIdentification AuditSourceID="opendmp"/>
                %s  <ParticipantObjectIdentification ParticipantObjectID="%s" ParticipantObjectTypeCode="1"
                      ParticipantObjectTypeCodeRole="1">
                    <ParticipantObjectIDTypeCode csd-code="2" codeSystemName="RFC-3881" originalText="Patient Number"/>
                  </ParticipantObjectIdentification>
                </AuditMessage>
                """.formatted(time, userId, objects, xml(patient));
    }

    /** ITI-41 (provide and register) of one document in a submission set, user in XUA form. */
    static String iti41(String time, String patient, String document, String submissionSet) {
        return """
                <AuditMessage>
                  <EventIdentification EventActionCode="R" EventDateTime="%s" EventOutcomeIndicator="0">
                    <EventID csd-code="110107" codeSystemName="DCM" originalText="Import"/>
                    <EventTypeCode csd-code="ITI-41" codeSystemName="IHE Transactions" originalText="Provide and Register Document Set-b"/>
                    <EventTypeCode csd-code="TD2.1" codeSystemName="DMP" originalText="Alimentation"/>
                  </EventIdentification>
                  <ActiveParticipant UserID="alias&lt;%s@1.2.250.1.71.4.2.1&gt;" UserName="MAX LIBRE" UserIsRequestor="true"/>
                  <ActiveParticipant UserID="https://dmp.example/repository" UserIsRequestor="false">
                    <RoleIDCode csd-code="110152" codeSystemName="DCM" originalText="Destination Role ID"/>
                  </ActiveParticipant>
                  <AuditSourceIdentification AuditSourceID="opendmp"/>
                  <ParticipantObjectIdentification ParticipantObjectID="%s" ParticipantObjectTypeCode="2" ParticipantObjectTypeCodeRole="20">
                    <ParticipantObjectIDTypeCode csd-code="urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd" codeSystemName="IHE XDS Metadata"
                        originalText="submission set classificationNode"/>
                  </ParticipantObjectIdentification>
                  <ParticipantObjectIdentification ParticipantObjectID="%s" ParticipantObjectTypeCode="2" ParticipantObjectTypeCodeRole="3">
                    <ParticipantObjectIDTypeCode csd-code="9" codeSystemName="RFC-3881" originalText="Report Number"/>
                  </ParticipantObjectIdentification>
                  <ParticipantObjectIdentification ParticipantObjectID="%s" ParticipantObjectTypeCode="1" ParticipantObjectTypeCodeRole="1">
                    <ParticipantObjectIDTypeCode csd-code="2" codeSystemName="RFC-3881" originalText="Patient Number"/>
                  </ParticipantObjectIdentification>
                </AuditMessage>
                """.formatted(time, DOCTOR, submissionSet, document, xml(patient));
    }

    /** An RFC 5424 message carrying {@code xml} after a byte order mark, with {@code [meta sequenceId]} when not null. */
    static byte[] syslog(String xml, String procId, Long sequenceId) {
        String header = "<85>1 2025-03-04T10:11:12.345+01:00 lps.example OpenDMP " + procId + " IHE+RFC-3881 "
                + (sequenceId == null ? "-" : "[meta sequenceId=\"" + sequenceId + "\"]") + " ";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(xml.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** RFC 5425 framing: the octet count, a space, the message. */
    static byte[] frame(byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((message.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(message);
        return out.toByteArray();
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
