/**
 * The patient identifier of the French DMP, the INS (Identifiant National de Santé), and the
 * registry's policy on which patient identifiers it accepts.
 */
package org.opendmp.registry.patient;
