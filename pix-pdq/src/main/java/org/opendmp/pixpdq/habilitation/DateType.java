package org.opendmp.pixpdq.habilitation;

/**
 * What TD0.4's {@code startDate} applies to ({@code dateTypeEnum}, the DMP's spelling): the date of
 * the professional's authorization, or the date of the last document added to the patient's DMP.
 */
public enum DateType {
    LASTAUTORIZATION, LASTDOC;

    /** The date type named {@code value}, or null when it is neither. */
    public static DateType of(String value) {
        for (DateType type : values()) {
            if (type.name().equals(value)) {
                return type;
            }
        }
        return null;
    }
}
