package org.opendmp.pixpdq.hl7v2;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.Location;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.v25.message.RSP_K21;
import ca.uhn.hl7v2.util.Terser;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.opendmp.pixpdq.patient.Patient;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.pixpdq.patient.PatientQuery;
import org.opendmp.pixpdq.patient.PatientRegistry;
import org.opendmp.pixpdq.patient.PatientRegistryException;
import org.opendmp.pixpdq.patient.Sex;

/**
 * ITI-21 Patient Demographics Query (HL7 2.5): QBP^Q22 with search fields in QPD-3
 * ({@code @PID.5.1.1} family name, {@code @PID.5.2} given name, {@code @PID.7.1} birth date,
 * {@code @PID.8} sex, {@code @PID.3.1} and {@code @PID.3.4.2} an identifier; a trailing
 * {@code *} matches by prefix), the domains to return in QPD-8 and the page size in RCP-2.
 * RSP^K22 carries one PID per patient (QAK-2 OK, or NF when none matches) and, when more
 * match, DSC-1 a continuation pointer: the same query with the same query tag (QPD-2) and that
 * pointer in DSC-1 gets the next page (ITI TF-2a 3.21.4.1.3.5).
 */
final class PatientDemographicsQuery implements Transaction {

    /** Page size when RCP-2 gives none, and the most one page may hold. */
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 500;

    private final PatientRegistry registry;
    private final PdqContinuations continuations;

    PatientDemographicsQuery(PatientRegistry registry, PdqContinuations continuations) {
        this.registry = registry;
        this.continuations = continuations;
    }

    @Override
    public Message answer(Message request) throws HL7Exception {
        try {
            Segment qpd = (Segment) request.get("QPD");
            String queryTag = Terser.get(qpd, 2, 0, 1, 1);
            if (Cx.blank(queryTag)) {
                throw Hl7Errors.error(ErrorCode.REQUIRED_FIELD_MISSING, Hl7Errors.field("QPD", 2),
                        "QPD-2, the query tag, is required");
            }
            String pointer = Terser.get((Segment) request.get("DSC"), 1, 0, 1, 1);
            Integer asked = pageSize((Segment) request.get("RCP"));
            if (!Cx.blank(pointer)) {
                PdqContinuations.Pending pending = continuations.take(pointer.trim(), queryTag).orElseThrow(() ->
                        Hl7Errors.error(ErrorCode.UNKNOWN_KEY_IDENTIFIER, Hl7Errors.field("DSC", 1),
                                "unknown or expired continuation pointer for this query tag"));
                return page(request, queryTag, pending.query(), pending.domains(), pending.offset(),
                        asked == null ? pending.pageSize() : asked);
            }
            return page(request, queryTag, criteria(qpd), QueryResponses.domains(qpd, 8, registry), 0,
                    asked == null ? DEFAULT_PAGE : asked);
        } catch (HL7Exception error) {
            return QueryResponses.refuse(request, new RSP_K21(), "K22", error);
        }
    }

    private Message page(Message request, String queryTag, PatientQuery query, Set<String> domains, int offset,
                         int pageSize) throws HL7Exception {
        List<Patient> found;
        try {
            found = registry.search(query, offset, pageSize + 1);
        } catch (PatientRegistryException refused) {
            throw Hl7Errors.of(refused, Hl7Errors.field("QPD", 3));
        }
        boolean more = found.size() > pageSize;
        List<Patient> page = more ? found.subList(0, pageSize) : found;
        RSP_K21 response = QueryResponses.respond(request, new RSP_K21(), "K22", AcknowledgmentCode.AA,
                page.isEmpty() ? "NF" : "OK");
        for (int i = 0; i < page.size(); i++) {
            PidWriter.write(response.getQUERY_RESPONSE(i).getPID(), i + 1, page.get(i), domains);
        }
        Terser.set(response.getQAK(), 5, 0, 1, 1, Integer.toString(page.size()));
        if (more) {
            String next = continuations.save(queryTag, query, domains, offset + pageSize, pageSize);
            Terser.set(response.getDSC(), 1, 0, 1, 1, next);
            Terser.set(response.getDSC(), 2, 0, 1, 1, "I");
        }
        return response;
    }

    /** QPD-3, each repetition a search field name (QIP.1) and its value (QIP.2). */
    private PatientQuery criteria(Segment qpd) throws HL7Exception {
        String family = null;
        String given = null;
        Sex sex = null;
        LocalDate birthDate = null;
        String id = null;
        String authority = null;
        int count = Cx.repetitions(qpd, 3);
        for (int rep = 0; rep < count; rep++) {
            String name = Terser.get(qpd, 3, rep, 1, 1);
            String value = Terser.get(qpd, 3, rep, 2, 1);
            Location where = Hl7Errors.component("QPD", 3, rep + 1, 2);
            if (Cx.blank(name) || Cx.blank(value)) {
                throw Hl7Errors.error(ErrorCode.REQUIRED_FIELD_MISSING, where, "a search field needs a name and a value");
            }
            value = value.trim();
            switch (name.trim()) {
                case "@PID.5.1", "@PID.5.1.1" -> family = value;
                case "@PID.5.2" -> given = value;
                case "@PID.7", "@PID.7.1" -> birthDate = date(value, where);
                case "@PID.8" -> sex = sex(value, where);
                case "@PID.3.1" -> id = value;
                case "@PID.3.4.2" -> authority = value;
                default -> throw Hl7Errors.error(ErrorCode.TABLE_VALUE_NOT_FOUND,
                        Hl7Errors.component("QPD", 3, rep + 1, 1), "this search field is not supported");
            }
        }
        PatientId identifier = identifier(id, authority);
        PatientQuery query = new PatientQuery(family, given, sex, birthDate, null, identifier);
        if (query.isEmpty()) {
            throw Hl7Errors.error(ErrorCode.REQUIRED_FIELD_MISSING, Hl7Errors.field("QPD", 3),
                    "QPD-3 needs at least one search field");
        }
        return query;
    }

    private PatientId identifier(String id, String authority) throws HL7Exception {
        if (id == null && authority == null) {
            return null;
        }
        if (id == null || authority == null || !PatientId.isOid(authority)) {
            throw Hl7Errors.error(ErrorCode.DATA_TYPE_ERROR, Hl7Errors.field("QPD", 3),
                    "an identifier search needs @PID.3.1 and @PID.3.4.2 (an OID)");
        }
        try {
            return registry.checkedIdentifier(new PatientId(id, authority));
        } catch (PatientRegistryException refused) {
            throw Hl7Errors.of(refused, Hl7Errors.field("QPD", 3));
        }
    }

    private static LocalDate date(String value, Location where) throws HL7Exception {
        try {
            if (!value.matches("\\d{8}")) {
                throw new NumberFormatException();
            }
            return LocalDate.of(Integer.parseInt(value.substring(0, 4)), Integer.parseInt(value.substring(4, 6)),
                    Integer.parseInt(value.substring(6, 8)));
        } catch (RuntimeException e) {
            throw Hl7Errors.error(ErrorCode.DATA_TYPE_ERROR, where, "a birth date is searched as YYYYMMDD");
        }
    }

    private static Sex sex(String value, Location where) throws HL7Exception {
        Sex sex = Sex.fromCode(value);
        if (sex == null) {
            throw Hl7Errors.error(ErrorCode.TABLE_VALUE_NOT_FOUND, where, "sex must be a code of HL7 table 0001");
        }
        return sex;
    }

    /** RCP-2 quantity limit (CQ, unit RD records), capped; null when not given. */
    private static Integer pageSize(Segment rcp) throws HL7Exception {
        String quantity = Terser.get(rcp, 2, 0, 1, 1);
        if (Cx.blank(quantity)) {
            return null;
        }
        try {
            int value = Integer.parseInt(quantity.trim());
            if (value < 1) {
                throw new NumberFormatException();
            }
            return Math.min(value, MAX_PAGE);
        } catch (NumberFormatException e) {
            throw Hl7Errors.error(ErrorCode.DATA_TYPE_ERROR, Hl7Errors.component("RCP", 2, 1, 1),
                    "RCP-2 must be a positive number of records");
        }
    }
}
