package org.opendmp.registry.affinity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The coded XDS attributes an affinity domain may restrict, each with the name used in error
 * messages and in value set file names ({@code <name>.txt}).
 *
 * <p>For most attributes the value set lists codes; for eventCodeList and Folder codeList it lists
 * code systems only (CCAM, CIM-10, ... are far too large to list, and a code system is what the
 * affinity domain agrees on).
 */
public enum CodedAttribute {
    CLASS_CODE("classCode", false),
    TYPE_CODE("typeCode", false),
    FORMAT_CODE("formatCode", false),
    PRACTICE_SETTING_CODE("practiceSettingCode", false),
    HEALTHCARE_FACILITY_TYPE_CODE("healthcareFacilityTypeCode", false),
    CONFIDENTIALITY_CODE("confidentialityCode", false),
    EVENT_CODE_LIST("eventCodeList", true),
    /** SubmissionSet.contentTypeCode. */
    CONTENT_TYPE_CODE("contentTypeCode", false),
    /** Folder.codeList. */
    FOLDER_CODE_LIST("codeList", true);

    private final String attributeName;
    private final boolean codeSystemsOnly;

    CodedAttribute(String attributeName, boolean codeSystemsOnly) {
        this.attributeName = attributeName;
        this.codeSystemsOnly = codeSystemsOnly;
    }

    /** The XDS attribute name, as in error messages. */
    public String attributeName() {
        return attributeName;
    }

    /** True when the value set lists accepted code systems (codingSchemes) rather than codes. */
    public boolean codeSystemsOnly() {
        return codeSystemsOnly;
    }

    /** The value set file of this attribute in a profile directory. */
    public String fileName() {
        return attributeName + ".txt";
    }

    public static Optional<CodedAttribute> forFileName(String fileName) {
        return Arrays.stream(values()).filter(a -> a.fileName().equals(fileName)).findFirst();
    }
}
