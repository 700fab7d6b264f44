package org.opendmp.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Fluent builder of an ITI-18 AdhocQueryRequest. Parameter values are written in the stored query
 * syntax of ITI TF-2a 3.18.4.1.2.3.5: strings in single quotes, lists in parentheses, times
 * unquoted. Calling a parameter method twice with the same name adds a second Slot (AND semantics
 * for $XDSDocumentEntryEventCodeList and $XDSDocumentEntryConfidentialityCode).
 */
public final class StoredQuery {

    private record Param(String name, List<String> values) {
    }

    private final String queryId;
    private String returnType = "LeafClass";
    private final List<Param> params = new ArrayList<>();

    private StoredQuery(String queryId) {
        this.queryId = queryId;
    }

    public static StoredQuery of(String queryId) {
        return new StoredQuery(queryId);
    }

    /** FindDocuments for the patient, status Approved. */
    public static StoredQuery findDocuments(String patientCx) {
        return of(Xds.FIND_DOCUMENTS).string("$XDSDocumentEntryPatientId", patientCx)
                .list("$XDSDocumentEntryStatus", Xds.APPROVED);
    }

    /** FindSubmissionSets for the patient, status Approved. */
    public static StoredQuery findSubmissionSets(String patientCx) {
        return of(Xds.FIND_SUBMISSION_SETS).string("$XDSSubmissionSetPatientId", patientCx)
                .list("$XDSSubmissionSetStatus", Xds.APPROVED);
    }

    public static StoredQuery getDocumentsByUniqueId(String... uniqueIds) {
        return of(Xds.GET_DOCUMENTS).list("$XDSDocumentEntryUniqueId", uniqueIds);
    }

    public static StoredQuery getDocumentsByUuid(String... uuids) {
        return of(Xds.GET_DOCUMENTS).list("$XDSDocumentEntryEntryUUID", uuids);
    }

    public StoredQuery leafClass() {
        returnType = "LeafClass";
        return this;
    }

    public StoredQuery objectRef() {
        returnType = "ObjectRef";
        return this;
    }

    /** A single-valued string parameter: {@code 'value'}. */
    public StoredQuery string(String name, String value) {
        return raw(name, quote(value));
    }

    /** A list parameter: {@code ('a','b')}. */
    public StoredQuery list(String name, String... values) {
        return raw(name, "(" + Arrays.stream(values).map(StoredQuery::quote).collect(Collectors.joining(",")) + ")");
    }

    /** A coded parameter: {@code ('code^^scheme','code2^^scheme2')}. */
    public StoredQuery codes(String name, Code... codes) {
        return list(name, Arrays.stream(codes).map(Code::queryValue).toArray(String[]::new));
    }

    /** A time parameter (unquoted DTM). */
    public StoredQuery time(String name, String dtm) {
        return raw(name, dtm);
    }

    /** A Slot with exactly these Value texts. */
    public StoredQuery raw(String name, String... valueTexts) {
        params.add(new Param(name, List.of(valueTexts)));
        return this;
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** The AdhocQueryRequest element. */
    public String body() {
        StringBuilder slots = new StringBuilder();
        for (Param param : params) {
            slots.append(Slots.render(param.name(), param.values()));
        }
        return Template.of("iti18/adhoc-query.xml").with("returnType", returnType).with("queryId", queryId)
                .withXml("slots", slots.toString()).render();
    }
}
