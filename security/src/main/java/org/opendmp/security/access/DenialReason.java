package org.opendmp.security.access;

/**
 * Why the policy refused, with a message safe to send to the client (no patient data). Reasons that
 * {@linkplain #concealsDocument() conceal the document} are for the audit trail only: the caller must
 * answer exactly as for an unknown document (ITI-43 {@code XDSDocumentUniqueIdError}, ITI-57
 * {@code XDSUnknownDocument...}, an ITI-18 result without the entry), so that a refusal does not reveal
 * that a hidden document exists.
 */
public enum DenialReason {
    /** The rights matrix does not allow this transaction to this role, authentication and access mode. */
    TRANSACTION_NOT_ALLOWED(false,
            "Transaction non autorisée pour ce rôle, ce mode d'authentification ou ce mode d'accès",
            "Transaction not allowed for this role, authentication mode or access mode"),
    /** The DMP is closed. */
    DMP_CLOSED(false, "Le DMP est fermé", "The DMP is closed"),
    /** The patient blocked this professional ({@code INTERDITE}). */
    BLOCKED_BY_PATIENT(false, "Accès à ce DMP interdit par le patient",
            "Access to this DMP is blocked by the patient"),
    /** The patient opposed access in the VIHF's emergency mode (bris de glace or centre 15). */
    PATIENT_OPPOSED_EMERGENCY_ACCESS(false, "Accès à ce DMP refusé dans ce mode d'accès",
            "Access to this DMP refused in this access mode"),
    /** Normal access needs an authorization, or being the patient's treating doctor. */
    NO_AUTHORIZATION(false, "Aucune autorisation d'accès à ce DMP",
            "No authorization to access this DMP"),
    /** Deleting or archiving a document is for its author. */
    NOT_AUTHOR(false, "Opération réservée à l'auteur du document",
            "Only the document's author may do this"),
    /** Changing a document's confidentiality is for its author or the patient's treating doctor. */
    NOT_AUTHOR_OR_TREATING_DOCTOR(false, "Opération réservée à l'auteur du document ou au médecin traitant",
            "Only the document's author or the patient's treating doctor may do this"),
    /** Deleting or archiving a document the patient deposited is for the treating doctor. */
    TREATING_DOCTOR_ONLY(false, "Opération réservée au médecin traitant pour un document du patient",
            "Only the patient's treating doctor may do this to a patient's document"),
    /** The document is deleted. */
    DOCUMENT_DELETED(true),
    /** The document is hidden from professionals ({@code MASQUE_PS}). */
    DOCUMENT_MASKED(true),
    /** The caller's profession may not see this type of document. */
    DOCUMENT_TYPE_NOT_ALLOWED(true),
    /** A CPE or facility-certificate user may only find its own (facility's) documents. */
    NOT_OWN_DOCUMENT(true),
    /** The caller may not read this record's documents at all (for example no authorization). */
    DOCUMENT_NOT_VISIBLE(true);

    /** The message of every concealing reason, as for a document that does not exist. */
    public static final String UNKNOWN_DOCUMENT_FR = "Document inconnu";
    /** English counterpart of {@link #UNKNOWN_DOCUMENT_FR}. */
    public static final String UNKNOWN_DOCUMENT_EN = "Unknown document";

    private final boolean concealsDocument;
    private final String messageFr;
    private final String messageEn;

    DenialReason(boolean concealsDocument) {
        this(concealsDocument, UNKNOWN_DOCUMENT_FR, UNKNOWN_DOCUMENT_EN);
    }

    DenialReason(boolean concealsDocument, String messageFr, String messageEn) {
        this.concealsDocument = concealsDocument;
        this.messageFr = messageFr;
        this.messageEn = messageEn;
    }

    /** Whether the caller must report the document as unknown rather than refused. */
    public boolean concealsDocument() {
        return concealsDocument;
    }

    /** The client message in French. */
    public String messageFr() {
        return messageFr;
    }

    /** The client message in English. */
    public String messageEn() {
        return messageEn;
    }
}
