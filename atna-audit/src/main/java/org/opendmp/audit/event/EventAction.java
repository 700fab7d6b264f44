package org.opendmp.audit.event;

import org.openehealth.ipf.commons.audit.codes.EventActionCode;

/** The DICOM EventActionCode: what the event did to the data. */
public enum EventAction {
    CREATE(EventActionCode.Create),
    READ(EventActionCode.Read),
    UPDATE(EventActionCode.Update),
    DELETE(EventActionCode.Delete),
    EXECUTE(EventActionCode.Execute);

    private final EventActionCode code;

    EventAction(EventActionCode code) {
        this.code = code;
    }

    EventActionCode code() {
        return code;
    }
}
