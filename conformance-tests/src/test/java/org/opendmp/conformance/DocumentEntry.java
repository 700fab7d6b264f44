package org.opendmp.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fluent builder of one XDS DocumentEntry (an ebRIM ExtrinsicObject) and its content. Defaults give
 * a complete, valid DMP entry; tests change or remove ({@link #without}) what the rule they check
 * is about.
 *
 * <p>Names accepted by {@link #without}: any slot name (creationTime, languageCode, hash, size,
 * repositoryUniqueId, serviceStartTime, ...), {@code author}, the code names (classCode, typeCode,
 * formatCode, healthcareFacilityTypeCode, practiceSettingCode, confidentialityCode, eventCodeList),
 * {@code patientId} and {@code uniqueId}.
 */
public final class DocumentEntry {

    public static final String DEFAULT_AUTHOR =
            "899900012345^TESTEUR^ALICE^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS";
    public static final String DEFAULT_INSTITUTION =
            "CLINIQUE DES TESTS^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^499900012345001";

    private String id;
    private String uniqueId = TestData.uniqueId();
    private String patientId;
    private String mimeType = "text/xml";
    private String objectType = Xds.STABLE_DOCUMENT_ENTRY;
    private String title = "Compte rendu de test";
    private byte[] content;
    private final Map<String, List<String>> slots = new LinkedHashMap<>();
    private final Map<String, List<String>> extraSlots = new LinkedHashMap<>();
    private final List<String> authorPersons = new ArrayList<>(List.of(DEFAULT_AUTHOR));
    private String authorInstitution = DEFAULT_INSTITUTION;
    private final Map<String, List<Code>> codes = new LinkedHashMap<>();
    private final Set<String> omitted = new HashSet<>();

    private DocumentEntry() {
        slots.put("creationTime", List.of("20240105103000"));
        slots.put("languageCode", List.of("fr-FR"));
        slots.put("serviceStartTime", List.of("20240105090000"));
        slots.put("serviceStopTime", List.of("20240105100000"));
        slots.put("sourcePatientInfo", List.of("PID-5|TESTPATIENT^CLAUDE^^^^^L", "PID-7|19800101", "PID-8|U"));
        codes.put("classCode", List.of(new Code("10", Xds.TRE_A03_CLASS_CODE, "Compte rendu")));
        codes.put("confidentialityCode", List.of(new Code("N", Xds.CONFIDENTIALITY, "Normal")));
        codes.put("eventCodeList", List.of());
        codes.put("formatCode", List.of(new Code("urn:ihe:iti:xds-sd:text:2008", Xds.FORMAT_CODES, "Texte")));
        codes.put("healthcareFacilityTypeCode",
                List.of(new Code("SA07", Xds.TRE_R02_FACILITY_TYPE, "Cabinet individuel")));
        codes.put("practiceSettingCode",
                List.of(new Code("ETABLISSEMENT", Xds.TRE_A01_PRACTICE_SETTING, "Etablissement de santé")));
        codes.put("typeCode", List.of(new Code("11488-4", Xds.LOINC, "Note de consultation")));
    }

    /** A complete, valid entry with a fresh uniqueId and a small unique CDA content. */
    public static DocumentEntry create() {
        DocumentEntry entry = new DocumentEntry();
        entry.content = TestData.cdaDocument("Document " + entry.uniqueId);
        return entry;
    }

    // ---------------------------------------------------------------- identity and content

    /** Symbolic id of the ExtrinsicObject (set by {@link Submission} when not given). */
    public DocumentEntry id(String symbolicId) {
        this.id = symbolicId;
        return this;
    }

    public DocumentEntry uniqueId(String value) {
        this.uniqueId = value;
        return this;
    }

    /** DocumentEntry.patientId CX (by default the submission's patient). */
    public DocumentEntry patientId(String cx) {
        this.patientId = cx;
        return this;
    }

    public DocumentEntry mimeType(String value) {
        this.mimeType = value;
        return this;
    }

    public DocumentEntry title(String value) {
        this.title = value;
        return this;
    }

    public DocumentEntry content(byte[] bytes) {
        this.content = bytes.clone();
        return this;
    }

    // ---------------------------------------------------------------- slots

    /** Sets (replaces) a standard slot. */
    public DocumentEntry slot(String name, String... values) {
        slots.put(name, List.of(values));
        omitted.remove(name);
        return this;
    }

    /** Adds a slot that is not XDS metadata: the registry must store it and give it back unchanged. */
    public DocumentEntry extraSlot(String name, String... values) {
        extraSlots.put(name, List.of(values));
        return this;
    }

    public DocumentEntry creationTime(String dtm) {
        return slot("creationTime", dtm);
    }

    public DocumentEntry serviceStartTime(String dtm) {
        return slot("serviceStartTime", dtm);
    }

    public DocumentEntry serviceStopTime(String dtm) {
        return slot("serviceStopTime", dtm);
    }

    /** DocumentEntry.referenceIdList: CXi values (slot urn:ihe:iti:xds:2013:referenceIdList). */
    public DocumentEntry referenceIds(String... cxi) {
        return slot(Xds.REFERENCE_ID_LIST, cxi);
    }

    public DocumentEntry hash(String hex) {
        return slot("hash", hex);
    }

    public DocumentEntry size(long bytes) {
        return slot("size", Long.toString(bytes));
    }

    public DocumentEntry repositoryUniqueId(String oid) {
        return slot("repositoryUniqueId", oid);
    }

    /** hash and size slots computed from the content (what a correct Document Source may send). */
    public DocumentEntry withCorrectHashAndSize() {
        return hash(TestData.sha1(content)).size(content.length);
    }

    /** hash, size and repositoryUniqueId, as a Document Repository sends them to the registry (ITI-42). */
    public DocumentEntry withRegistryAttributes(String repositoryUniqueId) {
        return withCorrectHashAndSize().repositoryUniqueId(repositoryUniqueId);
    }

    // ---------------------------------------------------------------- author and codes

    public DocumentEntry authorPerson(String... xcn) {
        authorPersons.clear();
        authorPersons.addAll(Arrays.asList(xcn));
        return this;
    }

    /** The authorInstitution (XON, the national id in XON.10); by default {@link #DEFAULT_INSTITUTION}. */
    public DocumentEntry authorInstitution(String xon) {
        this.authorInstitution = xon;
        return this;
    }

    public DocumentEntry classCode(Code code) {
        return code("classCode", code);
    }

    public DocumentEntry typeCode(Code code) {
        return code("typeCode", code);
    }

    public DocumentEntry formatCode(Code code) {
        return code("formatCode", code);
    }

    public DocumentEntry healthcareFacilityTypeCode(Code code) {
        return code("healthcareFacilityTypeCode", code);
    }

    public DocumentEntry practiceSettingCode(Code code) {
        return code("practiceSettingCode", code);
    }

    public DocumentEntry confidentialityCodes(Code... values) {
        return code("confidentialityCode", values);
    }

    public DocumentEntry eventCodes(Code... values) {
        return code("eventCodeList", values);
    }

    private DocumentEntry code(String name, Code... values) {
        codes.put(name, List.of(values));
        omitted.remove(name);
        return this;
    }

    /** Leaves the named attributes out of the metadata. */
    public DocumentEntry without(String... names) {
        omitted.addAll(Arrays.asList(names));
        return this;
    }

    // ---------------------------------------------------------------- accessors

    public String id() {
        return id;
    }

    public String uniqueId() {
        return uniqueId;
    }

    public byte[] content() {
        return content.clone();
    }

    public String mimeType() {
        return mimeType;
    }

    public String sha1() {
        return TestData.sha1(content);
    }

    // ---------------------------------------------------------------- rendering

    String render(String defaultPatientCx) {
        if (id == null) {
            throw new IllegalStateException("DocumentEntry without symbolic id");
        }
        String patient = patientId != null ? patientId : defaultPatientCx;
        Map<String, List<String>> allSlots = new LinkedHashMap<>();
        slots.forEach((name, values) -> {
            if (!omitted.contains(name)) {
                allSlots.put(name, values);
            }
        });
        if (!omitted.contains("sourcePatientId") && !allSlots.containsKey("sourcePatientId")) {
            allSlots.put("sourcePatientId", List.of(patient));
        }
        allSlots.putAll(extraSlots);

        StringBuilder classifications = new StringBuilder();
        int n = 0;
        if (!omitted.contains("author")) {
            Map<String, List<String>> authorSlots = new LinkedHashMap<>();
            authorSlots.put("authorPerson", authorPersons);
            authorSlots.put("authorInstitution", List.of(authorInstitution));
            authorSlots.put("authorSpecialty",
                    List.of("G15_10/SM26^Médecin - Qualifié en Médecine Générale (SM)^1.2.250.1.213.1.1.4.5"));
            classifications.append(Template.of("metadata/author-classification.xml")
                    .with("id", id + "-cl" + (++n)).with("scheme", Xds.DE_AUTHOR).with("classifiedObject", id)
                    .withXml("slots", Slots.render(authorSlots)).render());
        }
        for (Map.Entry<String, List<Code>> entry : codes.entrySet()) {
            if (omitted.contains(entry.getKey())) {
                continue;
            }
            for (Code code : entry.getValue()) {
                classifications.append(Template.of("metadata/code-classification.xml")
                        .with("id", id + "-cl" + (++n)).with("scheme", schemeOf(entry.getKey()))
                        .with("classifiedObject", id).with("code", code.code())
                        .with("codingScheme", code.scheme()).with("displayName", code.displayName()).render());
            }
        }

        StringBuilder identifiers = new StringBuilder();
        if (!omitted.contains("patientId")) {
            identifiers.append(externalIdentifier(id + "-ei1", Xds.DE_PATIENT_ID, patient,
                    "XDSDocumentEntry.patientId"));
        }
        if (!omitted.contains("uniqueId")) {
            identifiers.append(externalIdentifier(id + "-ei2", Xds.DE_UNIQUE_ID, uniqueId,
                    "XDSDocumentEntry.uniqueId"));
        }
        return Template.of("metadata/document-entry.xml")
                .with("id", id).with("mimeType", mimeType).with("objectType", objectType).with("title", title)
                .withXml("slots", Slots.render(allSlots))
                .withXml("classifications", classifications.toString())
                .withXml("externalIdentifiers", identifiers.toString())
                .render();
    }

    private String externalIdentifier(String eiId, String scheme, String value, String name) {
        return Template.of("metadata/external-identifier.xml").with("id", eiId).with("scheme", scheme)
                .with("registryObject", id).with("value", value).with("name", name).render();
    }

    private static String schemeOf(String codeName) {
        return switch (codeName) {
            case "classCode" -> Xds.DE_CLASS_CODE;
            case "typeCode" -> Xds.DE_TYPE_CODE;
            case "formatCode" -> Xds.DE_FORMAT_CODE;
            case "healthcareFacilityTypeCode" -> Xds.DE_HEALTHCARE_FACILITY_TYPE_CODE;
            case "practiceSettingCode" -> Xds.DE_PRACTICE_SETTING_CODE;
            case "confidentialityCode" -> Xds.DE_CONFIDENTIALITY_CODE;
            case "eventCodeList" -> Xds.DE_EVENT_CODE;
            default -> throw new IllegalArgumentException(codeName);
        };
    }
}
