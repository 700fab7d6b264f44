package org.opendmp.registry.submit;

import static org.opendmp.registry.ebrim.XdsVocabulary.HAS_MEMBER;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.registry.model.Association;
import org.opendmp.registry.model.Submission;
import org.opendmp.registry.store.RegistryStore.Kind;

/**
 * HasMember Associations (ITI TF-3 4.2.2.1): from the SubmissionSet to what it submits
 * (DocumentEntries, Folders, Folder-to-DocumentEntry HasMember Associations) or references
 * (registered DocumentEntries, SubmissionSetStatus Reference); from a Folder, new or registered,
 * to a DocumentEntry, new or registered. A registered Folder getting a member has its
 * lastUpdateTime set to the submission's time (ITI TF-3 4.2.3.4.x Folder.lastUpdateTime).
 */
final class Membership {

    private Membership() {
    }

    static void check(Submission submission, Association a, KnownObjects known) {
        String set = submission.submissionSet().entryUuid();
        Kind source = known.kind(a.sourceObject());
        Kind target = known.kind(a.targetObject());
        if (a.sourceObject().equals(set)) {
            boolean submitted = known.isSubmitted(a.targetObject());
            if (submitted && target == Kind.ASSOCIATION && !isFolderMembership(submission, a.targetObject(), known)) {
                throw refused("a SubmissionSet has as member Associations only the Folder-to-DocumentEntry HasMember ones", a);
            }
            if (target == Kind.SUBMISSION_SET || (!submitted && target != Kind.DOCUMENT_ENTRY)) {
                throw refused("a SubmissionSet references (SubmissionSetStatus Reference) registered DocumentEntries only", a);
            }
        } else if (source == Kind.FOLDER) {
            if (target != Kind.DOCUMENT_ENTRY) {
                throw refused("a Folder has DocumentEntries as members", a);
            }
        } else {
            throw refused("HasMember goes from the SubmissionSet or a Folder to a member", a);
        }
    }

    /**
     * The registered Folders that get new members with this checked submission: the sources of
     * HasMember Associations other than the SubmissionSet and the submission's own Folders.
     */
    static Set<String> registeredFoldersGettingMembers(Submission submission) {
        Set<String> folders = new LinkedHashSet<>();
        Set<String> submitted = new HashSet<>();
        submitted.add(submission.submissionSet().entryUuid());
        submission.folders().forEach(folder -> submitted.add(folder.entryUuid()));
        for (Association a : submission.associations()) {
            if (HAS_MEMBER.equals(a.type()) && !submitted.contains(a.sourceObject())) {
                folders.add(a.sourceObject());
            }
        }
        return folders;
    }

    private static boolean isFolderMembership(Submission submission, String associationUuid, KnownObjects known) {
        return submission.associations().stream().anyMatch(member -> member.entryUuid().equals(associationUuid)
                && HAS_MEMBER.equals(member.type()) && known.kind(member.sourceObject()) == Kind.FOLDER);
    }

    private static XdsException refused(String rule, Association a) {
        return new XdsException(XdsErrorCode.XDSRegistryMetadataError, rule, a.entryUuid());
    }
}
