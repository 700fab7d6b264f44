package org.opendmp.security.access;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** The policy's answer: allowed, or denied for a {@link DenialReason}. Instances are shared constants. */
public final class Decision {

    private static final Decision ALLOW = new Decision(null);
    private static final Map<DenialReason, Decision> DENIALS = new EnumMap<>(DenialReason.class);

    static {
        for (DenialReason reason : DenialReason.values()) {
            DENIALS.put(reason, new Decision(reason));
        }
    }

    private final DenialReason reason;

    private Decision(DenialReason reason) {
        this.reason = reason;
    }

    /** The decision that allows. */
    public static Decision allow() {
        return ALLOW;
    }

    /** The decision that denies for {@code reason}. */
    public static Decision deny(DenialReason reason) {
        return DENIALS.get(Objects.requireNonNull(reason, "reason"));
    }

    /** Whether the transaction (or the operation on the document) may proceed. */
    public boolean allowed() {
        return reason == null;
    }

    /** Why it was denied, or {@code null} when allowed. */
    public DenialReason reason() {
        return reason;
    }

    /** Whether the caller must answer as for an unknown document (see {@link DenialReason}). */
    public boolean concealsDocument() {
        return reason != null && reason.concealsDocument();
    }

    /**
     * A message for a SOAP fault or a RegistryError, French then English ({@code "Le DMP est fermé | The DMP
     * is closed"}); {@code null} when allowed. Free of patient data.
     */
    public String clientMessage() {
        return reason == null ? null : reason.messageFr() + " | " + reason.messageEn();
    }

    @Override
    public String toString() {
        return reason == null ? "ALLOW" : "DENY " + reason;
    }
}
