package org.opendmp.registry.query;

import java.util.ArrayList;
import java.util.List;

/** GetAll: every SubmissionSet, DocumentEntry and Folder of a patient, and the Associations among them. */
public final class GetAll implements StoredQuery {

    public static final String ID = "urn:uuid:10b545ea-725c-446d-9b95-8aeb444eddf3";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "GetAll";
    }

    @Override
    public List<Row> execute(QueryParameters p, QueryContext context) {
        String patient = QueryContext.patientId(p.single("$patientId", true), "$patientId");
        Sql documents = new Sql().eq("d.patient_id", patient).in("d.status", p.requiredList("$XDSDocumentEntryStatus"));
        DocumentEntryFilters.formatAndConfidentiality(documents, p);
        DocumentEntryFilters.entryType(documents, p);
        Sql sets = new Sql().eq("s.patient_id", patient).in("s.status", p.requiredList("$XDSSubmissionSetStatus"));
        Sql folders = new Sql().eq("f.patient_id", patient).in("f.status", p.requiredList("$XDSFolderStatus"));

        List<Row> rows = new ArrayList<>(context.select("submission_set", "s", sets, "s.submission_time, s.uuid"));
        rows.addAll(context.select("document_entry", "d", documents, "d.creation_time, d.uuid"));
        rows.addAll(context.select("folder", "f", folders, "f.uuid"));
        rows.addAll(context.associationsAmong(rows.stream().map(Row::uuid).toList()));
        return rows;
    }
}
