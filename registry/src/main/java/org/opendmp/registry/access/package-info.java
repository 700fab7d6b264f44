/**
 * Where the DMP's access rules are enforced in the registry and the repository, whatever the
 * policy: the server builds an {@link org.opendmp.registry.access.Access} per request from the
 * caller's VIHF ({@code org.opendmp.security.actor.Actor}) and the access policy, and hands it
 * to the transactions. Without one they act for {@link org.opendmp.registry.access.Access#UNRESTRICTED}.
 *
 * <p>The policy decides on {@link org.opendmp.security.access.DocumentFacts}, what the registry
 * knows of a DocumentEntry ({@link org.opendmp.registry.access.DocumentFactsStore}). What the
 * registry makes of its decisions:
 * <ul>
 *   <li>a DocumentEntry the caller may not see ({@link org.opendmp.registry.access.DocumentVisibility})
 *       does not exist for them: ITI-18 answers never hold it or an Association to or from it, and
 *       ITI-18 queries, ITI-42 Associations, ITI-57 changes and ITI-43 retrievals naming it answer
 *       as for an unknown object. An older version is hidden whenever the latest version of its
 *       document is ({@link org.opendmp.registry.access.EntryFacts#visibleTo});</li>
 *   <li>{@link org.opendmp.registry.access.SubmissionGuard} (ITI-41, ITI-42),
 *       {@link org.opendmp.registry.access.UpdateGuard} (ITI-57) and
 *       {@link org.opendmp.registry.access.RemovalGuard} (ITI-62, ITI-86) refuse by throwing an
 *       {@code XdsException}, which becomes the RegistryError of the answer; the transaction then
 *       changes nothing.</li>
 * </ul>
 */
package org.opendmp.registry.access;
