package org.opendmp.pixpdq.hl7v2;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.util.Terser;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.opendmp.pixpdq.patient.IdentityTraits;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.pixpdq.patient.Sex;
import org.opendmp.pixpdq.patient.Telecom;

/**
 * Reads a PID segment (2.5 or 2.3.1) as the French PAM extension and the INS annex fill it:
 * <ul>
 * <li>PID-3: every identifier (CX), the INS among them by its OID;</li>
 * <li>PID-5: name type L the birth name (nom de naissance), D the used name (nom utilisé);
 *     given names from the L name's XPN.2, then XPN.3 (further given names, space separated;
 *     when XPN.3 repeats XPN.2 first, as the INS annex has it, it is the whole list);</li>
 * <li>PID-7: birth date, at least to the day; PID-8: administrative sex (HL7 table 0001);</li>
 * <li>PID-11: the birthplace INSEE code in XAD.9 of the address of type BDL (birth delivery location);</li>
 * <li>PID-13: phone numbers (XTN.12, or XTN.1) and e-mail addresses (XTN.4).</li>
 * </ul>
 */
final class PidReader {

    private static final Pattern BIRTH_DATE = Pattern.compile("\\d{8}.*");

    private final Segment pid;

    PidReader(Segment pid) {
        this.pid = pid;
    }

    /** PID-3, every repetition; at least one is required. */
    List<PatientId> identifiers() throws HL7Exception {
        int count = Cx.repetitions(pid, 3);
        List<PatientId> ids = new ArrayList<>();
        for (int rep = 0; rep < count; rep++) {
            ids.add(Cx.read(pid, 3, rep));
        }
        if (ids.isEmpty()) {
            throw Hl7Errors.error(ErrorCode.REQUIRED_FIELD_MISSING, Hl7Errors.field("PID", 3),
                    "PID-3, the patient identifier list, is required");
        }
        return ids;
    }

    /** PID-5, 7, 8 and 11 as INS identity traits. */
    IdentityTraits traits() throws HL7Exception {
        int birthNameRep = nameRepetition("L");
        if (birthNameRep < 0) {
            birthNameRep = nameRepetition("");
        }
        if (birthNameRep < 0 || Cx.blank(Terser.get(pid, 5, birthNameRep, 1, 1))) {
            throw Hl7Errors.error(ErrorCode.REQUIRED_FIELD_MISSING, Hl7Errors.field("PID", 5),
                    "PID-5 needs the birth name (name type L) with a family name");
        }
        String birthName = Terser.get(pid, 5, birthNameRep, 1, 1).trim();
        int usedNameRep = nameRepetition("D");
        String usedName = usedNameRep < 0 ? null : emptyToNull(Terser.get(pid, 5, usedNameRep, 1, 1));
        return new IdentityTraits(birthName, usedName, givenNames(birthNameRep), sex(), birthDate(), birthPlace());
    }

    /** PID-13. */
    List<Telecom> telecoms() throws HL7Exception {
        List<Telecom> telecoms = new ArrayList<>();
        for (int rep = 0; rep < pid.getField(13).length; rep++) {
            String email = Terser.get(pid, 13, rep, 4, 1);
            String number = Terser.get(pid, 13, rep, 12, 1);
            if (Cx.blank(number)) {
                number = Terser.get(pid, 13, rep, 1, 1);
            }
            String use = switch (Objects.toString(Terser.get(pid, 13, rep, 3, 1), "")) {
                case "CP" -> "MC";
                default -> switch (Objects.toString(Terser.get(pid, 13, rep, 2, 1), "")) {
                    case "PRN" -> "H";
                    case "WPN" -> "WP";
                    default -> null;
                };
            };
            if (!Cx.blank(email)) {
                telecoms.add(new Telecom(use, "mailto:" + email.trim()));
            } else if (!Cx.blank(number)) {
                telecoms.add(new Telecom(use, "tel:" + number.trim()));
            }
        }
        return telecoms;
    }

    private List<String> givenNames(int rep) throws HL7Exception {
        String first = emptyToNull(Terser.get(pid, 5, rep, 2, 1));
        String further = emptyToNull(Terser.get(pid, 5, rep, 3, 1));
        List<String> names = new ArrayList<>();
        List<String> others = further == null ? List.of() : Arrays.stream(further.split("[ ,]+"))
                .filter(s -> !s.isBlank()).toList();
        if (first != null && (others.isEmpty() || !others.get(0).equals(first))) {
            names.add(first);
        }
        names.addAll(others);
        return names;
    }

    private int nameRepetition(String type) throws HL7Exception {
        for (int rep = 0; rep < pid.getField(5).length; rep++) {
            String code = Terser.get(pid, 5, rep, 7, 1);
            if (type.equals(code == null ? "" : code.trim())) {
                return rep;
            }
        }
        return -1;
    }

    private LocalDate birthDate() throws HL7Exception {
        String value = Terser.get(pid, 7, 0, 1, 1);
        if (Cx.blank(value)) {
            return null;
        }
        if (!BIRTH_DATE.matcher(value.trim()).matches()) {
            throw Hl7Errors.error(ErrorCode.DATA_TYPE_ERROR, Hl7Errors.field("PID", 7),
                    "PID-7 must be a date to the day at least (YYYYMMDD)");
        }
        String day = value.trim().substring(0, 8);
        try {
            return LocalDate.of(Integer.parseInt(day.substring(0, 4)), Integer.parseInt(day.substring(4, 6)),
                    Integer.parseInt(day.substring(6, 8)));
        } catch (DateTimeException e) {
            throw Hl7Errors.error(ErrorCode.DATA_TYPE_ERROR, Hl7Errors.field("PID", 7), "PID-7 is not a valid date");
        }
    }

    private Sex sex() throws HL7Exception {
        String code = Terser.get(pid, 8, 0, 1, 1);
        if (Cx.blank(code)) {
            return Sex.U;
        }
        Sex sex = Sex.fromCode(code.trim());
        if (sex == null) {
            throw Hl7Errors.error(ErrorCode.TABLE_VALUE_NOT_FOUND, Hl7Errors.field("PID", 8),
                    "PID-8 must be a code of HL7 table 0001 (F, M, U, O, A, N)");
        }
        return sex;
    }

    private String birthPlace() throws HL7Exception {
        for (int rep = 0; rep < pid.getField(11).length; rep++) {
            if ("BDL".equals(Terser.get(pid, 11, rep, 7, 1))) {
                String code = emptyToNull(Terser.get(pid, 11, rep, 9, 1));
                if (code != null && !IdentityTraits.isBirthPlaceCode(code)) {
                    throw Hl7Errors.error(ErrorCode.DATA_TYPE_ERROR, Hl7Errors.component("PID", 11, rep + 1, 9),
                            "the birthplace (PID-11 type BDL, XAD.9) must be a 5-character INSEE code");
                }
                return code;
            }
        }
        return null;
    }

    private static String emptyToNull(String value) {
        return Cx.blank(value) ? null : value.trim();
    }
}
