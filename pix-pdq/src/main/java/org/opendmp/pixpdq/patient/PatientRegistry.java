package org.opendmp.pixpdq.patient;

import static org.opendmp.pixpdq.patient.PatientRegistryException.Reason.ALREADY_EXISTS;
import static org.opendmp.pixpdq.patient.PatientRegistryException.Reason.DMP_CLOSED;
import static org.opendmp.pixpdq.patient.PatientRegistryException.Reason.DMP_OPEN;
import static org.opendmp.pixpdq.patient.PatientRegistryException.Reason.IDENTIFIER_CONFLICT;
import static org.opendmp.pixpdq.patient.PatientRegistryException.Reason.INVALID_IDENTIFIER;
import static org.opendmp.pixpdq.patient.PatientRegistryException.Reason.INVALID_INS;
import static org.opendmp.pixpdq.patient.PatientRegistryException.Reason.INVALID_TRAIT;
import static org.opendmp.pixpdq.patient.PatientRegistryException.Reason.MISSING_INS;
import static org.opendmp.pixpdq.patient.PatientRegistryException.Reason.UNKNOWN_AUTHORITY;
import static org.opendmp.pixpdq.patient.PatientRegistryException.Reason.UNKNOWN_PATIENT;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.opendmp.pixpdq.ins.InsNumber;
import org.opendmp.pixpdq.ins.InsOids;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The patient registry: one patient per INS, the local identifiers facilities gave them
 * cross-referenced to it, their identity traits and the state of their DMP. Every transaction
 * that touches patient identity goes through here, whatever its wire format: ITI-8 and ITI-44
 * feeds (add, revise, merge), ITI-9 / ITI-45 cross-reference queries, ITI-21 / ITI-47
 * demographic queries, and the DMP patient transactions (TD0.2, TD1.1 to TD1.4). The document
 * registry asks it whether a patient id may be fed ({@link #status}).
 *
 * <p>Each change runs in its own transaction, or joins the caller's; a refused request changes
 * nothing.
 */
public class PatientRegistry implements PatientDirectory {

    private static final int MAX_ID_LENGTH = 128;

    private final PatientStore store;
    private final TransactionTemplate transactions;
    private final Set<String> insAuthorities;
    private final List<PatientMergeListener> mergeListeners;
    private final Clock clock;

    /**
     * @param jdbc           the database
     * @param transactions   its transaction manager
     * @param insAuthorities the INS assigning authorities accepted (production: NIR and NIA; test
     *                       setups add the test and demonstration NIR authorities)
     * @param mergeListeners told of each merge inside its transaction
     * @param clock          the time of changes
     */
    public PatientRegistry(JdbcTemplate jdbc, PlatformTransactionManager transactions, Set<String> insAuthorities,
                           List<PatientMergeListener> mergeListeners, Clock clock) {
        for (String authority : insAuthorities) {
            if (!InsOids.isIns(authority)) {
                throw new IllegalArgumentException("Not an INS assigning authority: " + authority);
            }
        }
        this.store = new PatientStore(jdbc);
        this.transactions = new TransactionTemplate(transactions);
        this.insAuthorities = Set.copyOf(insAuthorities);
        this.mergeListeners = List.copyOf(mergeListeners);
        this.clock = clock;
    }

    /** The INS assigning authorities accepted. */
    public Set<String> insAuthorities() {
        return insAuthorities;
    }

    /**
     * Patient identity feed, add (ITI-8 A01, A04, A05; ITI-44 add): creates the patient with an
     * open DMP or, when the INS is known, updates its traits and adds the local identifiers.
     *
     * @param identifiers the INS and any local identifiers
     */
    public Patient feed(List<PatientId> identifiers, IdentityTraits traits, List<Telecom> telecoms) {
        Identifiers ids = identifiers(identifiers);
        checkTraits(traits);
        return retryingDuplicateKey(() -> inTransaction(() -> {
            Optional<PatientStore.Row> existing = store.byIns(ids.ins(), true);
            if (existing.isPresent()) {
                return update(active(existing.get()), ids, traits, telecoms);
            }
            Instant now = now();
            Patient patient = new Patient(ids.ins(), ids.localIds(), traits, telecoms, Dmp.open(false, false, false), now);
            checkLocalIdsFree(ids.localIds(), ids.ins());
            store.insert(patient, now);
            return patient;
        }));
    }

    /**
     * Patient identity feed, revise (ITI-8 A08; ITI-44 revise; TD1.3b): replaces the traits of a
     * known patient, found by its INS or, when none is given, by a local identifier.
     */
    public Patient revise(List<PatientId> identifiers, IdentityTraits traits, List<Telecom> telecoms) {
        checkTraits(traits);
        return inTransaction(() -> {
            Identifiers ids = knownIdentifiers(identifiers);
            Patient patient = active(store.byIns(ids.ins(), true).orElseThrow(() -> unknown("no patient has this INS")));
            return update(patient, ids, traits, telecoms);
        });
    }

    /**
     * Patient identity merge (ITI-8 A40, ITI-44 merge): {@code subsumed} is retired.
     * <ul>
     * <li>A local identifier (a facility's IPP): only its cross-reference goes, whichever patient
     * it named. A facility merging two of its own records does not merge two national identities:
     * an INS and its DMP move only when the subsumed identifier is that INS.</li>
     * <li>An INS: that patient's local identifiers and DMP records move to the surviving one
     * (merge listeners, same transaction) and its INS is no longer accepted.</li>
     * </ul>
     *
     * @param surviving the surviving patient's identifiers (the INS, or a local identifier known to the registry)
     * @param subsumed  the identifier merged away (MRG-1, the ITI-44 replacement-of id)
     * @return the surviving patient
     */
    public Patient merge(List<PatientId> surviving, PatientId subsumed) {
        checkIdentifier(subsumed);
        return inTransaction(() -> {
            Identifiers ids = knownIdentifiers(surviving);
            Patient survivor = active(store.byIns(ids.ins(), true)
                    .orElseThrow(() -> unknown("the surviving patient is unknown")));
            if (!subsumed.isIns()) {
                if (store.insOfLocalId(subsumed).isEmpty()) {
                    throw unknown("the subsumed identifier is unknown");
                }
                store.deleteLocalId(subsumed);
            } else {
                PatientId subsumedIns = checkedIns(subsumed);
                if (subsumedIns.equals(survivor.ins())) {
                    throw new PatientRegistryException(INVALID_IDENTIFIER, "a patient cannot be merged into itself");
                }
                PatientStore.Row subsumedRow = store.byIns(subsumedIns, true)
                        .orElseThrow(() -> unknown("the subsumed identifier is unknown"));
                if (subsumedRow.mergedInto() != null) {
                    throw unknown("the subsumed patient was already merged");
                }
                store.moveLocalIds(subsumedIns, survivor.ins());
                store.markMerged(subsumedIns, survivor.ins(), now());
                for (PatientMergeListener listener : mergeListeners) {
                    listener.merged(subsumedIns, survivor.ins());
                }
            }
            addLocalIds(survivor, ids.localIds().stream().filter(id -> !id.equals(subsumed)).toList());
            return find(survivor.ins()).orElseThrow();
        });
    }

    /**
     * DMP creation (TD1.1): a new patient with an open DMP and the patient's choices. A known
     * patient whose DMP is open gets {@code ALREADY_EXISTS}; closed, {@code DMP_CLOSED} (TD1.2
     * reactivates it).
     */
    public Patient create(List<PatientId> identifiers, IdentityTraits traits, List<Telecom> telecoms, Dmp choices) {
        Identifiers ids = identifiers(identifiers);
        checkTraits(traits);
        return retryingDuplicateKey(() -> inTransaction(() -> {
            Optional<PatientStore.Row> existing = store.byIns(ids.ins(), true);
            if (existing.isPresent()) {
                Patient patient = active(existing.get());
                throw patient.dmp().isOpen()
                        ? new PatientRegistryException(ALREADY_EXISTS, "this patient already has a DMP")
                        : new PatientRegistryException(DMP_CLOSED, "this patient's DMP is closed: reactivate it");
            }
            checkLocalIdsFree(ids.localIds(), ids.ins());
            Dmp dmp = Dmp.open(choices.consent(), choices.oppositionBrisDeGlace(), choices.oppositionCentre15());
            Instant now = now();
            Patient patient = new Patient(ids.ins(), ids.localIds(), traits, telecoms, dmp, now);
            store.insert(patient, now);
            return patient;
        }));
    }

    /** DMP closure (TD1.4): the DMP keeps its documents and accepts no new ones. */
    public Patient close(PatientId ins, String reason) {
        return inTransaction(() -> {
            Patient patient = active(store.byIns(checkedIns(ins), true).orElseThrow(() -> unknown("no patient has this INS")));
            if (!patient.dmp().isOpen()) {
                throw new PatientRegistryException(DMP_CLOSED, "this patient's DMP is already closed");
            }
            Dmp dmp = patient.dmp();
            store.updateDmp(ins, new Dmp(Dmp.Status.CLOSED, now(), reason, dmp.consent(), dmp.oppositionBrisDeGlace(),
                    dmp.oppositionCentre15()), now());
            return find(ins).orElseThrow();
        });
    }

    /** DMP reactivation (TD1.2): a closed DMP opens again, with its documents. */
    public Patient reactivate(PatientId ins) {
        return inTransaction(() -> {
            Patient patient = active(store.byIns(checkedIns(ins), true).orElseThrow(() -> unknown("no patient has this INS")));
            if (patient.dmp().isOpen()) {
                throw new PatientRegistryException(DMP_OPEN, "this patient's DMP is open");
            }
            Dmp dmp = patient.dmp();
            store.updateDmp(ins, new Dmp(Dmp.Status.OPEN, null, null, dmp.consent(), dmp.oppositionBrisDeGlace(),
                    dmp.oppositionCentre15()), now());
            return find(ins).orElseThrow();
        });
    }

    /**
     * DMP administrative data modification (TD1.3b): {@link #revise} and {@link #setOppositions} in
     * one transaction, so a refusal of either changes nothing.
     */
    public Patient modify(List<PatientId> identifiers, IdentityTraits traits, List<Telecom> telecoms,
                          boolean oppositionBrisDeGlace, boolean oppositionCentre15) {
        return inTransaction(() -> {
            Patient revised = revise(identifiers, traits, telecoms);
            return setOppositions(revised.ins(), oppositionBrisDeGlace, oppositionCentre15);
        });
    }

    /** Records the patient's oppositions to bris de glace and centre 15 access. */
    public Patient setOppositions(PatientId ins, boolean brisDeGlace, boolean centre15) {
        return inTransaction(() -> {
            Patient patient = active(store.byIns(checkedIns(ins), true).orElseThrow(() -> unknown("no patient has this INS")));
            Dmp dmp = patient.dmp();
            store.updateDmp(ins, new Dmp(dmp.status(), dmp.closedAt(), dmp.closureReason(), dmp.consent(), brisDeGlace,
                    centre15), now());
            return find(ins).orElseThrow();
        });
    }

    /**
     * The active patient with this identifier, INS or local (PIX query). Empty when unknown or
     * merged into another patient.
     */
    public Optional<Patient> find(PatientId identifier) {
        Optional<PatientStore.Row> row = identifier.isIns() ? store.byIns(identifier, false)
                : store.insOfLocalId(identifier).flatMap(ins -> store.byPatientId(ins));
        return row.filter(r -> r.mergedInto() == null).map(PatientStore.Row::patient);
    }

    /** What the document registry needs to know of a patient identifier before accepting documents for it. */
    @Override
    public PatientStatus status(PatientId identifier) {
        return status(store.statusOf(identifier, false));
    }

    @Override
    public PatientStatus lockedStatus(PatientId identifier) {
        return status(store.statusOf(identifier, true));
    }

    private static PatientStatus status(Optional<String[]> row) {
        if (row.isEmpty()) {
            return PatientStatus.UNKNOWN;
        }
        if (row.get()[1] != null) {
            return PatientStatus.MERGED;
        }
        return Dmp.Status.valueOf(row.get()[0]) == Dmp.Status.OPEN ? PatientStatus.OPEN : PatientStatus.CLOSED;
    }

    /**
     * Demographic query (PDQ): active patients matching every criterion, ordered by INS.
     *
     * @param offset how many matches to skip (continuation)
     * @param limit  the most to return
     */
    public List<Patient> search(PatientQuery query, int offset, int limit) {
        if (query.isEmpty()) {
            throw new PatientRegistryException(INVALID_TRAIT, "a demographic query needs at least one criterion");
        }
        return store.search(query, offset, limit);
    }

    /**
     * Whether {@code authority} is an identifier domain this registry knows (PIX "recognised
     * domain"): an accepted INS authority, or the authority of a local identifier it holds.
     */
    public boolean knowsDomain(String authority) {
        return insAuthorities.contains(authority) || store.hasLocalAuthority(authority);
    }

    /** Checks the form of an identifier and, for an INS, its authority and key; returns it. */
    public PatientId checkedIdentifier(PatientId identifier) {
        checkIdentifier(identifier);
        return identifier.isIns() ? checkedIns(identifier) : identifier;
    }

    /** Replaces the traits (and telecoms, when given) of {@code patient}, adds its new local identifiers; the result without reading it back. */
    private Patient update(Patient patient, Identifiers ids, IdentityTraits traits, List<Telecom> telecoms) {
        Instant now = now();
        store.updateTraits(patient.ins(), traits, now);
        if (!telecoms.isEmpty()) {
            store.replaceTelecoms(patient.ins(), telecoms);
        }
        List<PatientId> added = addLocalIds(patient, ids.localIds());
        List<PatientId> localIds = new ArrayList<>(patient.localIds());
        added.stream().filter(id -> !localIds.contains(id)).forEach(localIds::add);
        return new Patient(patient.ins(), localIds, traits, telecoms.isEmpty() ? patient.telecoms() : telecoms,
                patient.dmp(), now);
    }

    /**
     * Cross-references the local identifiers not yet known to {@code patient}'s INS; one of another
     * patient is a conflict. Returns the identifiers now cross-referenced to it.
     */
    private List<PatientId> addLocalIds(Patient patient, List<PatientId> localIds) {
        java.util.Map<PatientId, String> owners = checkLocalIdsFree(localIds, patient.ins());
        store.insertLocalIds(patient.ins(), localIds.stream().filter(id -> !owners.containsKey(id)).toList());
        return localIds;
    }

    /** The current owners (INS, canonical) of those of {@code localIds} already known; refuses one owned by another patient. */
    private java.util.Map<PatientId, String> checkLocalIdsFree(List<PatientId> localIds, PatientId ins) {
        java.util.Map<PatientId, String> owners = store.ownersOf(localIds);
        owners.forEach((localId, owner) -> {
            if (!owner.equals(ins.canonical())) {
                throw new PatientRegistryException(IDENTIFIER_CONFLICT, "the local identifier of authority "
                        + localId.authority() + " already belongs to another patient (merge them instead)");
            }
        });
        return owners;
    }

    /** The INS and local identifiers of a request that names its INS. */
    private Identifiers identifiers(List<PatientId> identifiers) {
        if (identifiers.isEmpty()) {
            throw new PatientRegistryException(MISSING_INS, "no patient identifier");
        }
        PatientId ins = null;
        Set<PatientId> localIds = new LinkedHashSet<>();
        for (PatientId id : identifiers) {
            checkIdentifier(id);
            if (id.isIns()) {
                checkedIns(id);
                if (ins != null && !ins.equals(id)) {
                    throw new PatientRegistryException(INVALID_IDENTIFIER, "more than one INS for one patient");
                }
                ins = id;
            } else {
                localIds.add(id);
            }
        }
        if (ins == null) {
            throw new PatientRegistryException(MISSING_INS,
                    "no INS among the patient identifiers: the registry is keyed on the INS");
        }
        return new Identifiers(ins, new ArrayList<>(localIds));
    }

    /** Like {@link #identifiers}, but without an INS the patient is found by a known local identifier. */
    private Identifiers knownIdentifiers(List<PatientId> identifiers) {
        if (identifiers.stream().anyMatch(PatientId::isIns)) {
            return identifiers(identifiers);
        }
        if (identifiers.isEmpty()) {
            throw new PatientRegistryException(MISSING_INS, "no patient identifier");
        }
        identifiers.forEach(this::checkIdentifier);
        for (PatientId id : identifiers) {
            Optional<String> ins = store.insOfLocalId(id);
            if (ins.isPresent()) {
                return new Identifiers(parseCanonical(ins.get()), identifiers);
            }
        }
        throw unknown("no patient has these identifiers");
    }

    private PatientId checkedIns(PatientId ins) {
        if (!insAuthorities.contains(ins.authority())) {
            throw new PatientRegistryException(UNKNOWN_AUTHORITY,
                    "INS assigning authority " + ins.authority() + " is not accepted by this registry");
        }
        InsNumber.whyInvalid(ins.id()).ifPresent(reason -> {
            throw new PatientRegistryException(INVALID_INS, "not a valid INS: " + reason);
        });
        return ins;
    }

    private void checkIdentifier(PatientId id) {
        if (id.id().isBlank() || id.id().length() > MAX_ID_LENGTH) {
            throw new PatientRegistryException(INVALID_IDENTIFIER, "an identifier must have 1 to 128 characters");
        }
        if (!PatientId.isOid(id.authority())) {
            throw new PatientRegistryException(INVALID_IDENTIFIER,
                    "an identifier's assigning authority must be an OID");
        }
    }

    private static void checkTraits(IdentityTraits traits) {
        if (traits.birthName().isBlank()) {
            throw new PatientRegistryException(INVALID_TRAIT, "the birth name is required");
        }
        if (traits.birthPlaceCode() != null && !IdentityTraits.isBirthPlaceCode(traits.birthPlaceCode())) {
            throw new PatientRegistryException(INVALID_TRAIT, "the birthplace must be a 5-character INSEE code");
        }
    }

    private static Patient active(PatientStore.Row row) {
        if (row.mergedInto() != null) {
            throw unknown("this patient was merged into another");
        }
        return row.patient();
    }

    /** The INS of a canonical {@code id^^^&oid&ISO} as stored (INS numbers need no escaping). */
    private static PatientId parseCanonical(String canonical) {
        int caret = canonical.indexOf("^^^&");
        return new PatientId(canonical.substring(0, caret),
                canonical.substring(caret + 4, canonical.length() - "&ISO".length()));
    }

    private static PatientRegistryException unknown(String message) {
        return new PatientRegistryException(UNKNOWN_PATIENT, message);
    }

    private Instant now() {
        return clock.instant();
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    /** Two first feeds of one INS at once: the loser finds the winner's row on its second try. */
    private static <T> T retryingDuplicateKey(Supplier<T> work) {
        try {
            return work.get();
        } catch (DuplicateKeyException raced) {
            return work.get();
        }
    }

    private record Identifiers(PatientId ins, List<PatientId> localIds) {
    }
}
