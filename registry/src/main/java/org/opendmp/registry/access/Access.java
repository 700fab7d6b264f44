package org.opendmp.registry.access;

import java.util.Objects;

/**
 * What one caller may do, as the registry and repository enforce it: which DocumentEntries they
 * see, and the guards of the transactions that change the registry. The server builds one per
 * request from the caller's VIHF and the access policy; {@link #UNRESTRICTED} is the caller of
 * the embedded mode and of tests.
 */
public record Access(DocumentVisibility visibility, SubmissionGuard submission, UpdateGuard update,
                     RemovalGuard removal) {

    /** Sees everything, may do everything: the registry behaves as plain IHE XDS. */
    public static final Access UNRESTRICTED =
            new Access(DocumentVisibility.ALL, SubmissionGuard.ALLOW, UpdateGuard.ALLOW, RemovalGuard.ALLOW);

    public Access {
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(removal, "removal");
    }

    /** Whether some DocumentEntries may be hidden from this caller. */
    public boolean restricted() {
        return visibility != DocumentVisibility.ALL;
    }

    public Access withVisibility(DocumentVisibility visibility) {
        return new Access(visibility, submission, update, removal);
    }

    public Access withSubmission(SubmissionGuard submission) {
        return new Access(visibility, submission, update, removal);
    }

    public Access withUpdate(UpdateGuard update) {
        return new Access(visibility, submission, update, removal);
    }

    public Access withRemoval(RemovalGuard removal) {
        return new Access(visibility, submission, update, removal);
    }
}
