/**
 * ITI-57 Update Document Set (IHE ITI TF-2b 3.57, the XDS Metadata Update option) and the DMP
 * operations built on it (TD3.3a/b hide or show a document by a new DocumentEntry version with
 * another confidentialityCode; TD3.3c/d delete, archive and unarchive by UpdateAvailabilityStatus).
 *
 * <p>Versions: every DocumentEntry and Folder has a logicalID (ebRIM {@code lid}, the entryUUID
 * of its first version) and a version number (ebRIM {@code VersionInfo/@versionName}, 1, 2, ...).
 * An update registers a new version under a new entryUUID and deprecates the previous one; all
 * versions stay stored and queryable ({@code $MetadataLevel} 2).
 */
package org.opendmp.registry.update;
