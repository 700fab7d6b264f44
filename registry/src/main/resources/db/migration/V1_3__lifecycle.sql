-- Document lifecycle (ITI TF-2b 3.42.4.1.3, ITI TF-3 4.2.2). Portable SQL: runs unchanged on H2 and PostgreSQL.
--
-- Resubmission: a DocumentEntry uniqueId may be registered again by another DocumentEntry (its own
-- entryUUID) as long as it describes the same document, same hash and size (ITI TF-3 Table
-- 4.2.4.1-2 XDSNonIdenticalHash, XDSNonIdenticalSize). document_entry no longer holds each uniqueId
-- once; document_unique_id does, with the hash and size every later submission must repeat. Its
-- primary key also settles two submissions racing to register one new uniqueId.
ALTER TABLE document_entry DROP CONSTRAINT document_entry_unique_id_version;
CREATE INDEX document_entry_unique_id ON document_entry (unique_id);

CREATE TABLE document_unique_id (
    unique_id      VARCHAR(128)  NOT NULL PRIMARY KEY,
    document_hash  VARCHAR(40)   NOT NULL,
    document_size  BIGINT        NOT NULL
);
INSERT INTO document_unique_id (unique_id, document_hash, document_size)
    SELECT unique_id, MIN(document_hash), MIN(document_size) FROM document_entry GROUP BY unique_id;

