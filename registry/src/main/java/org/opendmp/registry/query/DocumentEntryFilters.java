package org.opendmp.registry.query;

import java.util.List;
import org.opendmp.registry.ebrim.XdsVocabulary;

/** The DocumentEntry filters that several stored queries share. */
final class DocumentEntryFilters {

    private DocumentEntryFilters() {
    }

    /** $XDSDocumentEntryType: stable, on-demand or both; stable when not given (ITI TF-2a 3.18.4.1.2.3.6.2). */
    static void entryType(Sql sql, QueryParameters parameters) {
        List<String> types = parameters.list("$XDSDocumentEntryType");
        sql.in("d.object_type", types.isEmpty() ? List.of(XdsVocabulary.DOCUMENT_ENTRY_STABLE) : types);
    }

    /**
     * The queries without a status parameter (GetDocuments, GetSubmissionSetAndContents, ...)
     * return IHE statuses only: a DMP-archived or deleted DocumentEntry is found only by a query
     * whose $XDSDocumentEntryStatus lists its status (FindDocuments, GetAll).
     */
    static void withoutArchivedOrDeleted(Sql sql) {
        sql.condition("d.status NOT IN (?,?)", XdsVocabulary.STATUS_ARCHIVED, XdsVocabulary.STATUS_DELETED);
    }

    static void formatAndConfidentiality(Sql sql, QueryParameters parameters) {
        sql.in("d.format_code", parameters.list("$XDSDocumentEntryFormatCode"));
        sql.documentEntryCodes("confidentialityCode", parameters.andOfOrs("$XDSDocumentEntryConfidentialityCode"));
    }
}
