package org.opendmp.audit.event;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The query of a query transaction, as IHE asks to record it in the Query Parameters participant object.
 *
 * @param id              ITI-18: the stored query id ({@code urn:uuid:...}); HL7v2: the query tag (QPD-2);
 *                        HL7v3: the query id ({@code extension@root}); DMP lists: a name of the query
 * @param payload         ITI-18: the whole AdhocQueryRequest; HL7v2: the QPD segment; HL7v3: the
 *                        {@code queryByParameter} element; or {@code null}
 * @param homeCommunityId ITI-18: the home community id of the request, or {@code null}
 */
public record AuditedQuery(String id, byte[] payload, String homeCommunityId) {

    public AuditedQuery {
        Objects.requireNonNull(id, "id");
    }

    /** A query with its payload as text, kept in UTF-8. */
    public static AuditedQuery of(String id, String payload) {
        return new AuditedQuery(id, payload == null ? null : payload.getBytes(StandardCharsets.UTF_8), null);
    }
}
