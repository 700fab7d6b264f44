package org.opendmp.pixpdq.habilitation;

import static org.opendmp.pixpdq.habilitation.HabilitationRefusal.Reason.BLOCKED_BY_PATIENT;
import static org.opendmp.pixpdq.habilitation.HabilitationRefusal.Reason.DMP_CLOSED;
import static org.opendmp.pixpdq.habilitation.HabilitationRefusal.Reason.INVALID_REQUEST;
import static org.opendmp.pixpdq.habilitation.HabilitationRefusal.Reason.NOT_A_DOCTOR;
import static org.opendmp.pixpdq.habilitation.HabilitationRefusal.Reason.PATIENT_REQUIRED;
import static org.opendmp.pixpdq.habilitation.HabilitationRefusal.Reason.UNKNOWN_PATIENT;
import static org.opendmp.pixpdq.habilitation.HabilitationRefusal.Reason.VIHF_REQUIRED;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.opendmp.pixpdq.ins.InsOids;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.pixpdq.patient.PatientRegistry;
import org.opendmp.pixpdq.patient.PatientRegistryException;
import org.opendmp.pixpdq.patient.PatientStatus;
import org.opendmp.security.actor.Actor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who is authorized on, or blocked from, each patient's DMP, and who is the patient's treating doctor
 * (médecin traitant, MT).
 * <ul>
 *   <li>The professional's side, TD0.3 {@code setAuthorization}: {@link #add} (they declare the patient
 *       let them in), {@link #remove} their own authorization, {@link #declareTreatingDoctor} (a doctor
 *       files the patient's déclaration de médecin traitant, as in France the doctor does) and
 *       {@link #withdrawTreatingDoctor}.</li>
 *   <li>The patient's side, from the patient portal: {@link #block}, {@link #unblock},
 *       {@link #designateTreatingDoctor}.</li>
 *   <li>Reading: {@link #relation} (the access policy's one lookup), {@link #list} (TD1.6),
 *       {@link #patientsOf} (TD0.4).</li>
 * </ul>
 * Facts enforced here, whoever asks: a blocked professional cannot authorize themselves, a block
 * survives the removal of an authorization and drops the treating-doctor status, only a doctor can be
 * treating doctor, a patient has at most one, and a closed DMP takes no new authorization. Whether a
 * caller may ask at all (profession, access mode) is the access policy's decision.
 *
 * <p>Each change runs in its own transaction (or joins the caller's) with the patient's row locked,
 * so changes of one patient's authorizations and a merge of that patient happen one after the other.
 * Times are whole seconds.
 */
public class Habilitations {

    private final HabilitationStore store;
    private final PatientRegistry registry;
    private final LastDocumentDates lastDocuments;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /**
     * @param jdbc          the database (the patient registry's)
     * @param transactions  its transaction manager
     * @param registry      the patient registry, which knows the patients and their DMP's state
     * @param lastDocuments when each DMP last received a document (TD0.4 {@code LASTDOC})
     * @param clock         the time of changes
     */
    public Habilitations(JdbcTemplate jdbc, PlatformTransactionManager transactions, PatientRegistry registry,
                         LastDocumentDates lastDocuments, Clock clock) {
        this.store = new HabilitationStore(jdbc);
        this.registry = registry;
        this.lastDocuments = lastDocuments;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    // ------------------------------------------------------------------ the access policy's lookup

    /** How {@code professionalId} stands on {@code patient}'s DMP: one primary-key lookup. */
    public Relation relation(PatientId patient, String professionalId) {
        return store.relation(patient, professionalId);
    }

    /**
     * How the VIHF's professional stands on the VIHF's patient ({@code resource-id}); {@link Relation#NONE}
     * when the VIHF names no patient by INS.
     */
    public Relation relation(Actor actor) {
        PatientId patient = parseResourceId(actor.patientId());
        return patient == null ? Relation.NONE : relation(patient, actor.professionalId());
    }

    /**
     * The patient a VIHF names ({@code resource-id}, an INS as HL7 CX, e.g.
     * {@code 207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH}).
     *
     * @throws HabilitationRefusal {@code VIHF_REQUIRED} without VIHF, {@code PATIENT_REQUIRED} when it
     *                             names no patient by INS
     */
    public static PatientId patientOf(Actor actor) {
        if (actor == null) {
            throw new HabilitationRefusal(VIHF_REQUIRED, "this transaction needs a VIHF naming the professional"
                    + " and the patient; none was validated for this request");
        }
        PatientId patient = parseResourceId(actor.patientId());
        if (patient == null) {
            throw new HabilitationRefusal(PATIENT_REQUIRED, "the VIHF must name the patient by INS in"
                    + " urn:oasis:names:tc:xacml:2.0:resource:resource-id (id^^^&INS-OID&ISO^NH)");
        }
        return patient;
    }

    /** The INS of a CX {@code id^^^&oid&ISO[^type...]}, or null when it is no INS in that form. */
    public static PatientId parseResourceId(String cx) {
        if (cx == null) {
            return null;
        }
        String[] components = cx.trim().split("\\^", -1);
        if (components.length < 4 || components[0].isEmpty() || components[0].indexOf('\\') >= 0
                || !components[1].isEmpty() || !components[2].isEmpty()) {
            return null;
        }
        String[] authority = components[3].split("&", -1);
        if (authority.length < 2 || !InsOids.isIns(authority[1])
                || (authority.length > 2 && !"ISO".equals(authority[2]))) {
            return null;
        }
        return new PatientId(components[0], authority[1]);
    }

    // ------------------------------------------------------------------ TD0.3, the professional's side

    /**
     * TD0.3 {@code AJOUT}: the caller declares that the patient authorized them. Already authorized:
     * nothing changes ({@link Outcome#ALREADY_AUTHORIZED}).
     *
     * @throws HabilitationRefusal the caller is blocked by the patient, the patient is unknown or their
     *                             DMP closed
     */
    public Outcome add(Actor actor, PatientId patient) {
        Professional caller = caller(actor);
        return inTransaction(() -> {
            PatientId ins = locked(patient, true);
            Optional<Habilitation> existing = store.find(ins, caller.id());
            if (existing.isPresent()) {
                refuseIfBlocked(existing.get());
                return Outcome.ALREADY_AUTHORIZED;
            }
            Instant now = now();
            store.insert(new Habilitation(ins, caller, Mode.ACTIVE, false, now, now));
            return Outcome.AUTHORIZATION_ADDED;
        });
    }

    /**
     * TD0.3 {@code SUPPRESSION}: the caller removes their own authorization (and with it any
     * treating-doctor status). A block by the patient stays: removing it is the patient's call.
     */
    public Outcome remove(Actor actor, PatientId patient) {
        Professional caller = caller(actor);
        return inTransaction(() -> {
            PatientId ins = locked(patient, false);
            Optional<Habilitation> existing = store.find(ins, caller.id());
            if (existing.isEmpty() || existing.get().mode() != Mode.ACTIVE) {
                return Outcome.NO_AUTHORIZATION;
            }
            store.delete(ins, caller.id());
            return Outcome.AUTHORIZATION_REMOVED;
        });
    }

    /**
     * TD0.3 {@code AJOUT} with role {@code MEDECIN_TRAITANT}: the calling doctor files the patient's
     * déclaration de médecin traitant. They are authorized if they were not, and any previous treating
     * doctor of the patient loses the status.
     *
     * @throws HabilitationRefusal the caller is no doctor or is blocked, the patient is unknown or their
     *                             DMP closed
     */
    public Outcome declareTreatingDoctor(Actor actor, PatientId patient) {
        Professional caller = caller(actor);
        if (actor.role() == null || !actor.role().doctor()) {
            throw new HabilitationRefusal(NOT_A_DOCTOR, "only a doctor (profession 10 of TRE_G15) can be"
                    + " declared treating doctor");
        }
        return inTransaction(() -> {
            PatientId ins = locked(patient, true);
            Optional<Habilitation> existing = store.find(ins, caller.id());
            existing.ifPresent(Habilitations::refuseIfBlocked);
            if (existing.isPresent() && existing.get().treatingDoctor()) {
                return Outcome.ALREADY_TREATING_DOCTOR;
            }
            makeTreatingDoctor(ins, existing, caller);
            return Outcome.TREATING_DOCTOR_DECLARED;
        });
    }

    /**
     * TD0.3 {@code SUPPRESSION} with role {@code MEDECIN_TRAITANT}: the caller, treating doctor of the
     * patient, gives the status up and stays authorized. Not the treating doctor: nothing changes.
     */
    public Outcome withdrawTreatingDoctor(Actor actor, PatientId patient) {
        Professional caller = caller(actor);
        return inTransaction(() -> {
            PatientId ins = locked(patient, false);
            Optional<Habilitation> existing = store.find(ins, caller.id());
            if (existing.isEmpty() || !existing.get().treatingDoctor()) {
                return Outcome.NOT_TREATING_DOCTOR;
            }
            Habilitation h = existing.get();
            store.update(new Habilitation(ins, h.professional(), h.mode(), false, h.since(), now()));
            return Outcome.TREATING_DOCTOR_WITHDRAWN;
        });
    }

    // ------------------------------------------------------------------ the patient's side

    /**
     * The patient blocks a professional ({@code INTERDITE}): any authorization and treating-doctor
     * status go; the professional cannot authorize themselves again. Already blocked: unchanged.
     */
    public Habilitation block(PatientId patient, String professionalId) {
        checkProfessionalId(professionalId);
        return inTransaction(() -> {
            PatientId ins = locked(patient, false);
            Optional<Habilitation> existing = store.find(ins, professionalId);
            if (existing.isPresent() && existing.get().mode() == Mode.INTERDITE) {
                return existing.get();
            }
            Instant now = now();
            Professional professional = existing.map(Habilitation::professional)
                    .orElseGet(() -> Professional.known(professionalId));
            Habilitation blocked = new Habilitation(ins, professional, Mode.INTERDITE, false, now, now);
            store.save(blocked, existing.isPresent());
            return blocked;
        });
    }

    /**
     * The patient lifts a block: the professional is back to no authorization.
     *
     * @return false when the professional was not blocked (nothing changes)
     */
    public boolean unblock(PatientId patient, String professionalId) {
        checkProfessionalId(professionalId);
        return inTransaction(() -> {
            PatientId ins = locked(patient, false);
            Optional<Habilitation> existing = store.find(ins, professionalId);
            if (existing.isEmpty() || existing.get().mode() != Mode.INTERDITE) {
                return false;
            }
            store.delete(ins, professionalId);
            return true;
        });
    }

    /**
     * The patient designates their treating doctor: that professional is authorized and treating
     * doctor, the previous one (if another) loses the status. A professional the patient blocked must
     * be unblocked first; one known (from a VIHF) to be no doctor is refused.
     */
    public Habilitation designateTreatingDoctor(PatientId patient, String professionalId) {
        checkProfessionalId(professionalId);
        return inTransaction(() -> {
            PatientId ins = locked(patient, true);
            Optional<Habilitation> existing = store.find(ins, professionalId);
            existing.ifPresent(Habilitations::refuseIfBlocked);
            Professional professional = existing.map(Habilitation::professional)
                    .orElseGet(() -> Professional.known(professionalId));
            if (professional.professionCode() != null && !professional.doctor()) {
                throw new HabilitationRefusal(NOT_A_DOCTOR, "this professional is not a doctor: only a doctor"
                        + " can be treating doctor");
            }
            if (existing.isPresent() && existing.get().treatingDoctor()) {
                return existing.get();
            }
            return makeTreatingDoctor(ins, existing, professional);
        });
    }

    // ------------------------------------------------------------------ lists

    /**
     * TD1.6: the professionals authorized on or blocked from the patient's DMP, authorized first.
     *
     * @throws HabilitationRefusal the patient is unknown
     */
    public List<Habilitation> list(PatientId patient, ListMode mode) {
        PatientId ins = known(patient, false, false);
        return store.list(ins).stream().filter(h -> mode.includes(h.mode())).toList();
    }

    /**
     * TD0.4: the patients on whose DMP the professional holds an authorization, by INS. With
     * {@code since}, only those authorized since then ({@link DateType#LASTAUTORIZATION}) or whose DMP
     * received a document since then ({@link DateType#LASTDOC}).
     *
     * @param since    the earliest date, or null for every such patient
     * @param dateType what {@code since} applies to; ignored without {@code since}
     */
    public List<AuthorizedPatient> patientsOf(String professionalId, Instant since, DateType dateType) {
        checkProfessionalId(professionalId);
        boolean byAuthorization = since != null && dateType != DateType.LASTDOC;
        List<AuthorizedPatient> patients = store.authorizedPatients(professionalId, byAuthorization ? since : null);
        if (patients.isEmpty()) {
            return patients;
        }
        Map<PatientId, Instant> lastDocument = lastDocuments.of(patients.stream().map(AuthorizedPatient::ins).toList());
        List<AuthorizedPatient> answer = new ArrayList<>(patients.size());
        for (AuthorizedPatient patient : patients) {
            Instant last = lastDocument.get(patient.ins());
            if (since != null && dateType == DateType.LASTDOC && (last == null || last.isBefore(since))) {
                continue;
            }
            answer.add(patient.withLastDocument(last));
        }
        return answer;
    }

    // ------------------------------------------------------------------ rules

    private Habilitation makeTreatingDoctor(PatientId ins, Optional<Habilitation> existing, Professional who) {
        Instant now = now();
        store.clearTreatingDoctor(ins, who.id(), now);
        Professional professional = existing.map(h -> h.professional().updatedWith(who)).orElse(who);
        Instant since = existing.map(Habilitation::since).orElse(now);
        Habilitation doctor = new Habilitation(ins, professional, Mode.ACTIVE, true, since, now);
        store.save(doctor, existing.isPresent());
        return doctor;
    }

    private static void refuseIfBlocked(Habilitation existing) {
        if (existing.mode() == Mode.INTERDITE) {
            throw new HabilitationRefusal(BLOCKED_BY_PATIENT, "the patient has blocked this professional's access"
                    + " to their DMP: only the patient can lift the block");
        }
    }

    private static Professional caller(Actor actor) {
        if (actor == null) {
            throw new HabilitationRefusal(VIHF_REQUIRED, "this transaction acts on the caller's own authorization"
                    + " and needs a VIHF naming them; none was validated for this request");
        }
        checkProfessionalId(actor.professionalId());
        return Professional.of(actor);
    }

    private static void checkProfessionalId(String professionalId) {
        if (!Professional.isValidId(professionalId)) {
            throw new HabilitationRefusal(INVALID_REQUEST, "a professional national id (idNat_PS) has 1 to 64"
                    + " letters, digits or / . _ -");
        }
    }

    /** The patient's INS, checked known (and open when asked), with its row locked until the transaction ends. */
    private PatientId locked(PatientId patient, boolean open) {
        return known(patient, open, true);
    }

    private PatientId known(PatientId patient, boolean open, boolean lock) {
        if (patient == null || !patient.isIns()) {
            throw new HabilitationRefusal(PATIENT_REQUIRED, "the patient must be named by INS");
        }
        PatientId ins;
        try {
            ins = registry.checkedIdentifier(patient);
        } catch (PatientRegistryException refused) {
            throw new HabilitationRefusal(refused.reason() == PatientRegistryException.Reason.UNKNOWN_AUTHORITY
                    ? UNKNOWN_PATIENT : INVALID_REQUEST, refused.getMessage());
        }
        PatientStatus status = lock ? registry.lockedStatus(ins) : registry.status(ins);
        switch (status) {
            case OPEN -> {
                return ins;
            }
            case CLOSED -> {
                if (open) {
                    throw new HabilitationRefusal(DMP_CLOSED, "this patient's DMP is closed: it takes no new"
                            + " authorization");
                }
                return ins;
            }
            case MERGED -> throw new HabilitationRefusal(UNKNOWN_PATIENT, "this INS was merged into another"
                    + " patient's: use the surviving INS");
            default -> throw new HabilitationRefusal(UNKNOWN_PATIENT, "no DMP for this patient");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }
}
