package org.opendmp.security.access;

/**
 * The DMP's transactions as the access policy knows them, each with its TD name from the DMP
 * integration guide (the name the rights matrix file uses).
 */
public enum DmpTransaction {
    TD0_2("TD0.2", "test of existence of a DMP", Scope.PATIENT),
    TD0_3("TD0.3", "add or remove one's own authorization", Scope.PATIENT),
    TD0_4("TD0.4", "list of the DMPs the caller may access", Scope.NONE),
    TD0_5("TD0.5", "patient search without INS (ITI-47)", Scope.NONE),
    TD1_1("TD1.1", "creation", Scope.PATIENT),
    TD1_2("TD1.2", "reactivation", Scope.PATIENT),
    TD1_3A("TD1.3a", "read administrative data", Scope.PATIENT),
    TD1_3B("TD1.3b", "modify administrative data", Scope.PATIENT),
    TD1_4("TD1.4", "closure", Scope.PATIENT),
    TD1_6("TD1.6", "list of the professionals authorized or blocked", Scope.PATIENT),
    TD2_1("TD2.1", "feeding (ITI-41, ITI-42)", Scope.PATIENT),
    TD3_1("TD3.1", "document search (ITI-18)", Scope.DOCUMENT),
    TD3_2("TD3.2", "document retrieval (ITI-43)", Scope.DOCUMENT),
    TD3_3A("TD3.3a", "hide from / show to professionals (ITI-57, MASQUE_PS)", Scope.DOCUMENT),
    TD3_3B("TD3.3b", "make invisible / visible to the patient (ITI-57, INVISIBLE_PATIENT)", Scope.DOCUMENT),
    TD3_3C("TD3.3c", "delete (ITI-57, status Deleted)", Scope.DOCUMENT),
    TD3_3D("TD3.3d", "archive / unarchive (ITI-57, status Archived / Approved)", Scope.DOCUMENT),
    REMOVE("REMOVE", "remove metadata or documents (ITI-62, ITI-86): registry administration", Scope.NONE);

    private enum Scope { NONE, PATIENT, DOCUMENT }

    private final String tdName;
    private final String description;
    private final Scope scope;

    DmpTransaction(String tdName, String description, Scope scope) {
        this.tdName = tdName;
        this.description = description;
        this.scope = scope;
    }

    /** The name in the DMP guide and in the rights matrix, for example {@code TD3.1}. */
    public String tdName() {
        return tdName;
    }

    /** What the transaction does. */
    public String description() {
        return description;
    }

    /** Whether the transaction concerns one patient's record (the VIHF's resource-id patient). */
    public boolean aboutOnePatient() {
        return scope != Scope.NONE;
    }

    /** Whether the transaction concerns documents, decided per document by {@link AccessPolicy#decideOnDocument}. */
    public boolean aboutDocuments() {
        return scope == Scope.DOCUMENT;
    }

    /** The transaction whose TD name is {@code tdName}, or {@code null}. */
    public static DmpTransaction ofTdName(String tdName) {
        for (DmpTransaction transaction : values()) {
            if (transaction.tdName.equals(tdName)) {
                return transaction;
            }
        }
        return null;
    }
}
