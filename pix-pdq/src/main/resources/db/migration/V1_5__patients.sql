-- The patient registry: one row per INS, local identifiers cross-referenced to it.
-- patient_id is the INS in the registry's canonical CX form (id^^^&oid&ISO), the same string
-- the document registry keys its tables on. Name keys are upper case without accents, for PDQ.
CREATE TABLE patient (
    patient_id               VARCHAR(256)  NOT NULL PRIMARY KEY,
    ins_id                   VARCHAR(64)   NOT NULL,
    ins_authority            VARCHAR(64)   NOT NULL,
    birth_name               VARCHAR(256)  NOT NULL,
    birth_name_key           VARCHAR(256)  NOT NULL,
    used_name                VARCHAR(256),
    used_name_key            VARCHAR(256),
    given_names              VARCHAR(512),
    given_name_key           VARCHAR(256),
    sex                      CHAR(1)       NOT NULL,
    birth_date               DATE,
    birth_place_code         VARCHAR(5),
    dmp_status               VARCHAR(16)   NOT NULL,
    closed_at                TIMESTAMP,
    closure_reason           VARCHAR(64),
    consent                  BOOLEAN       NOT NULL,
    opposition_bris_de_glace BOOLEAN       NOT NULL,
    opposition_centre_15     BOOLEAN       NOT NULL,
    merged_into              VARCHAR(256),
    updated_at               TIMESTAMP     NOT NULL
);
CREATE INDEX patient_birth_name ON patient (birth_name_key, given_name_key);
CREATE INDEX patient_used_name ON patient (used_name_key, given_name_key);
CREATE INDEX patient_birth_date ON patient (birth_date);

CREATE TABLE patient_identifier (
    authority   VARCHAR(64)   NOT NULL,
    id          VARCHAR(128)  NOT NULL,
    patient_id  VARCHAR(256)  NOT NULL REFERENCES patient (patient_id),
    PRIMARY KEY (authority, id)
);
CREATE INDEX patient_identifier_patient ON patient_identifier (patient_id);

CREATE TABLE patient_telecom (
    patient_id  VARCHAR(256)  NOT NULL REFERENCES patient (patient_id),
    position    INT           NOT NULL,
    use_code    VARCHAR(16),
    telecom     VARCHAR(256)  NOT NULL,
    PRIMARY KEY (patient_id, position)
);
