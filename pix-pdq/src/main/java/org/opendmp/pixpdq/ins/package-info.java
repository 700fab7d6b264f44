/**
 * The INS (Identifiant National de Santé), the national patient identifier every DMP is keyed
 * on: its assigning authorities and the format of its numbers (NIR or NIA, with their key).
 */
package org.opendmp.pixpdq.ins;
