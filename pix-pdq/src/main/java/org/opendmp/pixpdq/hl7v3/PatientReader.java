package org.opendmp.pixpdq.hl7v3;

import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.attribute;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.child;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.children;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.path;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opendmp.pixpdq.hl7v3.Hl7v3Refusal.ErrorCode;
import org.opendmp.pixpdq.patient.IdentityTraits;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.pixpdq.patient.Sex;
import org.opendmp.pixpdq.patient.Telecom;
import org.w3c.dom.Element;

/**
 * Reads an HL7v3 {@code patient} (PRPA_MT201301UV02 and the DMP's PRPA_MT201302UV02 alike) into
 * the registry's model. Names: a {@code family} with qualifier {@code BR} (or none) is the birth
 * name, with qualifier {@code SP} the used name; every {@code given} in order. The INSEE birthplace
 * code is {@code birthPlace/addr/censusTract}. DMP options ({@code OPPOSITION_BRIS_DE_GLACE}...) are
 * {@code subjectOf/administrativeObservation} with a BL value.
 */
final class PatientReader {

    private PatientReader() {
    }

    /** What one patient element says; absent parts are null (or empty). */
    record PatientData(List<PatientId> identifiers, String birthName, String usedName, List<String> givenNames,
                       Sex sex, LocalDate birthDate, String birthPlaceCode, List<Telecom> telecoms,
                       Map<String, Boolean> observations, String statusCode) {

        /** The traits, the used name standing in for a missing birth name (the DMP often sends only SP). */
        IdentityTraits traits() {
            String birth = birthName != null ? birthName : usedName;
            if (birth == null) {
                throw Hl7v3Refusal.error(ErrorCode.REQUIRED_FIELD_MISSING, "the patient has no family name",
                        "patientPerson/name/family");
            }
            return new IdentityTraits(birth, usedName, givenNames, sex, birthDate, birthPlaceCode);
        }

        /** These traits over the stored ones: what the message does not say is kept (TD1.3b). */
        IdentityTraits traitsOver(IdentityTraits stored) {
            return new IdentityTraits(birthName != null ? birthName : stored.birthName(),
                    usedName != null ? usedName : stored.usedName(),
                    givenNames.isEmpty() ? stored.givenNames() : givenNames,
                    sex != null ? sex : stored.sex(),
                    birthDate != null ? birthDate : stored.birthDate(),
                    birthPlaceCode != null ? birthPlaceCode : stored.birthPlaceCode());
        }

        /** A BL observation's value, or the default when absent. */
        boolean flag(String code, boolean otherwise) {
            return observations.getOrDefault(code, otherwise);
        }
    }

    /**
     * Reads a {@code patient} element.
     *
     * @param patient the element; a refusal (AE 101) when null
     */
    static PatientData read(Element patient) {
        if (patient == null) {
            throw Hl7v3Refusal.error(ErrorCode.REQUIRED_FIELD_MISSING, "the message names no patient", "subject1/patient");
        }
        Element person = child(patient, "patientPerson");
        List<PatientId> ids = identifiers(children(patient, "id"));
        for (Element other : children(person, "asOtherIDs")) {
            ids.addAll(identifiers(children(other, "id")));
        }
        String birthName = null;
        String usedName = null;
        List<String> given = new ArrayList<>();
        Element name = child(person, "name");
        for (Element family : children(name, "family")) {
            String qualifier = attribute(family, "qualifier");
            String value = text(family);
            if (value == null) {
                continue;
            }
            if (qualifier != null && qualifier.contains("SP")) {
                usedName = usedName == null ? value : usedName;
            } else if (birthName == null) {
                birthName = value;
            }
        }
        for (Element g : children(name, "given")) {
            if (text(g) != null) {
                given.add(text(g));
            }
        }
        List<Telecom> telecoms = new ArrayList<>();
        for (Element telecom : children(person, "telecom")) {
            if (attribute(telecom, "value") != null) {
                telecoms.add(new Telecom(attribute(telecom, "use"), attribute(telecom, "value")));
            }
        }
        return new PatientData(ids, birthName, usedName, given, sex(child(person, "administrativeGenderCode")),
                birthDate(child(person, "birthTime")), text(path(person, "birthPlace", "addr", "censusTract")),
                telecoms, observations(patient), attribute(child(patient, "statusCode"), "code"));
    }

    /** Identifiers with a root and an extension; a root-only id names no patient and is skipped. */
    static List<PatientId> identifiers(List<Element> ids) {
        List<PatientId> found = new ArrayList<>();
        for (Element id : ids) {
            PatientId patientId = identifier(id);
            if (patientId != null) {
                found.add(patientId);
            }
        }
        return found;
    }

    /** An II as a patient identifier, or null without root or extension. */
    static PatientId identifier(Element id) {
        String root = attribute(id, "root");
        String extension = attribute(id, "extension");
        return root == null || extension == null ? null : new PatientId(extension, root);
    }

    static Sex sex(Element code) {
        String value = attribute(code, "code");
        if (value == null) {
            return null;
        }
        Sex sex = Sex.fromCode(value);
        if (sex == null) {
            throw Hl7v3Refusal.error(ErrorCode.TABLE_VALUE_NOT_FOUND,
                    "administrativeGenderCode must be F, M or UN", "administrativeGenderCode");
        }
        return sex;
    }

    /** An HL7 TS of at least a full date (yyyyMMdd...), or null when absent. */
    static LocalDate birthDate(Element time) {
        String value = attribute(time, "value");
        if (value == null) {
            return null;
        }
        try {
            if (value.length() < 8 || !value.substring(0, 8).chars().allMatch(Character::isDigit)) {
                throw new DateTimeException("not a date");
            }
            return LocalDate.of(Integer.parseInt(value.substring(0, 4)), Integer.parseInt(value.substring(4, 6)),
                    Integer.parseInt(value.substring(6, 8)));
        } catch (DateTimeException e) {
            throw Hl7v3Refusal.error(ErrorCode.DATA_TYPE_ERROR, "birthTime must be a full date, yyyyMMdd", "birthTime");
        }
    }

    private static Map<String, Boolean> observations(Element patient) {
        Map<String, Boolean> found = new LinkedHashMap<>();
        for (Element subjectOf : children(patient, "subjectOf")) {
            Element observation = child(subjectOf, "administrativeObservation");
            String code = attribute(child(observation, "code"), "code");
            String value = attribute(child(observation, "value"), "value");
            if (code != null && value != null) {
                found.put(code, Boolean.parseBoolean(value));
            }
        }
        return found;
    }
}
