package org.opendmp.registry.query;

import java.util.List;

/** FindDocuments: a patient's DocumentEntries matching codes, times, authors and status. */
public final class FindDocuments implements StoredQuery {

    public static final String ID = "urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "FindDocuments";
    }

    @Override
    public List<Row> execute(QueryParameters p, QueryContext context) {
        return context.select("document_entry", "d", criteria(p), "d.creation_time, d.uuid");
    }

    /** The FindDocuments parameters (ITI TF-2a 3.18.4.1.2.3.7.1), shared by FindDocumentsByReferenceId. */
    static Sql criteria(QueryParameters p) {
        Sql sql = new Sql()
                .eq("d.patient_id", QueryContext.patientId(p.single("$XDSDocumentEntryPatientId", true),
                        "$XDSDocumentEntryPatientId"))
                .in("d.status", p.requiredList("$XDSDocumentEntryStatus"))
                .in("d.class_code", p.list("$XDSDocumentEntryClassCode"))
                .in("d.type_code", p.list("$XDSDocumentEntryTypeCode"))
                .in("d.practice_setting_code", p.list("$XDSDocumentEntryPracticeSettingCode"))
                .in("d.healthcare_facility_type_code", p.list("$XDSDocumentEntryHealthcareFacilityTypeCode"))
                .atLeast("d.creation_time", QueryContext.time(p, "$XDSDocumentEntryCreationTimeFrom"))
                .before("d.creation_time", QueryContext.time(p, "$XDSDocumentEntryCreationTimeTo"))
                .atLeast("d.service_start_time", QueryContext.time(p, "$XDSDocumentEntryServiceStartTimeFrom"))
                .before("d.service_start_time", QueryContext.time(p, "$XDSDocumentEntryServiceStartTimeTo"))
                .atLeast("d.service_stop_time", QueryContext.time(p, "$XDSDocumentEntryServiceStopTimeFrom"))
                .before("d.service_stop_time", QueryContext.time(p, "$XDSDocumentEntryServiceStopTimeTo"))
                .documentEntryCodes("eventCodeList", p.andOfOrs("$XDSDocumentEntryEventCodeList"))
                .authorLike("document_entry_author", "entry_uuid", "d.uuid", p.list("$XDSDocumentEntryAuthorPerson"));
        DocumentEntryFilters.formatAndConfidentiality(sql, p);
        DocumentEntryFilters.entryType(sql, p);
        return sql;
    }
}
