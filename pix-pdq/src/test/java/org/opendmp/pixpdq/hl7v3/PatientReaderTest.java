package org.opendmp.pixpdq.hl7v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendmp.pixpdq.hl7v3.PatientReader.PatientData;
import org.opendmp.pixpdq.patient.IdentityTraits;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.pixpdq.patient.Sex;
import org.opendmp.pixpdq.patient.Telecom;
import org.w3c.dom.Element;

class PatientReaderTest {

    private static Element patient(String content) {
        String xml = "<patient xmlns=\"urn:hl7-org:v3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + content + "</patient>";
        try {
            return Hl7v3Xml.newBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void familyQualifiedSpIsTheUsedNameAndBrTheBirthName() {
        PatientData data = PatientReader.read(patient("<id root=\"1.2.250.1.213.1.4.10\" extension=\"207058575627097\"/>"
                + "<patientPerson><name><prefix>Mme</prefix><given>IRENE</given><given>MARIE</given>"
                + "<family qualifier=\"SP\">ENCHAINE</family><family qualifier=\"BR\">DECHAINE</family></name>"
                + "<telecom use=\"MC\" value=\"tel:0601020304\"/><administrativeGenderCode code=\"F\"/>"
                + "<birthTime value=\"19570628\"/><birthPlace><addr><censusTract>2A004</censusTract></addr></birthPlace>"
                + "</patientPerson>"));

        assertThat(data.identifiers()).containsExactly(new PatientId("207058575627097", "1.2.250.1.213.1.4.10"));
        IdentityTraits traits = data.traits();
        assertThat(traits.birthName()).isEqualTo("DECHAINE");
        assertThat(traits.usedName()).isEqualTo("ENCHAINE");
        assertThat(traits.givenNames()).containsExactly("IRENE", "MARIE");
        assertThat(traits.sex()).isEqualTo(Sex.F);
        assertThat(traits.birthDate()).isEqualTo(LocalDate.of(1957, 6, 28));
        assertThat(traits.birthPlaceCode()).isEqualTo("2A004");
        assertThat(data.telecoms()).containsExactly(new Telecom("MC", "tel:0601020304"));
    }

    @Test
    void aFamilyWithoutQualifierIsTheBirthName() {
        PatientData data = PatientReader.read(patient("<patientPerson><name><family>DUPONT</family></name></patientPerson>"));

        assertThat(data.traits().birthName()).isEqualTo("DUPONT");
        assertThat(data.traits().usedName()).isNull();
    }

    @Test
    void theUsedNameStandsInForAMissingBirthName() {
        PatientData data = PatientReader.read(patient(
                "<patientPerson><name><family qualifier=\"SP\">ENCHAINE</family></name></patientPerson>"));

        assertThat(data.traits().birthName()).isEqualTo("ENCHAINE");
    }

    @Test
    void whatAModificationLeavesOutIsKeptFromTheStoredTraits() {
        IdentityTraits stored = new IdentityTraits("DECHAINE", null, List.of("IRENE"), Sex.F, LocalDate.of(1957, 6, 28),
                "59560");
        PatientData data = PatientReader.read(patient(
                "<patientPerson><name><family qualifier=\"SP\">ENCHAINE</family></name></patientPerson>"));

        IdentityTraits merged = data.traitsOver(stored);

        assertThat(merged.birthName()).isEqualTo("DECHAINE");
        assertThat(merged.usedName()).isEqualTo("ENCHAINE");
        assertThat(merged.givenNames()).containsExactly("IRENE");
        assertThat(merged.birthDate()).isEqualTo(LocalDate.of(1957, 6, 28));
        assertThat(merged.birthPlaceCode()).isEqualTo("59560");
    }

    @Test
    void theDmpOptionsAreReadFromAdministrativeObservations() {
        PatientData data = PatientReader.read(patient("<subjectOf><administrativeObservation>"
                + "<code code=\"OPPOSITION_BRIS_DE_GLACE\" codeSystem=\"1.2.250.1.213.4.1.2.3\"/>"
                + "<value xsi:type=\"BL\" value=\"true\"/></administrativeObservation></subjectOf>"));

        assertThat(data.flag("OPPOSITION_BRIS_DE_GLACE", false)).isTrue();
        assertThat(data.flag("OPPOSITION_ACCES_URGENCE", false)).isFalse();
    }

    @Test
    void aRootOnlyIdNamesNoPatientAndIsSkipped() {
        PatientData data = PatientReader.read(patient("<id root=\"1.2.250.1.213.1.4.2\"/>"));

        assertThat(data.identifiers()).isEmpty();
    }

    @Test
    void aPartialBirthTimeIsAe102() {
        assertThatThrownBy(() -> PatientReader.read(patient("<patientPerson><birthTime value=\"1957\"/></patientPerson>")))
                .isInstanceOfSatisfying(Hl7v3Refusal.class, refusal -> {
                    assertThat(refusal.typeCode()).isEqualTo("AE");
                    assertThat(refusal.code()).isEqualTo(Hl7v3Refusal.ErrorCode.DATA_TYPE_ERROR);
                });
    }

    @Test
    void anUnknownGenderCodeIsAe103() {
        assertThatThrownBy(() -> PatientReader.read(patient(
                "<patientPerson><administrativeGenderCode code=\"X\"/></patientPerson>")))
                .isInstanceOfSatisfying(Hl7v3Refusal.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(Hl7v3Refusal.ErrorCode.TABLE_VALUE_NOT_FOUND));
    }

    @Test
    void aPatientWithoutAnyFamilyNameIsAe101() {
        PatientData data = PatientReader.read(patient("<patientPerson><name><given>X</given></name></patientPerson>"));

        assertThatThrownBy(data::traits).isInstanceOfSatisfying(Hl7v3Refusal.class,
                refusal -> assertThat(refusal.code()).isEqualTo(Hl7v3Refusal.ErrorCode.REQUIRED_FIELD_MISSING));
    }
}
