package org.opendmp.registry.ebrim;

import static org.opendmp.registry.ebrim.XdsVocabulary.*;

import jakarta.xml.bind.JAXBElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opendmp.registry.affinity.AffinityDomain;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.registry.hl7.Cx;
import org.opendmp.registry.hl7.Dtm;
import org.opendmp.registry.hl7.Xcn;
import org.opendmp.registry.hl7.Xon;
import org.opendmp.registry.hl7.Xtn;
import org.opendmp.registry.model.Association;
import org.opendmp.registry.model.Author;
import org.opendmp.registry.model.Code;
import org.opendmp.registry.model.DocumentEntry;
import org.opendmp.registry.model.Folder;
import org.opendmp.registry.model.Submission;
import org.opendmp.registry.model.SubmissionSet;
import org.opendmp.registry.patient.PatientIdPolicy;
import org.opendmp.wsdl.rim.AssociationType1;
import org.opendmp.wsdl.rim.ClassificationType;
import org.opendmp.wsdl.rim.ExternalIdentifierType;
import org.opendmp.wsdl.rim.ExtrinsicObjectType;
import org.opendmp.wsdl.rim.IdentifiableType;
import org.opendmp.wsdl.rim.InternationalStringType;
import org.opendmp.wsdl.rim.ObjectRefType;
import org.opendmp.wsdl.rim.RegistryObjectListType;
import org.opendmp.wsdl.rim.RegistryObjectType;
import org.opendmp.wsdl.rim.RegistryPackageType;
import org.opendmp.wsdl.rim.VersionInfoType;

/**
 * Reads the RegistryObjectList of a SubmitObjectsRequest (ITI-42, or ITI-41 once the
 * repository has set size, hash and repositoryUniqueId) into a validated {@link Submission}.
 *
 * <p>Applies the rules of IHE ITI TF-3 4.1 and 4.2.3 that need no registry lookup: required
 * attributes and their cardinality, HL7 datatypes, one SubmissionSet, one patient, HasMember
 * for every new DocumentEntry and Folder, uniqueIds unique within the message. Symbolic ids
 * become {@code urn:uuid:} ids everywhere they are referenced; Classifications and
 * ExternalIdentifiers given at the top level are folded into the object they describe, so the
 * stored object is self-contained. Codes are checked against the {@link AffinityDomain}'s value
 * sets. Lookups against stored content are the caller's job.
 *
 * <p>Not thread-safe state: one reader per request is cheap ({@link #read} keeps its state in a
 * local context).
 */
public final class SubmissionReader {

    private static final Set<String> ASSOCIATION_TYPES =
            Set.of(HAS_MEMBER, RPLC, XFRM, APND, XFRM_RPLC, SIGNS, IS_SNAPSHOT_OF);

    private final PatientIdPolicy patientIds;
    private final AffinityDomain affinityDomain;

    /** A reader accepting any well-formed code (the {@code ihe-test} affinity domain). */
    public SubmissionReader(PatientIdPolicy patientIds) {
        this(patientIds, AffinityDomain.iheTest());
    }

    /** The patient id policy submissions are read with (registrations re-check it in their transaction). */
    public PatientIdPolicy patientIds() {
        return patientIds;
    }

    public SubmissionReader(PatientIdPolicy patientIds, AffinityDomain affinityDomain) {
        this.patientIds = patientIds;
        this.affinityDomain = affinityDomain;
    }

    public Submission read(RegistryObjectListType list) {
        if (list == null || list.getIdentifiable().isEmpty()) {
            throw new XdsException(XdsErrorCode.XDSRegistryMetadataError, "empty RegistryObjectList");
        }
        return new Context().read(list);
    }

    /** The state of reading one message. */
    private final class Context {
        private final Map<String, String> ids = new HashMap<>();          // submitted id -> final id
        private final Map<String, String> submittedIds = new HashMap<>(); // final id -> submitted id
        private final List<ExtrinsicObjectType> extrinsicObjects = new ArrayList<>();
        private final List<RegistryPackageType> packages = new ArrayList<>();
        private final List<AssociationType1> associations = new ArrayList<>();
        private final List<ClassificationType> classifications = new ArrayList<>();
        private final List<ExternalIdentifierType> externalIdentifiers = new ArrayList<>();

        Submission read(RegistryObjectListType list) {
            for (JAXBElement<? extends IdentifiableType> element : list.getIdentifiable()) {
                collect(element.getValue());
            }
            assignIds();
            foldTopLevelChildren();
            lowerCaseSchemeUuids();

            RegistryPackageType submissionSetPackage = null;
            List<RegistryPackageType> folderPackages = new ArrayList<>();
            for (RegistryPackageType rp : packages) {
                if (isClassifiedAs(rp, SUBMISSION_SET_NODE)) {
                    if (submissionSetPackage != null) {
                        throw error("a submission carries exactly one SubmissionSet", rp);
                    }
                    submissionSetPackage = rp;
                } else if (isClassifiedAs(rp, FOLDER_NODE)) {
                    folderPackages.add(rp);
                } else {
                    throw error("RegistryPackage is classified neither as SubmissionSet nor as Folder", rp);
                }
            }
            if (submissionSetPackage == null) {
                throw new XdsException(XdsErrorCode.XDSRegistryMetadataError,
                        "no SubmissionSet (RegistryPackage classified " + SUBMISSION_SET_NODE + ")");
            }

            Map<String, IdentifiableType> ebrim = new LinkedHashMap<>();
            SubmissionSet submissionSet = submissionSet(submissionSetPackage);
            affinityDomain.check(submissionSet, location(submissionSetPackage));
            ebrim.put(submissionSet.entryUuid(), submissionSetPackage);
            List<DocumentEntry> entries = new ArrayList<>();
            for (ExtrinsicObjectType eo : extrinsicObjects) {
                DocumentEntry entry = documentEntry(eo, submissionSet.patientId());
                affinityDomain.check(entry, location(eo));
                entries.add(entry);
                ebrim.put(entry.entryUuid(), eo);
            }
            List<Folder> folders = new ArrayList<>();
            for (RegistryPackageType rp : folderPackages) {
                Folder folder = folder(rp, submissionSet.patientId());
                affinityDomain.check(folder, location(rp));
                folders.add(folder);
                ebrim.put(folder.entryUuid(), rp);
            }
            List<Association> links = new ArrayList<>();
            for (AssociationType1 a : associations) {
                Association association = association(a);
                links.add(association);
                ebrim.put(association.entryUuid(), a);
            }
            checkUniqueIdsDistinct(submissionSet, entries, folders);
            checkMembership(submissionSet, entries, folders, links, ebrim.keySet());
            for (IdentifiableType object : ebrim.values()) {
                RegistryObjectType ro = (RegistryObjectType) object;
                ro.setStatus(STATUS_APPROVED);
                ro.setLid(ro.getId());
                ro.setVersionInfo(firstVersion());
            }
            // Only top-level objects are rows of the registry, so only their ids can clash.
            Set<String> supplied = new HashSet<>();
            for (String id : ebrim.keySet()) {
                if (isUuid(submittedIds.get(id))) {
                    supplied.add(id);
                }
            }
            return new Submission(submissionSet, List.copyOf(entries), List.copyOf(folders), List.copyOf(links), ebrim,
                    Set.copyOf(supplied));
        }

        private void collect(IdentifiableType object) {
            if (object instanceof ExtrinsicObjectType eo) {
                extrinsicObjects.add(eo);
            } else if (object instanceof RegistryPackageType rp) {
                packages.add(rp);
            } else if (object instanceof AssociationType1 a) {
                associations.add(a);
            } else if (object instanceof ClassificationType c) {
                classifications.add(c);
            } else if (object instanceof ExternalIdentifierType ei) {
                externalIdentifiers.add(ei);
            } else if (!(object instanceof ObjectRefType)) {
                throw new XdsException(XdsErrorCode.XDSRegistryMetadataError,
                        "unexpected object in a submission: " + object.getClass().getSimpleName()
                                .replace("Type1", "").replace("Type", ""), object.getId());
            }
        }

        /** Gives every object a final id: its own urn:uuid, or a new one for a symbolic id. */
        private void assignIds() {
            List<IdentifiableType> all = new ArrayList<>();
            all.addAll(extrinsicObjects);
            all.addAll(packages);
            all.addAll(associations);
            all.addAll(classifications);
            all.addAll(externalIdentifiers);
            for (RegistryObjectType ro : registryObjects()) {
                all.addAll(ro.getClassification());
                all.addAll(ro.getExternalIdentifier());
            }
            for (IdentifiableType object : all) {
                String submitted = object.getId();
                if (submitted == null || submitted.isBlank()) {
                    throw new XdsException(XdsErrorCode.XDSRegistryMetadataError, "an object has no id");
                }
                if (ids.containsKey(submitted)) {
                    throw new XdsException(XdsErrorCode.XDSRegistryMetadataError,
                            "id used by more than one object in the submission", submitted);
                }
                String id = isUuid(submitted) ? submitted.toLowerCase(Locale.ROOT) : URN_UUID + UUID.randomUUID();
                ids.put(submitted, id);
                submittedIds.put(id, submitted);
            }
            for (IdentifiableType object : all) {
                object.setId(ids.get(object.getId()));
            }
        }

        private List<RegistryObjectType> registryObjects() {
            List<RegistryObjectType> objects = new ArrayList<>(extrinsicObjects);
            objects.addAll(packages);
            objects.addAll(associations);
            return objects;
        }

        /** A reference to an object of this message (by its submitted id) or to a stored one (by uuid). */
        private String reference(String submitted, String what, IdentifiableType from) {
            if (submitted == null || submitted.isBlank()) {
                throw error(what + " is missing", from);
            }
            String id = ids.get(submitted);
            if (id != null) {
                return id;
            }
            if (isUuid(submitted)) {
                return submitted.toLowerCase(Locale.ROOT);
            }
            throw error(what + " refers to an unknown object", from);
        }

        private void foldTopLevelChildren() {
            Map<String, RegistryObjectType> byId = new HashMap<>();
            for (RegistryObjectType ro : registryObjects()) {
                byId.put(ro.getId(), ro);
            }
            for (ClassificationType c : classifications) {
                RegistryObjectType parent = byId.get(reference(c.getClassifiedObject(), "classifiedObject", c));
                if (parent == null) {
                    throw error("Classification of an object outside the submission", c);
                }
                parent.getClassification().add(c);
            }
            for (ExternalIdentifierType ei : externalIdentifiers) {
                RegistryObjectType parent = byId.get(reference(ei.getRegistryObject(), "registryObject", ei));
                if (parent == null) {
                    throw error("ExternalIdentifier of an object outside the submission", ei);
                }
                parent.getExternalIdentifier().add(ei);
            }
            for (RegistryObjectType ro : registryObjects()) {
                for (ClassificationType c : ro.getClassification()) {
                    // The DMP sends author Classifications without classifiedObject: they belong to their parent.
                    if (c.getClassifiedObject() != null && !ro.getId().equals(reference(c.getClassifiedObject(), "classifiedObject", c))) {
                        throw error("nested Classification classifies another object", c);
                    }
                    c.setClassifiedObject(ro.getId());
                }
                for (ExternalIdentifierType ei : ro.getExternalIdentifier()) {
                    if (ei.getRegistryObject() != null && !ro.getId().equals(reference(ei.getRegistryObject(), "registryObject", ei))) {
                        throw error("nested ExternalIdentifier identifies another object", ei);
                    }
                    ei.setRegistryObject(ro.getId());
                }
            }
        }

        /**
         * UUIDs compare case-insensitively: scheme, node and objectType UUIDs are matched against the
         * lower-case vocabulary, so a source writing them in upper case is understood (and stored alike).
         */
        private void lowerCaseSchemeUuids() {
            for (ExtrinsicObjectType eo : extrinsicObjects) {
                eo.setObjectType(lowerUuid(eo.getObjectType()));
            }
            for (RegistryObjectType ro : registryObjects()) {
                for (ClassificationType c : ro.getClassification()) {
                    c.setClassificationScheme(lowerUuid(c.getClassificationScheme()));
                    c.setClassificationNode(lowerUuid(c.getClassificationNode()));
                }
                for (ExternalIdentifierType ei : ro.getExternalIdentifier()) {
                    ei.setIdentificationScheme(lowerUuid(ei.getIdentificationScheme()));
                }
            }
        }

        private boolean isClassifiedAs(RegistryPackageType rp, String node) {
            return rp.getClassification().stream().anyMatch(c -> node.equals(c.getClassificationNode()));
        }

        private SubmissionSet submissionSet(RegistryPackageType rp) {
            String loc = location(rp);
            Cx patientId = patientIds.check(externalIdentifier(rp, SS_PATIENT_ID, "XDSSubmissionSet.patientId"),
                    "XDSSubmissionSet.patientId");
            String uniqueId = externalIdentifier(rp, SS_UNIQUE_ID, "XDSSubmissionSet.uniqueId");
            if (!Identifiers.isOid(uniqueId)) {
                throw error("XDSSubmissionSet.uniqueId must be an OID of at most 64 characters", rp);
            }
            String sourceId = externalIdentifier(rp, SS_SOURCE_ID, "XDSSubmissionSet.sourceId");
            if (!Identifiers.isOid(sourceId)) {
                throw error("XDSSubmissionSet.sourceId must be an OID", rp);
            }
            Dtm submissionTime = Dtm.parse(Slots.single(rp, "submissionTime", true, loc), "submissionTime");
            Code contentType = singleCode(rp, SS_CONTENT_TYPE_CODE, "contentTypeCode");
            return new SubmissionSet(rp.getId(), uniqueId, patientId, sourceId, submissionTime, contentType,
                    authors(rp, SS_AUTHOR));
        }

        private DocumentEntry documentEntry(ExtrinsicObjectType eo, Cx submissionPatient) {
            String loc = location(eo);
            if (!DOCUMENT_ENTRY_STABLE.equals(eo.getObjectType())) {
                throw error(DOCUMENT_ENTRY_ON_DEMAND.equals(eo.getObjectType())
                        ? "on-demand DocumentEntries are not registered through this transaction"
                        : "ExtrinsicObject objectType must be the stable DocumentEntry type " + DOCUMENT_ENTRY_STABLE, eo);
            }
            if (eo.getMimeType() == null || eo.getMimeType().isBlank()) {
                throw error("XDSDocumentEntry.mimeType is missing", eo);
            }
            Cx patientId = Cx.parse(externalIdentifier(eo, DE_PATIENT_ID, "XDSDocumentEntry.patientId"),
                    "XDSDocumentEntry.patientId");
            if (!patientId.equals(submissionPatient)) {
                throw new XdsException(XdsErrorCode.XDSPatientIdDoesNotMatch,
                        "XDSDocumentEntry.patientId differs from the SubmissionSet's", loc);
            }
            String uniqueId = externalIdentifier(eo, DE_UNIQUE_ID, "XDSDocumentEntry.uniqueId");
            if (!Identifiers.isDocumentUniqueId(uniqueId)) {
                throw error("XDSDocumentEntry.uniqueId must be an OID or OID^extension (extension at most 16 characters)", eo);
            }
            Cx.parse(Slots.single(eo, "sourcePatientId", true, loc), "sourcePatientId");
            Slots.single(eo, "languageCode", true, loc);
            String legalAuthenticator = Slots.single(eo, "legalAuthenticator", false, loc);
            if (legalAuthenticator != null) {
                Xcn.parse(legalAuthenticator, "legalAuthenticator");
            }
            Dtm creationTime = Dtm.parse(Slots.single(eo, "creationTime", true, loc), "creationTime");
            Dtm serviceStart = optionalDtm(eo, "serviceStartTime");
            Dtm serviceStop = optionalDtm(eo, "serviceStopTime");
            String hash = Slots.single(eo, "hash", true, loc);
            if (!Identifiers.isSha1Hex(hash)) {
                throw error("slot hash must be the SHA-1 of the document in hexadecimal", eo);
            }
            String size = Slots.single(eo, "size", true, loc);
            if (!size.matches("\\d{1,18}")) {
                throw error("slot size must be a non-negative integer", eo);
            }
            String repositoryUniqueId = Slots.single(eo, "repositoryUniqueId", true, loc);
            if (!Identifiers.isOid(repositoryUniqueId)) {
                throw error("slot repositoryUniqueId must be an OID", eo);
            }
            List<Code> confidentiality = codes(eo, DE_CONFIDENTIALITY_CODE, "confidentialityCode");
            if (confidentiality.isEmpty()) {
                throw error("XDSDocumentEntry.confidentialityCode is missing", eo);
            }
            return new DocumentEntry(eo.getId(), uniqueId, patientId, eo.getObjectType(), eo.getMimeType(),
                    singleCode(eo, DE_CLASS_CODE, "classCode"),
                    singleCode(eo, DE_TYPE_CODE, "typeCode"),
                    singleCode(eo, DE_FORMAT_CODE, "formatCode"),
                    singleCode(eo, DE_PRACTICE_SETTING_CODE, "practiceSettingCode"),
                    singleCode(eo, DE_HEALTHCARE_FACILITY_TYPE_CODE, "healthcareFacilityTypeCode"),
                    confidentiality,
                    codes(eo, DE_EVENT_CODE, "eventCodeList"),
                    referenceIds(eo),
                    authors(eo, DE_AUTHOR),
                    creationTime, serviceStart, serviceStop,
                    hash.toLowerCase(Locale.ROOT), Long.parseLong(size), repositoryUniqueId);
        }

        /** The referenceIdList slot: CXi values, none of them empty; repeated values count once. */
        private List<String> referenceIds(ExtrinsicObjectType eo) {
            Set<String> ids = new LinkedHashSet<>();
            for (String value : Slots.values(eo, DE_REFERENCE_ID_LIST, location(eo))) {
                if (value == null || value.isBlank()) {
                    throw error("slot " + DE_REFERENCE_ID_LIST + " has an empty value", eo);
                }
                ids.add(value.trim());
            }
            return List.copyOf(ids);
        }

        private Folder folder(RegistryPackageType rp, Cx submissionPatient) {
            Cx patientId = Cx.parse(externalIdentifier(rp, FOLDER_PATIENT_ID, "XDSFolder.patientId"), "XDSFolder.patientId");
            if (!patientId.equals(submissionPatient)) {
                throw new XdsException(XdsErrorCode.XDSPatientIdDoesNotMatch,
                        "XDSFolder.patientId differs from the SubmissionSet's", location(rp));
            }
            String uniqueId = externalIdentifier(rp, FOLDER_UNIQUE_ID, "XDSFolder.uniqueId");
            if (!Identifiers.isOid(uniqueId)) {
                throw error("XDSFolder.uniqueId must be an OID of at most 64 characters", rp);
            }
            if (isEmpty(rp.getName())) {
                throw error("XDSFolder.title (Name) is missing", rp);
            }
            List<Code> codeList = codes(rp, FOLDER_CODE_LIST, "codeList");
            if (codeList.isEmpty()) {
                throw error("XDSFolder.codeList is missing", rp);
            }
            return new Folder(rp.getId(), uniqueId, patientId, codeList);
        }

        private Association association(AssociationType1 a) {
            if (!ASSOCIATION_TYPES.contains(a.getAssociationType())) {
                throw error("unknown associationType", a);
            }
            String source = reference(a.getSourceObject(), "sourceObject", a);
            String target = reference(a.getTargetObject(), "targetObject", a);
            a.setSourceObject(source);
            a.setTargetObject(target);
            String status = null;
            if (HAS_MEMBER.equals(a.getAssociationType())) {
                status = Slots.single(a, SUBMISSION_SET_STATUS, false, location(a));
                if (status != null && !status.equals(ORIGINAL) && !status.equals(REFERENCE)) {
                    throw error("SubmissionSetStatus must be Original or Reference", a);
                }
                // ITI TF-3 4.2.2.2: the documentation Classification explains document relationships only.
                if (a.getClassification().stream().anyMatch(c -> ASSOCIATION_DOCUMENTATION.equals(c.getClassificationScheme()))) {
                    throw error("a HasMember Association cannot carry the association documentation Classification "
                            + ASSOCIATION_DOCUMENTATION, a);
                }
            }
            return new Association(a.getId(), a.getAssociationType(), source, target, status);
        }

        private void checkUniqueIdsDistinct(SubmissionSet ss, List<DocumentEntry> entries, List<Folder> folders) {
            Set<String> seen = new HashSet<>();
            seen.add(ss.uniqueId());
            for (DocumentEntry entry : entries) {
                if (!seen.add(entry.uniqueId())) {
                    throw new XdsException(XdsErrorCode.XDSRegistryDuplicateUniqueIdInMessage,
                            "uniqueId used twice in the submission", submittedIds.get(entry.entryUuid()));
                }
            }
            for (Folder folder : folders) {
                if (!seen.add(folder.uniqueId())) {
                    throw new XdsException(XdsErrorCode.XDSRegistryDuplicateUniqueIdInMessage,
                            "uniqueId used twice in the submission", submittedIds.get(folder.entryUuid()));
                }
            }
        }

        /**
         * ITI TF-3 4.1.4 and 4.2.2.1: every DocumentEntry and Folder of the submission is a member of its
         * SubmissionSet. SubmissionSetStatus says how: Original for an object submitted with the set
         * (required on DocumentEntries), Reference for an object registered earlier (required then; the
         * caller checks that it is registered).
         */
        private void checkMembership(SubmissionSet ss, List<DocumentEntry> entries, List<Folder> folders,
                                     List<Association> links, Set<String> submitted) {
            Set<String> documents = new HashSet<>();
            entries.forEach(entry -> documents.add(entry.entryUuid()));
            Set<String> members = new HashSet<>();
            for (Association a : links) {
                if (!HAS_MEMBER.equals(a.type()) || !ss.entryUuid().equals(a.sourceObject())) {
                    continue;
                }
                String location = submittedIds.get(a.entryUuid());
                String status = a.submissionSetStatus();
                if (submitted.contains(a.targetObject())) {
                    if (documents.contains(a.targetObject()) && status == null) {
                        throw metadataError("HasMember from the SubmissionSet to a DocumentEntry needs the "
                                + SUBMISSION_SET_STATUS + " slot", location);
                    }
                    if (REFERENCE.equals(status)) {
                        throw metadataError(SUBMISSION_SET_STATUS + " Reference names an object submitted with the set:"
                                + " it is Original", location);
                    }
                } else if (!REFERENCE.equals(status)) {
                    throw metadataError("HasMember from the SubmissionSet to a registered object needs "
                            + SUBMISSION_SET_STATUS + " Reference", location);
                }
                members.add(a.targetObject());
            }
            for (DocumentEntry entry : entries) {
                if (!members.contains(entry.entryUuid())) {
                    throw metadataError("DocumentEntry is not a member (HasMember) of the SubmissionSet",
                            submittedIds.get(entry.entryUuid()));
                }
            }
            for (Folder folder : folders) {
                if (!members.contains(folder.entryUuid())) {
                    throw metadataError("Folder is not a member (HasMember) of the SubmissionSet",
                            submittedIds.get(folder.entryUuid()));
                }
            }
        }

        private String externalIdentifier(RegistryObjectType ro, String scheme, String attribute) {
            String value = null;
            for (ExternalIdentifierType ei : ro.getExternalIdentifier()) {
                if (scheme.equals(ei.getIdentificationScheme())) {
                    if (value != null) {
                        throw error(attribute + " appears more than once", ro);
                    }
                    value = ei.getValue();
                }
            }
            if (value == null || value.isBlank()) {
                throw error(attribute + " is missing", ro);
            }
            return value.trim();
        }

        private Code singleCode(RegistryObjectType ro, String scheme, String attribute) {
            List<Code> codes = codes(ro, scheme, attribute);
            if (codes.size() != 1) {
                throw error(codes.isEmpty() ? attribute + " is missing" : attribute + " must appear exactly once", ro);
            }
            return codes.get(0);
        }

        private List<Code> codes(RegistryObjectType ro, String scheme, String attribute) {
            List<Code> codes = new ArrayList<>();
            for (ClassificationType c : ro.getClassification()) {
                if (scheme.equals(c.getClassificationScheme())) {
                    String code = c.getNodeRepresentation();
                    if (code == null || code.isBlank()) {
                        throw error(attribute + ": the code (nodeRepresentation) is missing", c);
                    }
                    String codingScheme = Slots.single(c, "codingScheme", false, location(c));
                    if (codingScheme == null) {
                        throw error(attribute + ": the codingScheme slot is missing", c);
                    }
                    codes.add(new Code(code, codingScheme, text(c.getName())));
                }
            }
            return List.copyOf(codes);
        }

        private List<Author> authors(RegistryObjectType ro, String scheme) {
            List<Author> authors = new ArrayList<>();
            for (ClassificationType c : ro.getClassification()) {
                if (!scheme.equals(c.getClassificationScheme())) {
                    continue;
                }
                String loc = location(c);
                if (c.getNodeRepresentation() != null && !c.getNodeRepresentation().isEmpty()) {
                    throw error("author Classification must have an empty nodeRepresentation", c);
                }
                String person = Slots.single(c, "authorPerson", false, loc);
                if (person != null) {
                    Xcn.parse(person, "authorPerson");
                }
                List<String> institutions = Slots.values(c, "authorInstitution", loc);
                institutions.forEach(value -> Xon.parse(value, "authorInstitution"));
                List<String> telecoms = Slots.values(c, "authorTelecommunication", loc);
                telecoms.forEach(value -> Xtn.parse(value, "authorTelecommunication"));
                List<String> roles = Slots.values(c, "authorRole", loc);
                List<String> specialties = Slots.values(c, "authorSpecialty", loc);
                if (person == null && institutions.isEmpty() && roles.isEmpty() && specialties.isEmpty() && telecoms.isEmpty()) {
                    throw error("author Classification has none of authorPerson, authorInstitution, authorRole, "
                            + "authorSpecialty, authorTelecommunication", c);
                }
                authors.add(new Author(person, List.copyOf(institutions), List.copyOf(roles),
                        List.copyOf(specialties), List.copyOf(telecoms)));
            }
            return List.copyOf(authors);
        }

        private Dtm optionalDtm(RegistryObjectType ro, String slot) {
            String value = Slots.single(ro, slot, false, location(ro));
            return value == null ? null : Dtm.parse(value, slot);
        }

        private String location(IdentifiableType object) {
            return submittedIds.getOrDefault(object.getId(), object.getId());
        }

        private XdsException error(String message, IdentifiableType object) {
            return new XdsException(XdsErrorCode.XDSRegistryMetadataError, message, location(object));
        }
    }

    /** ebRIM VersionInfo of a first version: ITI-57 numbers later versions 2, 3, ... */
    private static VersionInfoType firstVersion() {
        VersionInfoType version = new VersionInfoType();
        version.setVersionName("1");
        return version;
    }

    private static XdsException metadataError(String message, String location) {
        return new XdsException(XdsErrorCode.XDSRegistryMetadataError, message, location);
    }

    private static String lowerUuid(String value) {
        return isUuid(value) ? value.toLowerCase(Locale.ROOT) : value;
    }

    private static boolean isEmpty(InternationalStringType name) {
        return text(name) == null;
    }

    private static String text(InternationalStringType name) {
        if (name == null || name.getLocalizedString().isEmpty()) {
            return null;
        }
        String value = name.getLocalizedString().get(0).getValue();
        return value == null || value.isBlank() ? null : value;
    }
}
