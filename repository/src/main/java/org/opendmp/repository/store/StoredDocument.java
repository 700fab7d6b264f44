package org.opendmp.repository.store;

/** A document held by the repository: its bytes and what ITI-43 returns with them. */
public record StoredDocument(String uniqueId, String mimeType, String hash, long size, byte[] content) {
}
