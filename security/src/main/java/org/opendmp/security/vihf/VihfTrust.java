package org.opendmp.security.vihf;

import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.opendmp.security.actor.AuthenticationMode;

/**
 * The certificates a VIHF signature may chain to, per authentication mode.
 *
 * <p>{@code DIRECTE} assertions are signed with a professional's card, so their signer must chain to one of
 * {@link #cardAnchors()}; {@code INDIRECTE} and {@code INDIRECTE_RENFORCEE} assertions are signed with a
 * facility's organisation certificate, chaining to one of {@link #facilityAnchors()}. An anchor need not be a
 * root: when one root certifies both card and facility CAs (as IGC-Santé does), trust the issuing CAs
 * themselves, otherwise a card could sign for a facility and the reverse. {@link #intermediates()} only help
 * build paths (from the anchors down to a signer) and are never trusted by themselves.
 *
 * @param cardAnchors     trust anchors of {@code DIRECTE} assertions (professional card CAs)
 * @param facilityAnchors trust anchors of {@code INDIRECTE} and {@code INDIRECTE_RENFORCEE} assertions
 *                        (facility certificate CAs)
 * @param intermediates   CA certificates between an anchor and a signer, for path building
 */
public record VihfTrust(Set<X509Certificate> cardAnchors, Set<X509Certificate> facilityAnchors,
        Set<X509Certificate> intermediates) {

    /** Copies the sets; none may be {@code null}. */
    public VihfTrust {
        cardAnchors = Set.copyOf(cardAnchors);
        facilityAnchors = Set.copyOf(facilityAnchors);
        intermediates = Set.copyOf(intermediates);
    }

    /** Trust with no intermediate certificates. */
    public static VihfTrust of(Collection<X509Certificate> cardAnchors, Collection<X509Certificate> facilityAnchors) {
        return new VihfTrust(Set.copyOf(cardAnchors), Set.copyOf(facilityAnchors), Set.of());
    }

    /** This trust with {@code more} intermediate certificates. */
    public VihfTrust withIntermediates(Collection<X509Certificate> more) {
        Set<X509Certificate> all = new HashSet<>(intermediates);
        all.addAll(more);
        return new VihfTrust(cardAnchors, facilityAnchors, all);
    }

    /** The anchors a signer in {@code mode} must chain to. */
    public Set<X509Certificate> anchorsFor(AuthenticationMode mode) {
        return mode.indirect() ? facilityAnchors : cardAnchors;
    }
}
