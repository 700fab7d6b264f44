/**
 * Professionals' authorizations on a patient's DMP (habilitations) and the patient's controls over
 * them: a professional declares that the patient let them in (TD0.3, mode {@code ACTIVE}), the
 * patient may block one ({@code INTERDITE}) and designate their treating doctor (médecin traitant,
 * MT). {@link org.opendmp.pixpdq.habilitation.Habilitations} keeps these facts;
 * {@link org.opendmp.pixpdq.habilitation.Habilitations#relation} is the one lookup the access
 * policy needs. The DMP's web services on them ({@code setAuthorization},
 * {@code listAuthorizationByPatient}, {@code patientList}) are read and answered here as DOM, one
 * class per transaction; refusals are {@link org.opendmp.pixpdq.habilitation.HabilitationRefusal}.
 * Who may call which transaction is the access policy's decision, not this package's.
 */
package org.opendmp.pixpdq.habilitation;
