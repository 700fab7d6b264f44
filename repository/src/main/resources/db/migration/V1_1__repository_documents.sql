-- Document bytes of the repository, written in the same transaction as their metadata.
-- Portable SQL: BYTEA is PostgreSQL's binary type and an alias of BINARY VARYING in H2.
CREATE TABLE document (
    unique_id             VARCHAR(128) NOT NULL PRIMARY KEY,
    repository_unique_id  VARCHAR(64)  NOT NULL,
    mime_type             VARCHAR(128) NOT NULL,
    document_hash         VARCHAR(40)  NOT NULL,
    document_size         BIGINT       NOT NULL,
    content               BYTEA        NOT NULL
);
