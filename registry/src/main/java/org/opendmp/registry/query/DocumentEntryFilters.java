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

    static void formatAndConfidentiality(Sql sql, QueryParameters parameters) {
        sql.in("d.format_code", parameters.list("$XDSDocumentEntryFormatCode"));
        sql.documentEntryCodes("confidentialityCode", parameters.andOfOrs("$XDSDocumentEntryConfidentialityCode"));
    }
}
