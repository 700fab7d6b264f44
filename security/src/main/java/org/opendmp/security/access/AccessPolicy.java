package org.opendmp.security.access;

import java.util.Objects;

import org.opendmp.security.actor.Actor;
import org.opendmp.security.actor.PurposeOfUse;

/**
 * The DMP's access policy: whether a caller (an {@link Actor} from a validated VIHF) may run a
 * transaction on a patient's record, and which of its documents they may see or change. Pure logic
 * over {@link AccessRules}; thread-safe; cheap enough to call per document of a query result.
 *
 * <p>Callers first call {@link #decide} before looking anything up; then, for document transactions,
 * {@link #canSee} or {@link #decideOnDocument} per document. A denial whose reason
 * {@linkplain DenialReason#concealsDocument() conceals the document} must be answered exactly as an
 * unknown document.
 */
public final class AccessPolicy {

    /** availabilityStatus of a deleted document (DMP): never visible to professionals. */
    public static final String DELETED_STATUS = "urn:asip:ci-sis:2010:StatusType:Deleted";
    /** classCode (TRE_A03) of the documents the patient deposited. */
    public static final String PATIENT_DOCUMENTS_CLASS = "90";

    private final AccessRules rules;

    public AccessPolicy(AccessRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** The policy of the built-in rules. */
    public static AccessPolicy defaults() {
        return new AccessPolicy(AccessRules.defaults());
    }

    /** The rules this policy applies. */
    public AccessRules rules() {
        return rules;
    }

    /**
     * How the rights matrix sees {@code actor}.
     *
     * @param patient the patient's context, or {@code null} for a transaction about no one patient
     */
    public ActorCategory categorize(Actor actor, PatientContext patient) {
        return new ActorCategory(AuthenticationKind.of(actor), role(actor, patient), mode(actor));
    }

    /**
     * Whether {@code actor} may run {@code transaction}, before any document is considered.
     *
     * @param patient the patient's record and the actor's relation to it; may be {@code null} only for a
     *                transaction about no one patient (TD0.4, TD0.5, REMOVE), or when the deciding row has no
     *                conditions (TD1.1)
     * @throws IllegalArgumentException when the deciding row has conditions and {@code patient} is null
     */
    public Decision decide(Actor actor, DmpTransaction transaction, PatientContext patient) {
        AuthenticationKind authentication = AuthenticationKind.of(actor);
        ActorRole role = role(actor, patient);
        PurposeOfUse mode = mode(actor);
        return decision(denial(transaction, authentication, role, mode, patient));
    }

    /** What {@code actor} may learn of {@code document} in a search (TD3.1). */
    public Visibility visibility(Actor actor, PatientContext patient, DocumentFacts document) {
        AuthenticationKind authentication = AuthenticationKind.of(actor);
        ActorRole role = role(actor, patient);
        PurposeOfUse mode = mode(actor);
        RightsMatrix.Rule read = rules.matrix().rule(DmpTransaction.TD3_1, authentication, role, mode);
        if (denial(read, DmpTransaction.TD3_1, role, mode, patient) != null
                || hiddenBecause(read, actor, authentication, role, mode, document) != null) {
            return Visibility.NOT_VISIBLE;
        }
        return read.referenceOnly() ? Visibility.REFERENCE_ONLY : Visibility.VISIBLE;
    }

    /** Whether {@code document} may appear in {@code actor}'s search results (TD3.1). */
    public boolean canSee(Actor actor, PatientContext patient, DocumentFacts document) {
        return visibility(actor, patient, document).visible();
    }

    /**
     * Whether {@code actor} may run a document transaction (TD3.x) on {@code document}: the transaction
     * must be allowed, then the document visible (TD3.1), visible in full (TD3.2), or the actor its author
     * or the treating doctor as each TD3.3 operation requires.
     *
     * @throws IllegalArgumentException when {@code transaction} is not about documents
     */
    public Decision decideOnDocument(Actor actor, DmpTransaction transaction, PatientContext patient,
            DocumentFacts document) {
        if (!transaction.aboutDocuments()) {
            throw new IllegalArgumentException(transaction.tdName() + " is not a document transaction");
        }
        Objects.requireNonNull(document, "document");
        AuthenticationKind authentication = AuthenticationKind.of(actor);
        ActorRole role = role(actor, patient);
        PurposeOfUse mode = mode(actor);
        RightsMatrix.Rule rule = rules.matrix().rule(transaction, authentication, role, mode);
        DenialReason denial = denial(rule, transaction, role, mode, patient);
        if (denial != null) {
            return decision(denial);
        }
        return decision(switch (transaction) {
            case TD3_1, TD3_2 -> hiddenBecause(rule, actor, authentication, role, mode, document);
            case TD3_3A, TD3_3B -> confidentialityChangeDenial(actor, authentication, role, mode, patient, document);
            case TD3_3C, TD3_3D -> lifecycleChangeDenial(actor, authentication, role, mode, patient, document);
            default -> throw new IllegalStateException(transaction.tdName());
        });
    }

    private DenialReason denial(DmpTransaction transaction, AuthenticationKind authentication, ActorRole role,
            PurposeOfUse mode, PatientContext patient) {
        return denial(rules.matrix().rule(transaction, authentication, role, mode), transaction, role, mode, patient);
    }

    private static DenialReason denial(RightsMatrix.Rule rule, DmpTransaction transaction, ActorRole role,
            PurposeOfUse mode, PatientContext patient) {
        if (rule == null || !rule.allows()) {
            return DenialReason.TRANSACTION_NOT_ALLOWED;
        }
        for (Condition condition : rule.conditions()) {
            if (patient == null) {
                throw new IllegalArgumentException(transaction.tdName() + " needs the patient's context (rights matrix line "
                        + rule.line() + ")");
            }
            if (!condition.holds(role, mode, patient)) {
                return condition.reason();
            }
        }
        return null;
    }

    /**
     * Why {@code document} is hidden from a reader under {@code rule} (TD3.1 or TD3.2), or {@code null}.
     * Own documents are visible whatever their type or masking; others need the profession's grid and, when
     * hidden from professionals, the treating doctor in normal mode.
     */
    private DenialReason hiddenBecause(RightsMatrix.Rule rule, Actor actor, AuthenticationKind authentication,
            ActorRole role, PurposeOfUse mode, DocumentFacts document) {
        if (DELETED_STATUS.equals(document.availabilityStatus())) {
            return DenialReason.DOCUMENT_DELETED;
        }
        boolean own = owns(actor, authentication, document);
        if (rule.referenceOnly()) {
            return own ? null : DenialReason.NOT_OWN_DOCUMENT;
        }
        if (own) {
            return null;
        }
        if (document.confidentialityCodes().contains(DocumentFacts.MASQUE_PS)
                && !(role == ActorRole.TREATING_DOCTOR && mode == PurposeOfUse.NORMAL)) {
            return DenialReason.DOCUMENT_MASKED;
        }
        if (!rules.documentTypes().allows(actor.role().code(), document.typeCodeScheme(), document.typeCode())) {
            return DenialReason.DOCUMENT_TYPE_NOT_ALLOWED;
        }
        return null;
    }

    /** Why {@code actor} cannot find {@code document} with a search (TD3.1), or {@code null}. */
    private DenialReason unfindableBecause(Actor actor, AuthenticationKind authentication, ActorRole role,
            PurposeOfUse mode, PatientContext patient, DocumentFacts document) {
        RightsMatrix.Rule read = rules.matrix().rule(DmpTransaction.TD3_1, authentication, role, mode);
        if (denial(read, DmpTransaction.TD3_1, role, mode, patient) != null) {
            return DenialReason.DOCUMENT_NOT_VISIBLE;
        }
        return hiddenBecause(read, actor, authentication, role, mode, document);
    }

    /** TD3.3a and TD3.3b: the author (even without read rights), or the treating doctor who can see it. */
    private DenialReason confidentialityChangeDenial(Actor actor, AuthenticationKind authentication, ActorRole role,
            PurposeOfUse mode, PatientContext patient, DocumentFacts document) {
        if (DELETED_STATUS.equals(document.availabilityStatus())) {
            return DenialReason.DOCUMENT_DELETED;
        }
        if (owns(actor, authentication, document)) {
            return null;
        }
        DenialReason hidden = unfindableBecause(actor, authentication, role, mode, patient, document);
        if (hidden != null) {
            return hidden;
        }
        return role == ActorRole.TREATING_DOCTOR ? null : DenialReason.NOT_AUTHOR_OR_TREATING_DOCTOR;
    }

    /** TD3.3c and TD3.3d: one's own documents; the patient's documents (classCode 90): the treating doctor. */
    private DenialReason lifecycleChangeDenial(Actor actor, AuthenticationKind authentication, ActorRole role,
            PurposeOfUse mode, PatientContext patient, DocumentFacts document) {
        if (DELETED_STATUS.equals(document.availabilityStatus())) {
            return DenialReason.DOCUMENT_DELETED;
        }
        boolean patientDocument = PATIENT_DOCUMENTS_CLASS.equals(document.classCode());
        if (!patientDocument && owns(actor, authentication, document)) {
            return null;
        }
        DenialReason hidden = unfindableBecause(actor, authentication, role, mode, patient, document);
        if (hidden != null) {
            return hidden;
        }
        if (patientDocument) {
            return role == ActorRole.TREATING_DOCTOR ? null : DenialReason.TREATING_DOCTOR_ONLY;
        }
        return DenialReason.NOT_AUTHOR;
    }

    /**
     * Whether {@code document} is the actor's own: an authorPerson is the actor, or, for a caller acting on
     * behalf of its facility (CPE, indirect modes), an authorInstitution is the actor's facility.
     */
    private static boolean owns(Actor actor, AuthenticationKind authentication, DocumentFacts document) {
        String person = actor.professionalId();
        if (person != null && document.authorPersonIds().contains(person)) {
            return true;
        }
        String facility = actor.facilityId();
        return authentication.onBehalfOfFacility() && facility != null
                && document.authorInstitutionIds().contains(facility);
    }

    private ActorRole role(Actor actor, PatientContext patient) {
        return ActorRole.of(actor, patient, rules.occupationalPhysicianSpecialties());
    }

    private static PurposeOfUse mode(Actor actor) {
        PurposeOfUse mode = actor.purposeOfUse();
        if (mode == null) {
            throw new IllegalArgumentException("the actor has no access mode");
        }
        return mode;
    }

    private static Decision decision(DenialReason reason) {
        return reason == null ? Decision.allow() : Decision.deny(reason);
    }
}
