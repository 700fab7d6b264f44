-- XDS Metadata Update (ITI-57, ITI TF-2b 3.57): Folders get versions like DocumentEntries
-- (document_entry has had lid and entry_version since V1_0). Every version of a Folder keeps
-- its uniqueId, so the uniqueId is unique per version, not per table. Existing Folders are
-- first versions: their logicalID is their entryUUID. Portable SQL: runs unchanged on H2 and
-- PostgreSQL. V1_3 is reserved for another change.

ALTER TABLE folder ADD COLUMN lid VARCHAR(64);
ALTER TABLE folder ADD COLUMN entry_version INTEGER DEFAULT 1 NOT NULL;
UPDATE folder SET lid = uuid;
ALTER TABLE folder ALTER COLUMN lid SET NOT NULL;
ALTER TABLE folder DROP CONSTRAINT folder_unique_id;
ALTER TABLE folder ADD CONSTRAINT folder_unique_id_version UNIQUE (unique_id, entry_version);
ALTER TABLE folder ADD CONSTRAINT folder_lid_version UNIQUE (lid, entry_version);
