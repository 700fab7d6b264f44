package org.opendmp.registry.query;

import java.util.List;

/** FindSubmissionSets: a patient's SubmissionSets by source, time, author, content type and status. */
public final class FindSubmissionSets implements StoredQuery {

    public static final String ID = "urn:uuid:f26abbcb-ac74-4422-8a30-edb644bbc1a9";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "FindSubmissionSets";
    }

    @Override
    public List<Row> execute(QueryParameters p, QueryContext context) {
        String author = p.single("$XDSSubmissionSetAuthorPerson", false);
        Sql sql = new Sql()
                .eq("s.patient_id", QueryContext.patientId(p.single("$XDSSubmissionSetPatientId", true),
                        "$XDSSubmissionSetPatientId"))
                .in("s.status", p.requiredList("$XDSSubmissionSetStatus"))
                .in("s.source_id", p.list("$XDSSubmissionSetSourceId"))
                .in("s.content_type_code", p.list("$XDSSubmissionSetContentType"))
                .atLeast("s.submission_time", QueryContext.time(p, "$XDSSubmissionSetSubmissionTimeFrom"))
                .before("s.submission_time", QueryContext.time(p, "$XDSSubmissionSetSubmissionTimeTo"))
                .authorLike("submission_set_author", "set_uuid", "s.uuid", author == null ? List.of() : List.of(author));
        return context.select("submission_set", "s", sql, "s.submission_time, s.uuid");
    }
}
