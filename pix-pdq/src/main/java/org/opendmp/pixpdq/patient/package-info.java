/**
 * The patient registry keyed on the INS: identities, local identifier cross-references, the
 * state of each patient's DMP, merges. Wire formats (HL7v2, HL7v3) stay in their own packages.
 */
package org.opendmp.pixpdq.patient;
