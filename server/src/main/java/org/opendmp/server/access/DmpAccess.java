package org.opendmp.server.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opendmp.pixpdq.habilitation.Habilitations;
import org.opendmp.pixpdq.habilitation.Relation;
import org.opendmp.pixpdq.patient.Dmp;
import org.opendmp.pixpdq.patient.Patient;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.pixpdq.patient.PatientRegistry;
import org.opendmp.registry.access.Access;
import org.opendmp.registry.access.DocumentVisibility;
import org.opendmp.registry.access.SubmissionGuard;
import org.opendmp.registry.access.UpdateGuard;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.security.access.AccessPolicy;
import org.opendmp.security.access.Decision;
import org.opendmp.security.access.DenialReason;
import org.opendmp.security.access.DmpTransaction;
import org.opendmp.security.access.DocumentFacts;
import org.opendmp.security.access.PatientContext;
import org.opendmp.security.actor.Actor;

/**
 * Applies the DMP's access rules ({@link AccessPolicy}) to one request: finds the VIHF's patient
 * ({@code resource-id}), the state of their DMP and the caller's standing on it, decides whether the
 * transaction is allowed at all, and builds the registry's {@link Access} (which documents the caller
 * sees, which submissions and changes it may make). Without an {@link Actor} (VIHF checking off and no
 * assertion) everything is allowed, as in a plain IHE setup.
 *
 * <p>Transaction refusals are {@link AccessDenied} (a WS-Security fault for the client); refusals about one
 * document inside a transaction are RegistryErrors; a document the caller may not see is never named.
 */
public final class DmpAccess {

    /**
     * Patient-service transactions whose service refuses a closed DMP itself, with the error code of the DMP's
     * contract (TD1.3b and TD1.4: HL7v3 AE 206 {@code DMP_CLOSED}; TD0.3: fault {@code DMPClosed}): a closed DMP
     * is not an authentication failure.
     */
    private static final Set<DmpTransaction> ANSWER_CLOSED_DMP =
            EnumSet.of(DmpTransaction.TD0_3, DmpTransaction.TD1_3B, DmpTransaction.TD1_4);

    /** The TD3.3 operations an ITI-57 request may carry. */
    private static final List<DmpTransaction> METADATA_UPDATES = List.of(DmpTransaction.TD3_3A,
            DmpTransaction.TD3_3B, DmpTransaction.TD3_3C, DmpTransaction.TD3_3D);

    /** The DMP's archived status: archiving and unarchiving are TD3.3d, other status changes TD3.3c. */
    private static final String ARCHIVED = "urn:asip:ci-sis:2010:StatusType:Archived";

    private final AccessPolicy policy;
    private final PatientRegistry patients;
    private final Habilitations habilitations;

    public DmpAccess(AccessPolicy policy, PatientRegistry patients, Habilitations habilitations) {
        this.policy = policy;
        this.patients = patients;
        this.habilitations = habilitations;
    }

    /** The policy in use. */
    public AccessPolicy policy() {
        return policy;
    }

    /**
     * The registry access of an XDS transaction: ITI-41/42 ({@code TD2_1}), ITI-18 ({@code TD3_1}), ITI-43
     * ({@code TD3_2}), ITI-57 ({@code TD3_3A} for all four TD3.3 operations: the change decides the exact rule),
     * ITI-62/86 ({@code REMOVE}).
     *
     * @throws AccessDenied when the caller may not run this transaction on this patient
     */
    public Access xds(Actor actor, DmpTransaction transaction) {
        if (actor == null) {
            return Access.UNRESTRICTED;
        }
        if (transaction == DmpTransaction.REMOVE) {
            require(policy.decide(actor, transaction, null));
            return Access.UNRESTRICTED;
        }
        Subject subject = subject(actor);
        if (transaction == DmpTransaction.TD3_3A) {
            return metadataUpdate(actor, subject);
        }
        Decision decision = policy.decide(actor, transaction, subject.context());
        if (!decision.allowed() && decision.reason() == DenialReason.DMP_CLOSED
                && transaction == DmpTransaction.TD2_1) {
            throw new XdsException(XdsErrorCode.XDSUnknownPatientId,
                    "this patient's DMP is closed: it takes no new documents");
        }
        require(decision);
        DocumentVisibility visibility = facts -> subject.owns(facts) && policy.canSee(actor, subject.context(), facts);
        return Access.UNRESTRICTED
                .withVisibility(visibility)
                .withPatientScope(subject.canonical())
                .withSubmission(submissionGuard(subject))
                .withUpdate(updateGuard(actor, subject));
    }

    /**
     * ITI-57: allowed when the matrix allows one of the TD3.3 operations (the change, read later, decides which
     * one applies). The documents the request may name are those the caller can find (TD3.1) and those a TD3.3
     * operation allows them anyway: their own, even without the right to read (a professional who fed without
     * an authorization may still hide or delete what they sent). Every other document is unknown to them.
     */
    private Access metadataUpdate(Actor actor, Subject subject) {
        PatientContext context = subject.context();
        List<Decision> decisions = METADATA_UPDATES.stream()
                .map(operation -> policy.decide(actor, operation, context)).toList();
        if (decisions.stream().noneMatch(Decision::allowed)) {
            require(decisions.get(0));
        }
        DocumentVisibility visibility = facts -> subject.owns(facts) && (policy.canSee(actor, context, facts)
                || METADATA_UPDATES.stream().anyMatch(operation ->
                        policy.decideOnDocument(actor, operation, context, facts).allowed()));
        return Access.UNRESTRICTED
                .withVisibility(visibility)
                .withPatientScope(subject.canonical())
                .withSubmission(submissionGuard(subject))
                .withUpdate(updateGuard(actor, subject));
    }

    /**
     * Checks a transaction of the patients or habilitations services ({@code TD0.x}, {@code TD1.x}).
     * {@code subject} is the INS the message is about, or null when it names none (TD0.4, TD0.5): it must
     * be the VIHF's patient.
     *
     * @throws AccessDenied when the caller may not run it
     */
    public void patientService(Actor actor, DmpTransaction transaction, PatientId subject) {
        if (actor == null) {
            return;
        }
        if (transaction == DmpTransaction.TD0_4 || transaction == DmpTransaction.TD0_5) {
            require(policy.decide(actor, transaction, null));
            return;
        }
        Subject vihfPatient = subject(actor);
        if (subject != null && !subject.canonical().equals(vihfPatient.canonical())) {
            throw new AccessDenied("the message is about another patient than the VIHF's resource-id");
        }
        Decision decision = policy.decide(actor, transaction, vihfPatient.context());
        if (!decision.allowed() && decision.reason() == DenialReason.DMP_CLOSED
                && ANSWER_CLOSED_DMP.contains(transaction)) {
            // the service answers a closed DMP in the transaction's own terms (HL7v3 AE 206, DMPClosed), as the
            // DMP does; the caller's other conditions (blocked, authorized) still apply
            decision = policy.decide(actor, transaction,
                    vihfPatient.context().withDmpStatus(PatientContext.DmpStatus.OPEN));
        }
        require(decision);
    }

    private SubmissionGuard submissionGuard(Subject subject) {
        return (patientId, newEntries) -> {
            if (!subject.canonical().equals(patientId)) {
                throw new XdsException(XdsErrorCode.XDSPatientIdDoesNotMatch,
                        "the submission's patient is not the VIHF's patient (resource-id)");
            }
        };
    }

    private UpdateGuard updateGuard(Actor actor, Subject subject) {
        return new UpdateGuard() {
            @Override
            public void newVersion(DocumentFacts latest, DocumentFacts next) {
                boolean masking = toggled(latest, next, DocumentFacts.MASQUE_PS);
                boolean patientVisibility = toggled(latest, next, DocumentFacts.INVISIBLE_PATIENT);
                if (patientVisibility) {
                    check(DmpTransaction.TD3_3B, latest);
                }
                if (masking || !patientVisibility) {
                    check(DmpTransaction.TD3_3A, latest);
                }
            }

            @Override
            public void statusChange(DocumentFacts entry, String originalStatus, String newStatus) {
                boolean archiving = ARCHIVED.equals(newStatus) || ARCHIVED.equals(originalStatus);
                check(archiving ? DmpTransaction.TD3_3D : DmpTransaction.TD3_3C, entry);
            }

            private void check(DmpTransaction transaction, DocumentFacts document) {
                Decision decision = policy.decide(actor, transaction, subject.context());
                if (decision.allowed()) {
                    decision = policy.decideOnDocument(actor, transaction, subject.context(), document);
                }
                if (!decision.allowed()) {
                    throw new XdsException(XdsErrorCode.XDSMetadataUpdateError, transaction.tdName()
                            + " refused: " + decision.clientMessage(), document.entryUuid());
                }
            }
        };
    }

    private static boolean toggled(DocumentFacts before, DocumentFacts after, String code) {
        return before.confidentialityCodes().contains(code) != after.confidentialityCodes().contains(code);
    }

    private static void require(Decision decision) {
        if (!decision.allowed()) {
            throw new AccessDenied(decision.clientMessage());
        }
    }

    /** The VIHF's patient, with the state of their DMP and the caller's standing. */
    private Subject subject(Actor actor) {
        PatientId ins = Habilitations.parseResourceId(actor.patientId());
        if (ins == null) {
            throw new AccessDenied("the VIHF must name the patient by INS in "
                    + "urn:oasis:names:tc:xacml:2.0:resource:resource-id (id^^^&INS-OID&ISO^NH)");
        }
        Optional<Patient> patient = patients.find(ins);
        Relation relation = patient.map(p -> habilitations.relation(p.ins(), actor.professionalId()))
                .orElse(Relation.NONE);
        Dmp dmp = patient.map(Patient::dmp).orElse(null);
        PatientContext context = new PatientContext(
                dmp == null || dmp.isOpen() ? PatientContext.DmpStatus.OPEN : PatientContext.DmpStatus.CLOSED,
                switch (relation.standing()) {
                    case NONE -> PatientContext.Authorization.NONE;
                    case ACTIVE -> PatientContext.Authorization.ACTIVE;
                    case BLOCKED -> PatientContext.Authorization.BLOCKED;
                },
                relation.treatingDoctor(),
                dmp != null && dmp.oppositionBrisDeGlace(),
                dmp != null && dmp.oppositionCentre15());
        return new Subject(patient.map(Patient::ins).orElse(ins).canonical(), context);
    }

    /** One patient as the registry stores them ({@code id^^^&oid&ISO}), and the caller's context on them. */
    private record Subject(String canonical, PatientContext context) {
        boolean owns(DocumentFacts facts) {
            return canonical.equals(facts.patientId());
        }
    }
}
