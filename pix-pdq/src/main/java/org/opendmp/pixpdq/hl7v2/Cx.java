package org.opendmp.pixpdq.hl7v2;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.Location;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.util.Terser;
import org.opendmp.pixpdq.patient.PatientId;

/**
 * HL7 CX, extended composite id with check digit, as IHE PIX/PDQ use it: CX.1 the identifier
 * and CX.4 the assigning authority, whose universal id (CX.4.2) is an OID of type ISO (CX.4.3).
 * The namespace id (CX.4.1, e.g. {@code ASIP-SANTE-INS-NIR}) and the type code (CX.5, e.g.
 * {@code NH}, {@code INS}, {@code PI}) are read past: the OID decides whether it is an INS.
 */
final class Cx {

    private Cx() {
    }

    /** How many repetitions field {@code field} of {@code segment} has. */
    static int repetitions(Segment segment, int field) throws HL7Exception {
        return segment.getField(field).length;
    }

    /** Repetition {@code rep} (from 0) of a CX field as a patient identifier. */
    static PatientId read(Segment segment, int field, int rep) throws HL7Exception {
        String id = Terser.get(segment, field, rep, 1, 1);
        if (blank(id)) {
            throw Hl7Errors.error(ErrorCode.REQUIRED_FIELD_MISSING, at(segment, field, rep, 1),
                    "CX.1, the identifier, is required");
        }
        return new PatientId(id.trim(), authority(segment, field, rep));
    }

    /** The OID of the assigning authority (CX.4.2 with CX.4.3 {@code ISO}) of repetition {@code rep}. */
    static String authority(Segment segment, int field, int rep) throws HL7Exception {
        String oid = Terser.get(segment, field, rep, 4, 2);
        String type = Terser.get(segment, field, rep, 4, 3);
        if (blank(oid)) {
            throw Hl7Errors.error(ErrorCode.REQUIRED_FIELD_MISSING, at(segment, field, rep, 4),
                    "CX.4.2, the assigning authority's OID, is required");
        }
        if (!"ISO".equals(type) || !PatientId.isOid(oid.trim())) {
            throw Hl7Errors.error(ErrorCode.DATA_TYPE_ERROR, at(segment, field, rep, 4),
                    "the assigning authority must be an OID of type ISO (CX.4.2 and CX.4.3)");
        }
        return oid.trim();
    }

    /** Writes {@code id} into repetition {@code rep} of a CX field: CX.1, CX.4.2, CX.4.3 ISO and CX.5 (NH or PI). */
    static void write(Segment segment, int field, int rep, PatientId id) throws HL7Exception {
        Terser.set(segment, field, rep, 1, 1, id.id());
        Terser.set(segment, field, rep, 4, 2, id.authority());
        Terser.set(segment, field, rep, 4, 3, "ISO");
        Terser.set(segment, field, rep, 5, 1, id.isIns() ? "NH" : "PI");
    }

    static Location at(Segment segment, int field, int rep, int component) {
        return Hl7Errors.component(segment.getName(), field, rep + 1, component);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
