package org.opendmp.registry.testsupport;

import static org.opendmp.registry.ebrim.XdsVocabulary.HAS_MEMBER;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.opendmp.wsdl.lcm.SubmitObjectsRequest;

/**
 * Test submissions built from one ITI-42 template (submission.xml) with fresh uniqueIds and
 * a chosen patient; {@link #NIR} and {@link #nir(long)} give valid test INS numbers.
 */
public final class Submissions {

    public static final String INS_TEST_OID = "1.2.250.1.213.1.4.10";
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime());
    private static final JAXBContext CONTEXT;

    static {
        try {
            CONTEXT = JAXBContext.newInstance(SubmitObjectsRequest.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Submissions() {
    }

    /** A valid INS-NIR built from 13 digits (key = 97 - n mod 97). */
    public static String nir(long thirteenDigits) {
        return String.format("%013d%02d", thirteenDigits, 97 - thirteenDigits % 97);
    }

    public static String patient(String nir) {
        return nir + "^^^&" + INS_TEST_OID + "&ISO";
    }

    public static long next() {
        return SEQUENCE.incrementAndGet();
    }

    /** The template's text with placeholders replaced; tweak it before {@link #parse}. */
    public static String template(String patientId, long id) {
        try (InputStream in = Submissions.class.getResourceAsStream("/submission.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@PATIENT@", patientId.replace("&", "&amp;"))
                    .replace("@DOCUMENT_UID@", "1.2.250.1.999.2.3." + id)
                    .replace("@SUBMISSION_UID@", "1.2.250.1.999.2.1." + id);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds a referenceIdList slot (CXi values) to the template's Document01. */
    public static String withReferenceIds(String xml, String... cxi) {
        StringBuilder values = new StringBuilder();
        for (String value : cxi) {
            values.append("<Value>").append(escape(value)).append("</Value>");
        }
        return xml.replace("<Slot name=\"creationTime\">", "<Slot name=\"urn:ihe:iti:xds:2013:referenceIdList\"><ValueList>"
                + values + "</ValueList></Slot><Slot name=\"creationTime\">");
    }

    /**
     * Adds Document02, a copy of the template's Document01 with the document uniqueId
     * {@code 1.2.250.1.999.2.3.<id>}, member (Original) of the SubmissionSet.
     */
    public static String withSecondDocument(String xml, long id) {
        int start = xml.indexOf("<ExtrinsicObject id=\"Document01\"");
        int end = xml.indexOf("</ExtrinsicObject>", start) + "</ExtrinsicObject>".length();
        String copy = xml.substring(start, end).replace("Document01", "Document02")
                .replaceAll("id=\"([a-z]+)01\"", "id=\"$102\"")
                .replaceAll("1\\.2\\.250\\.1\\.999\\.2\\.3\\.\\d+", "1.2.250.1.999.2.3." + id);
        return withSetMember(xml.substring(0, end) + copy + xml.substring(end), "Document02", "Original");
    }

    /** Adds confidentialityCode values ({@code code^^scheme}) to one DocumentEntry (symbolic id). */
    public static String withConfidentiality(String xml, String documentId, String... codes) {
        String anchor = "<Classification classificationScheme=\"urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d\""
                + " classifiedObject=\"" + documentId + "\"";
        StringBuilder added = new StringBuilder();
        for (String code : codes) {
            String[] parts = code.split("\\^\\^");
            added.append("<Classification classificationScheme=\"urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f\"")
                    .append(" classifiedObject=\"").append(documentId).append("\" id=\"conf").append(next())
                    .append("\" nodeRepresentation=\"").append(escape(parts[0])).append("\">")
                    .append("<Slot name=\"codingScheme\"><ValueList><Value>").append(escape(parts[1]))
                    .append("</Value></ValueList></Slot></Classification>");
        }
        return xml.replace(anchor, added + anchor);
    }

    /** Sets the typeCode of one DocumentEntry (symbolic id) to {@code code} of {@code scheme}. */
    public static String withTypeCode(String xml, String documentId, String code, String scheme) {
        return xml.replaceAll("(?s)(<Classification classificationScheme=\"urn:uuid:f0306f51-975f-434e-a61c-c59651d33983\""
                + " classifiedObject=\"" + documentId + "\" id=\"[^\"]+\") nodeRepresentation=\"[^\"]*\">\\s*"
                + "<Slot name=\"codingScheme\"><ValueList><Value>[^<]*</Value>",
                "$1 nodeRepresentation=\"" + code + "\"><Slot name=\"codingScheme\"><ValueList><Value>" + scheme + "</Value>");
    }

    /**
     * Adds a Folder (symbolic id {@code folderId}) of the patient, member of the submission set,
     * with these codeList codes ({@code code^^scheme}) and these members (symbolic ids or UUIDs).
     */
    public static String withFolder(String xml, String patientId, String folderId, String uniqueId, List<String> codes,
                                    String... members) {
        StringBuilder folder = new StringBuilder("<RegistryPackage id=\"" + folderId + "\">"
                + "<Name><LocalizedString value=\"Example folder\"/></Name>");
        int n = 0;
        for (String code : codes) {
            String[] parts = code.split("\\^\\^");
            folder.append("<Classification classificationScheme=\"urn:uuid:1ba97051-7806-41a8-a48b-8fce7af683c5\"")
                    .append(" classifiedObject=\"").append(folderId).append("\" id=\"").append(folderId).append("-code")
                    .append(++n).append("\" nodeRepresentation=\"").append(escape(parts[0])).append("\">")
                    .append("<Slot name=\"codingScheme\"><ValueList><Value>").append(escape(parts[1]))
                    .append("</Value></ValueList></Slot><Name><LocalizedString value=\"").append(escape(parts[0]))
                    .append("\"/></Name></Classification>");
        }
        folder.append(externalIdentifier(folderId, "-pid", "urn:uuid:f64ffdf0-4b97-4e06-b79f-a52b38ec2f8a", patientId,
                "XDSFolder.patientId"));
        folder.append(externalIdentifier(folderId, "-uid", "urn:uuid:75df8f67-9973-4fbe-a900-df66cefecc5a", uniqueId,
                "XDSFolder.uniqueId"));
        folder.append("</RegistryPackage><Classification classificationNode=\"urn:uuid:d9d542f3-6cc4-48b6-8870-ea235fbc94c2\""
                + " classifiedObject=\"" + folderId + "\" id=\"" + folderId + "-node\"/>");
        folder.append("<Association associationType=\"" + HAS_MEMBER + "\" id=\"" + folderId + "-in-set\""
                + " sourceObject=\"SubmissionSet01\" targetObject=\"" + folderId + "\">"
                + "<Slot name=\"SubmissionSetStatus\"><ValueList><Value>Original</Value></ValueList></Slot></Association>");
        String withFolder = xml.replace("</RegistryObjectList>", folder + "</RegistryObjectList>");
        for (String member : members) {
            withFolder = withAssociation(withFolder, HAS_MEMBER, folderId, member);
        }
        return withFolder;
    }

    /** Adds an Association between two objects (symbolic ids or UUIDs). */
    public static String withAssociation(String xml, String type, String source, String target) {
        String id = "assoc" + next();
        return xml.replace("</RegistryObjectList>", "<Association associationType=\"" + type + "\" id=\"" + id
                + "\" sourceObject=\"" + source + "\" targetObject=\"" + target + "\"/></RegistryObjectList>");
    }

    /** Adds an Association with this symbolic id, so that other Associations can refer to it. */
    public static String withAssociation(String xml, String id, String type, String source, String target) {
        return xml.replace("</RegistryObjectList>", "<Association associationType=\"" + type + "\" id=\"" + id
                + "\" sourceObject=\"" + source + "\" targetObject=\"" + target + "\"/></RegistryObjectList>");
    }

    /** Adds a HasMember from the SubmissionSet to {@code target} with this SubmissionSetStatus (Original, Reference). */
    public static String withSetMember(String xml, String target, String submissionSetStatus) {
        return xml.replace("</RegistryObjectList>", "<Association associationType=\"" + HAS_MEMBER + "\" id=\"assoc"
                + next() + "\" sourceObject=\"SubmissionSet01\" targetObject=\"" + target + "\">"
                + "<Slot name=\"SubmissionSetStatus\"><ValueList><Value>" + submissionSetStatus
                + "</Value></ValueList></Slot></Association></RegistryObjectList>");
    }

    /**
     * An ITI-57 new version of a DocumentEntry registered from the template with sequence
     * {@code sequence} (same uniqueId), logicalID {@code lid}, PreviousVersion
     * {@code previousVersion}, with these extra confidentialityCodes ({@code code^^scheme}).
     */
    public static String newVersion(String patientId, long sequence, String lid, int previousVersion, String... codes) {
        String xml = template(patientId, sequence)
                .replace("1.2.250.1.999.2.1." + sequence, "1.2.250.1.999.2.1." + next())
                .replace("<ExtrinsicObject id=\"Document01\"", "<ExtrinsicObject id=\"Document01\" lid=\"" + lid + "\"")
                .replace("<Value>Original</Value></ValueList></Slot>", "<Value>Original</Value></ValueList></Slot>"
                        + "<Slot name=\"PreviousVersion\"><ValueList><Value>" + previousVersion + "</Value></ValueList></Slot>");
        return withConfidentiality(xml, "Document01", codes);
    }

    /** An ITI-57 request changing the availabilityStatus of {@code target} (an entryUUID). */
    public static String statusUpdate(String patientId, String target, String originalStatus, String newStatus) {
        return template(patientId, next())
                .replaceAll("(?s)<ExtrinsicObject.*</ExtrinsicObject>", "")
                .replaceAll("(?s)<Association [^>]*id=\"member01\".*?</Association>", "")
                .replace("</RegistryObjectList>", "<Association associationType=\""
                        + "urn:ihe:iti:2010:AssociationType:UpdateAvailabilityStatus\" id=\"status01\""
                        + " sourceObject=\"SubmissionSet01\" targetObject=\"" + target + "\">"
                        + "<Slot name=\"OriginalStatus\"><ValueList><Value>" + originalStatus + "</Value></ValueList></Slot>"
                        + "<Slot name=\"NewStatus\"><ValueList><Value>" + newStatus + "</Value></ValueList></Slot>"
                        + "</Association></RegistryObjectList>");
    }

    /** The template's document again (same uniqueId, hash and size) in a new SubmissionSet. */
    public static String resubmission(String patientId, long id) {
        return template(patientId, id).replace("1.2.250.1.999.2.1." + id, "1.2.250.1.999.2.1." + next());
    }

    private static String externalIdentifier(String objectId, String suffix, String scheme, String value, String name) {
        return "<ExternalIdentifier id=\"" + objectId + suffix + "\" identificationScheme=\"" + scheme + "\""
                + " registryObject=\"" + objectId + "\" value=\"" + escape(value) + "\">"
                + "<Name><LocalizedString value=\"" + name + "\"/></Name></ExternalIdentifier>";
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    public static SubmitObjectsRequest parse(String xml) {
        try {
            return (SubmitObjectsRequest) CONTEXT.createUnmarshaller().unmarshal(new StringReader(xml));
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    }
}
