package org.opendmp.registry.model;

/**
 * An ebRIM Association between two registry objects: HasMember (submission set or folder
 * membership), or a document relationship (RPLC, APND, XFRM, XFRM_RPLC, signs).
 * {@code submissionSetStatus} is the HasMember slot Original / Reference, null otherwise.
 */
public record Association(String entryUuid, String type, String sourceObject, String targetObject,
                          String submissionSetStatus) {
}
