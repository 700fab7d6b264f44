package org.opendmp.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's SOAP messages, built from the README's example metadata
 * (examples/iti41-metadata.xml) with fresh uniqueIds for every submission.
 */
final class Messages {

    static final String SOAP12 = "application/soap+xml; charset=UTF-8";
    static final String SUCCESS = "ResponseStatusType:Success";
    /** The status of a successful answer of the DMP's own web services (TD0.x). */
    static final String DMP_OK = "DMPOk";
    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final String BOUNDARY = "MIMEBoundary_bench";
    static final String MTOM = "multipart/related; type=\"application/xop+xml\"; boundary=\"" + BOUNDARY
            + "\"; start=\"<root@bench>\"; start-info=\"application/soap+xml\"";

    private final String metadataTemplate;
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);

    Messages(Path examples) throws IOException {
        metadataTemplate = Files.readString(examples.resolve("iti41-metadata.xml"));
    }

    static String nir(long thirteenDigits) {
        return String.format("%013d%02d", thirteenDigits, 97 - thirteenDigits % 97);
    }

    /** The 13 digits of bench patient 0's NIR; patient n has this plus n. */
    static final long FIRST_PATIENT = 1_850_175_000_000L;

    /** Bench patient number n (0-based) as an XDS patient id (INS-NIR, test OID). */
    static String patient(int n) {
        return nir(FIRST_PATIENT + n) + "^^^&1.2.250.1.213.1.4.10&ISO";
    }

    /** ITI-41 with one document, as MTOM. */
    byte[] provide(int patient, byte[] document) {
        String metadata = fill(metadataTemplate, patient, sequence.incrementAndGet());
        ByteArrayOutputStream out = new ByteArrayOutputStream(document.length + 8192);
        write(out, "--" + BOUNDARY + "\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"\r\n"
                + "Content-ID: <root@bench>\r\n\r\n");
        write(out, envelope("urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b",
                "<xdsb:ProvideAndRegisterDocumentSetRequest xmlns:xdsb=\"urn:ihe:iti:xds-b:2007\">" + metadata
                        + "<xdsb:Document id=\"Document01\"><xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\""
                        + " href=\"cid:doc@bench\"/></xdsb:Document></xdsb:ProvideAndRegisterDocumentSetRequest>"));
        write(out, "\r\n--" + BOUNDARY + "\r\nContent-Type: text/xml\r\nContent-Transfer-Encoding: binary\r\n"
                + "Content-ID: <doc@bench>\r\n\r\n");
        out.writeBytes(document);
        write(out, "\r\n--" + BOUNDARY + "--\r\n");
        return out.toByteArray();
    }

    /** An ITI-42 message and the sequence number its uniqueIds and entryUUIDs derive from. */
    record Registration(byte[] body, long id) {
    }

    /**
     * ITI-42 registering {@code documents} DocumentEntries for one patient in one submission.
     * Entry k gets the entryUUID {@link #entryUuid}(id, k) and the uniqueId
     * {@link #documentUniqueId}(id, k); even entries are consultation notes (class 10, LOINC
     * 11488-4), odd ones medical summaries (class 11, LOINC 60591-5), creation times spread
     * over the months of 2026.
     */
    Registration register(int patient, int documents, byte[] document) {
        long id = sequence.incrementAndGet();
        String filled = fill(metadataTemplate, patient, id);
        int eoStart = filled.indexOf("<ExtrinsicObject");
        int eoEnd = filled.indexOf("</ExtrinsicObject>") + "</ExtrinsicObject>".length();
        String entry = withRepositorySlots(filled.substring(eoStart, eoEnd), document);
        StringBuilder entries = new StringBuilder();
        StringBuilder members = new StringBuilder();
        for (int k = 0; k < documents; k++) {
            String suffix = "_" + k;
            String uuid = entryUuid(id, k);
            String one = entry.replaceAll("(id|classifiedObject|registryObject)=\"([A-Za-z]+)01\"", "$1=\"$2" + suffix + "\"")
                    .replace("\"Document" + suffix + "\"", "\"" + uuid + "\"")
                    .replace(documentUniqueId(id) + "<", documentUniqueId(id, k) + "<")
                    .replace(documentUniqueId(id) + "\"", documentUniqueId(id, k) + "\"")
                    .replace("<Value>20261123100000</Value>", "<Value>2026" + String.format("%02d", 1 + k % 12) + "15100000</Value>");
            if (k % 2 == 1) {
                one = one.replace("nodeRepresentation=\"10\"", "nodeRepresentation=\"11\"")
                        .replace("<LocalizedString value=\"Compte rendu\"/>", "<LocalizedString value=\"Synthese\"/>")
                        .replace("nodeRepresentation=\"11488-4\"", "nodeRepresentation=\"60591-5\"")
                        .replace("<LocalizedString value=\"Consultation note\"/>", "<LocalizedString value=\"Patient summary\"/>");
            }
            entries.append(one);
            members.append("<Association associationType=\"urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember\" id=\"member")
                    .append(suffix).append("\" sourceObject=\"SubmissionSet01\" targetObject=\"").append(uuid)
                    .append("\"><Slot name=\"SubmissionSetStatus\"><ValueList><Value>Original</Value></ValueList></Slot></Association>");
        }
        int memberStart = filled.indexOf("<Association");
        int memberEnd = filled.indexOf("</Association>") + "</Association>".length();
        String metadata = filled.substring(0, eoStart) + entries + filled.substring(eoEnd, memberStart) + members
                + filled.substring(memberEnd);
        return new Registration(envelope("urn:ihe:iti:2007:RegisterDocumentSet-b", metadata).getBytes(StandardCharsets.UTF_8), id);
    }

    /** ITI-42 registering one new document that replaces (RPLC) an existing entry of the same patient. */
    byte[] replace(int patient, String originalEntryUuid, byte[] document) {
        long id = sequence.incrementAndGet();
        String filled = fill(metadataTemplate, patient, id);
        int eoStart = filled.indexOf("<ExtrinsicObject");
        int eoEnd = filled.indexOf("</ExtrinsicObject>") + "</ExtrinsicObject>".length();
        int end = filled.indexOf("</RegistryObjectList>");
        String metadata = filled.substring(0, eoStart) + withRepositorySlots(filled.substring(eoStart, eoEnd), document)
                + filled.substring(eoEnd, end)
                + "<Association associationType=\"urn:ihe:iti:2007:AssociationType:RPLC\" id=\"replaces01\""
                + " sourceObject=\"Document01\" targetObject=\"" + originalEntryUuid + "\"/>"
                + filled.substring(end);
        return envelope("urn:ihe:iti:2007:RegisterDocumentSet-b", metadata).getBytes(StandardCharsets.UTF_8);
    }

    static String entryUuid(long id, int k) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("opendmp-bench-" + id + "-" + k).getBytes(StandardCharsets.UTF_8));
    }

    static String documentUniqueId(long id, int k) {
        return documentUniqueId(id) + "." + k;
    }

    static String submissionSetUniqueId(long id) {
        return "1.2.250.1.999.1.1.42.1." + id;
    }

    private static String documentUniqueId(long id) {
        return "1.2.250.1.999.1.1.42.3." + id;
    }

    /** ITI-42 needs what ITI-41's repository would have set: hash, size, repositoryUniqueId. */
    private static String withRepositorySlots(String extrinsicObject, byte[] document) {
        return extrinsicObject.replace("<Slot name=\"sourcePatientId\">",
                "<Slot name=\"hash\"><ValueList><Value>" + sha1(document) + "</Value></ValueList></Slot>"
                        + "<Slot name=\"size\"><ValueList><Value>" + document.length + "</Value></ValueList></Slot>"
                        + "<Slot name=\"repositoryUniqueId\"><ValueList><Value>1.2.250.1.213.4.1.1.1.2</Value></ValueList></Slot>"
                        + "<Slot name=\"sourcePatientId\">");
    }

    /** Bench patient n as a VIHF resource-id (INS-NIR as CX, type NH). */
    static String vihfResourceId(int n) {
        return nir(FIRST_PATIENT + n) + "^^^&1.2.250.1.213.1.4.10&ISO^NH";
    }

    /** A wsse:Security header carrying one serialized VIHF assertion. */
    static String security(String assertion) {
        return "<wsse:Security xmlns:wsse=\"" + WSSE + "\">" + assertion + "</wsse:Security>";
    }

    static byte[] findDocuments(int patient) {
        return findDocuments(patient, "");
    }

    /** FindDocuments (patient, status Approved) with {@code header} (e.g. a {@link #security} header) added. */
    static byte[] findDocuments(int patient, String header) {
        return storedQuery("urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d",
                slot("$XDSDocumentEntryPatientId", "'" + patient(patient) + "'")
                        + slot("$XDSDocumentEntryStatus", "('urn:oasis:names:tc:ebxml-regrep:StatusType:Approved')"), header);
    }

    /**
     * TD0.3 setAuthorization AJOUT: the VIHF's professional declares the patient of its resource-id
     * authorized them (reading in normal access needs it).
     */
    static byte[] setAuthorization(String security) {
        return envelope("urn:si-dmp-habilitations:HabilitationsEndPoint:setAuthorization", security,
                "<setAuthorization xmlns=\"urn:si-dmp-habilitations\"><action>AJOUT</action></setAuthorization>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** FindDocuments narrowed by class, type, practice setting, confidentiality and a creation-time range. */
    static byte[] findDocumentsByCodes(int patient) {
        return storedQuery("urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d",
                slot("$XDSDocumentEntryPatientId", "'" + patient(patient) + "'")
                        + slot("$XDSDocumentEntryStatus", "('urn:oasis:names:tc:ebxml-regrep:StatusType:Approved')")
                        + slot("$XDSDocumentEntryClassCode", "('10^^1.2.250.1.213.1.1.4.1')")
                        + slot("$XDSDocumentEntryTypeCode", "('11488-4^^2.16.840.1.113883.6.1')")
                        + slot("$XDSDocumentEntryPracticeSettingCode", "('AMBULATOIRE^^1.2.250.1.213.1.1.4.9')")
                        + slot("$XDSDocumentEntryConfidentialityCode", "('N^^2.16.840.1.113883.5.25')")
                        + slot("$XDSDocumentEntryCreationTimeFrom", "20260101")
                        + slot("$XDSDocumentEntryCreationTimeTo", "20260701"));
    }

    static byte[] getSubmissionSetAndContents(String submissionSetUniqueId) {
        return storedQuery("urn:uuid:e8e3cb2c-e39c-46b9-99e4-c12f57260b83",
                slot("$XDSSubmissionSetUniqueId", "'" + submissionSetUniqueId + "'"));
    }

    static byte[] getRelatedDocuments(String documentUniqueId) {
        return storedQuery("urn:uuid:d90e5407-b356-4d91-a89f-873917b4b0e6",
                slot("$XDSDocumentEntryUniqueId", "'" + documentUniqueId + "'")
                        + slot("$AssociationTypes", "('urn:ihe:iti:2007:AssociationType:RPLC')"));
    }

    private static byte[] storedQuery(String id, String slots) {
        return storedQuery(id, slots, "");
    }

    private static byte[] storedQuery(String id, String slots, String header) {
        return envelope("urn:ihe:iti:2007:RegistryStoredQuery", header,
                "<query:AdhocQueryRequest xmlns:query=\"urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0\""
                        + " xmlns:rim=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\">"
                        + "<query:ResponseOption returnComposedObjects=\"true\" returnType=\"LeafClass\"/>"
                        + "<rim:AdhocQuery id=\"" + id + "\">" + slots + "</rim:AdhocQuery></query:AdhocQueryRequest>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String slot(String name, String value) {
        return "<rim:Slot name=\"" + name + "\"><rim:ValueList><rim:Value>" + value.replace("&", "&amp;")
                + "</rim:Value></rim:ValueList></rim:Slot>";
    }

    static byte[] retrieve(String uniqueId) {
        return envelope("urn:ihe:iti:2007:RetrieveDocumentSet",
                "<xdsb:RetrieveDocumentSetRequest xmlns:xdsb=\"urn:ihe:iti:xds-b:2007\"><xdsb:DocumentRequest>"
                        + "<xdsb:RepositoryUniqueId>1.2.250.1.213.4.1.1.1.2</xdsb:RepositoryUniqueId>"
                        + "<xdsb:DocumentUniqueId>" + uniqueId + "</xdsb:DocumentUniqueId>"
                        + "</xdsb:DocumentRequest></xdsb:RetrieveDocumentSetRequest>").getBytes(StandardCharsets.UTF_8);
    }

    /** The uniqueId the last {@link #provide} call gave its document. */
    String lastDocumentUniqueId() {
        return documentUniqueId(sequence.get());
    }

    /** A CDA-shaped XML document of about {@code size} bytes. */
    static byte[] cda(int size) {
        StringBuilder text = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\">"
                + "<title>Benchmark document</title><component><nonXMLBody><text mediaType=\"text/plain\">");
        while (text.length() < size - 60) {
            text.append("Synthetic benchmark content, no patient data. ");
        }
        text.append("</text></nonXMLBody></component></ClinicalDocument>");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String fill(String template, int patient, long id) {
        return template.replace("@PATIENT@", patient(patient).replace("&", "&amp;"))
                .replace("@DOCUMENT_UID@", documentUniqueId(id))
                .replace("@SUBMISSION_UID@", submissionSetUniqueId(id));
    }

    private static String envelope(String action, String body) {
        return envelope(action, "", body);
    }

    private static String envelope(String action, String header, String body) {
        return "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://www.w3.org/2005/08/addressing\">"
                + "<s:Header><a:Action s:mustUnderstand=\"true\">" + action + "</a:Action><a:MessageID>urn:uuid:"
                + UUID.randomUUID() + "</a:MessageID>" + header + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha1(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
