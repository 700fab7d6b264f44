package org.opendmp.registry.update;

/**
 * One registered version of a DocumentEntry or Folder, as the update checks see it. The
 * document attributes ({@code objectType}, {@code hash}, {@code size}, {@code repositoryUniqueId})
 * are null for a Folder.
 */
record StoredVersion(String uuid, String lid, int version, String status, String uniqueId, String patientId,
                     String objectType, String hash, Long size, String repositoryUniqueId) {
}
