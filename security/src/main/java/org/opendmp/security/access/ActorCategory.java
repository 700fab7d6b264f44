package org.opendmp.security.access;

import org.opendmp.security.actor.PurposeOfUse;

/**
 * What the rights matrix looks at in a caller: how they authenticated, their role, and the access mode
 * of their VIHF (normal, centre 15, bris de glace).
 */
public record ActorCategory(AuthenticationKind authentication, ActorRole role, PurposeOfUse accessMode) {
}
