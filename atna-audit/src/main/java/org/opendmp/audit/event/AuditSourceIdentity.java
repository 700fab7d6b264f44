package org.opendmp.audit.event;

import java.util.Objects;

/**
 * Who writes the audit messages: the AuditSourceIdentification of every message, and this server as a
 * participant (its process id is the AlternativeUserID IHE asks for).
 *
 * @param auditSourceId    {@code AuditSourceID}: names this server (instance) among the ARR's sources,
 *                         for example {@code opendmp@dmp1.example.fr}
 * @param enterpriseSiteId {@code AuditEnterpriseSiteID}: the operator, for example its facility id or OID;
 *                         or {@code null}
 * @param processId        this process's id
 */
public record AuditSourceIdentity(String auditSourceId, String enterpriseSiteId, String processId) {

    public AuditSourceIdentity {
        Objects.requireNonNull(auditSourceId, "auditSourceId");
        Objects.requireNonNull(processId, "processId");
    }

    /** This process, under the given names. */
    public static AuditSourceIdentity of(String auditSourceId, String enterpriseSiteId) {
        return new AuditSourceIdentity(auditSourceId, enterpriseSiteId, Long.toString(ProcessHandle.current().pid()));
    }
}
