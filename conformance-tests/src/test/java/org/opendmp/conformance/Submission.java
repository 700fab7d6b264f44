package org.opendmp.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fluent builder of one submission: a SubmissionSet, its DocumentEntries and Folders, their HasMember
 * associations, other associations (document relationships) and, for ITI-41, the documents as MTOM parts. Variants let tests break one rule:
 * a document without metadata, metadata without a document, an include of a missing part, an
 * unreferenced extra part.
 */
public final class Submission {

    public static final String DEFAULT_SUBMISSION_AUTHOR =
            "899900012345^TESTEUR^ALICE^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS";

    private final TestData.Patient patient;
    private String patientCx;
    private String submissionSetPatientCx;
    private String id = "SubmissionSet01";
    private String uniqueId = TestData.uniqueId();
    private String sourceId = "1.2.250.1.999.77.1";
    private String submissionTime = TestData.now();
    private Code contentType = new Code("04", Xds.CONTENT_TYPE_CODES, "Hospitalisation de jour");
    private String authorPerson = DEFAULT_SUBMISSION_AUTHOR;
    private final List<DocumentEntry> documents = new ArrayList<>();
    private final Set<DocumentEntry> withoutContent = new HashSet<>();
    private final Map<DocumentEntry, String> missingParts = new LinkedHashMap<>();
    private final Map<String, byte[]> documentsWithoutMetadata = new LinkedHashMap<>();
    private final List<Mtom.Part> unreferencedParts = new ArrayList<>();
    private final Map<Folder, List<String>> folders = new LinkedHashMap<>();
    private final List<String[]> associations = new ArrayList<>();
    private final List<String[]> setMembers = new ArrayList<>();

    private Submission(TestData.Patient patient) {
        this.patient = patient;
        this.patientCx = patient.cx();
    }

    public static Submission forPatient(TestData.Patient patient) {
        return new Submission(patient);
    }

    /** Adds entries; entries without a symbolic id get Document01, Document02, ... */
    public Submission document(DocumentEntry... entries) {
        for (DocumentEntry entry : entries) {
            documents.add(entry);
            if (entry.id() == null) {
                entry.id(String.format("Document%02d", documents.size()));
            }
        }
        return this;
    }

    /**
     * Adds a Folder, member of the SubmissionSet, holding these documents of the submission (a
     * HasMember from the Folder to each). Folders without a symbolic id get Folder01, Folder02, ...
     */
    public Submission folder(Folder folder, DocumentEntry... members) {
        if (folder.id() == null) {
            folder.id(String.format("Folder%02d", folders.size() + 1));
        }
        folders.put(folder, new ArrayList<>(Arrays.stream(members).map(DocumentEntry::id).toList()));
        return this;
    }

    /**
     * Adds an Association without slots between two objects, each a symbolic id of this submission
     * or the entryUUID of a registered object: a document relationship (RPLC, APND, XFRM,
     * XFRM_RPLC, signs) or a HasMember from a registered Folder.
     */
    public Submission association(String type, String source, String target) {
        associations.add(new String[] {type, source, target});
        return this;
    }

    /**
     * Adds a HasMember from the SubmissionSet to {@code target} (a symbolic id of this submission,
     * e.g. the Association1 of a Folder-to-DocumentEntry HasMember, or the entryUUID of a
     * registered DocumentEntry) with this SubmissionSetStatus: Original or Reference.
     */
    public Submission setMember(String target, String submissionSetStatus) {
        setMembers.add(new String[] {target, submissionSetStatus});
        return this;
    }

    /** The CX spelling used for the patient everywhere in this submission (default: strict IHE). */
    public Submission patientCx(String cx) {
        this.patientCx = cx;
        return this;
    }

    /** SubmissionSet.patientId only (documents keep {@link #patientCx}). */
    public Submission submissionSetPatientId(String cx) {
        this.submissionSetPatientCx = cx;
        return this;
    }

    public Submission uniqueId(String value) {
        this.uniqueId = value;
        return this;
    }

    public Submission sourceId(String value) {
        this.sourceId = value;
        return this;
    }

    public Submission submissionTime(String dtm) {
        this.submissionTime = dtm;
        return this;
    }

    public Submission contentType(Code code) {
        this.contentType = code;
        return this;
    }

    public Submission authorPerson(String xcn) {
        this.authorPerson = xcn;
        return this;
    }

    /** ITI-41 variant: the entry's metadata is sent but no xdsb:Document (nor part) for it. */
    public Submission withoutDocumentFor(DocumentEntry entry) {
        withoutContent.add(entry);
        return this;
    }

    /** ITI-41 variant: the entry's xdsb:Document includes a cid whose MIME part is not sent. */
    public Submission withIncludeOfMissingPart(DocumentEntry entry) {
        missingParts.put(entry, "missing-" + entry.uniqueId() + "@opendmp.test");
        return this;
    }

    /** ITI-41 variant: an xdsb:Document (and its part) that no ExtrinsicObject describes. */
    public Submission withDocumentWithoutMetadata(String symbolicId, byte[] content) {
        documentsWithoutMetadata.put(symbolicId, content);
        return this;
    }

    /** ITI-41 variant: an extra MIME part that no xop:Include refers to. */
    public Submission withUnreferencedPart(String contentId, String contentType, byte[] content) {
        unreferencedParts.add(new Mtom.Part(contentId, contentType, content, Map.of()));
        return this;
    }

    // ---------------------------------------------------------------- accessors

    public TestData.Patient patient() {
        return patient;
    }

    public String uniqueId() {
        return uniqueId;
    }

    public String symbolicId() {
        return id;
    }

    public List<DocumentEntry> documents() {
        return List.copyOf(documents);
    }

    public List<Folder> folders() {
        return List.copyOf(folders.keySet());
    }

    // ---------------------------------------------------------------- rendering

    /** The RegistryPackage, ExtrinsicObjects and HasMember Associations. */
    public String registryObjects() {
        StringBuilder out = new StringBuilder();
        String ssPatient = submissionSetPatientCx != null ? submissionSetPatientCx : patientCx;
        Map<String, List<String>> authorSlots = new LinkedHashMap<>();
        authorSlots.put("authorPerson", List.of(authorPerson));
        authorSlots.put("authorInstitution", List.of(DocumentEntry.DEFAULT_INSTITUTION));
        String classifications = Template.of("metadata/author-classification.xml")
                .with("id", id + "-cl1").with("scheme", Xds.SS_AUTHOR).with("classifiedObject", id)
                .withXml("slots", Slots.render(authorSlots)).render()
                + Template.of("metadata/code-classification.xml")
                .with("id", id + "-cl2").with("scheme", Xds.SS_CONTENT_TYPE_CODE).with("classifiedObject", id)
                .with("code", contentType.code()).with("codingScheme", contentType.scheme())
                .with("displayName", contentType.displayName()).render();
        String identifiers = externalIdentifier("-ei1", Xds.SS_PATIENT_ID, ssPatient, "XDSSubmissionSet.patientId")
                + externalIdentifier("-ei2", Xds.SS_SOURCE_ID, sourceId, "XDSSubmissionSet.sourceId")
                + externalIdentifier("-ei3", Xds.SS_UNIQUE_ID, uniqueId, "XDSSubmissionSet.uniqueId");
        out.append(Template.of("metadata/submission-set.xml")
                .with("id", id).with("submissionTime", submissionTime).with("title", "Lot de test " + uniqueId)
                .withXml("classifications", classifications).withXml("externalIdentifiers", identifiers)
                .render());
        for (DocumentEntry entry : documents) {
            out.append(entry.render(patientCx));
        }
        int n = 0;
        for (DocumentEntry entry : documents) {
            out.append(Template.of("metadata/association.xml").with("id", "HasMember" + (++n))
                    .with("type", Xds.HAS_MEMBER).with("source", id).with("target", entry.id()).render());
        }
        for (Map.Entry<Folder, List<String>> folder : folders.entrySet()) {
            String folderId = folder.getKey().id();
            out.append(folder.getKey().render(patientCx));
            out.append(Template.of("metadata/association.xml").with("id", "HasMember" + (++n))
                    .with("type", Xds.HAS_MEMBER).with("source", id).with("target", folderId).render());
            for (String member : folder.getValue()) {
                out.append(relationship("HasMember" + (++n), Xds.HAS_MEMBER, folderId, member));
            }
        }
        int a = 0;
        for (String[] association : associations) {
            out.append(relationship("Association" + (++a), association[0], association[1], association[2]));
        }
        int m = 0;
        for (String[] member : setMembers) {
            out.append(Template.of("metadata/set-member.xml").with("id", "SetMember" + (++m)).with("source", id)
                    .with("target", member[0]).with("status", member[1]).render());
        }
        return out.toString();
    }

    private static String relationship(String associationId, String type, String source, String target) {
        return Template.of("metadata/relationship.xml").with("id", associationId).with("type", type)
                .with("source", source).with("target", target).render();
    }

    private String externalIdentifier(String suffix, String scheme, String value, String name) {
        return Template.of("metadata/external-identifier.xml").with("id", id + suffix).with("scheme", scheme)
                .with("registryObject", id).with("value", value).with("name", name).render();
    }

    /** ITI-41 body: xdsb:ProvideAndRegisterDocumentSetRequest with xop:Include references. */
    public String provideAndRegisterBody() {
        StringBuilder includes = new StringBuilder();
        for (DocumentEntry entry : documents) {
            if (withoutContent.contains(entry)) {
                continue;
            }
            String cid = missingParts.getOrDefault(entry, contentId(entry.id()));
            includes.append(include(entry.id(), cid));
        }
        documentsWithoutMetadata.keySet().forEach(symbolicId -> includes.append(include(symbolicId,
                contentId(symbolicId))));
        return Template.of("iti41/provide-and-register.xml")
                .withXml("registryObjects", registryObjects())
                .withXml("documents", includes.toString())
                .render();
    }

    private static String include(String symbolicId, String cid) {
        return Template.of("iti41/document-include.xml").with("id", symbolicId).with("contentId", cid).render();
    }

    /** ITI-41 MIME parts, in document order, plus the unreferenced ones. */
    public List<Mtom.Part> parts() {
        List<Mtom.Part> parts = new ArrayList<>();
        for (DocumentEntry entry : documents) {
            if (withoutContent.contains(entry) || missingParts.containsKey(entry)) {
                continue;
            }
            parts.add(new Mtom.Part(contentId(entry.id()), entry.mimeType(), entry.content(), Map.of()));
        }
        documentsWithoutMetadata.forEach((symbolicId, content) ->
                parts.add(new Mtom.Part(contentId(symbolicId), "text/xml", content, Map.of())));
        parts.addAll(unreferencedParts);
        return parts;
    }

    private String contentId(String symbolicId) {
        return symbolicId + "." + uniqueId + "@opendmp.test";
    }

    /** ITI-42 body: lcm:SubmitObjectsRequest. */
    public String registerBody() {
        return Template.of("iti42/register.xml").withXml("registryObjects", registryObjects()).render();
    }
}
