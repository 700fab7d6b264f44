package org.opendmp.registry.access;

import java.util.Objects;

/**
 * What one caller may do, as the registry and repository enforce it: which DocumentEntries they
 * see, and the guards of the transactions that change the registry. The server builds one per
 * request from the caller's VIHF and the access policy; {@link #UNRESTRICTED} is the caller of
 * the embedded mode and of tests. {@code patientScope}, when set, is the only patient whose objects
 * stored queries return.
 */
public record Access(DocumentVisibility visibility, SubmissionGuard submission, UpdateGuard update,
                     RemovalGuard removal, String patientScope) {

    /** Sees everything, may do everything: the registry behaves as plain IHE XDS. */
    public static final Access UNRESTRICTED =
            new Access(DocumentVisibility.ALL, SubmissionGuard.ALLOW, UpdateGuard.ALLOW, RemovalGuard.ALLOW, null);

    public Access {
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(removal, "removal");
    }

    /** Whether some DocumentEntries may be hidden from this caller. */
    public boolean restricted() {
        return visibility != DocumentVisibility.ALL || patientScope != null;
    }

    /**
     * This access confined to one patient ({@code id^^^&oid&ISO}, as stored): stored queries then answer
     * only that patient's SubmissionSets, Folders, DocumentEntries and Associations, whatever they ask for.
     */
    public Access withPatientScope(String patient) {
        return new Access(visibility, submission, update, removal, patient);
    }

    public Access withVisibility(DocumentVisibility visibility) {
        return new Access(visibility, submission, update, removal, patientScope);
    }

    public Access withSubmission(SubmissionGuard submission) {
        return new Access(visibility, submission, update, removal, patientScope);
    }

    public Access withUpdate(UpdateGuard update) {
        return new Access(visibility, submission, update, removal, patientScope);
    }

    public Access withRemoval(RemovalGuard removal) {
        return new Access(visibility, submission, update, removal, patientScope);
    }
}
