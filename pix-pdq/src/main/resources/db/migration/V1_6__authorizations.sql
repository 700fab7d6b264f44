-- Professionals' authorizations on patients' DMPs (TD0.3, TD1.6, TD0.4) and the patient's blocks.
-- One row per patient (canonical INS, as the patient table keys it) and professional (idNat_PS):
-- ACTIVE (the professional declared the patient's consent) or INTERDITE (the patient blocked them),
-- the treating-doctor flag (MT, at most one per patient, never on an INTERDITE row), what the VIHF
-- told of the professional when they last acted, when the current status started and the last change.
CREATE TABLE habilitation (
    patient_id       VARCHAR(256)  NOT NULL REFERENCES patient (patient_id),
    professional_id  VARCHAR(64)   NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    treating_doctor  BOOLEAN       NOT NULL,
    first_name       VARCHAR(128),
    last_name        VARCHAR(256),
    profession_code  VARCHAR(32),
    specialty_code   VARCHAR(32),
    facility_id      VARCHAR(64),
    started_at       TIMESTAMP     NOT NULL,
    last_action_at   TIMESTAMP     NOT NULL,
    PRIMARY KEY (patient_id, professional_id)
);
-- TD0.4: the patients a professional is authorized on, by date of authorization.
CREATE INDEX habilitation_professional ON habilitation (professional_id, status, started_at);
