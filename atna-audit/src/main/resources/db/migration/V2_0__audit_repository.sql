-- Audit Record Repository (IHE ATNA ITI-20 receiver, docs/AUDIT-REPOSITORY.md): the audit messages
-- received over syslog, their searchable fields, and the raw rejects. Portable SQL: runs unchanged on
-- H2 and PostgreSQL. Times are epoch milliseconds (UTC). Ids are time-ordered UUIDs made by the ARR.

-- One row per accepted message; message is the DICOM XML as received. The human requestor is the
-- ActiveParticipant with UserIsRequestor that is not a machine (source, destination, application);
-- user_key is the id searches match (the professional's idNat_PS for the DMP).
CREATE TABLE arr_event (
    id                   UUID          NOT NULL PRIMARY KEY,
    event_time           BIGINT        NOT NULL,
    received_at          BIGINT        NOT NULL,
    event_id_code        VARCHAR(64)   NOT NULL,
    event_id_system      VARCHAR(64),
    event_id_display     VARCHAR(128),
    event_action         VARCHAR(1),
    outcome              SMALLINT      NOT NULL,
    purpose_of_use       VARCHAR(64),
    user_key             VARCHAR(256),
    user_id              VARCHAR(512),
    user_name            VARCHAR(256),
    user_roles           VARCHAR(1024),
    profession_code      VARCHAR(32),
    specialty_code       VARCHAR(32),
    facility_id          VARCHAR(128),
    facility_name        VARCHAR(256),
    source_id            VARCHAR(512),
    source_address       VARCHAR(256),
    destination_id       VARCHAR(512),
    destination_address  VARCHAR(256),
    audit_source_id      VARCHAR(256),
    query_id             VARCHAR(256),
    syslog_host          VARCHAR(255)  NOT NULL,
    syslog_app           VARCHAR(48)   NOT NULL,
    syslog_procid        VARCHAR(128)  NOT NULL,
    syslog_msgid         VARCHAR(32)   NOT NULL,
    sequence_id          BIGINT,
    transport            VARCHAR(8)    NOT NULL,
    sender               VARCHAR(512),
    message              VARCHAR       NOT NULL
);
-- Dedupe: a sender re-sending after a connection failure repeats HOSTNAME, APP-NAME, PROCID and the
-- [meta sequenceId]; messages without sequenceId (NULL) are never duplicates of each other.
CREATE UNIQUE INDEX arr_event_sequence ON arr_event (sequence_id, syslog_host, syslog_app, syslog_procid);
-- Searches always have a time range; the user is the selective filter. EventID, EventTypeCode,
-- outcome, action and purpose of use have few values: they filter the rows of the time range rather
-- than have indexes of their own (every index costs at ingest, which must sustain thousands a second).
CREATE INDEX arr_event_time ON arr_event (event_time, id);
CREATE INDEX arr_event_user ON arr_event (user_key, event_time);

-- Child tables name their event by event_pk without a foreign key constraint (a check per row at
-- ingest); they are written in the same transaction as the event, and a purge deletes them first.

-- EventTypeCodes (IHE transaction, e.g. ITI-18; DMP transaction, e.g. TD3.1).
CREATE TABLE arr_event_type (
    event_pk      UUID          NOT NULL,
    code          VARCHAR(64)   NOT NULL,
    code_system   VARCHAR(64),
    display_name  VARCHAR(128)
);
CREATE INDEX arr_event_type_event ON arr_event_type (event_pk);

-- Patients (ParticipantObject type 1 role 1). patient_key is the CX reduced to id^^^&oid&ISO, the
-- form the patient registry keys patients by; event_time repeats the event's, so that a patient's
-- history is read newest first from this index alone.
CREATE TABLE arr_event_patient (
    event_pk     UUID          NOT NULL,
    patient_key  VARCHAR(256)  NOT NULL,
    patient_id   VARCHAR(512)  NOT NULL,
    event_time   BIGINT        NOT NULL
);
CREATE INDEX arr_event_patient_key ON arr_event_patient (patient_key, event_time, event_pk);
CREATE INDEX arr_event_patient_event ON arr_event_patient (event_pk);

-- Documents (type 2 role 3, uniqueId and repositoryUniqueId) and submission sets (type 2 role 20).
CREATE TABLE arr_event_object (
    event_pk       UUID          NOT NULL,
    kind           VARCHAR(16)   NOT NULL,
    object_id      VARCHAR(256)  NOT NULL,
    repository_id  VARCHAR(64)
);
CREATE INDEX arr_event_object_event ON arr_event_object (event_pk);
CREATE INDEX arr_event_object_id ON arr_event_object (object_id);

-- What peers sent that was not an audit message the ARR could store: reason (RejectReason), the
-- announced or received size, and the first bytes (at most dmp.arr.reject-kept-size).
CREATE TABLE arr_reject (
    id           UUID          NOT NULL PRIMARY KEY,
    received_at  BIGINT        NOT NULL,
    transport    VARCHAR(8)    NOT NULL,
    sender       VARCHAR(512),
    reason       VARCHAR(32)   NOT NULL,
    detail       VARCHAR(256),
    size         BIGINT        NOT NULL,
    content      BYTEA         NOT NULL
);
CREATE INDEX arr_reject_time ON arr_reject (received_at);
