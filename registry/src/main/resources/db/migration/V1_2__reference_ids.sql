-- DocumentEntry.referenceIdList (slot urn:ihe:iti:xds:2013:referenceIdList), queried by
-- FindDocumentsByReferenceId (ITI TF-2a 3.18.4.1.2.3.7.14). One row per CXi value, stored as
-- submitted. Portable SQL: runs unchanged on H2 and PostgreSQL.
-- V1_1 belongs to the repository module (V1_1__repository_documents.sql).

CREATE TABLE document_entry_reference (
    entry_uuid    VARCHAR(64)   NOT NULL REFERENCES document_entry (uuid) ON DELETE CASCADE,
    reference_id  VARCHAR(1024) NOT NULL
);
CREATE INDEX document_entry_reference_id ON document_entry_reference (reference_id);
CREATE INDEX document_entry_reference_entry ON document_entry_reference (entry_uuid);
