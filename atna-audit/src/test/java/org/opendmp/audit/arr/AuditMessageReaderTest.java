package org.opendmp.audit.arr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendmp.audit.arr.AuditRecord.ObjectRef;

class AuditMessageReaderTest {

    private final AuditMessageReader reader = new AuditMessageReader();

    private AuditRecord read(String xml) throws MessageRejected {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        return reader.read(bytes, 0, bytes.length);
    }

    private RejectReason refusal(String xml) {
        try {
            read(xml);
        } catch (MessageRejected e) {
            return e.reason();
        }
        throw new AssertionError("accepted: " + xml);
    }

    @Test
    void readsAQueryByADoctorInBrisDeGlaceMode() throws Exception {
        AuditRecord record = read(AuditSamples.iti18("2025-03-04T10:11:12.345+01:00", AuditSamples.PATIENT,
                AuditSamples.DOCTOR, "bris_de_glace", 0));

        assertThat(record.eventTime()).isEqualTo(Instant.parse("2025-03-04T09:11:12.345Z"));
        assertThat(record.eventId().code()).isEqualTo("110112");
        assertThat(record.eventTypes()).extracting(Code::code).containsExactly("ITI-18");
        assertThat(record.action()).isEqualTo("E");
        assertThat(record.outcome()).isZero();
        assertThat(record.purposeOfUse()).isEqualTo("bris_de_glace");
        assertThat(record.requestor().userId()).isEqualTo(AuditSamples.DOCTOR);
        assertThat(record.requestor().key()).isEqualTo(AuditSamples.DOCTOR);
        assertThat(record.requestor().name()).isEqualTo("MAX LIBRE");
        assertThat(record.requestor().professionCode()).isEqualTo("10");
        assertThat(record.requestor().specialtyCode()).isEqualTo("SM26");
        assertThat(record.source()).isEqualTo(new AuditRecord.Participant("https://cabinet.example/lps", "10.1.2.3"));
        assertThat(record.destination().address()).isEqualTo("dmp.example");
        assertThat(record.auditSourceId()).isEqualTo("lps-cabinet");
        assertThat(record.patients()).containsExactly(AuditSamples.PATIENT);
        assertThat(record.queryId()).isEqualTo("urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d");
        assertThat(record.facility()).isEqualTo(new AuditRecord.Facility(AuditSamples.FACILITY, "Cabinet du Dr Libre"));
        assertThat(record.documents()).isEmpty();
    }

    @Test
    void readsTheDocumentsOfARetrieveWithTheirRepository() throws Exception {
        AuditRecord record = read(AuditSamples.iti43("2025-03-04T10:11:12Z", AuditSamples.PATIENT, "899700000001",
                List.of("1.2.3.4.1", "1.2.3.4.2")));

        assertThat(record.documents()).containsExactly(
                new ObjectRef(ObjectRef.Kind.DOCUMENT, "1.2.3.4.1", AuditSamples.REPOSITORY),
                new ObjectRef(ObjectRef.Kind.DOCUMENT, "1.2.3.4.2", AuditSamples.REPOSITORY));
        assertThat(record.requestor().professionCode()).isEqualTo("60");
        assertThat(record.source().userId()).isEqualTo("1.2.250.1.213.4.1.1.1.2");
        assertThat(record.destination().userId()).isEqualTo("https://clinic.example/consumer");
    }

    @Test
    void readsASubmissionSetAndTheUserOfAXuaIdentity() throws Exception {
        AuditRecord record = read(AuditSamples.iti41("2025-03-04T10:11:12", AuditSamples.PATIENT, "1.2.3.9", "1.2.3.8"));

        assertThat(record.eventTime()).as("no offset: UTC").isEqualTo(Instant.parse("2025-03-04T10:11:12Z"));
        assertThat(record.eventTypes()).extracting(Code::code).containsExactly("ITI-41", "TD2.1");
        assertThat(record.documents()).containsExactly(new ObjectRef(ObjectRef.Kind.SUBMISSION_SET, "1.2.3.8", null),
                new ObjectRef(ObjectRef.Kind.DOCUMENT, "1.2.3.9", null));
        assertThat(record.requestor().userId()).isEqualTo("alias<" + AuditSamples.DOCTOR + "@1.2.250.1.71.4.2.1>");
        assertThat(record.requestor().key()).isEqualTo(AuditSamples.DOCTOR);
        assertThat(record.purposeOfUse()).isNull();
        assertThat(record.facility()).isNull();
    }

    @Test
    void theUserKeyIsTheNameIdOfAXuaIdentityOrTheIdOfACx() {
        assertThat(AuditMessageReader.userKey("MAX LIBRE<899900063480@https://idp.example>")).isEqualTo("899900063480");
        assertThat(AuditMessageReader.userKey("<899900063480>")).isEqualTo("899900063480");
        assertThat(AuditMessageReader.userKey("899900063480^LIBRE^MAX^^^^^^&1.2.250.1.71.4.2.1&ISO")).isEqualTo("899900063480");
        assertThat(AuditMessageReader.userKey("dr.libre")).isEqualTo("dr.libre");
    }

    @Test
    void refusesXmlThatIsNotWellFormed() {
        assertThat(refusal("<AuditMessage><EventIdentification>")).isEqualTo(RejectReason.INVALID_XML);
        assertThat(refusal("not xml at all")).isEqualTo(RejectReason.INVALID_XML);
        assertThat(refusal("")).isEqualTo(RejectReason.INVALID_XML);
    }

    @Test
    void refusesADoctypeSoNoExternalEntityIsEverRead(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE AuditMessage [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + AuditSamples.iti18("2025-03-04T10:11:12Z", "PATIENT", AuditSamples.DOCTOR, "normal", 0)
                        .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "").replace("\"PATIENT\"", "\"&x;\"");

        assertThat(refusal(xxe)).isEqualTo(RejectReason.INVALID_XML);
    }

    @Test
    void refusesEntityExpansion() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
                + "<AuditMessage>&lol2;</AuditMessage>";

        assertThat(refusal(laughs)).isEqualTo(RejectReason.INVALID_XML);
    }

    @Test
    void refusesXmlThatIsNotAnAuditMessage() {
        assertThat(refusal("<Envelope><Body/></Envelope>")).isEqualTo(RejectReason.NOT_AUDIT_MESSAGE);
        assertThat(refusal("<?xml version=\"1.0\"?><!-- c --><ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>"))
                .isEqualTo(RejectReason.NOT_AUDIT_MESSAGE);
    }

    @Test
    void refusesAnAuditMessageThatBreaksTheDicomSchema() {
        String valid = AuditSamples.iti18("2025-03-04T10:11:12Z", AuditSamples.PATIENT, AuditSamples.DOCTOR, "normal", 0);

        assertThat(refusal(valid.replaceAll("(?s)<AuditSourceIdentification.*?</AuditSourceIdentification>", "")))
                .as("no AuditSourceIdentification").isEqualTo(RejectReason.SCHEMA_INVALID);
        assertThat(refusal(valid.replace("EventOutcomeIndicator=\"0\"", "EventOutcomeIndicator=\"3\"")))
                .as("outcome 3").isEqualTo(RejectReason.SCHEMA_INVALID);
        assertThat(refusal(valid.replace("2025-03-04T10:11:12Z", "yesterday"))).as("EventDateTime")
                .isEqualTo(RejectReason.SCHEMA_INVALID);
        assertThat(refusal(valid.replace("<AuditMessage>", "<AuditMessage xmlns=\"http://www.dicom.nema.org\">")))
                .as("in a namespace").isEqualTo(RejectReason.SCHEMA_INVALID);
        assertThat(refusal("<AuditMessage/>")).isEqualTo(RejectReason.SCHEMA_INVALID);
    }

    @Test
    void theRefusalOfASchemaErrorNamesTheRuleNotTheValue() {
        String valid = AuditSamples.iti18("2025-03-04T10:11:12Z", AuditSamples.PATIENT, AuditSamples.DOCTOR, "normal", 0);

        assertThatThrownBy(() -> read(valid.replace("2025-03-04T10:11:12Z", "20250304-SECRET")))
                .isInstanceOf(MessageRejected.class).hasMessageContaining("cvc-").hasMessageNotContaining("SECRET");
    }
}
