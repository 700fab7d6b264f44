-- What the DMP access rules read of a DocumentEntry (org.opendmp.security.access.DocumentFacts)
-- besides its columns and confidentialityCodes: the ids of its authors, authorPerson XCN.1
-- (attribute 'authorPerson') and authorInstitution XON.10, or XON.3 when XON.10 is empty
-- (attribute 'authorInstitution'). They are parsed from the HL7 values at registration and at
-- each new version (ITI-57); document_entry_author keeps the whole XCN for FindDocuments.
-- Portable SQL: runs unchanged on H2 and PostgreSQL.
CREATE TABLE document_entry_author_id (
    entry_uuid  VARCHAR(64)   NOT NULL REFERENCES document_entry (uuid) ON DELETE CASCADE,
    attribute   VARCHAR(32)   NOT NULL,
    author_id   VARCHAR(1024) NOT NULL
);
CREATE INDEX document_entry_author_id_entry ON document_entry_author_id (entry_uuid);

-- Whether the entry's author ids are in document_entry_author_id. Entries registered before this
-- migration are not: parsing their stored ebRIM XML is beyond portable SQL, so the registry reads
-- their ids from the ebRIM at each lookup until org.opendmp.registry.access.AuthorIdBackfill has
-- stored them. Writers set TRUE; an entry left FALSE is still read correctly, only slower.
ALTER TABLE document_entry ADD COLUMN author_ids_indexed BOOLEAN DEFAULT FALSE NOT NULL;
