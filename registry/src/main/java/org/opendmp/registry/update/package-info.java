/**
 * ITI-57 Update Document Set (IHE ITI TF-2b 3.57, the XDS Metadata Update option) and the DMP
 * operations built on it (TD3.3a/b hide or show a document by a new DocumentEntry version with
 * another confidentialityCode; TD3.3c/d delete, archive and unarchive by UpdateAvailabilityStatus).
 *
 * <p>Versions: every DocumentEntry and Folder has a logicalID (ebRIM {@code lid}, the entryUUID
 * of its first version) and a version number (ebRIM {@code VersionInfo/@versionName}, 1, 2, ...).
 * An update registers a new version under a new entryUUID and deprecates the previous one; all
 * versions stay stored and queryable ({@code $MetadataLevel} 2).
 *
 * <p>What ITI-18 returns afterwards: with {@code $MetadataLevel} 1 (the default, ITI TF-2a
 * 3.18.4.1.2.3.5.1) only the latest version of each DocumentEntry and Folder, no Deprecated
 * Folder and no Deprecated Association; with 2 every version (and GetDocuments accepts
 * {@code $XDSDocumentEntryLogicalID}). The DMP statuses Archived and Deleted are returned only by
 * queries whose status parameter lists them (FindDocuments, FindDocumentsByReferenceId, GetAll);
 * the queries without a status parameter (GetDocuments, GetDocumentsAndAssociations,
 * GetSubmissionSetAndContents, GetFolderAndContents, GetRelatedDocuments) return Approved and
 * Deprecated entries only. The UpdateAvailabilityStatus Associations are stored as sent, so
 * GetAssociations and GetSubmissionSetAndContents show who changed a status and when.
 */
package org.opendmp.registry.update;
