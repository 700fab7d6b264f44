package org.opendmp.pixpdq.hl7v3;

import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.add;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.addText;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.addTypedValue;

import java.time.format.DateTimeFormatter;
import org.opendmp.pixpdq.patient.IdentityTraits;
import org.opendmp.pixpdq.patient.Patient;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.pixpdq.patient.Sex;
import org.opendmp.pixpdq.patient.Telecom;
import org.w3c.dom.Element;

/**
 * Writes a registry patient as HL7v3, in the order and shape of the DMP's answers: {@code patient}
 * with its identifiers and status ({@code active}, or {@code terminated} for a closed DMP),
 * {@code patientPerson} with name (given names, family qualifier {@code SP} used name, {@code BR}
 * birth name), telecoms, sex, birth date and INSEE birthplace, and the DMP options as
 * {@code administrativeObservation}s (code system 1.2.250.1.213.4.1.2.3).
 */
final class PatientWriter {

    /** DMP options and administrative observations (creation options, oppositions). */
    static final String DMP_OPTIONS = "1.2.250.1.213.4.1.2.3";
    static final String OPPOSITION_BRIS_DE_GLACE = "OPPOSITION_BRIS_DE_GLACE";
    static final String OPPOSITION_ACCES_URGENCE = "OPPOSITION_ACCES_URGENCE";
    static final String CONSENTEMENT_OUVERTURE_DMP = "CONSENTEMENT_OUVERTURE_DMP";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private PatientWriter() {
    }

    /** {@code patient} with identifiers, status and person; the caller adds what follows the person. */
    static Element patient(Element parent, Patient patient, boolean withIdentifiers) {
        Element element = add(parent, "patient", "classCode", "PAT");
        if (withIdentifiers) {
            for (PatientId id : patient.identifiers()) {
                add(element, "id", "extension", id.id(), "root", id.authority());
            }
        }
        add(element, "statusCode", "code", patient.dmp().isOpen() ? "active" : "terminated");
        person(element, patient);
        return element;
    }

    /** {@code patientPerson}. */
    static Element person(Element parent, Patient patient) {
        IdentityTraits traits = patient.traits();
        Element person = add(parent, "patientPerson", "classCode", "PSN", "determinerCode", "INSTANCE");
        Element name = add(person, "name");
        traits.givenNames().forEach(given -> addText(name, "given", given));
        if (traits.usedName() != null) {
            addText(name, "family", traits.usedName()).setAttribute("qualifier", "SP");
        }
        addText(name, "family", traits.birthName()).setAttribute("qualifier", "BR");
        for (Telecom telecom : patient.telecoms()) {
            add(person, "telecom", "use", telecom.use(), "value", telecom.value());
        }
        add(person, "administrativeGenderCode", "code", genderCode(traits.sex()));
        if (traits.birthDate() != null) {
            add(person, "birthTime", "value", DATE.format(traits.birthDate()));
        }
        if (traits.birthPlaceCode() != null) {
            Element addr = add(add(person, "birthPlace", "classCode", "BIRTHPL"), "addr");
            addText(addr, "censusTract", traits.birthPlaceCode());
        }
        return person;
    }

    /** AdministrativeGender: F, M, or UN (undifferentiated) for unknown. */
    private static String genderCode(Sex sex) {
        return sex == Sex.F || sex == Sex.M ? sex.name() : "UN";
    }

    /** The opposition flags as {@code subjectOf} administrativeObservations (TD0.2, TD1.3a). */
    static void oppositions(Element patientElement, Patient patient, String subjectOfName) {
        observation(patientElement, subjectOfName, OPPOSITION_BRIS_DE_GLACE, "opposition au mode bris de glace",
                patient.dmp().oppositionBrisDeGlace());
        observation(patientElement, subjectOfName, OPPOSITION_ACCES_URGENCE, "opposition à l'accès au mode urgence",
                patient.dmp().oppositionCentre15());
    }

    private static void observation(Element patientElement, String subjectOfName, String code, String displayName,
                                    boolean value) {
        Element subjectOf = add(patientElement, subjectOfName, "typeCode", "SBJ");
        Element observation = add(subjectOf, "administrativeObservation", "classCode", "OBS", "moodCode", "EVN");
        add(observation, "code", "code", code, "codeSystem", DMP_OPTIONS, "displayName", displayName);
        addTypedValue(observation, "BL", "value", String.valueOf(value));
    }

    /** {@code custodian} naming the registry's device. */
    static void custodian(Element registrationEvent, String deviceId) {
        Element entity = add(add(registrationEvent, "custodian", "typeCode", "CST"), "assignedEntity",
                "classCode", "ASSIGNED");
        add(entity, "id", "root", deviceId);
    }
}
