-- XDS registry tables (IHE ITI TF-3 4.2). Portable SQL: runs unchanged on H2 and PostgreSQL.
-- Every hot query is per patient: patient_id leads the indexes (and is the natural
-- partitioning / distribution key when the tables grow past one node).
-- Codes are stored in their stored-query form, code^^scheme. Times are DTM padded to
-- 14 digits (YYYYMMDDhhmmss) so ranges compare as numbers. ebrim holds the object exactly
-- as submitted (ids resolved), returned by LeafClass queries.

CREATE TABLE submission_set (
    uuid               VARCHAR(64)   NOT NULL PRIMARY KEY,
    unique_id          VARCHAR(64)   NOT NULL,
    patient_id         VARCHAR(256)  NOT NULL,
    status             VARCHAR(128)  NOT NULL,
    source_id          VARCHAR(64)   NOT NULL,
    submission_time    BIGINT        NOT NULL,
    content_type_code  VARCHAR(512)  NOT NULL,
    ebrim              VARCHAR       NOT NULL,
    CONSTRAINT submission_set_unique_id UNIQUE (unique_id)
);
CREATE INDEX submission_set_patient ON submission_set (patient_id, submission_time);

CREATE TABLE submission_set_author (
    set_uuid       VARCHAR(64)   NOT NULL REFERENCES submission_set (uuid) ON DELETE CASCADE,
    author_person  VARCHAR(1024) NOT NULL
);
CREATE INDEX submission_set_author_set ON submission_set_author (set_uuid);

CREATE TABLE document_entry (
    uuid                           VARCHAR(64)   NOT NULL PRIMARY KEY,
    lid                            VARCHAR(64)   NOT NULL,
    entry_version                  INTEGER       NOT NULL,
    unique_id                      VARCHAR(128)  NOT NULL,
    patient_id                     VARCHAR(256)  NOT NULL,
    status                         VARCHAR(128)  NOT NULL,
    object_type                    VARCHAR(64)   NOT NULL,
    mime_type                      VARCHAR(128)  NOT NULL,
    class_code                     VARCHAR(512)  NOT NULL,
    type_code                      VARCHAR(512)  NOT NULL,
    format_code                    VARCHAR(512)  NOT NULL,
    practice_setting_code          VARCHAR(512)  NOT NULL,
    healthcare_facility_type_code  VARCHAR(512)  NOT NULL,
    creation_time                  BIGINT        NOT NULL,
    service_start_time             BIGINT,
    service_stop_time              BIGINT,
    document_hash                  VARCHAR(40)   NOT NULL,
    document_size                  BIGINT        NOT NULL,
    repository_unique_id           VARCHAR(64)   NOT NULL,
    submission_set_uuid            VARCHAR(64)   NOT NULL REFERENCES submission_set (uuid),
    ebrim                          VARCHAR       NOT NULL,
    CONSTRAINT document_entry_unique_id_version UNIQUE (unique_id, entry_version),
    CONSTRAINT document_entry_lid_version UNIQUE (lid, entry_version)
);
CREATE INDEX document_entry_patient ON document_entry (patient_id, status, creation_time);

-- Multi-valued attributes: confidentialityCode, eventCodeList.
CREATE TABLE document_entry_code (
    entry_uuid  VARCHAR(64)  NOT NULL REFERENCES document_entry (uuid) ON DELETE CASCADE,
    attribute   VARCHAR(32)  NOT NULL,
    code        VARCHAR(512) NOT NULL
);
CREATE INDEX document_entry_code_entry ON document_entry_code (entry_uuid, attribute, code);

CREATE TABLE document_entry_author (
    entry_uuid     VARCHAR(64)   NOT NULL REFERENCES document_entry (uuid) ON DELETE CASCADE,
    author_person  VARCHAR(1024) NOT NULL
);
CREATE INDEX document_entry_author_entry ON document_entry_author (entry_uuid);

CREATE TABLE folder (
    uuid              VARCHAR(64)   NOT NULL PRIMARY KEY,
    unique_id         VARCHAR(64)   NOT NULL,
    patient_id        VARCHAR(256)  NOT NULL,
    status            VARCHAR(128)  NOT NULL,
    last_update_time  BIGINT        NOT NULL,
    ebrim             VARCHAR       NOT NULL,
    CONSTRAINT folder_unique_id UNIQUE (unique_id)
);
CREATE INDEX folder_patient ON folder (patient_id, last_update_time);

CREATE TABLE folder_code (
    folder_uuid  VARCHAR(64)  NOT NULL REFERENCES folder (uuid) ON DELETE CASCADE,
    code         VARCHAR(512) NOT NULL
);
CREATE INDEX folder_code_folder ON folder_code (folder_uuid);

CREATE TABLE association (
    uuid                   VARCHAR(64)   NOT NULL PRIMARY KEY,
    association_type       VARCHAR(128)  NOT NULL,
    source_uuid            VARCHAR(64)   NOT NULL,
    target_uuid            VARCHAR(64)   NOT NULL,
    status                 VARCHAR(128)  NOT NULL,
    submission_set_status  VARCHAR(16),
    patient_id             VARCHAR(256)  NOT NULL,
    ebrim                  VARCHAR       NOT NULL
);
CREATE INDEX association_source ON association (source_uuid);
CREATE INDEX association_target ON association (target_uuid);
